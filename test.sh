#!/usr/bin/env bash
# Runs every test on SQLite and on a real PostgreSQL, including the browser journeys in Chromium, then the benchmark's
# quick smoke run. Arguments go to dotnet test (a filter, say) and skip the benchmark.
set -euo pipefail
cd "$(dirname "$0")"
dev/ensure-tools.sh
eval "$(dev/start-postgres.sh)"
# Stopping the throw-away cluster is tidying up: a hiccup there must not turn a passing run into a failing one.
trap 'dev/stop-postgres.sh || echo "PostgreSQL did not stop cleanly" >&2' EXIT
dotnet build CivicGrid.slnx -c Release -warnaserror --nologo -v q
mkdir -p TestResults
rm -f TestResults/*.trx
status=0
test_project() { # project [dotnet test arguments...]
  local project=$1 started=$SECONDS; shift
  dotnet test "tests/CivicGrid.$project.Tests" -c Release --no-build --nologo --logger "console;verbosity=minimal" \
    --logger trx --results-directory TestResults "$@" || return 1
  echo "$project tests: $((SECONDS - started)) s" >&3
}
exec 3>&1
if [ $# -gt 0 ]; then
  dotnet test CivicGrid.slnx -c Release --no-build --nologo --logger "console;verbosity=minimal" --logger trx --results-directory TestResults "$@" 2>&1 | tee TestResults/test.log || status=$?
else
  # Two lanes for two cores: the browser journeys, then the benchmark's quick smoke run (a few minutes; the full run
  # is in docs/PERFORMANCE.md); and every other test project. Side by side the lanes compete for the CPU: the web tests
  # take 6.5 minutes alone and about 25 beside the journeys, whose Chromium takes most of it (and raises its own
  # processes' priority, so lowering the lane's does not help).
  ( rc=0
    test_project Browser || rc=1
    started=$SECONDS
    dotnet run --no-build -c Release --project bench/CivicGrid.Bench -- --quick >TestResults/bench-quick.log 2>&1 \
      || { echo "The benchmark's quick run failed; see TestResults/bench-quick.log"; rc=1; }
    echo "Benchmark quick run: $((SECONDS - started)) s"
    exit $rc ) >TestResults/lane-1.log 2>&1 & lane1=$!
  ( rc=0
    for p in Core Architecture Web App Fault; do test_project "$p" || rc=1; done
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
