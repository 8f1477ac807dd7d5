#!/usr/bin/env bash
# A PostgreSQL primary and a streaming replica cloned from it (pg_basebackup -R, hot standby), on loopback, in one folder.
# Used by dev/cluster.sh and by the tests of reads from the replica.
#
#   dev/replica-pair.sh start DIR PORT   # primary on PORT, replica on PORT+1; DIR is emptied first; logs in DIR/logs
#   dev/replica-pair.sh stop DIR         # stops both (replica first)
set -euo pipefail
bin=$(ls -d /usr/lib/postgresql/*/bin | sort -V | tail -n 1)
as_owner() { if [ "$(id -u)" = 0 ]; then runuser -u postgres -- "$@"; else "$@"; fi; }

stop() {
  as_owner "$bin/pg_ctl" -D "$1/replica" -m fast stop >/dev/null 2>&1 || true
  as_owner "$bin/pg_ctl" -D "$1/primary" -m fast stop >/dev/null 2>&1 || true
}

start() {
  local dir=$1 pg_port=$2 replica_port=$(($2 + 1))
  for d in primary replica; do
    [ -f "$dir/$d/postmaster.pid" ] && as_owner "$bin/pg_ctl" -D "$dir/$d" -m immediate stop >/dev/null 2>&1 || true
  done
  rm -rf "$dir"
  mkdir -p "$dir/primary" "$dir/logs"
  [ "$(id -u)" = 0 ] && chown postgres:postgres "$dir" "$dir/primary" "$dir/logs"
  as_owner "$bin/initdb" -D "$dir/primary" -U postgres --auth=trust --encoding=UTF8 --locale=C.UTF-8 >/dev/null
  as_owner "$bin/pg_ctl" -D "$dir/primary" -l "$dir/logs/primary.log" -w \
    -o "-p $pg_port -k /tmp -c listen_addresses=127.0.0.1 -c max_connections=300 -c wal_level=replica -c max_wal_senders=5 -c hot_standby_feedback=on" \
    start >/dev/null
  as_owner "$bin/pg_basebackup" -h 127.0.0.1 -p "$pg_port" -U postgres -D "$dir/replica" -X stream -R -c fast
  as_owner "$bin/pg_ctl" -D "$dir/replica" -l "$dir/logs/replica.log" -w \
    -o "-p $replica_port -k /tmp -c listen_addresses=127.0.0.1 -c max_connections=300 -c hot_standby=on" start >/dev/null
}

case "${1:-}" in
  start) start "$2" "$3" ;;
  stop) stop "$2" ;;
  *) echo "usage: $0 start DIR PORT | stop DIR" >&2; exit 2 ;;
esac
