#!/usr/bin/env bash
# Lists the slowest tests of the last run from the .trx files in a folder (default TestResults), slowest first, so a
# suite that grows slow shows where its time goes.
set -euo pipefail
dir=${1:-TestResults}
count=${2:-15}
shopt -s nullglob
files=("$dir"/*.trx)
[ ${#files[@]} -gt 0 ] || exit 0
# Sorted in full before the first lines are taken, so no stage of a pipe is cut off early.
sorted=$(grep -ho '<UnitTestResult [^>]*' "${files[@]}" | sed -nE 's/.* testName="([^"]*)".* duration="([^"]*)".*/\2  \1/p' | sort -r)
printf '%s\n' "$sorted" | awk -v n="$count" 'NR <= n'
