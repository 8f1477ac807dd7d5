#!/usr/bin/env bash
# Runs every test on SQLite and on a real PostgreSQL, including the browser journeys in Chromium, then the benchmark's
# quick smoke run. Arguments go to dotnet test (a filter, say) and skip the benchmark.
set -euo pipefail
cd "$(dirname "$0")"
dev/ensure-tools.sh
eval "$(dev/start-postgres.sh)"
trap 'dev/stop-postgres.sh' EXIT
dotnet build CivicGrid.slnx -c Release -warnaserror --nologo -v q
mkdir -p TestResults
rm -f TestResults/*.trx
status=0
dotnet test CivicGrid.slnx -c Release --no-build --nologo --logger "console;verbosity=minimal" --logger trx --results-directory TestResults "$@" 2>&1 | tee TestResults/test.log || status=$?
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
exit "$status"
