#!/usr/bin/env python3
"""Writes a fleet inventory document (pyfleet scan --format json, schemaVersion 1) for the audit benchmark.

2,000 environments x 100 packages = 200,000 packages. Half the packages are drawn from the packages the OSV
export names, with versions drawn from the versions and fixed events the advisories mention (so some are
affected and some are not); the other half are random names and versions that no advisory mentions.
Usage: generate_inventory.py ALL_ZIP OUT.json [--environments 2000] [--packages 100] [--seed 42]
"""
import argparse
import json
import random
import re
import zipfile


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("zip")
    parser.add_argument("out")
    parser.add_argument("--environments", type=int, default=2000)
    parser.add_argument("--packages", type=int, default=100)
    parser.add_argument("--seed", type=int, default=42)
    args = parser.parse_args()
    rng = random.Random(args.seed)

    versions = {}
    with zipfile.ZipFile(args.zip) as archive:
        for name in archive.namelist():
            record = json.loads(archive.read(name))
            for affected in record.get("affected", []):
                package = affected.get("package", {})
                if package.get("ecosystem") != "PyPI":
                    continue
                seen = versions.setdefault(re.sub(r"[-_.]+", "-", package["name"]).lower(), set())
                seen.update(affected.get("versions", []))
                for rng_ in affected.get("ranges", []):
                    if rng_.get("type") == "ECOSYSTEM":
                        for event in rng_.get("events", []):
                            for key in ("fixed", "last_affected", "introduced"):
                                if key in event and event[key] != "0":
                                    seen.add(event[key])
    known = sorted(n for n, v in versions.items() if v)
    environments = []
    for e in range(args.environments):
        packages = {}
        while len(packages) < args.packages:
            if rng.random() < 0.5:
                name = rng.choice(known)
                version = rng.choice(sorted(versions[name]))
            else:
                name = "internal-lib-%d" % rng.randrange(20000)
                version = "%d.%d.%d" % (rng.randrange(5), rng.randrange(30), rng.randrange(20))
            packages[name] = version
        environments.append({
            "path": "/srv/app-%04d/.venv" % e,
            "kind": "venv",
            "python": {"version": "3.11.9", "implementation": "cpython"},
            "labels": ["app-%04d" % e],
            "packages": [{"name": n, "version": v, "installer": "pip"} for n, v in sorted(packages.items())],
            "constraints": [],
        })
    document = {
        "schemaVersion": 1,
        "host": {"name": "bench-fleet", "os": None},
        "scannedAt": "2026-01-01T00:00:00+00:00",
        "environments": environments,
        "warnings": [],
    }
    with open(args.out, "w") as out:
        json.dump(document, out)


if __name__ == "__main__":
    main()
