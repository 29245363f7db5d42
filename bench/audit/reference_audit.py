#!/usr/bin/env python3
"""A straightforward Python reference of `pyfleet audit --offline`'s matching, for the side-by-side benchmark.

Loads the OSV zip, indexes affected entries by PEP 503 name, and for every package of every environment
evaluates the OSV rule: affected = version in `versions` OR inside an ECOSYSTEM range (events sorted with PEP
440 ordering; at equal versions fixed/last_affected before introduced, like Pyfleet; limits honoured; GIT
ranges skipped). Withdrawn records are skipped. Versions use `packaging`: this machine's python3 only has pip's
vendored copy (packaging 21.3), imported as `pip._vendor.packaging.version` - acceptable for the reference.
Prints JSON {"findings": {"<env>|<package>": [ids...]}, "counts": {...}}.
Usage: reference_audit.py ALL_ZIP INVENTORY.json
"""
import json
import re
import sys
import zipfile

try:
    from packaging.version import InvalidVersion, Version
except ImportError:  # Debian's python3 without python3-packaging: pip's vendored copy
    from pip._vendor.packaging.version import InvalidVersion, Version


def parse(text):
    try:
        return Version(text)
    except InvalidVersion:
        return None


def compile_range(events):
    compiled, limits = [], []
    for event in events:
        (kind, value), = event.items()
        if kind == "limit":
            if value != "*":
                limits.append(parse(value))
            continue
        version = None if (kind == "introduced" and value == "0") else parse(value)
        if version is None and not (kind == "introduced" and value == "0"):
            continue  # unparseable event: Pyfleet compares it as text; the reference skips it
        compiled.append((kind, version))
    order = {"fixed": 0, "last_affected": 0, "introduced": 1}
    compiled.sort(key=lambda e: (e[1] is not None, e[1] or Version("0"), order[e[0]]))
    return compiled, [l for l in limits if l is not None]


def in_range(version, compiled, limits):
    if limits and not any(version < limit for limit in limits):
        return False
    affected = False
    for kind, at in compiled:
        if at is None:
            affected = affected or kind == "introduced"
            continue
        if version < at:
            break
        if kind == "introduced":
            affected = True
        elif kind == "fixed":
            affected = False
        elif kind == "last_affected" and version > at:
            affected = False
    return affected


def load(path):
    index = {}
    with zipfile.ZipFile(path) as archive:
        for name in archive.namelist():
            if not name.endswith(".json"):
                continue
            record = json.loads(archive.read(name))
            if record.get("withdrawn"):
                continue
            for affected in record.get("affected", []):
                package = affected.get("package", {})
                if package.get("ecosystem") != "PyPI":
                    continue
                ranges = [compile_range(r.get("events", [])) for r in affected.get("ranges", []) if r.get("type") == "ECOSYSTEM"]
                listed = {parse(v) for v in affected.get("versions", [])} - {None}
                # Like Pyfleet: a version that does not parse is matched against the list as normalized text.
                listed |= {v.strip().lower() for v in affected.get("versions", []) if parse(v) is None}
                key = re.sub(r"[-_.]+", "-", package["name"]).lower()
                index.setdefault(key, []).append((record["id"], ranges, listed))
    return index


def main():
    print("reference: packaging from", Version.__module__, file=sys.stderr)
    index = load(sys.argv[1])
    with open(sys.argv[2]) as f:
        inventory = json.load(f)
    findings = {}
    packages = 0
    for environment in inventory["environments"]:
        for package in environment["packages"]:
            packages += 1
            rules = index.get(package["name"])
            if not rules or not package.get("version"):
                continue
            version = parse(package["version"])
            if version is None:
                text = package["version"].strip().lower()
                ids = sorted({rid for rid, ranges, listed in rules if text in listed})
            else:
                ids = sorted({rid for rid, ranges, listed in rules
                              if version in listed or any(in_range(version, c, l) for c, l in ranges)})
            if ids:
                findings[environment["path"] + "|" + package["name"]] = ids
    json.dump({"counts": {"packages": packages, "vulnerablePackages": len(findings),
                          "findings": sum(len(v) for v in findings.values())}, "findings": findings}, sys.stdout)


if __name__ == "__main__":
    main()
