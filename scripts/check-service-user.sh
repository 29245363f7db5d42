#!/usr/bin/env bash
# Issue 11 §5: the published single file runs as a service user without a home (systemd DynamicUser=, nobody)
# and writes nothing outside its data folder. Publishes linux-x64, then runs sync, scan, audit and home with
# HOME=/nonexistent, an empty TMPDIR and a fresh data folder — as user nobody when run as root — and fails if a
# command fails, if HOME appears, or if any file appears outside the data folder (TMPDIR, the publish folder).
# The scanned tree holds a real virtualenv made by `python3 -m venv` into which real pip installed a wheel built
# here (urllib3 1.26.12, no index). PATH holds nothing but an empty folder and DOTNET_ROOT points nowhere: the
# binary must not need the SDK or a runtime.
# Usage: scripts/check-service-user.sh [PUBLISH_DIR [BINARY]]   (default: publish into a temp folder first;
#        BINARY defaults to PUBLISH_DIR/pyfleet, e.g. the /usr/bin/pyfleet symlink of an extracted .deb)
set -euo pipefail
cd "$(dirname "$0")/.."
work=$(mktemp -d /tmp/pyfleet-service-check.XXXXXX)
trap 'rm -rf "$work"' EXIT
chmod 755 "$work"

publish=${1:-}
if [ -z "$publish" ]; then
  publish="$work/publish"
  dotnet publish src/Pyfleet.Cli -c Release -r linux-x64 -o "$publish" -nologo -v quiet
fi
binary=${2:-$publish/pyfleet}
[ -x "$binary" ] || { echo "check: no $binary" >&2; exit 1; }
[ -f "$publish/libe_sqlite3.so" ] || { echo "check: libe_sqlite3.so is not beside the binary (bundled again?)" >&2; exit 1; }

mkdir -p "$work/data" "$work/tmp" "$work/tree/app" "$work/wheels" "$work/emptybin"
# A wheel of urllib3 1.26.12 (metadata and one module: what pip needs to install it), then a real venv and pip.
python3 - "$work/wheels" <<'PY'
import base64, hashlib, sys, zipfile
files = {
    "urllib3/__init__.py": b"__version__ = '1.26.12'\n",
    "urllib3-1.26.12.dist-info/METADATA": b"Metadata-Version: 2.1\nName: urllib3\nVersion: 1.26.12\n\n",
    "urllib3-1.26.12.dist-info/WHEEL": b"Wheel-Version: 1.0\nGenerator: pyfleet-check\nRoot-Is-Purelib: true\nTag: py3-none-any\n",
}
record = "".join(f"{n},sha256={base64.urlsafe_b64encode(hashlib.sha256(d).digest()).rstrip(b'=').decode()},{len(d)}\n" for n, d in files.items())
with zipfile.ZipFile(f"{sys.argv[1]}/urllib3-1.26.12-py3-none-any.whl", "w") as z:
    for n, d in files.items():
        z.writestr(n, d)
    z.writestr("urllib3-1.26.12.dist-info/RECORD", record + "urllib3-1.26.12.dist-info/RECORD,,\n")
PY
python3 -m venv "$work/tree/app/.venv"
"$work/tree/app/.venv/bin/python" -m pip install -q --no-index --find-links "$work/wheels" urllib3==1.26.12
zip=$(realpath "${OSV_ZIP:-../shared/data/osv/PyPI/all.zip}")
cp "$zip" "$work/all.zip"
as_user=()
if [ "$(id -u)" -eq 0 ]; then
  chown -R nobody: "$work/data" "$work/tmp"
  chmod -R a+rX "$work/tree" "$work/all.zip" "$publish"
  as_user=(runuser -u nobody --)
fi
# Entries, not folder times: while it runs, the .NET runtime keeps its diagnostics socket and debugger pipes in
# TMPDIR (dotnet-diagnostic-PID-…-socket, clr-debug-pipe-PID-…) and removes them on exit; they are IPC endpoints
# for dotnet-trace/dotnet-dump, not state (DOTNET_EnableDiagnostics=0 turns them off where that is wanted).
entries() { find "$publish" "$work/tmp" -mindepth 1 -printf '%p %s %T@\n' | sort; }
before=$(entries)

run() {
  (cd "$work/tree" && "${as_user[@]}" env -i PATH="$work/emptybin" DOTNET_ROOT=/nonexistent HOME=/nonexistent TMPDIR="$work/tmp" PYFLEET_HOME="$work/data" \
    DOTNET_CLI_TELEMETRY_OPTOUT=1 "$binary" "$@")
}
run --version
run sync --source "$work/all.zip" 2>&1 | tail -n 1
run scan . --format json > "$work/scan.json"
grep -q '"urllib3"' "$work/scan.json" || { echo "check: scan did not find urllib3 in the pip-made venv" >&2; exit 1; }
status=0; run audit . --offline --format json > "$work/audit.json" || status=$?
[ "$status" -eq 1 ] || { echo "check: audit exited $status, expected 1 (urllib3 1.26.12 is vulnerable)" >&2; exit 1; }
grep -q PYSEC-2023-192 "$work/audit.json" || { echo "check: audit did not report PYSEC-2023-192" >&2; exit 1; }
run home > /dev/null

[ ! -e /nonexistent ] || { echo "check: /nonexistent exists" >&2; exit 1; }
after=$(entries)
if [ "$before" != "$after" ]; then
  echo "check: files changed outside the data folder:" >&2
  diff <(echo "$before") <(echo "$after") >&2 || true
  exit 1
fi
echo "check: ok — ran as ${as_user[*]:-$(id -un)} with HOME=/nonexistent; wrote only under the data folder ($(find "$work/data" -type f | wc -l) files)"
