#!/usr/bin/env python3
"""Checks that `pyfleet audit --format json` and reference_audit.py found the same vulnerable packages and that
every reference advisory id appears in Pyfleet's finding (as id or alias: Pyfleet merges alias groups).
Usage: check_agreement.py PYFLEET.json REFERENCE.json"""
import json
import sys

pyfleet = json.load(open(sys.argv[1]))
reference = json.load(open(sys.argv[2]))["findings"]
ours = {}
for inventory in pyfleet["inventories"]:
    for environment in inventory["environments"]:
        for package in environment["packages"]:
            ids = set()
            for v in package["vulnerabilities"]:
                ids.add(v["id"])
                ids.update(v["aliases"])
            ours[environment["path"] + "|" + package["name"]] = ids
missing = [k for k in reference if k not in ours]
extra = [k for k in ours if k not in reference]
mismatched = [k for k in reference if k in ours and not set(reference[k]) <= ours[k]]
print(f"agreement: pyfleet {len(ours)} vulnerable packages, reference {len(reference)}; "
      f"missing {len(missing)}, extra {len(extra)}, id mismatches {len(mismatched)}")
for k in (missing + extra + mismatched)[:10]:
    print("  differs:", k, sorted(reference.get(k, [])), sorted(ours.get(k, [])))
sys.exit(1 if missing or extra or mismatched else 0)
