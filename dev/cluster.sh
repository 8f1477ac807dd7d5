#!/usr/bin/env bash
# A whole deployment on loopback, as a city runs it: a PostgreSQL primary and a streaming read replica, three app nodes
# (the built web server) and HAProxy in front, checking each node's /health/ready. Prints the address; Ctrl-C stops all
# of it (the nodes first, gracefully, so each finishes what it holds). Everything lives in one folder, removed at start.
#
#   dev/cluster.sh                     # builds the server (Release), seeds the small demo district on first start
#   CIVICGRID_CLUSTER_NO_BUILD=1 dev/cluster.sh   # uses the existing Release build
#   CIVICGRID_CLUSTER_NODES=1 dev/cluster.sh      # one node behind the balancer, for comparing
#
# Settings (environment): CIVICGRID_CLUSTER_DIR (/tmp/civicgrid-cluster), CIVICGRID_CLUSTER_PORT (balancer, 8080; the
# nodes take the next ports, the primary 55500 and the replica 55501 unless CIVICGRID_CLUSTER_PG_PORT says otherwise),
# CIVICGRID_CLUSTER_SCALE (demo scale: tiny, small; small by default), CIVICGRID_CLUSTER_REPLICA_READS (1: reports read
# the replica, the default; 0: everything reads the primary).
set -euo pipefail
root=$(cd "$(dirname "$0")/.." && pwd)
dir=${CIVICGRID_CLUSTER_DIR:-/tmp/civicgrid-cluster}
port=${CIVICGRID_CLUSTER_PORT:-8080}
pg_port=${CIVICGRID_CLUSTER_PG_PORT:-55500}
replica_port=$((pg_port + 1))
nodes=${CIVICGRID_CLUSTER_NODES:-3}
scale=${CIVICGRID_CLUSTER_SCALE:-small}
bin=$(ls -d /usr/lib/postgresql/*/bin | sort -V | tail -n 1)
as_owner() { if [ "$(id -u)" = 0 ]; then runuser -u postgres -- "$@"; else "$@"; fi; }
say() { echo "[cluster] $*" >&2; }

if ! command -v haproxy >/dev/null 2>&1 && [ ! -x /usr/sbin/haproxy ]; then
  say "Installing haproxy from Debian's packages ..."
  export DEBIAN_FRONTEND=noninteractive
  apt-get update -qq
  apt-get install -y -qq --no-install-recommends haproxy >/dev/null
fi
haproxy=$(command -v haproxy || echo /usr/sbin/haproxy)

if [ "${CIVICGRID_CLUSTER_NO_BUILD:-0}" != 1 ]; then
  say "Building the server ..."
  dotnet build "$root/src/CivicGrid.Web" -c Release --nologo -v q >/dev/null
fi
server=$(ls "$root"/src/CivicGrid.Web/bin/Release/net*/CivicGrid.Web.dll | sort -V | tail -n 1)

pids=()
balancer=""
stop_all() {
  trap - INT TERM EXIT
  say "Stopping: nodes first (each drains: /health/ready answers 503 and the balancer stops sending), then the balancer and PostgreSQL ..."
  for pid in "${pids[@]}"; do kill -TERM "$pid" 2>/dev/null || true; done
  for pid in "${pids[@]}"; do wait "$pid" 2>/dev/null || true; done
  [ -n "$balancer" ] && kill -TERM "$balancer" 2>/dev/null && wait "$balancer" 2>/dev/null || true
  "$root/dev/replica-pair.sh" stop "$dir"
  say "Stopped. Logs stay in $dir."
}
trap stop_all INT TERM EXIT

# --- PostgreSQL: a primary, then a replica cloned from it that streams its WAL -----------------------------------------
say "Starting the PostgreSQL primary on 127.0.0.1:$pg_port and its streaming replica (pg_basebackup, hot standby) on 127.0.0.1:$replica_port ..."
"$root/dev/replica-pair.sh" start "$dir" "$pg_port"
as_owner "$bin/psql" -h 127.0.0.1 -p "$pg_port" -U postgres -qc "CREATE DATABASE civicgrid" >/dev/null

