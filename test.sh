#!/usr/bin/env bash
# Runs every test on SQLite and on a real PostgreSQL, including the browser journeys in Chromium.
set -euo pipefail
cd "$(dirname "$0")"
dev/ensure-tools.sh
eval "$(dev/start-postgres.sh)"
trap 'dev/stop-postgres.sh' EXIT
dotnet tool restore >/dev/null
dotnet build CivicGrid.slnx -c Release -warnaserror --nologo -v q
dotnet test CivicGrid.slnx -c Release --no-build --nologo --logger "console;verbosity=minimal" --logger "trx" --results-directory TestResults "$@"
dev/summarise-tests.sh TestResults
