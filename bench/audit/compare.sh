#!/usr/bin/env bash
# Whole-process comparison: `pyfleet audit inventory.json --offline --format json` (Release single-file publish)
# vs the straightforward Python reference (bench/audit/reference_audit.py), side by side in one hyperfine run,
# on a generated 2,000-environment / 200,000-package inventory and the real OSV PyPI export. Both outputs are
# then checked for agreement (same vulnerable packages, same advisory ids).
# Usage: bench/audit/compare.sh [ALL_ZIP]   (default ../shared/data/osv/PyPI/all.zip; RUNS=5 to change runs)
# Needs hyperfine (apt-get install hyperfine). On a shared machine compare user+system CPU, not only wall time.
# Phase times of one run (startup, inputs, database, load, index, audit, write: wall, CPU, GC pauses, JIT):
#   PYFLEET_TIMINGS=1 pyfleet audit inventory.json --offline --format json > /dev/null
set -euo pipefail
cd "$(dirname "$0")/../.."
zip=$(realpath "${1:-../shared/data/osv/PyPI/all.zip}")
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT

python3 bench/audit/generate_inventory.py "$zip" "$work/inventory.json"
echo "inventory: $(du -h "$work/inventory.json" | cut -f1), $(python3 -c "import json,sys; d=json.load(open(sys.argv[1])); print(len(d['environments']), 'environments,', sum(len(e['packages']) for e in d['environments']), 'packages')" "$work/inventory.json")"

dotnet publish src/Pyfleet.Cli -c Release -r linux-x64 -o "$work/pyfleet" -nologo -v quiet
export PYFLEET_HOME="$work/home"
# One-time sync from the local zip (not timed): the audit itself then runs --offline against the store.
"$work/pyfleet/pyfleet" sync --source "$zip" 2>&1 | tail -1

# Agreement first (also warms the file cache for both).
"$work/pyfleet/pyfleet" audit "$work/inventory.json" --offline --format json > "$work/pyfleet.json" || [ $? -eq 1 ]
python3 bench/audit/reference_audit.py "$zip" "$work/inventory.json" > "$work/reference.json"
python3 bench/audit/check_agreement.py "$work/pyfleet.json" "$work/reference.json"
echo "pyfleet report: $(du -h "$work/pyfleet.json" | cut -f1)"

hyperfine --runs "${RUNS:-3}" --warmup 1 --export-json "$work/hyperfine.json" \
  -n pyfleet "$work/pyfleet/pyfleet audit $work/inventory.json --offline --format json > /dev/null || [ \$? -eq 1 ]" \
  -n python-reference "python3 bench/audit/reference_audit.py $zip $work/inventory.json > /dev/null"
python3 - "$work/hyperfine.json" <<'PY'
import json, sys
r = {x["command"]: x for x in json.load(open(sys.argv[1]))["results"]}
p, q = r["pyfleet"], r["python-reference"]
cpu = lambda x: x["user"] + x["system"]
print(f"wall  mean: pyfleet {p['mean']:.2f} s, reference {q['mean']:.2f} s -> {q['mean'] / p['mean']:.1f}x")
print(f"cpu   mean: pyfleet {cpu(p):.2f} s, reference {cpu(q):.2f} s -> {cpu(q) / cpu(p):.1f}x")
PY
