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

# Each service keeps what it needs to be stopped and started again in DIR/service.env, so scripts/service.sh (the fault
# suite) can take it down and bring it back on the same port with the same data.

postgres_bin() { ls -d /usr/lib/postgresql/*/bin 2>/dev/null | sort -V | tail -n 1; }

# postgres_ctl DIR ARGS... : pg_ctl on the cluster in DIR, as the postgres user when run as root.
postgres_ctl() {
  local dir=$1; shift
  local command="'$(postgres_bin)/pg_ctl' -D '$dir/data' -l '$dir/pg.log' $*"
  if [ "$(id -u)" -eq 0 ]; then su postgres -s /bin/sh -c "$command"; else sh -c "$command"; fi
}

# start_postgres DIR : a private PostgreSQL cluster on a free loopback port, password auth over TCP.
# Sets POSTGRES_PORT and POSTGRES_ADMIN (an Npgsql connection string for the postgres superuser).
start_postgres() {
  local dir=$1 bin; bin=$(postgres_bin)
  [ -x "$bin/initdb" ] || die "PostgreSQL's server is missing: apt-get install postgresql"
  POSTGRES_PORT=$(free_port)
  local password; password=$(head -c 18 /dev/urandom | base64 | tr -d '/+=')
  mkdir -p "$dir" && echo "$password" > "$dir/pw"
  [ "$(id -u)" -eq 0 ] && chown -R postgres "$dir"
  local init="'$bin/initdb' -D '$dir/data' -U postgres --pwfile='$dir/pw' --auth-local=trust --auth-host=scram-sha-256 -E UTF8 --locale=C.UTF-8 -N >'$dir/initdb.log' 2>&1"
  if [ "$(id -u)" -eq 0 ]; then su postgres -s /bin/sh -c "$init"; else sh -c "$init"; fi || die "PostgreSQL's initdb failed; see $dir/initdb.log"
  # In the cluster's own settings, so that a restart (pg_ctl restart, the fault suite) keeps them.
  printf "port = %s\nlisten_addresses = '127.0.0.1'\nunix_socket_directories = '%s'\nfsync = off\nmax_connections = 300\n" \
    "$POSTGRES_PORT" "$dir" >> "$dir/data/postgresql.conf"
  postgres_ctl "$dir" -w start >/dev/null || die "PostgreSQL did not start; see $dir/pg.log"
  POSTGRES_DIR=$dir
  POSTGRES_ADMIN="Host=127.0.0.1;Port=$POSTGRES_PORT;Username=postgres;Password=$password"
  printf 'POSTGRES_PORT=%s\nPOSTGRES_ADMIN=%s\n' "$POSTGRES_PORT" "$POSTGRES_ADMIN" > "$dir/service.env"
  log "PostgreSQL on 127.0.0.1:$POSTGRES_PORT"
}

stop_postgres() { [ -n "${POSTGRES_DIR:-}" ] && postgres_ctl "$POSTGRES_DIR" -m immediate stop >/dev/null 2>&1 || true; }

# start_s3 DIR : the S3 test server (tools/s3-test-server) on a free loopback port.
# Sets S3_PORT, S3_KEY, S3_SECRET.
start_s3() {
  local dir=$1 root; root=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
  npm_ci "$root/tools/s3-test-server" "the S3 test server's npm packages"
  S3_KEY=dogmonitor; S3_SECRET=$(head -c 18 /dev/urandom | base64 | tr -d '/+=')
  mkdir -p "$dir/data"
  # A free port can be taken by another process before the server binds it: then try another.
  local up=""
  for _ in 1 2 3; do
    S3_PORT=$(free_port)
    run_s3 "$dir" && { up=1; break; }
  done
  [ -n "$up" ] || die "the S3 test server did not start; see $dir/s3.log"
  S3_DIR=$dir
  printf 'S3_PORT=%s\nS3_KEY=%s\nS3_SECRET=%s\n' "$S3_PORT" "$S3_KEY" "$S3_SECRET" > "$dir/service.env"
  log "S3 server on 127.0.0.1:$S3_PORT"
}

# run_s3 DIR : starts the S3 server on S3_PORT over DIR/data; fails when the port is taken. Its log is appended to.
run_s3() {
  local dir=$1 root; root=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
  local from; from=$(cat "$dir/s3.log" 2>/dev/null | wc -l)
  node "$root/tools/s3-test-server/server.js" --port "$S3_PORT" --directory "$dir/data" \
    --access-key "$S3_KEY" --secret-key "$S3_SECRET" >>"$dir/s3.log" 2>&1 &
  S3_PID=$!
  echo "$S3_PID" > "$dir/s3.pid"
  for _ in $(seq 1 300); do tail -n +"$((from + 1))" "$dir/s3.log" 2>/dev/null | grep -q "ready on\|EADDRINUSE" && break; sleep 0.1; done
  tail -n +"$((from + 1))" "$dir/s3.log" | grep -q "ready on" && return 0
  kill "$S3_PID" 2>/dev/null; wait "$S3_PID" 2>/dev/null # not up in 30 s, or its port was taken: never leave it behind
  return 1
}

stop_s3() { [ -n "${S3_PID:-}" ] && kill "$S3_PID" 2>/dev/null; wait "${S3_PID:-}" 2>/dev/null || true; }

# start_rabbitmq DIR : a private RabbitMQ node on free loopback ports (guest/guest works from loopback).
# Sets RABBITMQ_PORT. The packaged wrappers switch user and lose the environment, so call the real scripts.
start_rabbitmq() {
  local dir=$1
  [ -x /usr/lib/rabbitmq/bin/rabbitmq-server ] || die "RabbitMQ is missing: apt-get install rabbitmq-server"
  mkdir -p "$dir/mnesia" "$dir/log"
  : > "$dir/enabled_plugins"
  RABBITMQ_PORT=$(free_port)
  pgrep -x epmd >/dev/null && RABBITMQ_OWN_EPMD="" || RABBITMQ_OWN_EPMD=1
  printf 'RABBITMQ_PORT=%s\nRABBITMQ_DIST_PORT=%s\nRABBITMQ_OWN_EPMD=%s\n' "$RABBITMQ_PORT" "$(free_port)" "$RABBITMQ_OWN_EPMD" > "$dir/service.env"
  RABBITMQ_DIR=$dir # before it answers, so that stop_rabbitmq stops a node that started but never did
  run_rabbitmq "$dir" || die "RabbitMQ did not come up; see $dir/log and $dir/start.log"
  log "RabbitMQ on 127.0.0.1:$RABBITMQ_PORT"
}

# rabbitmq_env DIR COMMAND... : runs a RabbitMQ script with the node's environment (from DIR/service.env). HOME (where
# Erlang keeps its cookie) only for RabbitMQ's own commands: exported, it would also move the NuGet cache of
# everything that runs after this into the temporary folder.
rabbitmq_env() {
  local dir=$1; shift
  local port dist; port=$(sed -n 's/^RABBITMQ_PORT=//p' "$dir/service.env"); dist=$(sed -n 's/^RABBITMQ_DIST_PORT=//p' "$dir/service.env")
  HOME="$dir" RABBITMQ_NODENAME="dogmonitor-$port@localhost" RABBITMQ_NODE_IP_ADDRESS=127.0.0.1 RABBITMQ_NODE_PORT=$port \
    RABBITMQ_DIST_PORT=$dist RABBITMQ_MNESIA_BASE="$dir/mnesia" RABBITMQ_LOG_BASE="$dir/log" RABBITMQ_PID_FILE="$dir/rabbitmq.pid" \
    RABBITMQ_ENABLED_PLUGINS_FILE="$dir/enabled_plugins" ERL_EPMD_ADDRESS=127.0.0.1 "/usr/lib/rabbitmq/bin/$1" "${@:2}"
}

# run_rabbitmq DIR : starts the node described in DIR/service.env and waits until it serves.
run_rabbitmq() {
  local dir=$1
  rabbitmq_env "$dir" rabbitmq-server -detached >>"$dir/start.log" 2>&1 || return 1
  # await_startup fails at once until the node has registered: retry it.
  for _ in $(seq 1 60); do rabbitmq_env "$dir" rabbitmqctl await_startup >/dev/null 2>&1 && return 0; sleep 1; done
  return 1
}

stop_rabbitmq() {
  [ -n "${RABBITMQ_DIR:-}" ] || return 0
  rabbitmq_env "$RABBITMQ_DIR" rabbitmqctl stop >/dev/null 2>&1 || true
  # Erlang's port mapper outlives the node; stop it when this run started it.
  [ -n "${RABBITMQ_OWN_EPMD:-}" ] && pkill -x epmd 2>/dev/null || true
}
