# Shared by run.sh, test.sh and the benchmark: install what is missing, start services on loopback.
# Sourced, not run. Everything lands under one work folder that the caller removes on exit.

log() { printf '\033[1m==> %s\033[0m\n' "$*" >&2; }
die() { printf 'error: %s\n' "$*" >&2; exit 1; }

as_root() { if [ "$(id -u)" -eq 0 ]; then "$@"; else sudo "$@"; fi; }

require_dotnet() {
  command -v dotnet >/dev/null 2>&1 || die "the .NET 10 SDK is needed: install it (dotnet-sdk-10.0) and run this again."
  dotnet --list-sdks | grep -q '^10\.' || die "the .NET 10 SDK is needed; found only: $(dotnet --list-sdks | tr '\n' ' ')"
}

# ensure_packages PKG... : installs the Debian packages that are not installed yet.
ensure_packages() {
  local missing=()
  for package in "$@"; do
    dpkg-query -W -f='${Status}' "$package" 2>/dev/null | grep -q "install ok installed" || missing+=("$package")
  done
  [ ${#missing[@]} -eq 0 ] && return 0
  log "installing ${missing[*]}"
  as_root apt-get update -qq >/dev/null
  DEBIAN_FRONTEND=noninteractive as_root apt-get install -y -qq --no-install-recommends "${missing[@]}" >/dev/null
}

# ensure_commands CMD:PACKAGE... : installs PACKAGE when CMD is not on the PATH (node may come from
# elsewhere than Debian, with its own npm; then nothing is installed).
ensure_commands() {
  local packages=()
  for pair in "$@"; do command -v "${pair%%:*}" >/dev/null 2>&1 || packages+=("${pair#*:}"); done
  [ ${#packages[@]} -eq 0 ] || ensure_packages "${packages[@]}"
}

# npm_ci DIR WHAT : the npm packages DIR's committed package-lock.json pins, installed with npm ci. Skipped, with no
# network, when node_modules already holds exactly that lock (a stamp of its checksum, written after a good install).
npm_ci() {
  local dir=$1 what=$2 sum stamp="$1/node_modules/.dogmonitor-lock.sha256"
  [ -f "$dir/package-lock.json" ] || die "$dir/package-lock.json is missing; it pins $what"
  sum=$(sha256sum "$dir/package-lock.json" | cut -d' ' -f1)
  if [ -f "$stamp" ] && [ "$(cat "$stamp")" = "$sum" ]; then return 0; fi
  ensure_commands node:nodejs npm:npm
  log "installing $what (npm ci)"
  (cd "$dir" && npm ci --no-audit --no-fund --loglevel=error >/dev/null) || die "npm ci failed in $dir ($what)"
  echo "$sum" > "$stamp"
}

# ensure_web_packages : the web app's npm packages (hls.js, which the build copies into wwwroot/lib).
ensure_web_packages() {
  local root; root=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
  npm_ci "$root/DogMonitor.Web" "the web app's npm packages (hls.js for the live page)"
}

# ensure_test_packages : the tests' npm packages (axe-core, which the browser tests inject into pages).
ensure_test_packages() {
  local root; root=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
  npm_ci "$root/DogMonitor.Tests" "the tests' npm packages (axe-core for the accessibility tests)"
}

free_port() {
  node -e "const s=require('net').createServer();s.listen(0,'127.0.0.1',()=>{console.log(s.address().port);s.close()})"
}

# start_postgres DIR : a private PostgreSQL cluster on a free loopback port, password auth over TCP.
# Sets POSTGRES_PORT and POSTGRES_ADMIN (an Npgsql connection string for the postgres superuser).
start_postgres() {
  local dir=$1 bin
  bin=$(ls -d /usr/lib/postgresql/*/bin 2>/dev/null | sort -V | tail -n 1)
  [ -x "$bin/initdb" ] || die "PostgreSQL's server is missing: apt-get install postgresql"
  POSTGRES_PORT=$(free_port)
  local password; password=$(head -c 18 /dev/urandom | base64 | tr -d '/+=')
  mkdir -p "$dir" && echo "$password" > "$dir/pw"
  local run=(); [ "$(id -u)" -eq 0 ] && { chown -R postgres "$dir"; run=(su postgres -s /bin/sh -c); }
  local init="'$bin/initdb' -D '$dir/data' -U postgres --pwfile='$dir/pw' --auth-local=trust --auth-host=scram-sha-256 -E UTF8 --locale=C.UTF-8 -N >'$dir/initdb.log' 2>&1"
  local start="'$bin/pg_ctl' -D '$dir/data' -o \"-p $POSTGRES_PORT -k '$dir' -c listen_addresses=127.0.0.1 -c fsync=off -c max_connections=300\" -l '$dir/pg.log' -w start >/dev/null"
  if [ ${#run[@]} -gt 0 ]; then "${run[@]}" "$init" && "${run[@]}" "$start"; else sh -c "$init" && sh -c "$start"; fi \
    || die "PostgreSQL did not start; see $dir/pg.log"
  POSTGRES_STOP="'$bin/pg_ctl' -D '$dir/data' -m immediate stop"
  POSTGRES_RUN_AS=("${run[@]}")
  POSTGRES_ADMIN="Host=127.0.0.1;Port=$POSTGRES_PORT;Username=postgres;Password=$password"
  log "PostgreSQL on 127.0.0.1:$POSTGRES_PORT"
}

stop_postgres() {
  [ -n "${POSTGRES_STOP:-}" ] || return 0
  if [ ${#POSTGRES_RUN_AS[@]} -gt 0 ]; then "${POSTGRES_RUN_AS[@]}" "$POSTGRES_STOP" >/dev/null 2>&1; else sh -c "$POSTGRES_STOP" >/dev/null 2>&1; fi || true
}

# start_s3 DIR : the S3 test server (tools/s3-test-server) on a free loopback port.
# Sets S3_PORT, S3_KEY, S3_SECRET.
start_s3() {
  local dir=$1 root; root=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
  npm_ci "$root/tools/s3-test-server" "the S3 test server's npm packages"
  S3_KEY=dogmonitor; S3_SECRET=$(head -c 18 /dev/urandom | base64 | tr -d '/+=')
  mkdir -p "$dir/data"
  # A free port can be taken by another process before the server binds it: then try another.
  for _ in 1 2 3; do
    S3_PORT=$(free_port)
    node "$root/tools/s3-test-server/server.js" --port "$S3_PORT" --directory "$dir/data" \
      --access-key "$S3_KEY" --secret-key "$S3_SECRET" >"$dir/s3.log" 2>&1 &
    S3_PID=$!
    for _ in $(seq 1 100); do grep -q "ready on\|EADDRINUSE" "$dir/s3.log" 2>/dev/null && break; sleep 0.1; done
    grep -q "EADDRINUSE" "$dir/s3.log" || break
    wait "$S3_PID" 2>/dev/null || true
  done
  grep -q "ready on" "$dir/s3.log" || die "the S3 test server did not start; see $dir/s3.log"
  log "S3 server on 127.0.0.1:$S3_PORT"
}

stop_s3() { [ -n "${S3_PID:-}" ] && kill "$S3_PID" 2>/dev/null; wait "${S3_PID:-}" 2>/dev/null || true; }

# start_rabbitmq DIR : a private RabbitMQ node on free loopback ports (guest/guest works from loopback).
# Sets RABBITMQ_PORT. The packaged wrappers switch user and lose the environment, so call the real scripts.
start_rabbitmq() {
  local dir=$1 bin=/usr/lib/rabbitmq/bin
  [ -x "$bin/rabbitmq-server" ] || die "RabbitMQ is missing: apt-get install rabbitmq-server"
  mkdir -p "$dir/mnesia" "$dir/log"
  : > "$dir/enabled_plugins"
  RABBITMQ_PORT=$(free_port)
  pgrep -x epmd >/dev/null && RABBITMQ_OWN_EPMD="" || RABBITMQ_OWN_EPMD=1
  export RABBITMQ_NODENAME="dogmonitor-$RABBITMQ_PORT@localhost" RABBITMQ_NODE_IP_ADDRESS=127.0.0.1 \
    RABBITMQ_NODE_PORT=$RABBITMQ_PORT RABBITMQ_DIST_PORT=$(free_port) RABBITMQ_MNESIA_BASE="$dir/mnesia" \
    RABBITMQ_LOG_BASE="$dir/log" RABBITMQ_PID_FILE="$dir/rabbitmq.pid" RABBITMQ_ENABLED_PLUGINS_FILE="$dir/enabled_plugins" \
    ERL_EPMD_ADDRESS=127.0.0.1
  # HOME (where Erlang keeps its cookie) only for RabbitMQ's own commands: exported, it would also move
  # the NuGet cache of everything that runs after this into the temporary folder.
  RABBITMQ_HOME_DIR="$dir"
  HOME="$dir" "$bin/rabbitmq-server" -detached >"$dir/start.log" 2>&1 || die "RabbitMQ did not start; see $dir/start.log"
  # await_startup fails at once until the node has registered: retry it.
  for _ in $(seq 1 60); do HOME="$dir" "$bin/rabbitmqctl" await_startup >/dev/null 2>&1 && break; sleep 1; done
  HOME="$dir" "$bin/rabbitmqctl" await_startup >/dev/null 2>&1 || die "RabbitMQ did not come up; see $dir/log"
  RABBITMQ_STOP=1
  log "RabbitMQ on 127.0.0.1:$RABBITMQ_PORT"
}

stop_rabbitmq() {
  [ -n "${RABBITMQ_STOP:-}" ] || return 0
  HOME="$RABBITMQ_HOME_DIR" /usr/lib/rabbitmq/bin/rabbitmqctl stop >/dev/null 2>&1 || true
  # Erlang's port mapper outlives the node; stop it when this run started it.
  [ -n "${RABBITMQ_OWN_EPMD:-}" ] && pkill -x epmd 2>/dev/null || true
}
