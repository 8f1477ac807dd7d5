#!/usr/bin/env bash
# Starts a throw-away PostgreSQL cluster on loopback for the tests and prints the export of its connection string.
# Usage: eval "$(dev/start-postgres.sh)"; stop it with dev/stop-postgres.sh. A cluster already running there is kept
# (tests create their own databases), so several test runs can share it; CIVICGRID_PG_FRESH=1 starts from scratch.
set -euo pipefail
port=${CIVICGRID_PG_PORT:-55432}
dir=${CIVICGRID_PG_DIR:-/tmp/civicgrid-pg}
bin=$(ls -d /usr/lib/postgresql/*/bin | sort -V | tail -n 1)
as_owner() { if [ "$(id -u)" = 0 ]; then runuser -u postgres -- "$@"; else "$@"; fi; }

export_line="export CIVICGRID_TEST_POSTGRES='Host=127.0.0.1;Port=$port;Username=postgres;Database=postgres'"
if [ "${CIVICGRID_PG_FRESH:-0}" != 1 ] && [ -f "$dir/postmaster.pid" ] && as_owner "$bin/pg_ctl" -D "$dir" status >/dev/null 2>&1; then
  echo "$export_line"
  exit 0
fi
if [ -f "$dir/postmaster.pid" ]; then
  as_owner "$bin/pg_ctl" -D "$dir" -m immediate stop >/dev/null 2>&1 || true
fi
rm -rf "$dir"
mkdir -p "$dir"
[ "$(id -u)" = 0 ] && chown postgres:postgres "$dir"
as_owner "$bin/initdb" -D "$dir" -U postgres --auth=trust --encoding=UTF8 --locale=C.UTF-8 >/dev/null
as_owner "$bin/pg_ctl" -D "$dir" -l "$dir/server.log" -w \
  -o "-p $port -k /tmp -c listen_addresses=127.0.0.1 -c fsync=off -c synchronous_commit=off -c full_page_writes=off -c max_connections=300" \
  start >/dev/null
echo "$export_line"
