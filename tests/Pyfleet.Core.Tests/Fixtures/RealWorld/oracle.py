"""Reference readers for RealWorldParityTests: what the tools themselves read from a file.

    python3 oracle.py buildout FILE   -> {"pins": [[section, name, value], ...]} (configparser, buildout's inline comments)
    python3 oracle.py lock FILE       -> {"packages": [[name, version], ...]} (tomllib, or json for Pipfile.lock)

Requirements files go through ../Manifests/Requirements/pip_parse.py (pip's own parser).
"""
import configparser
import json
import sys


def buildout(path):
    # zc.buildout's parser keeps whole-line comments out and drops a '#'/';' comment that follows whitespace
    # (configparser's inline_comment_prefixes does exactly that); keys keep their case, '=' is the only delimiter.
    parser = configparser.RawConfigParser(delimiters=("=",), comment_prefixes=("#", ";"),
                                          inline_comment_prefixes=("#", ";"), strict=False,
                                          empty_lines_in_values=False, interpolation=None)
    parser.optionxform = str
    with open(path, encoding="utf-8") as handle:
        parser.read_file(handle)
    versions = parser.get("buildout", "versions", fallback="versions") if parser.has_section("buildout") else "versions"
    pins = []
    for section in parser.sections():
        if section == versions or section.startswith(versions + ":"):
            pins.extend([section, key, value.strip()] for key, value in parser.items(section))
    return {"pins": pins}


def lock(path):
    if path.endswith(".json") or path.endswith("Pipfile.lock"):
        with open(path, encoding="utf-8") as handle:
            data = json.load(handle)
        packages = [[name, (entry.get("version") or "").lstrip("=") or None]
                    for group in ("default", "develop") for name, entry in data.get(group, {}).items()]
        return {"packages": packages}
    import tomllib
    with open(path, "rb") as handle:
        data = tomllib.load(handle)
    entries = data.get("packages") if "lock-version" in data else data.get("package", []) + data.get("distribution", [])
    return {"packages": [[entry.get("name"), entry.get("version")] for entry in entries or []]}


if __name__ == "__main__":
    mode, target = sys.argv[1], sys.argv[2]
    print(json.dumps(buildout(target) if mode == "buildout" else lock(target)))
