#!/usr/bin/env bash
# Benchmarks, printing figures and ratios against a baseline measured in the same run:
#  - listing snapshots at depth: keyset vs OFFSET, on SQLite and on a private PostgreSQL (default 100,000 rows);
#  - clips: request → ready through the running app (embedded default, synthetic 720p camera) for 5 s and
#    60 s clips, exact and fast, beside the bare ffmpeg command on the same buffer segments;
#  - load: requests a second and p50/p99 latency of snapshot posts and of the listing's first page, from 8 loops
#    at once, on the embedded default.
# Usage: ./bench.sh [rows]
set -euo pipefail
cd "$(dirname "$0")"
source scripts/common.sh

require_dotnet
ensure_packages postgresql ffmpeg fonts-dejavu-core
ensure_commands node:nodejs curl:curl
ensure_web_packages
WORK=$(mktemp -d /tmp/dogmonitor-bench.XXXXXX); chmod 755 "$WORK"
APP_PID=""
trap '[ -n "$APP_PID" ] && kill "$APP_PID" 2>/dev/null; stop_postgres; rm -rf "$WORK"' EXIT

# The API needs a signed-in caller: the app makes this admin at its first start, and the benchmarks sign in as it.
export Auth__InitialAdmin__Email=bench@example.com
Auth__InitialAdmin__Password="bench-$(head -c 18 /dev/urandom | base64 | tr -d '/+=')"
export Auth__InitialAdmin__Password

dotnet build DogMonitor.sln -c Release --nologo -v quiet -clp:ErrorsOnly
# The app records while the paging benchmark runs, so the buffer is full by the time the clips are timed.
PORT=$(free_port)
DataDirectory="$WORK/app" dotnet run --project DogMonitor.Web -c Release --no-build --no-launch-profile -- --urls "http://127.0.0.1:$PORT" >"$WORK/app.log" 2>&1 &
APP_PID=$!

start_postgres "$WORK/postgres"
dotnet run -c Release --no-build --project benchmarks/DogMonitor.Benchmarks -- paging "${1:-100000}" "$POSTGRES_ADMIN"
dotnet run -c Release --no-build --project benchmarks/DogMonitor.Benchmarks -- clips "http://127.0.0.1:$PORT" "$WORK/app/buffer" test-pattern
dotnet run -c Release --no-build --project benchmarks/DogMonitor.Benchmarks -- load "http://127.0.0.1:$PORT" \
  "embedded default (SQLite, files on disk, the pipeline in the web process, camera recording)"
