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
  if [ ! -d "$root/tools/s3-test-server/node_modules/s3rver" ]; then
    log "installing the S3 test server's npm packages"
    (cd "$root/tools/s3-test-server" && npm install --no-audit --no-fund --loglevel=error >/dev/null)
  fi
  S3_PORT=$(free_port); S3_KEY=dogmonitor; S3_SECRET=$(head -c 18 /dev/urandom | base64 | tr -d '/+=')
  mkdir -p "$dir/data"
  node "$root/tools/s3-test-server/server.js" --port "$S3_PORT" --directory "$dir/data" \
    --access-key "$S3_KEY" --secret-key "$S3_SECRET" >"$dir/s3.log" 2>&1 &
  S3_PID=$!
  for _ in $(seq 1 100); do grep -q "ready on" "$dir/s3.log" 2>/dev/null && break; sleep 0.1; done
  grep -q "ready on" "$dir/s3.log" || die "the S3 test server did not start; see $dir/s3.log"
  log "S3 server on 127.0.0.1:$S3_PORT"
}

stop_s3() { [ -n "${S3_PID:-}" ] && kill "$S3_PID" 2>/dev/null; wait "${S3_PID:-}" 2>/dev/null || true; }
