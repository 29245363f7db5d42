"""Writes small pure-Python wheels into DIR (a wheel is a zip; no build backend needed).

    python3 make_wheels.py DIR
webapp 1.0 -> requires flaskish>=2, tomli (python_version < "3.11"), extra "speed": ujsonish
flaskish 2.1 -> requires itsdangerousish
itsdangerousish 1.5, ujsonish 5.0, tomli 2.0.1, strayish 0.1 (installed but not declared)
"""
import base64
import hashlib
import sys
import zipfile
from pathlib import Path

WHEELS = {
    ("webapp", "1.0"): ["flaskish>=2", 'tomli; python_version < "3.11"', 'ujsonish; extra == "speed"'],
    ("flaskish", "2.1"): ["itsdangerousish"],
    ("itsdangerousish", "1.5"): [],
    ("ujsonish", "5.0"): [],
    ("tomli", "2.0.1"): [],
    ("strayish", "0.1"): [],
}


def record_line(name, data):
    digest = base64.urlsafe_b64encode(hashlib.sha256(data).digest()).rstrip(b"=").decode()
    return f"{name},sha256={digest},{len(data)}"


def write(directory, name, version, requires):
    dist_info = f"{name}-{version}.dist-info"
    metadata = [f"Metadata-Version: 2.1", f"Name: {name}", f"Version: {version}"]
    if name == "webapp":
        metadata.append("Provides-Extra: speed")
    metadata += [f"Requires-Dist: {r}" for r in requires]
    files = {
        f"{name}/__init__.py": f"__version__ = '{version}'\n".encode(),
        f"{dist_info}/METADATA": ("\n".join(metadata) + "\n\n").encode(),
        f"{dist_info}/WHEEL": b"Wheel-Version: 1.0\nGenerator: pyfleet-tests\nRoot-Is-Purelib: true\nTag: py3-none-any\n",
    }
    record = [record_line(n, d) for n, d in files.items()] + [f"{dist_info}/RECORD,,"]
    files[f"{dist_info}/RECORD"] = ("\n".join(record) + "\n").encode()
    with zipfile.ZipFile(Path(directory) / f"{name}-{version}-py3-none-any.whl", "w") as wheel:
        for n, d in files.items():
            wheel.writestr(n, d)


if __name__ == "__main__":
    for (name, version), requires in WHEELS.items():
        write(sys.argv[1], name, version, requires)
