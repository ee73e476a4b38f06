#!/usr/bin/env bash
# Benchmarks, printing figures and ratios against a baseline measured in the same run:
#  - listing snapshots at depth: keyset vs OFFSET, on SQLite and on a private PostgreSQL (default 100,000 rows);
#  - clips: request → ready through the running app (embedded default, synthetic 720p camera) for 5 s and
#    60 s clips, exact and fast, beside the bare ffmpeg command on the same buffer segments;
#  - load: requests a second and p50/p99 latency of snapshot posts and of the listing's first page, from 8 loops
#    at once, on the embedded default and on production (PostgreSQL, S3, RabbitMQ, web and recorder apart);
#  - workers: clips a minute in production with one and with two cutting worker processes, and the ratio;
#  - events: 500 Server-Sent Event streams on one embedded web process: its memory per stream and the delay from an
#    event's publication to its arrival at the clients, against one stream;
#  - detection: a recorder's CPU for one 720p camera (an RTSP camera it copies, the synthetic one it encodes) with
#    activity detection off and on, and what detection adds, in share of one core;
#  - index: what one 2 s segment costs the buffer's index (the recorder taking it in, a reader after it) with a day and
#    a week of segments listed, against the index written and read whole as before.
# Usage: ./bench.sh [rows]     (./bench.sh events, ./bench.sh detection or ./bench.sh index runs that section alone)
set -euo pipefail
cd "$(dirname "$0")"
source scripts/common.sh

require_dotnet
ensure_packages postgresql rabbitmq-server ffmpeg fonts-dejavu-core \
  gir1.2-gst-rtsp-server-1.0 python3-gi gstreamer1.0-plugins-base gstreamer1.0-plugins-good gstreamer1.0-plugins-ugly gstreamer1.0-plugins-bad
ensure_commands node:nodejs curl:curl
ensure_web_packages
WORK=$(mktemp -d /tmp/dogmonitor-bench.XXXXXX); chmod 755 "$WORK"
APP_PID=""; WEB_PID=""; RECORDER_PID=""; EVENTS_PID=""
cleanup() {
  for pid in $APP_PID $WEB_PID $RECORDER_PID $EVENTS_PID; do kill "$pid" 2>/dev/null || true; wait "$pid" 2>/dev/null || true; done
  stop_s3; stop_rabbitmq
  # rabbitmqctl cannot reach the node when another run has stopped the shared epmd: then stop it by its pid.
  [ -f "$WORK/rabbitmq/rabbitmq.pid" ] && kill "$(cat "$WORK/rabbitmq/rabbitmq.pid")" 2>/dev/null || true
  stop_postgres; rm -rf "$WORK"
}
trap cleanup EXIT

# The API needs a signed-in caller: the app makes this admin at its first start, and the benchmarks sign in as it.
export Auth__InitialAdmin__Email=bench@example.com
Auth__InitialAdmin__Password="bench-$(head -c 18 /dev/urandom | base64 | tr -d '/+=')"
export Auth__InitialAdmin__Password

dotnet build DogMonitor.sln -c Release --nologo -v quiet -clp:ErrorsOnly

# A fresh embedded app with no camera, so nothing but the streams moves its memory; run as its own process (not under
# `dotnet run`) so its pid is the one whose working set is read.
bench_events() {
  local port; port=$(free_port)
  ulimit -n 4096 2>/dev/null || true # 500 sockets on each side
  (cd DogMonitor.Web/bin/Release/net10.0 && Recording__Enabled=false DataDirectory="$WORK/events" \
    exec dotnet DogMonitor.Web.dll --urls "http://127.0.0.1:$port") >"$WORK/events.log" 2>&1 &
  EVENTS_PID=$!
  dotnet run -c Release --no-build --project benchmarks/DogMonitor.Benchmarks -- events "http://127.0.0.1:$port" "$EVENTS_PID"
  kill "$EVENTS_PID"; wait "$EVENTS_PID" 2>/dev/null || true; EVENTS_PID=""
}
bench_detection() {
  dotnet run -c Release --no-build --project benchmarks/DogMonitor.Benchmarks -- detection \
    "$PWD/DogMonitor.Worker/bin/Release/net10.0/DogMonitor.Worker.dll" "$PWD/tools/rtsp-test-server/rtsp_server.py" "$WORK"
}
if [ "${1:-}" = events ]; then bench_events; exit 0; fi
bench_index() {
  dotnet run -c Release --no-build --project benchmarks/DogMonitor.Benchmarks -- index "$WORK"
}
if [ "${1:-}" = detection ]; then bench_detection; exit 0; fi
if [ "${1:-}" = index ]; then bench_index; exit 0; fi
# The app records while the paging benchmark runs, so the buffer is full by the time the clips are timed.
PORT=$(free_port)
DataDirectory="$WORK/app" dotnet run --project DogMonitor.Web -c Release --no-build --no-launch-profile -- --urls "http://127.0.0.1:$PORT" >"$WORK/app.log" 2>&1 &
APP_PID=$!

