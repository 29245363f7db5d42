#!/usr/bin/env bash
# Runs every test project and prints one closing line: "tests: N passed, N failed[, N skipped]".
# Usage: scripts/test.sh [extra dotnet test args]
set -uo pipefail
cd "$(dirname "$0")/.."

results=$(mktemp -d)
trap 'rm -rf "$results"' EXIT

dotnet build Pyfleet.slnx -c Release -nologo -v quiet || { echo "tests: 0 passed, 1 failed"; exit 1; }

status=0
for project in tests/*/*.Tests.csproj; do
  name=$(basename "$project" .csproj)
  dotnet test "$project" -c Release --no-build -nologo \
    --logger "trx;LogFileName=$name.trx" --results-directory "$results" "$@" || status=1
done

# Count outcomes from the TRX files (one <UnitTestResult> per test).
passed=0; failed=0; skipped=0
for trx in "$results"/*.trx; do
  [ -f "$trx" ] || continue
  # Only <UnitTestResult> elements: the run's <ResultSummary outcome="Failed"> is not a test.
  p=$(grep -o '<UnitTestResult [^>]*outcome="Passed"' "$trx" | wc -l)
  f=$(grep -o '<UnitTestResult [^>]*outcome="Failed"' "$trx" | wc -l)
  s=$(grep -o '<UnitTestResult [^>]*outcome="NotExecuted"' "$trx" | wc -l)
  passed=$((passed + p)); failed=$((failed + f)); skipped=$((skipped + s))
done
if [ "$status" -ne 0 ] && [ "$failed" -eq 0 ]; then failed=1; fi  # a crashed test host counts as a failure

if [ "$skipped" -gt 0 ]; then
  echo "tests: $passed passed, $failed failed, $skipped skipped"
else
  echo "tests: $passed passed, $failed failed"
fi
[ "$failed" -eq 0 ]
