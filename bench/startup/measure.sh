#!/usr/bin/env bash
# Start-up time of `pyfleet --version`: self-contained single-file ReadyToRun+trimmed publish vs `dotnet pyfleet.dll`.
# Usage: bench/startup/measure.sh   (needs hyperfine: apt-get install hyperfine)
set -euo pipefail
cd "$(dirname "$0")/../.."
out=$(mktemp -d)
dotnet publish src/Pyfleet.Cli -c Release -r linux-x64 -o "$out/single" -nologo -v quiet
dotnet build src/Pyfleet.Cli -c Release -o "$out/fdd" -nologo -v quiet
ls -la "$out/single"
hyperfine -N --warmup 3 --runs 40 "$out/single/pyfleet --version" "dotnet $out/fdd/pyfleet.dll --version"
rm -rf "$out"
