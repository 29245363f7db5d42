#!/usr/bin/env bash
# Fuzzes one reader (issue 17).  Usage: scripts/fuzz.sh TARGET SECONDS   (TARGET=list shows the names,
# TARGET=all runs every target for SECONDS each, one after the other).
#
# With AFL++ (apt-get install afl++) and the SharpFuzz tool (dotnet tool install --global SharpFuzz.CommandLine
# --version 2.3.0) on PATH, it instruments Pyfleet.Core/Packaging and runs afl-fuzz for SECONDS; otherwise (and
# with FUZZ_MODE=smoke, as CI runs it) it runs the in-process mutation smoke for SECONDS.
# Findings go to fuzz/findings/TARGET/ (crash-* inputs with a .txt of what went wrong); exit 1 when there are any.
set -euo pipefail
cd "$(dirname "$0")/.."
target=${1:?usage: scripts/fuzz.sh TARGET SECONDS}
seconds=${2:-10}
out=fuzz/bin
dotnet build fuzz/Pyfleet.Fuzz -c Release -nologo -v quiet -o "$out" >/dev/null
run() { dotnet "$out/Pyfleet.Fuzz.dll" "$@"; }

if [ "$target" = list ]; then run list; exit 0; fi
if [ "$target" = all ]; then
  status=0
  for t in $(run list | cut -d' ' -f1); do "$0" "$t" "$seconds" || status=1; done
  exit $status
fi

mode=${FUZZ_MODE:-auto}
if [ "$mode" = auto ]; then
  if command -v afl-fuzz >/dev/null && command -v sharpfuzz >/dev/null; then mode=afl; else mode=smoke; fi
fi

if [ "$mode" = smoke ]; then
  exec dotnet "$out/Pyfleet.Fuzz.dll" smoke "$target" "$seconds" "fuzz/findings/$target"
fi

# AFL++: instrument the reader assemblies in place (the copies in fuzz/bin only), seed from the fixtures.
for dll in Pyfleet.Core.dll Pyfleet.Packaging.dll; do sharpfuzz "$out/$dll" >/dev/null; done
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
run seeds "$target" "$work/in"
[ -n "$(ls -A "$work/in")" ] || printf 'x' > "$work/in/empty"
AFL_SKIP_BIN_CHECK=1 AFL_NO_UI=1 AFL_I_DONT_CARE_ABOUT_MISSING_CRASHES=1 \
  afl-fuzz -V "$seconds" -t 5000 -m none -i "$work/in" -o "$work/out" -- dotnet "$out/Pyfleet.Fuzz.dll" afl "$target" || true
stats="$work/out/default/fuzzer_stats"
[ -f "$stats" ] && grep -E '^(execs_done|execs_per_sec|saved_crashes|saved_hangs|bitmap_cvg|corpus_count)' "$stats" | sed "s/^/$target: /"
mkdir -p "fuzz/findings/$target"
found=0
for f in "$work"/out/default/crashes/id:* "$work"/out/default/hangs/id:*; do
  [ -f "$f" ] || continue
  cp "$f" "fuzz/findings/$target/crash-$(sha256sum "$f" | cut -c1-16)"; found=1
done
exit $found