# --- App nodes: one key pair for all (the key ring in the database is encrypted with it) ----------------------------------
primary="Host=127.0.0.1;Port=$pg_port;Username=postgres;Database=civicgrid"
# Reports, dashboards, exports and target lists read the replica (docs/adr/0005); CIVICGRID_CLUSTER_REPLICA_READS=0 keeps them on the primary.
replica=$([ "${CIVICGRID_CLUSTER_REPLICA_READS:-1}" = 1 ] && echo "Host=127.0.0.1;Port=$replica_port;Username=postgres;Database=civicgrid" || true)
encryption_key=$(head -c 32 /dev/urandom | base64)
hash_key=$(head -c 32 /dev/urandom | base64)
start_node() {
  local n=$1 node_port=$((port + $1))
  mkdir -p "$dir/node$n"
  (
    cd "$(dirname "$server")"
    export ASPNETCORE_ENVIRONMENT=Production ASPNETCORE_URLS="http://127.0.0.1:$node_port"
    export Database__Provider=Postgres Database__ConnectionString="$primary" Database__ReadReplica="$replica"
    export PersonalData__EncryptionKey="$encryption_key" PersonalData__HashKey="$hash_key"
    export DataDirectory="$dir/node$n" ForwardedHeaders__KnownProxies__0=127.0.0.1
    # Only the first node seeds the demo; the others find it there.
    export Demo__Seed=$([ "$n" = 1 ] && echo true || echo false) Demo__Scale="$scale" Security__TwoFactor__Enforced=false
    exec dotnet "$server" >"$dir/logs/node$n.log" 2>&1
  ) &
  pids+=($!)
}
wait_ready() {
  local url="http://127.0.0.1:$1/health/ready"
  for _ in $(seq 1 600); do
    curl -fsS -o /dev/null "$url" 2>/dev/null && return 0
    sleep 0.5
  done
  say "No answer from $url; see $dir/logs."
  return 1
}
say "Starting node 1 on 127.0.0.1:$((port + 1)) (migrates and seeds the $scale demo district) ..."
start_node 1
wait_ready $((port + 1))
for n in $(seq 2 "$nodes"); do
  say "Starting node $n on 127.0.0.1:$((port + n)) ..."
  start_node "$n"
done
for n in $(seq 2 "$nodes"); do wait_ready $((port + n)); done

# --- HAProxy: round robin over the ready nodes -------------------------------------------------------------------------
{
  cat <<EOF
global
    log stdout format raw local0 warning
defaults
    mode http
    timeout connect 2s
    timeout client 60s
    timeout server 60s
    retries 2
    option redispatch
    option forwardfor
frontend civicgrid
    bind 127.0.0.1:$port
    default_backend nodes
backend nodes
    balance roundrobin
    option httpchk GET /health/ready
    http-check expect status 200
    default-server inter 1s fall 2 rise 2
EOF
  for n in $(seq 1 "$nodes"); do echo "    server node$n 127.0.0.1:$((port + n)) check"; done
  cat <<EOF
listen stats
    bind 127.0.0.1:$((port + 100))
    stats enable
    stats uri /
EOF
} >"$dir/haproxy.cfg"
"$haproxy" -c -q -f "$dir/haproxy.cfg"
"$haproxy" -db -f "$dir/haproxy.cfg" >"$dir/logs/haproxy.log" 2>&1 &
balancer=$!
wait_ready "$port"

cat <<EOF

==============================================================
 CivicGrid cluster: http://127.0.0.1:$port   ($nodes nodes behind HAProxy)
 Demo password: $(cat "$dir/node1/demo-password.txt")   (user admin; other demo accounts in $dir/logs/node1.log)
 Balancer status: http://127.0.0.1:$((port + 100))/
 PostgreSQL primary 127.0.0.1:$pg_port, streaming replica 127.0.0.1:$replica_port (database civicgrid)
 Logs: $dir/logs   Stop: Ctrl-C
==============================================================
EOF
wait "${pids[0]}"
