#!/usr/bin/env bash
# Whole-process comparison: `pyfleet audit inventory.json --offline --format json` (Release publish) vs the
# straightforward Python reference (bench/audit/reference_audit.py), side by side in one run, on a generated
# 2,000-environment / 200,000-package inventory and the real OSV PyPI export.
# Usage: bench/audit/compare.sh [ALL_ZIP]   (default ../shared/data/osv/PyPI/all.zip)
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

time_it() { # name, command...; prints wall seconds
  local name=$1; shift
  local start end
  start=$(date +%s.%N)
  "$@"
  end=$(date +%s.%N)
  python3 -c "print(f'{\"$name\":10s} {($end - $start):8.2f} s')" >&2
  echo "$end - $start" | bc -l
}

runs=${RUNS:-3}
best_py=999999; best_net=999999
for i in $(seq "$runs"); do
  t_net=$(time_it pyfleet bash -c "'$work/pyfleet/pyfleet' audit '$work/inventory.json' --offline --format json > '$work/pyfleet.json' || [ \$? -eq 1 ]")
  t_py=$(time_it reference python3 bench/audit/reference_audit.py "$zip" "$work/inventory.json" > "$work/reference.json")
  best_net=$(echo "if ($t_net < $best_net) $t_net else $best_net" | bc -l)
  best_py=$(echo "if ($t_py < $best_py) $t_py else $best_py" | bc -l)
done

python3 bench/audit/check_agreement.py "$work/pyfleet.json" "$work/reference.json"
printf 'best of %d: pyfleet %.2f s, python reference %.2f s, speed-up %.1fx\n' "$runs" "$best_net" "$best_py" "$(echo "$best_py / $best_net" | bc -l)"
