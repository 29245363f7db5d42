#!/usr/bin/env python3
"""Builds the benchmark fleet for bench/outdated/compare.sh.

- A static PEP 503 index (simple/<name>/index.html) from the recorded release lists in shared/data/releases
  (real Django, numpy, wagtail, ansible-core, salt, apache-airflow, plone histories), with data-requires-python
  gates for Django from its recorded supportedPythonVersions, one synthetic wheel name per version.
- N venvs (python3 -m venv --without-pip; pip is run from outside with --python) holding old versions,
  installed once by a real pip from wheels written here, then copied.
- One inventory document per venv (the `scan --format json` contract) for pyfleet, built from the same
  dist-info folders pip reads.
Usage: make_fleet.py OUT_DIR N_VENVS
"""
import hashlib, json, os, shutil, subprocess, sys, zipfile

ROOT = os.path.dirname(os.path.abspath(__file__))
RELEASES = os.path.join(ROOT, "..", "..", "..", "shared", "data", "releases")
INSTALLED = {"django": "3.2.12", "numpy": "1.24.0", "wagtail": "4.1.1", "ansible-core": "2.14.1",
             "salt": "3005.1", "apache-airflow": "2.5.0", "plone": "5.2.9"}

def norm(name): return name.lower().replace("_", "-").replace(".", "-")

def write_index(out):
    for name in INSTALLED:
        data = json.load(open(os.path.join(RELEASES, name + ".json")))
        gates = {}
        for cycle, info in data["releases"].items():
            supported = info.get("supportedPythonVersions")
            if supported:
                gates[cycle] = ">=" + supported.replace("(", " ").replace("-", " ").split()[0]
        page = os.path.join(out, "simple", norm(name))
        os.makedirs(page, exist_ok=True)
        links = []
        for version in data["versions"]:
            fn = f"{name.replace('-', '_')}-{version}-py3-none-any.whl"
            digest = hashlib.sha256(fn.encode()).hexdigest()
            gate = gates.get(".".join(version.split(".")[:2]))
            attr = f' data-requires-python="{gate.replace(">", "&gt;").replace("<", "&lt;")}"' if gate else ""
            links.append(f'<a href="../../files/{fn}#sha256={digest}"{attr}>{fn}</a><br/>')
        with open(os.path.join(page, "index.html"), "w") as f:
            f.write("<!DOCTYPE html><html><head><meta name=\"pypi:repository-version\" content=\"1.0\"><title>Links</title></head><body>\n"
                    + "\n".join(links) + "\n</body></html>\n")

def write_wheel(directory, name, version):
    module = name.replace("-", "_")
    dist = f"{module}-{version}.dist-info"
    files = {f"{module}/__init__.py": f"__version__ = '{version}'\n",
             f"{dist}/METADATA": f"Metadata-Version: 2.1\nName: {name}\nVersion: {version}\n",
             f"{dist}/WHEEL": "Wheel-Version: 1.0\nGenerator: bench\nRoot-Is-Purelib: true\nTag: py3-none-any\n"}
    record = "".join(f"{p},,\n" for p in files) + f"{dist}/RECORD,,\n"
    files[f"{dist}/RECORD"] = record
    path = os.path.join(directory, f"{module}-{version}-py3-none-any.whl")
    with zipfile.ZipFile(path, "w") as z:
        for p, c in files.items():
            z.writestr(p, c)

def main():
    out, count = sys.argv[1], int(sys.argv[2])
    shutil.rmtree(out, ignore_errors=True)
    write_index(out)
    wheels = os.path.join(out, "wheels")
    os.makedirs(wheels)
    for name, version in INSTALLED.items():
        write_wheel(wheels, name, version)
    template = os.path.join(out, "template")
    subprocess.run([sys.executable, "-m", "venv", "--without-pip", template], check=True)
    subprocess.run([sys.executable, "-m", "pip", "--python", os.path.join(template, "bin", "python"), "install", "--quiet",
                    "--disable-pip-version-check", "--no-index", "--find-links", wheels] + [f"{n}=={v}" for n, v in INSTALLED.items()], check=True)
    py = subprocess.run([os.path.join(template, "bin", "python"), "-c", "import platform; print(platform.python_version())"],
                        check=True, capture_output=True, text=True).stdout.strip()
    os.makedirs(os.path.join(out, "inventories"))
    for i in range(count):
        venv = os.path.join(out, "venvs", f"v{i:03d}")
        shutil.copytree(template, venv, symlinks=True)
        doc = {"schemaVersion": 1, "host": {"name": "bench", "os": None}, "scannedAt": "2026-08-22T00:00:00Z",
               "environments": [{"path": venv, "kind": "venv", "python": {"version": py, "implementation": "cpython"}, "labels": [],
                                 "packages": [{"name": norm(n), "version": v} for n, v in INSTALLED.items()], "constraints": []}],
               "warnings": []}
        with open(os.path.join(out, "inventories", f"v{i:03d}.json"), "w") as f:
            json.dump(doc, f)

if __name__ == "__main__":
    main()
