#!/usr/bin/env bash
# Adds up the per-assembly lines of a `dotnet test` log and prints one closing line: 'N passed, N failed, N skipped'.
set -euo pipefail
passed=0; failed=0; skipped=0
while read -r f p s; do
  failed=$((failed + f)); passed=$((passed + p)); skipped=$((skipped + s))
done < <(grep -oE 'Failed: +[0-9]+, Passed: +[0-9]+, Skipped: +[0-9]+' "$1" | sed -E 's/[^0-9]+/ /g')
echo "$passed passed, $failed failed, $skipped skipped"
[ "$failed" = 0 ] && [ "$passed" -gt 0 ]
