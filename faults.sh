#!/usr/bin/env bash
# The fault suite: the production configuration on loopback (PostgreSQL, RabbitMQ, the S3 test server, the web app,
# a recorder and two cutting workers, each its own process), a steady load of clip requests and snapshot posts, and
# one fault at a time; then a table of what became of every request. Exits non-zero when anything was lost, cut twice,
# left orphaned, answered with a 5xx other than 503, or not recovered by itself.
# Usage: ./faults.sh [--worker-kills 50] [--broker-down 20] [--burst 50] [--store-down 30] [--database-down 5]
#                    [--web-clips 8] [--disk-full 20] [--cycles 1000] [--only worker,broker,store,database,web,disk,cycles]
# Needs root (or sudo) once, to mount the small filesystem the buffer is filled on.
set -euo pipefail
cd "$(dirname "$0")"
source scripts/common.sh

require_dotnet
ensure_packages postgresql rabbitmq-server ffmpeg fonts-dejavu-core
ensure_commands node:nodejs npm:npm
ensure_web_packages
npm_ci tools/s3-test-server "the S3 test server's npm packages"
[ "$(id -u)" -eq 0 ] || die "the fault suite mounts a small filesystem to fill the buffer's disk for real, which needs root: run it with sudo"

log "building"
dotnet build DogMonitor.sln -c Release --nologo -v quiet -clp:ErrorsOnly
exec dotnet run --project tools/DogMonitor.Faults -c Release --no-build -- "$@"
