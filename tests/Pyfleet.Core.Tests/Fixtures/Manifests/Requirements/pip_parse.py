"""Reads requirements files with pip's own parser and prints what it found as JSON.

Used by RequirementsPipParityTests: pip is the reference for how a requirements file is read. Run as
    python3 pip_parse.py FILE [FILE ...]
from the directory relative local paths resolve against. For each file prints
    {"pip": "23.2.1", "results": [{"file": ..., "requirements": [...], "error": {"line": n, "message": ...} | null}]}
pip stops at the first error, so "requirements" holds what it yielded before that.
"""
import json
import sys

import pip._internal.req.req_file as req_file
from pip._internal.exceptions import InstallationError
from pip._internal.network.session import PipSession
from pip._internal.req.constructors import install_req_from_parsed_requirement

current = {"line": None}
_preprocess = req_file.preprocess


def tracking_preprocess(content):
    for number, line in _preprocess(content):
        current["line"] = number
        yield number, line


req_file.preprocess = tracking_preprocess


def describe(ireq, parsed):
    hashes = []
    for algo, digests in sorted((ireq.hash_options or {}).items()):
        hashes.extend(f"{algo}:{d}" for d in digests)
    return {
        "line": int(parsed.comes_from.rsplit("(line ", 1)[1].rstrip(")")),
        "file": parsed.comes_from.split(" ", 1)[1].rsplit(" (line ", 1)[0],
        "name": ireq.req.name if ireq.req else None,
        "specifier": str(ireq.req.specifier) if ireq.req else None,
        "extras": sorted(ireq.extras),
        "marker": str(ireq.markers) if ireq.markers else None,
        "editable": ireq.editable,
        "constraint": ireq.constraint,
        "url": ireq.link.url if ireq.link else None,
        "hashes": hashes,
    }


def parse(path):
    result = {"file": path, "requirements": [], "error": None}
    session = PipSession()
    try:
        for parsed in req_file.parse_requirements(path, session=session):
            current["line"] = int(parsed.comes_from.rsplit("(line ", 1)[1].rstrip(")"))
            ireq = install_req_from_parsed_requirement(parsed)
            result["requirements"].append(describe(ireq, parsed))
    except (InstallationError, Exception) as exc:  # pip raises several types; all abort the file
        result["error"] = {"line": current["line"], "type": type(exc).__name__, "message": str(exc)}
    return result


if __name__ == "__main__":
    sys.setrecursionlimit(200)
    import pip
    print(json.dumps({"pip": pip.__version__, "results": [parse(p) for p in sys.argv[1:]]}, indent=1))
