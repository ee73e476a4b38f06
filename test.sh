#!/usr/bin/env bash
# Runs every DogMonitor test on a fresh Debian machine. Installs what is missing (Debian packages,
# npm packages, NuGet restore), starts PostgreSQL, RabbitMQ and an S3 server as plain processes on loopback,
# runs the whole suite, stops them again, and ends with "N passed, N failed".
set -euo pipefail
cd "$(dirname "$0")"
source scripts/common.sh

require_dotnet
ensure_packages python3 postgresql rabbitmq-server ffmpeg fonts-dejavu-core curl ca-certificates chromium \
  gir1.2-gst-rtsp-server-1.0 python3-gi gstreamer1.0-plugins-base gstreamer1.0-plugins-good gstreamer1.0-plugins-ugly gstreamer1.0-plugins-bad  # a real RTSP camera
ensure_commands node:nodejs npm:npm
ensure_web_packages
ensure_test_packages

WORK=$(mktemp -d /tmp/dogmonitor-test.XXXXXX)
chmod 755 "$WORK"
cleanup() { stop_s3; stop_rabbitmq; stop_postgres; rm -rf "$WORK"; }
trap cleanup EXIT

start_postgres "$WORK/postgres"
start_s3 "$WORK/s3"
start_rabbitmq "$WORK/rabbitmq"
export DOGMONITOR_TEST_POSTGRES="$POSTGRES_ADMIN"
export DOGMONITOR_TEST_S3_ENDPOINT="http://127.0.0.1:$S3_PORT"
export DOGMONITOR_TEST_S3_ACCESS_KEY="$S3_KEY"
export DOGMONITOR_TEST_S3_SECRET_KEY="$S3_SECRET"
export DOGMONITOR_TEST_RABBITMQ="amqp://guest:guest@127.0.0.1:$RABBITMQ_PORT/"

log "building"
dotnet build DogMonitor.sln -c Release --nologo -v quiet -clp:ErrorsOnly
# The browser tests also run the app as a person installs it: the publish output, in Production.
dotnet publish DogMonitor.Web -c Release --no-build --nologo -v quiet -clp:ErrorsOnly -o "$WORK/published"
export DOGMONITOR_TEST_PUBLISHED_APP="$WORK/published"

log "running the .NET tests"
set +e
dotnet test DogMonitor.sln -c Release --no-build --nologo \
  --logger "trx;LogFileName=dotnet.trx" --results-directory "$WORK/results" "$@"
dotnet_exit=$?
set -e
# DOGMONITOR_KEEP_RESULTS=DIR keeps the .trx (each test's time) after the run, which otherwise goes with $WORK.
if [ -n "${DOGMONITOR_KEEP_RESULTS:-}" ]; then mkdir -p "$DOGMONITOR_KEEP_RESULTS" && cp -r "$WORK/results/." "$DOGMONITOR_KEEP_RESULTS/"; fi

log "running the S3 test server's own tests"
set +e
node --test tools/s3-test-server/test/*.test.js > "$WORK/node-tests.tap" 2>&1
node_exit=$?
set -e
tail -n 12 "$WORK/node-tests.tap"

# Only a result that says Passed passes; everything else is counted as failed and named. Ends "N passed, N failed".
python3 scripts/test_results.py "$WORK/results" "$WORK/node-tests.tap" "$dotnet_exit" "$node_exit"
