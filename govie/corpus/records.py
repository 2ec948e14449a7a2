"""Annotation records: reading JSONL with line numbers, kinds, labels, located pieces, values.

A record is one line of ``corpus/annotations/<kind>.jsonl`` (see ``schema.json``
and the "Schema" section of ``corpus/README.md``).  Everything else in
``govie.corpus`` and ``govie.annotate`` reads records through this module, so a
broken file is reported the same way everywhere: ``path:line: message``.
"""
from __future__ import annotations

import json
import os
import re
from bisect import bisect_right
from dataclasses import dataclass
from functools import lru_cache
from importlib import resources
from pathlib import Path
from typing import Any, Iterator

from ..numbers import Measure, parse_amount, parse_number
from ..reading import read_text as read

SCHEMA_VERSION = "1.0"
KINDS = ("amounts", "indicators", "budget", "sentences")
# The key that tells a record's kind when its file name does not.
KIND_KEYS = {"spans": "amounts", "indicators": "indicators", "budget": "budget",
             "problems": "sentences", "remedies": "sentences"}
SENTENCE_LISTS = {"problems": "PROBLEM", "remedies": "REMEDY", "other": "OTHER"}
INDICATOR_VALUES = {"target": "TARGET", "actual": "ACTUAL"}
BUDGET_FIELDS = ("initial", "adjusted", "adjustment", "spent", "general_public",
                 "execution_rate", "adjustment_rate", "final_revenue", "final_expenditure")


class CorpusFormatError(ValueError):
    """A corpus file that cannot be read as annotation records; names the file and line."""

    def __init__(self, path, line: int | None, message: str):
        self.path, self.line, self.message = os.fspath(path), line, message
        where = f"{self.path}:{line}" if line else self.path
        super().__init__(f"{where}: {message}")


@dataclass(frozen=True)
class Issue:
    """One finding of the validator."""

    path: str
    line: int | None
    message: str
    severity: str = "error"  # or "warning"

    def __str__(self) -> str:
        where = f"{self.path}:{self.line}" if self.line else self.path
        return f"{where}: {self.severity}: {self.message}"


@dataclass(frozen=True)
class Region:
    """A labelled piece of a report, whatever record it came from (for overlaps, agreement, tools)."""

    label: str
    start: int
    end: int
    text: str
    where: str = ""  # JSON pointer inside the record, for messages


# ---------------------------------------------------------------- labels

@lru_cache(maxsize=1)
def label_table() -> dict:
    text = resources.files(__package__).joinpath("labels.json").read_text(encoding="utf-8")
    return json.loads(text)


def labels() -> dict[str, dict]:
    """Every known label with its layer, colour and description (``labels.json``)."""
    return label_table()["labels"]


def amount_labels() -> tuple[str, ...]:
    """Labels whose value is checked with govie's normaliser: MONEY, PERCENT, QUANTITY."""
    return tuple(name for name, info in labels().items() if info["amount"])


def tool_labels(group: str | None = None) -> list[str]:
    """Labels offered in the annotation tools (``group`` "label" or "sentence"; None: both)."""
    return [name for name, info in labels().items()
            if info["tool"] and (group is None or info["tool"] == group)]


def relation_types() -> list[str]:
    return list(label_table()["relations"])


# ---------------------------------------------------------------- reading

def iter_jsonl(path: str | os.PathLike, issues: list | None = None) -> Iterator[tuple[int, Any]]:
    """(line number, parsed value) for every non-blank line.

    With ``issues=None`` a broken line raises :class:`CorpusFormatError`; with a
    list, the problem is appended as an :class:`Issue` and reading goes on.
    """
    path = os.fspath(path)
    try:
        fh = open(path, encoding="utf-8")
    except OSError as exc:
        _fail(issues, path, None, f"cannot read: {exc.strerror or exc}")
        return
    with fh:
        try:
            for number, line in enumerate(fh, start=1):
                if not line.strip():
                    continue
                try:
                    value = json.loads(line, parse_constant=_refuse_constant)
                except json.JSONDecodeError as exc:
                    _fail(issues, path, number, f"broken JSON: {exc.msg} (column {exc.colno})")
                    continue
                except RecursionError:
                    _fail(issues, path, number, "JSON nested too deeply")
                    continue
                except ValueError as exc:  # NaN, Infinity
                    _fail(issues, path, number, str(exc))
                    continue
                if not isinstance(value, dict):
                    _fail(issues, path, number, f"expected a JSON object, found {type(value).__name__}")
                    continue
                yield number, value
        except UnicodeDecodeError as exc:
            _fail(issues, path, None, f"not UTF-8: {exc.reason} at byte {exc.start}")


