#!/usr/bin/env bash
# Benchmarks listing snapshots at depth (keyset vs. an OFFSET baseline) on SQLite and on a private
# PostgreSQL it starts on loopback. Usage: ./bench.sh [rows]   (default 100000)
set -euo pipefail
cd "$(dirname "$0")"
source scripts/common.sh

require_dotnet
ensure_packages postgresql
ensure_commands node:nodejs
WORK=$(mktemp -d /tmp/dogmonitor-bench.XXXXXX); chmod 755 "$WORK"
trap 'stop_postgres; rm -rf "$WORK"' EXIT
start_postgres "$WORK/postgres"
dotnet build benchmarks/DogMonitor.Benchmarks -c Release --nologo -v quiet -clp:ErrorsOnly
dotnet run -c Release --no-build --project benchmarks/DogMonitor.Benchmarks -- "${1:-100000}" "$POSTGRES_ADMIN"
