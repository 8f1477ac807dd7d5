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
  # Two lanes for two cores, balanced by hand: the browser journeys and the fault tests are the long poles, so each
  # leads a lane and the web tests are split between them. The second filter is the first one negated term by term,
  # so no test is left out or run twice.
  # The case tests moved to the second lane when the first ran 49 minutes against the second's 32.
  lane1_web='FullyQualifiedName~CivicGrid.Web.Tests.Security.|FullyQualifiedName~CivicGrid.Web.Tests.Access.'
  lane2_web='FullyQualifiedName!~CivicGrid.Web.Tests.Security.&FullyQualifiedName!~CivicGrid.Web.Tests.Access.'
  ( rc=0
    for p in Browser App; do test_project "$p" || rc=1; done
    test_project Web --filter "$lane1_web" || rc=1
    exit $rc ) >TestResults/lane-1.log 2>&1 & lane1=$!
  ( rc=0
    for p in Core Architecture; do test_project "$p" || rc=1; done
    test_project Web --filter "$lane2_web" || rc=1
    test_project Fault || rc=1
    exit $rc ) >TestResults/lane-2.log 2>&1 & lane2=$!
  wait $lane1 || status=1
  wait $lane2 || status=1
  cat TestResults/lane-1.log TestResults/lane-2.log | tee TestResults/test.log
fi
dev/summarise-tests.sh TestResults/test.log || status=${status/#0/1}
echo "Slowest tests:"
dev/slowest-tests.sh TestResults 15 || true
if [ $# -eq 0 ]; then
  # Smoke check of every benchmark scenario at small scale (a few minutes); the full run is in docs/PERFORMANCE.md.
  bench=0
  dotnet run --no-build -c Release --project bench/CivicGrid.Bench -- --quick >TestResults/bench-quick.log 2>&1 || bench=$?
  grep -E '^\||^Time per' TestResults/bench-quick.log || true
  [ "$bench" = 0 ] || { echo "The benchmark's quick run failed; see TestResults/bench-quick.log"; status=${status/#0/1}; }
fi
echo "test.sh: exit status $status"
exit "$status"
