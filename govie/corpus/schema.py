"""The corpus's JSON Schema (``schema.json``, draft 2020-12) and a small validator for it.

govie does not depend on the ``jsonschema`` package: the schema uses a handful of
keywords, and :func:`check` implements exactly those (``SUPPORTED``).  A schema
that uses anything else is refused rather than half-checked, and a test keeps
``schema.json`` within the subset.  Any draft 2020-12 validator gives the same
verdict on the file (``jsonschema.Draft202012Validator(schema)``).
"""
from __future__ import annotations

import json
import re
from functools import lru_cache
from importlib import resources
from typing import Any, Iterator

SCHEMA_FILE = "schema.json"
# Keywords that constrain; the ones that only describe are ANNOTATIONS.
SUPPORTED = {"$ref", "allOf", "anyOf", "oneOf", "type", "enum", "const", "required", "properties",
             "additionalProperties", "items", "minimum", "minLength", "pattern"}
ANNOTATIONS = {"$schema", "$id", "$defs", "title", "description"}

_TYPES = {
    "object": lambda v: isinstance(v, dict),
    "array": lambda v: isinstance(v, list),
    "string": lambda v: isinstance(v, str),
    "integer": lambda v: isinstance(v, int) and not isinstance(v, bool),
    "number": lambda v: isinstance(v, (int, float)) and not isinstance(v, bool),
    "boolean": lambda v: isinstance(v, bool),
    "null": lambda v: v is None,
}


@lru_cache(maxsize=1)
def load_schema() -> dict:
    """The schema as a dict (``govie/corpus/schema.json``)."""
    text = resources.files(__package__).joinpath(SCHEMA_FILE).read_text(encoding="utf-8")
    return json.loads(text)


def unsupported_keywords(schema: Any, path: str = "#") -> list[str]:
    """Keywords of ``schema`` that :func:`check` does not implement (should be none)."""
    found = []
    if isinstance(schema, dict):
        for key, sub in schema.items():
            if key not in SUPPORTED | ANNOTATIONS:
                found.append(f"{path}/{key}")
            if key in ("properties", "$defs"):
                for name, s in sub.items():
                    found += unsupported_keywords(s, f"{path}/{key}/{name}")
            elif key in ("allOf", "anyOf", "oneOf"):
                for i, s in enumerate(sub):
                    found += unsupported_keywords(s, f"{path}/{key}/{i}")
            elif key in ("items", "additionalProperties") and isinstance(sub, dict):
                found += unsupported_keywords(sub, f"{path}/{key}")
    return found


def _pointer(path: tuple) -> str:
    return "/" + "/".join(str(p) for p in path) if path else "(record)"


def _describe(value: Any) -> str:
    text = json.dumps(value, ensure_ascii=False)
    return text if len(text) <= 40 else text[:37] + "..."


def _resolve(ref: str, root: dict) -> dict:
    if not ref.startswith("#/"):
        raise ValueError(f"only local references are supported, not {ref!r}")
    node: Any = root
    for part in ref[2:].split("/"):
        node = node[part.replace("~1", "/").replace("~0", "~")]
    return node


def check(value: Any, schema: dict | None = None, root: dict | None = None,
          path: tuple = ()) -> Iterator[tuple[str, str]]:
    """Yield (JSON pointer, message) for every way ``value`` breaks ``schema``.

    ``schema`` defaults to the whole corpus schema; pass ``subschema("amounts_record")``
    to check one kind.
    """
    root = root or load_schema()
    schema = root if schema is None else schema
    if "$ref" in schema:
        yield from check(value, _resolve(schema["$ref"], root), root, path)
    for sub in schema.get("allOf", []):
        yield from check(value, sub, root, path)
    for key in ("anyOf", "oneOf"):
        if key not in schema:
            continue
        results = [list(check(value, sub, root, path)) for sub in schema[key]]
        passing = sum(not r for r in results)
        if key == "anyOf" and not passing or key == "oneOf" and passing != 1:
            if passing > 1:
                yield _pointer(path), f"matches {passing} alternatives, expected exactly one"
            else:  # the alternative that came closest says best what is wrong
                yield from min(results, key=len)
    if "type" in schema:
        types = schema["type"] if isinstance(schema["type"], list) else [schema["type"]]
        if not any(_TYPES[t](value) for t in types):
            yield _pointer(path), f"{_describe(value)} is not of type {' or '.join(types)}"
            return
    if "enum" in schema and value not in schema["enum"]:
        yield _pointer(path), f"{_describe(value)} is not one of {_describe(schema['enum'])}"
    if "const" in schema and value != schema["const"]:
        yield _pointer(path), f"{_describe(value)} should be {_describe(schema['const'])}"
    if isinstance(value, dict):
        for name in schema.get("required", []):
            if name not in value:
                yield _pointer(path), f"missing required field {name!r}"
        props = schema.get("properties", {})
        extra = schema.get("additionalProperties", True)
        for name, sub in value.items():
            if name in props:
                yield from check(sub, props[name], root, path + (name,))
            elif extra is False:
                yield _pointer(path), f"unexpected field {name!r}"
            elif isinstance(extra, dict):
                yield from check(sub, extra, root, path + (name,))
    if isinstance(value, list) and "items" in schema:
        for i, item in enumerate(value):
            yield from check(item, schema["items"], root, path + (i,))
    if isinstance(value, str):
        if len(value) < schema.get("minLength", 0):
            yield _pointer(path), f"{_describe(value)} is too short"
        if "pattern" in schema and not re.search(schema["pattern"], value):
            yield _pointer(path), f"{_describe(value)} does not match {schema['pattern']!r}"
    if _TYPES["number"](value) and "minimum" in schema and value < schema["minimum"]:
        yield _pointer(path), f"{value} is less than {schema['minimum']}"


def subschema(name: str) -> dict:
    """One of the schema's definitions, e.g. ``subschema("amounts_record")``."""
    return load_schema()["$defs"][name]
