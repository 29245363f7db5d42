"""Validates a JSON document against a JSON Schema (draft 7) with format checks; prints each error.

    python3 validate_json.py SCHEMA DOCUMENT
Exit 0 when valid, 1 when not. Uses the machine's `jsonschema` package.
"""
import json
import sys

from jsonschema import Draft7Validator

schema = json.load(open(sys.argv[1], encoding="utf-8"))
document = json.load(open(sys.argv[2], encoding="utf-8"))
validator = Draft7Validator(schema, format_checker=Draft7Validator.FORMAT_CHECKER)
errors = sorted(validator.iter_errors(document), key=lambda e: list(e.absolute_path))
for error in errors:
    print("/".join(str(p) for p in error.absolute_path) + ": " + error.message)
sys.exit(1 if errors else 0)