start_postgres "$WORK/postgres"
dotnet run -c Release --no-build --project benchmarks/DogMonitor.Benchmarks -- paging "${1:-100000}" "$POSTGRES_ADMIN"
dotnet run -c Release --no-build --project benchmarks/DogMonitor.Benchmarks -- clips "http://127.0.0.1:$PORT" "$WORK/app/buffer" test-pattern
dotnet run -c Release --no-build --project benchmarks/DogMonitor.Benchmarks -- load "http://127.0.0.1:$PORT" \
  "embedded default (SQLite, files on disk, the pipeline in the web process, camera recording)"
kill "$APP_PID"; wait "$APP_PID" 2>/dev/null || true; APP_PID=""
bench_events
bench_detection
bench_index

# Production as compose.yaml runs it: the same settings for every process, the web app only serving and queueing,
# one recorder; the workers benchmark starts the cutting workers itself, one and then two.
start_s3 "$WORK/s3"
start_rabbitmq "$WORK/rabbitmq"
export Database__Provider=Postgres Database__ConnectionString="$POSTGRES_ADMIN;Database=dogmonitor" \
  Storage__Provider=S3 Storage__S3__Endpoint="http://127.0.0.1:$S3_PORT" Storage__S3__AccessKey="$S3_KEY" \
  Storage__S3__SecretKey="$S3_SECRET" Storage__S3__Bucket=dog-monitor \
  Messaging__Transport=RabbitMq Messaging__Host=127.0.0.1 Messaging__Port="$RABBITMQ_PORT" \
  Recording__BufferDirectory="$WORK/production/buffer" Cameras__0__Id=test-pattern Cameras__0__Source=synthetic:1280x720@25
WORKER_DLL="$PWD/DogMonitor.Worker/bin/Release/net10.0/DogMonitor.Worker.dll"
PORT=$(free_port)
Worker__InProcess=false DataDirectory="$WORK/production/web" dotnet run --project DogMonitor.Web -c Release --no-build --no-launch-profile \
  -- --urls "http://127.0.0.1:$PORT" >"$WORK/production-web.log" 2>&1 &
WEB_PID=$!
# The web app listens once it has made the database and the bucket; the recorder starts after, not racing it.
for _ in $(seq 1 120); do curl -fs -o /dev/null "http://127.0.0.1:$PORT/healthz" && break; sleep 0.5; done
curl -fs -o /dev/null "http://127.0.0.1:$PORT/healthz" || die "the production web app did not come up; see $WORK/production-web.log"
(cd "$(dirname "$WORKER_DLL")" && Recording__Enabled=true Clips__CuttingEnabled=false DataDirectory="$WORK/production/recorder" \
  exec dotnet "$WORKER_DLL") >"$WORK/production-recorder.log" 2>&1 &
RECORDER_PID=$!
dotnet run -c Release --no-build --project benchmarks/DogMonitor.Benchmarks -- load "http://127.0.0.1:$PORT" \
  "production (PostgreSQL, S3, RabbitMQ; web app and recorder as separate processes, camera recording)"
dotnet run -c Release --no-build --project benchmarks/DogMonitor.Benchmarks -- workers "http://127.0.0.1:$PORT" test-pattern "$WORK/production"
