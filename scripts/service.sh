#!/usr/bin/env bash
# One of the services test.sh runs (PostgreSQL, RabbitMQ, the S3 test server), driven from outside: the fault suite
# stops them and starts them again on the same port with the same data.
#   scripts/service.sh start   postgres|rabbitmq|s3 DIR   starts a new one in DIR; prints its settings (KEY=VALUE)
#   scripts/service.sh stop    postgres|rabbitmq|s3 DIR   stops it (PostgreSQL: fast shutdown; the S3 server: SIGKILL)
#   scripts/service.sh resume  postgres|rabbitmq|s3 DIR   starts it again
#   scripts/service.sh restart postgres DIR               pg_ctl restart (fast)
#   scripts/service.sh remove  postgres|rabbitmq|s3 DIR   stops it for good
set -euo pipefail
source "$(dirname "$0")/common.sh"
verb=${1:-}; name=${2:-}; dir=${3:-}
[ -n "$verb" ] && [ -n "$name" ] && [ -n "$dir" ] || die "usage: service.sh start|stop|resume|restart|remove postgres|rabbitmq|s3 DIR"
[ "$verb" = start ] || [ -f "$dir/service.env" ] || die "no $name was started in $dir"
setting() { sed -n "s/^$1=//p" "$dir/service.env"; }

case "$verb:$name" in
  start:postgres) start_postgres "$dir"; cat "$dir/service.env" ;;
  start:rabbitmq) start_rabbitmq "$dir"; cat "$dir/service.env" ;;
  start:s3) start_s3 "$dir"; cat "$dir/service.env" ;;
  stop:postgres|remove:postgres) postgres_ctl "$dir" -m fast -w stop >/dev/null ;;
  resume:postgres) postgres_ctl "$dir" -w start >/dev/null ;;
  restart:postgres) postgres_ctl "$dir" -m fast -w restart >/dev/null ;;
  stop:rabbitmq) rabbitmq_env "$dir" rabbitmqctl stop >/dev/null 2>&1 ;;
  resume:rabbitmq) run_rabbitmq "$dir" || die "RabbitMQ did not come back; see $dir/log" ;;
  remove:rabbitmq)
    rabbitmq_env "$dir" rabbitmqctl stop >/dev/null 2>&1 || true
    [ -n "$(setting RABBITMQ_OWN_EPMD)" ] && pkill -x epmd 2>/dev/null || true ;;
  stop:s3|remove:s3)
    pid=$(cat "$dir/s3.pid"); kill -9 "$pid" 2>/dev/null || true
    # Gone, or a zombie nobody has reaped yet (it no longer holds the port): at most 10 s.
    for _ in $(seq 1 200); do [ -d "/proc/$pid" ] && ! grep -q '^State:.*Z' "/proc/$pid/status" 2>/dev/null || break; sleep 0.05; done ;;
  resume:s3)
    S3_PORT=$(setting S3_PORT); S3_KEY=$(setting S3_KEY); S3_SECRET=$(setting S3_SECRET)
    run_s3 "$dir" || die "the S3 server did not come back on port $S3_PORT; see $dir/s3.log" ;;
  *) die "unknown: $verb $name" ;;
esac
