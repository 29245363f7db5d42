#!/usr/bin/env bash
# pyfleet outdated vs pip list --outdated over the same loopback PEP 503 index (python3 -m http.server over a
# static tree built from the recorded release histories), for N venvs (default 100).
# Checks both report the same latest versions, then times both with a warm cache.
# Usage: bench/outdated/compare.sh [N_VENVS]
set -euo pipefail
cd "$(dirname "$0")/../.."
N=${1:-100}
work=$(mktemp -d)
trap 'kill $server 2>/dev/null || true; rm -rf "$work"' EXIT
python3 bench/outdated/make_fleet.py "$work/fleet" "$N"
port=$(python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1",0)); print(s.getsockname()[1])')
(cd "$work/fleet" && exec python3 -m http.server "$port" --bind 127.0.0.1 >/dev/null 2>&1) &
server=$!
sleep 1
index="http://127.0.0.1:$port/simple/"
# The real interpreter, not a pyenv shim, so pip is not charged for shim start-up.
PY=$(python3 -c 'import sys; print(sys.executable)')
dotnet build src/Pyfleet.Cli -c Release -o "$work/pyfleet" -nologo -v quiet >/dev/null
export PYFLEET_HOME="$work/home"
pyfleet() { "$work/pyfleet/pyfleet" "$@"; }
inventories=("$work"/fleet/inventories/*.json)

run_pip() {
  for venv in "$work"/fleet/venvs/*; do
    "$PY" -m pip --python "$venv/bin/python" list --outdated --format json --disable-pip-version-check --index-url "$index" 2>/dev/null
    echo
  done
}
run_pyfleet() { pyfleet outdated "${inventories[@]}" --format json --index-url "$index" --as-of 2026-08-22 --eol-url "http://127.0.0.1:$port/no-eol" || true; }

# Warm both caches (pip's HTTP cache and pyfleet's) and compare answers.
run_pip > "$work/pip.json"
run_pyfleet > "$work/pyfleet.json"
python3 - "$work/pip.json" "$work/pyfleet.json" <<'PY'
import json, sys
pip = {}
for chunk in open(sys.argv[1]).read().split("\n"):
    if chunk.strip():
        for p in json.loads(chunk):
            pip.setdefault(p["name"].lower(), set()).add(p["latest_version"])
fleet = {}
for env in json.load(open(sys.argv[2]))["environments"]:
    for p in env["packages"]:
        if p["latest"] and p["latest"] != p["version"]:
            fleet.setdefault(p["name"], set()).add(p["latest"])
print("pip     latest:", {k: sorted(v) for k, v in sorted(pip.items())})
print("pyfleet latest:", {k: sorted(v) for k, v in sorted(fleet.items())})
if pip != fleet:
    sys.exit("MISMATCH between pip and pyfleet latest versions")
print("same latest versions: yes")
PY

time_it() { local start end; start=$(date +%s.%N); "$@" >/dev/null; end=$(date +%s.%N); python3 -c "print(f'{$end-$start:.3f}')"; }
pip_s=$(time_it run_pip)
fleet_s=$(time_it run_pyfleet)
echo "venvs: $N  packages per venv: 7"
echo "pip list --outdated (warm pip cache, $N processes): ${pip_s}s"
echo "pyfleet outdated (warm cache, 1 process, $N inventories): ${fleet_s}s"
python3 -c "print(f'speed-up: {$pip_s/$fleet_s:.1f}x')"
