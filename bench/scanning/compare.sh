#!/usr/bin/env bash
# Whole-process comparison for `pyfleet scan` (issue 3), warm cache, side by side in one run:
#   1. pyfleet:   pyfleet scan ROOT --format json            (published Release, self-contained, ReadyToRun)
#                 into a store that already holds a snapshot of ROOT (the daily rescan: unchanged environments
#                 are not written again), into an empty store (the first scan), and with --no-store
#   2. I/O floor: find ROOT -name METADATA -print0 | xargs -0 head -qc 2048 >/dev/null
#   3. pip:       python3 -m pip inspect --path SITE_PACKAGES, once per environment, on a sample of
#                 PIP_SAMPLE environments; the per-environment time is the sample mean (extrapolated).
# Peak memory from /usr/bin/time -v. Each timed command runs RUNS times; the best wall time is kept.
#
# Usage: bench/scanning/compare.sh [ROOT] [ENVS] [PACKAGES]
#   env: PYFLEET_BIN (default: publish to /tmp/pyfleet-publish), PIP_SAMPLE (50), RUNS (3), PYTHON (/usr/bin/python3)
set -euo pipefail
cd "$(dirname "$0")/../.."

ROOT=${1:-/tmp/pyfleet-bench}
ENVS=${2:-2000}
PACKAGES=${3:-100}
PIP_SAMPLE=${PIP_SAMPLE:-50}
RUNS=${RUNS:-3}
PYTHON=${PYTHON:-/usr/bin/python3}
WORK=$(mktemp -d)
trap 'rm -rf "$WORK"' EXIT

if [ ! -f "$ROOT/.generated-$ENVS-$PACKAGES" ]; then
  # Never delete anything: generate only into a new or empty folder.
  if [ -d "$ROOT" ] && [ -n "$(ls -A "$ROOT")" ]; then
    echo "$ROOT exists and was not generated for $ENVS x $PACKAGES; pass another ROOT" >&2; exit 2
  fi
  mkdir -p "$ROOT"
  "$PYTHON" bench/scanning/generate.py "$ROOT" "$ENVS" "$PACKAGES"
  touch "$ROOT/.generated-$ENVS-$PACKAGES"
fi

if [ -z "${PYFLEET_BIN:-}" ]; then
  dotnet publish src/Pyfleet.Cli -c Release -r linux-x64 --self-contained -p:PublishSingleFile=true \
    -p:PublishReadyToRun=true -o /tmp/pyfleet-publish -nologo -v quiet >/dev/null
  PYFLEET_BIN=/tmp/pyfleet-publish/pyfleet
fi

# best wall seconds and peak RSS (KB) of a command over RUNS runs
measure() {
  local best="" rss=0 t0 t1 wall r
  for _ in $(seq "$RUNS"); do
    t0=$(date +%s.%N)
    /usr/bin/time -v -o "$WORK/time.txt" bash -c "$1"
    t1=$(date +%s.%N)
    wall=$(echo "$t1 - $t0" | bc -l)
    r=$(awk -F': ' '/Maximum resident set size/ {print $2}' "$WORK/time.txt")
    if [ -z "$best" ] || [ "$(echo "$wall < $best" | bc -l)" = 1 ]; then best=$wall; fi
    if [ "$r" -gt "$rss" ]; then rss=$r; fi
  done
  echo "$best $rss"
}

echo "warming the page cache..."
find "$ROOT" -name METADATA -print0 | xargs -0 head -qc 2048 >/dev/null
export PYFLEET_HOME="$WORK/home"
# "Warm cache" for every contender: pyfleet also touches INSTALLER, REQUESTED and direct_url.json (and creates
# its store), which the floor's warm-up above does not; one untimed run of each mode warms those too.
"$PYFLEET_BIN" scan "$ROOT" --format json --no-store >/dev/null
"$PYFLEET_BIN" scan "$ROOT" --format json >/dev/null 2>&1