def _refuse_constant(name: str):
    raise ValueError(f"{name} is not a number JSON allows")


def _fail(issues, path, line, message):
    if issues is None:
        raise CorpusFormatError(path, line, message)
    issues.append(Issue(os.fspath(path), line, message))


def kind_of(path: str | os.PathLike | None, record: dict | None = None) -> str | None:
    """The kind of a file's records: its name when known (amounts.jsonl), else the record's keys."""
    if path is not None and Path(path).stem in KINDS:
        return Path(path).stem
    if record:
        for key, kind in KIND_KEYS.items():
            if key in record:
                return kind
    return None


def load_records(path: str | os.PathLike) -> dict[str, dict]:
    """The records of one annotation file keyed by report id; raises CorpusFormatError."""
    records = {}
    for number, record in iter_jsonl(path):
        rid = record.get("id")
        if not isinstance(rid, str):
            raise CorpusFormatError(path, number, "record without a string 'id'")
        if rid in records:
            raise CorpusFormatError(path, number, f"second record for report {rid!r}")
        records[rid] = record
    return records


def load_annotations(corpus: str | os.PathLike) -> dict[str, dict[str, dict]]:
    """Every annotation file of a corpus: {kind (file stem): {report id: record}}."""
    folder = Path(corpus) / "annotations"
    return {p.stem: load_records(p) for p in sorted(folder.glob("*.jsonl"))}


def report_text(corpus: str | os.PathLike, record_or_file: dict | str) -> str:
    """The text a record's offsets point into: ``corpus/<file>`` read as govie reads it."""
    file = record_or_file["file"] if isinstance(record_or_file, dict) else record_or_file
    return read(Path(corpus) / file)


def corpus_root_for(path: str | os.PathLike) -> Path:
    """Where the ``raw/`` files of an annotation file are: corpus/annotations/x.jsonl → corpus."""
    path = Path(path).resolve()
    folder = path if path.is_dir() else path.parent
    for candidate in (folder.parent, folder):
        if (candidate / "raw").is_dir():
            return candidate
    return Path("corpus")


# ---------------------------------------------------------------- located pieces

def located(record: Any, path: tuple = ()) -> Iterator[tuple[str, dict, str | None]]:
    """(JSON pointer, object, the text it claims) for every object with integer start/end.

    The claimed text is the object's ``text``.  For an indicator written in the
    JSON contract's shape (``{"name": "…", "start": …, "end": …}``) it is the
    ``name``, which is the name as a reader writes it (PDF line breaks, stray
    spaces and HTML remnants removed): compare it with :func:`same_words`.
    """
    if isinstance(record, dict):
        start, end = record.get("start"), record.get("end")
        if _is_int(start) and _is_int(end):
            claim = record.get("text")
            if not isinstance(claim, str) and isinstance(record.get("name"), str):
                claim = record["name"]
            yield "/" + "/".join(map(str, path)), record, claim if isinstance(claim, str) else None
        for key, value in record.items():
            yield from located(value, path + (key,))
    elif isinstance(record, list):
        for i, value in enumerate(record):
            yield from located(value, path + (i,))


_NOT_WORDS = re.compile(r"</?[A-Za-z][A-Za-z0-9]*(?:\s[^<>\n]*)?/?>|\s")


def same_words(claim: str, original: str) -> bool:
    """Whether two texts differ only by whitespace and HTML remnants (城区环境综合\n治理 = 城区环境综合治理)."""
    return _NOT_WORDS.sub("", claim) == _NOT_WORDS.sub("", original)


def claims_match(obj: dict, claim: str, original: str) -> bool:
    """A located object's claimed text against the file: exact, or for a contract-shape name, same words."""
    if isinstance(obj.get("text"), str):
        return claim == original
    return same_words(claim, original)


def as_list(value) -> list:
    """``value`` if it is a list, else [] (the schema check reports the wrong type)."""
    return value if isinstance(value, list) else []


def _is_int(v) -> bool:
    return isinstance(v, int) and not isinstance(v, bool)


def _located_text(obj) -> str | None:
    if isinstance(obj, dict) and _is_int(obj.get("start")) and _is_int(obj.get("end")):
        if isinstance(obj.get("text"), str):
            return obj["text"]
    return None


