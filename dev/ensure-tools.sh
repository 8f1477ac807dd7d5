#!/usr/bin/env bash
# Installs from Debian's packages what the tests drive for real: PostgreSQL, Chromium with CJK fonts, Node.js, HAProxy
# (the balancer in front of several nodes in the fault tests and dev/cluster.sh);
# and PostGIS, which the coverage benchmark measures against.
set -euo pipefail
missing=()
command -v pg_ctlcluster >/dev/null 2>&1 && ls /usr/lib/postgresql/*/bin/initdb >/dev/null 2>&1 || missing+=(postgresql)
[ -x /usr/bin/chromium ] || missing+=(chromium)
# grep reads the whole list (no -q): stopping early would kill fc-list with SIGPIPE, which pipefail counts as missing.
fc-list 2>/dev/null | grep -ci "Noto Sans CJK" >/dev/null || missing+=(fonts-noto-cjk)
command -v npm >/dev/null 2>&1 || missing+=(nodejs npm)
command -v haproxy >/dev/null 2>&1 || [ -x /usr/sbin/haproxy ] || missing+=(haproxy)
if [ ${#missing[@]} -gt 0 ]; then
  echo "Installing ${missing[*]} ..."
  export DEBIAN_FRONTEND=noninteractive
  apt-get update -qq
  apt-get install -y -qq --no-install-recommends "${missing[@]}" >/dev/null
fi
# PostGIS must match the PostgreSQL major version, known only once PostgreSQL is installed.
pg_version=$(ls /usr/lib/postgresql 2>/dev/null | sort -V | tail -n 1)
if [ -n "$pg_version" ] && [ ! -f "/usr/share/postgresql/$pg_version/extension/postgis.control" ]; then
  echo "Installing postgresql-$pg_version-postgis-3 ..."
  export DEBIAN_FRONTEND=noninteractive
  apt-get update -qq
  apt-get install -y -qq --no-install-recommends "postgresql-$pg_version-postgis-3" >/dev/null
fi