SCAN="$PYFLEET_BIN scan $ROOT --format json > $WORK/scan.json"
SCAN_FIRST="rm -rf $WORK/first-home && PYFLEET_HOME=$WORK/first-home $PYFLEET_BIN scan $ROOT --format json > $WORK/scan.json 2>/dev/null"
SCAN_NOSTORE="$PYFLEET_BIN scan $ROOT --format json --no-store > $WORK/scan.json"
FLOOR="find $ROOT -name METADATA -print0 | xargs -0 head -qc 2048 >/dev/null"
read -r scan_s scan_kb <<<"$(measure "$SCAN")"
read -r first_s first_kb <<<"$(measure "$SCAN_FIRST")"
read -r nostore_s nostore_kb <<<"$(measure "$SCAN_NOSTORE")"
read -r floor_s floor_kb <<<"$(measure "$FLOOR")"

found=$("$PYTHON" -c "import json,sys; d=json.load(open(sys.argv[1])); print(len(d['environments']), sum(len(e['packages']) for e in d['environments']), len(d['warnings']))" "$WORK/scan.json")

mapfile -t sample < <(find "$ROOT" -maxdepth 1 -name 'app*' | sort | head -n "$PIP_SAMPLE")
t0=$(date +%s.%N)
for app in "${sample[@]}"; do
  "$PYTHON" -m pip inspect --path "$app/.venv/lib/python3.11/site-packages" >/dev/null 2>&1
done
t1=$(date +%s.%N)
pip_per_env=$(echo "($t1 - $t0) / ${#sample[@]}" | bc -l)

scan_per_env=$(echo "$scan_s / $ENVS" | bc -l)
printf '\n%s environments x %s packages under %s (found: environments packages warnings = %s)\n' "$ENVS" "$PACKAGES" "$ROOT" "$found"
printf '%-58s %10s %12s\n' "command" "wall s" "peak RSS MB"
printf '%-58s %10.3f %12.1f\n' "pyfleet scan ROOT --format json (rescan, store has ROOT)" "$scan_s" "$(echo "$scan_kb/1024" | bc -l)"
printf '%-58s %10.3f %12.1f\n' "pyfleet scan ROOT --format json (first, empty store)" "$first_s" "$(echo "$first_kb/1024" | bc -l)"
printf '%-58s %10.3f %12.1f\n' "pyfleet scan ROOT --format json --no-store" "$nostore_s" "$(echo "$nostore_kb/1024" | bc -l)"
printf '%-58s %10.3f %12.1f\n' "find -name METADATA | xargs head -qc 2048 (I/O floor)" "$floor_s" "$(echo "$floor_kb/1024" | bc -l)"
printf '%-58s %10.3f\n' "pip inspect --path, per environment (mean of ${#sample[@]})" "$pip_per_env"
printf '%-58s %10.5f\n' "pyfleet, per environment" "$scan_per_env"
printf '\nratio pyfleet / floor:                %.2fx   (target <= 1.5x)\n' "$(echo "$scan_s / $floor_s" | bc -l)"
printf 'ratio pyfleet --no-store / floor:     %.2fx\n' "$(echo "$nostore_s / $floor_s" | bc -l)"
printf 'pip inspect / pyfleet per environment: %.0fx  (target >= 200x)\n' "$(echo "$pip_per_env / $scan_per_env" | bc -l)"
printf '  first scan into an empty store:      %.0fx\n' "$(echo "$pip_per_env * $ENVS / $first_s" | bc -l)"
printf '  --no-store:                          %.0fx\n' "$(echo "$pip_per_env * $ENVS / $nostore_s" | bc -l)"
printf 'pyfleet peak memory:                  %.0f MB (target <= 300 MB; first scan %.0f MB)\n' "$(echo "$scan_kb/1024" | bc -l)" "$(echo "$first_kb/1024" | bc -l)"
