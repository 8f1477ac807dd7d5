#!/usr/bin/env bash
# Prints one closing line for all test assemblies: 'N passed, N failed, N skipped'.
set -euo pipefail
passed=0; failed=0; skipped=0
for trx in "$1"/*.trx; do
  [ -f "$trx" ] || continue
  counters=$(grep -o '<Counters [^>]*>' "$trx" | head -n 1)
  p=$(echo "$counters" | grep -o 'passed="[0-9]*"' | grep -o '[0-9]*'); passed=$((passed + ${p:-0}))
  f=$(echo "$counters" | grep -o 'failed="[0-9]*"' | grep -o '[0-9]*'); failed=$((failed + ${f:-0}))
  s=$(echo "$counters" | grep -o 'notExecuted="[0-9]*"' | grep -o '[0-9]*'); skipped=$((skipped + ${s:-0}))
done
echo "$passed passed, $failed failed, $skipped skipped"
[ "$failed" = 0 ] && [ "$passed" -gt 0 ]
