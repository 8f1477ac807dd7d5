#!/usr/bin/env bash
# Runs every test on SQLite and on a real PostgreSQL, including the browser journeys in Chromium, then the benchmark's
# quick smoke run. Arguments go to dotnet test (a filter, say) and skip the benchmark.
set -euo pipefail
cd "$(dirname "$0")"
dev/ensure-tools.sh
# The tests' cluster lives in memory where the machine has a tmpfs with room for it (about 550 MB at peak), on a
# port of its own so that a cluster kept for development is left alone: nearly every test copies a database from a
# template and drops it, some hundreds of files each time, and on a disk's file system (ext4) finding free inodes for
# them was a fifth of the web tests' CPU (docs/ARCHITECTURE.md has the run's figures).
in_memory=0
shm_free_kb=$(df -Pk /dev/shm 2>/dev/null | awk 'NR == 2 { print $4 }')
if [ -z "${CIVICGRID_PG_DIR:-}" ] && [ -w /dev/shm ] && [ "${shm_free_kb:-0}" -ge 4000000 ]; then
  export CIVICGRID_PG_DIR=/dev/shm/civicgrid-pg-tests CIVICGRID_PG_PORT=${CIVICGRID_PG_PORT:-55431}
  in_memory=1
fi
eval "$(dev/start-postgres.sh)"
# Stopping the throw-away cluster is tidying up: a hiccup there must not turn a passing run into a failing one.
stop_postgres() {
  if dev/stop-postgres.sh; then
    if [ "$in_memory" = 1 ]; then rm -rf "$CIVICGRID_PG_DIR"; fi # its memory back
  else
    echo "PostgreSQL did not stop cleanly" >&2
  fi
}
trap stop_postgres EXIT
dotnet build CivicGrid.slnx -c Release -warnaserror --nologo -v q
mkdir -p TestResults
rm -f TestResults/*.trx
status=0
prefix=() # a command the tests run under, in a lane that sets it
test_project() { # project [dotnet test arguments...]
  local project=$1 started=$SECONDS; shift
  "${prefix[@]}" dotnet test "tests/CivicGrid.$project.Tests" -c Release --no-build --nologo --logger "console;verbosity=minimal" \
    --logger trx --results-directory TestResults "$@" || return 1
  echo "$project tests${*:+ ($*)}: $((SECONDS - started)) s" >&3
}
exec 3>&1
if [ $# -gt 0 ]; then
  dotnet test CivicGrid.slnx -c Release --no-build --nologo --logger "console;verbosity=minimal" --logger trx --results-directory TestResults "$@" 2>&1 | tee TestResults/test.log || status=$?
else
  # Two lanes for two cores: the browser journeys, the fault tests but the cluster's and then the benchmark's quick
  # smoke run (a few minutes; the full run is in docs/PERFORMANCE.md); and the other test projects, then the cluster
  # tests (the cluster killed under load and the cache across two nodes, about three and a half minutes), which even
  # the lanes out. Side by side the web tests took 6.5
  # minutes alone and 20-25 beside the journeys: the scheduler shares the CPU by thread, and Chromium runs many (some
  # at nice -8, which it sets when it may). So each lane's commands run in a session of their own (setsid), which the
  # kernel's autogroups give an even share, and as root the browser's lane runs without the capability to raise priorities.
  lane=(); command -v setsid >/dev/null && lane=(setsid -w)
  ( rc=0
    prefix=("${lane[@]}")
    if [ "$(id -u)" = 0 ] && command -v setpriv >/dev/null; then prefix+=(setpriv --bounding-set=-sys_nice); fi
    test_project Browser || rc=1
    test_project Fault --filter "FullyQualifiedName!~ClusterKill&FullyQualifiedName!~CachePropagation" || rc=1
    started=$SECONDS
    "${prefix[@]}" dotnet run --no-build -c Release --project bench/CivicGrid.Bench -- --quick >TestResults/bench-quick.log 2>&1 \
      || { echo "The benchmark's quick run failed; see TestResults/bench-quick.log"; rc=1; }
    echo "Benchmark quick run: $((SECONDS - started)) s"
    exit $rc ) >TestResults/lane-1.log 2>&1 & lane1=$!
  ( rc=0
    prefix=("${lane[@]}")
    for p in Core Architecture Web App; do test_project "$p" || rc=1; done
    test_project Fault --filter "FullyQualifiedName~ClusterKill|FullyQualifiedName~CachePropagation" || rc=1
    exit $rc ) >TestResults/lane-2.log 2>&1 & lane2=$!
  wait $lane1 || status=1
  wait $lane2 || status=1
  cat TestResults/lane-1.log TestResults/lane-2.log | tee TestResults/test.log
fi
dev/summarise-tests.sh TestResults/test.log || status=${status/#0/1}
echo "Slowest tests:"
dev/slowest-tests.sh TestResults 15 || true
if [ $# -eq 0 ]; then
  grep -E '^\||^Time per' TestResults/bench-quick.log || true
fi
echo "test.sh: exit status $status"
exit "$status"
