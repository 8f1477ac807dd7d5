#!/usr/bin/env bash
# Runs every test on SQLite and on a real PostgreSQL, including the browser journeys in Chromium.
set -euo pipefail
cd "$(dirname "$0")"
dev/ensure-tools.sh
eval "$(dev/start-postgres.sh)"
trap 'dev/stop-postgres.sh' EXIT
dotnet build CivicGrid.slnx -c Release -warnaserror --nologo -v q
mkdir -p TestResults
status=0
dotnet test CivicGrid.slnx -c Release --no-build --nologo --logger "console;verbosity=minimal" "$@" 2>&1 | tee TestResults/test.log || status=$?
dev/summarise-tests.sh TestResults/test.log || status=${status/#0/1}
exit "$status"
