#!/usr/bin/env python3
"""Generates N virtualenvs x M packages laid out as pip leaves them, for bench/scanning/compare.sh.

Each environment: pyvenv.cfg, bin/python -> /usr/bin/python3, lib/pythonX.Y/site-packages with, per package,
the module folder and a .dist-info holding METADATA (with a long description body), WHEEL, RECORD, INSTALLER
and (for every other package) REQUESTED. Pure file writing: nothing is installed or run.

Usage: generate.py ROOT [ENVS=2000] [PACKAGES=100]
"""
import os
import sys

root = sys.argv[1]
envs = int(sys.argv[2]) if len(sys.argv) > 2 else 2000
packages = int(sys.argv[3]) if len(sys.argv) > 3 else 100
minor = "3.11"

description = "".join(
    f"Paragraph {i}: this project does useful things; see the documentation for the details of every option.\n"
    for i in range(60)
)  # ~6 KB, like a typical README rendered into METADATA


def write(path, text):
    with open(path, "w", encoding="utf-8") as f:
        f.write(text)


for e in range(envs):
    env = os.path.join(root, f"app{e:04d}", ".venv")
    site = os.path.join(env, "lib", f"python{minor}", "site-packages")
    os.makedirs(site, exist_ok=True)
    os.makedirs(os.path.join(env, "bin"), exist_ok=True)
    write(os.path.join(env, "pyvenv.cfg"), f"home = /usr/bin\ninclude-system-site-packages = false\nversion = {minor}.2\n")
    python = os.path.join(env, "bin", "python")
    if not os.path.lexists(python):
        os.symlink("/usr/bin/python3", python)
    for p in range(packages):
        name = f"pkg_{p:03d}_{e % 7}"
        version = f"{1 + p % 5}.{e % 11}.{p % 3}"
        module = os.path.join(site, name)
        os.makedirs(module, exist_ok=True)
        write(os.path.join(module, "__init__.py"), f"__version__ = '{version}'\n")
        info = os.path.join(site, f"{name}-{version}.dist-info")
        os.makedirs(info, exist_ok=True)
        write(os.path.join(info, "METADATA"),
              f"Metadata-Version: 2.1\nName: {name}\nVersion: {version}\nSummary: package {p}\n"
              f"Home-page: https://example.invalid/{name}\nAuthor: Bench\nLicense: MIT\n"
              f"Requires-Python: >=3.8\nClassifier: Programming Language :: Python :: 3\n"
              f"Description-Content-Type: text/markdown\n\n{description}")
        write(os.path.join(info, "WHEEL"), "Wheel-Version: 1.0\nGenerator: bdist_wheel (0.42.0)\nRoot-Is-Purelib: true\nTag: py3-none-any\n\n")
        write(os.path.join(info, "INSTALLER"), "pip\n")
        if p % 2 == 0:
            write(os.path.join(info, "REQUESTED"), "")
        write(os.path.join(info, "RECORD"),
              f"{name}/__init__.py,sha256=AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA,24\n"
              f"{name}-{version}.dist-info/INSTALLER,sha256=zuuue4knoyJ-UwPPXg8fezS7VCrXJQrAP7zeNuwvFQg,4\n"
              f"{name}-{version}.dist-info/METADATA,sha256=BBBBBBBBBBBBBBBBBBBBBBBBBBBBBBBBBBBBBBBBBBB,6400\n"
              f"{name}-{version}.dist-info/WHEEL,sha256=CCCCCCCCCCCCCCCCCCCCCCCCCCCCCCCCCCCCCCCCCCC,92\n"
              f"{name}-{version}.dist-info/RECORD,,\n")
print(f"generated {envs} environments x {packages} packages under {root}")
