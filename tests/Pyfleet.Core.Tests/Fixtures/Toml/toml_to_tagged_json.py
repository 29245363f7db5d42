"""Reads a TOML file with Python's tomllib and prints it as tagged JSON (toml-test style), or exits 1 if invalid."""
import datetime
import json
import math
import sys
import tomllib


def tag(value):
    if isinstance(value, dict):
        return {k: tag(v) for k, v in value.items()}
    if isinstance(value, list):
        return [tag(v) for v in value]
    if isinstance(value, bool):
        return {"type": "bool", "value": "true" if value else "false"}
    if isinstance(value, int):
        return {"type": "integer", "value": str(value)}
    if isinstance(value, float):
        text = "nan" if math.isnan(value) else repr(value)
        return {"type": "float", "value": text}
    if isinstance(value, str):
        return {"type": "string", "value": value}
    if isinstance(value, datetime.datetime):
        kind = "datetime" if value.tzinfo is not None else "datetime-local"
        if value.tzinfo is not None:
            value = value.astimezone(datetime.timezone.utc)
        return {"type": kind, "value": value.strftime("%Y-%m-%dT%H:%M:%S.%f")}
    if isinstance(value, datetime.date):
        return {"type": "date-local", "value": value.isoformat()}
    if isinstance(value, datetime.time):
        return {"type": "time-local", "value": value.strftime("%H:%M:%S.%f")}
    raise TypeError(type(value))


try:
    with open(sys.argv[1], "rb") as f:
        data = tomllib.load(f)
except tomllib.TOMLDecodeError as e:
    print(str(e))
    sys.exit(1)
print(json.dumps(tag(data), ensure_ascii=False))