def regions(record: dict, kind: str | None = None, original: str | None = None) -> list[Region]:
    """The labelled pieces of a record: spans, indicator names and values, sentences.

    Indicator names become INDICATOR, their located values TARGET and ACTUAL;
    sentences PROBLEM, REMEDY and OTHER.  Budget records have no regions.  With
    the report's ``original`` text, a region's text is ``original[start:end]``.
    """
    kind = kind or kind_of(None, record)
    out: list[Region] = []
    if kind == "amounts":
        for i, s in enumerate(as_list(record.get("spans"))):
            if isinstance(s, dict) and _located_text(s) is not None and isinstance(s.get("label"), str):
                out.append(Region(s["label"], s["start"], s["end"], s["text"], f"/spans/{i}"))
    elif kind == "indicators":
        for i, ind in enumerate(as_list(record.get("indicators"))):
            if not isinstance(ind, dict):
                continue
            name = indicator_name(ind, original)
            if name is not None:
                out.append(Region("INDICATOR", *name, f"/indicators/{i}/name"))
            for key, label in INDICATOR_VALUES.items():
                v = ind.get(key)
                if _located_text(v) is not None:
                    out.append(Region(label, v["start"], v["end"], v["text"], f"/indicators/{i}/{key}"))
    elif kind == "sentences":
        for key, label in SENTENCE_LISTS.items():
            for i, s in enumerate(as_list(record.get(key))):
                if _located_text(s) is not None:
                    out.append(Region(label, s["start"], s["end"], s["text"], f"/{key}/{i}"))
    if original is not None:
        out = [Region(r.label, r.start, r.end, original[r.start:r.end], r.where) for r in out]
    return sorted(out, key=lambda r: (r.start, r.end, r.label))


def indicator_name(ind: dict, original: str | None = None) -> tuple[int, int, str] | None:
    """(start, end, text) of an indicator's name in either accepted shape, if it is located.

    In the contract's shape the name is the reader's form; with ``original`` the
    text returned is the file's own (``original[start:end]``), provided the two
    have the same words — else the name counts as not located.
    """
    name = ind.get("name")
    if isinstance(name, dict) and _located_text(name) is not None:
        return name["start"], name["end"], name["text"]
    if isinstance(name, str) and _is_int(ind.get("start")) and _is_int(ind.get("end")) \
            and ind["end"] > ind["start"]:
        if original is None:
            return ind["start"], ind["end"], name
        written = original[ind["start"]:ind["end"]]
        return (ind["start"], ind["end"], written) if same_words(name, written) else None
    return None


# ---------------------------------------------------------------- values

def unit_scopes(original: str) -> list[tuple[int, float]]:
    from ..amounts import unit_scopes as scopes  # the table reader's own rule

    return scopes(original)


def span_measure(label: str, text: str, start: int = 0, original: str | None = None,
                 scopes: list[tuple[int, float]] | None = None) -> Measure | None:
    """What govie's normaliser makes of a span's text, read as ``label``.

    A bare number labelled MONEY (``879.73`` under ``单位：万元``) is money in the
    unit declared above it in ``original`` (1 if none is); ``1000 万`` is money as
    written.  None when the text is not one amount.
    """
    measure = parse_amount(text)
    if measure is None or measure.kind is not None or label != "MONEY":
        return measure
    factor = 1.0
    if parse_number(text) is not None and original is not None:  # a bare number
        scopes = unit_scopes(original) if scopes is None else scopes
        i = bisect_right([p for p, _ in scopes], start) - 1
        factor = scopes[i][1] if i >= 0 else 1.0
    return measure.as_money(factor)


def span_fields(label: str, text: str, start: int, original: str | None = None,
                scopes: list | None = None) -> dict:
    """The value fields of a span as the corpus stores them (value, unit, currency, value_max)."""
    if label not in amount_labels():
        return {"value": None, "unit": None, "currency": None}
    m = span_measure(label, text, start, original, scopes)
    if m is None or m.kind != label:
        return {"value": None, "unit": None, "currency": None}
    out = {"value": m.value, "unit": m.unit, "currency": m.currency}
    if m.value_max is not None:
        out["value_max"] = m.value_max
    return out


def close(a: float | None, b: float | None) -> bool:
    if a is None or b is None:
        return a is None and b is None
    return abs(a - b) <= 1e-6 * max(1.0, abs(a), abs(b))
