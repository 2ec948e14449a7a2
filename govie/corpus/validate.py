"""``govie annotate validate``: every way an annotation file can be wrong, with file and line.

Checks, record by record (one record is one line):

1. the line is a JSON object (broken JSON is reported with its line and column);
2. the record fits ``schema.json`` for its kind (the file name selects the kind);
3. ``id`` is the stem of ``file``, appears once, and ``file`` exists under the corpus;
4. every located object (anything with integer ``start``/``end``) lies inside the
   text, is not empty, and its ``text`` equals ``original[start:end]``;
5. labels are known (``labels.json``);
6. no two pieces of one layer overlap: amounts (MONEY, PERCENT, QUANTITY, VALUE)
   never overlap each other, nor sentences (PROBLEM, REMEDY, OTHER), nor indicator
   names, nor indicator values; a DATE may overlap an ORG, an amount may lie inside
   a sentence;
7. values parse: a MONEY/PERCENT/QUANTITY span's text read by govie's normaliser
   (``parse_amount``; a bare number under ``单位：万元`` in that unit) has the span's
   label and its stored ``value``, ``unit`` and ``currency``; a located indicator or
   budget value agrees with its text.

Spans out of order are a warning, not an error.
"""
from __future__ import annotations

import os
from pathlib import Path

from .records import (Issue, Region, amount_labels, as_list, claims_match, close, corpus_root_for, iter_jsonl, kind_of,
                      labels, located, parse_amount, regions, span_measure, unit_scopes)
from .schema import check, load_schema, subschema
from ..reading import ReadError, read_text as read


def _short(text: str, n: int = 24) -> str:
    text = text.replace("\n", "\\n").replace("\t", "\\t")
    return repr(text if len(text) <= n else text[:n - 1] + "…")


def _show(r: Region) -> str:
    return f"{r.where} ({r.label} {r.start}-{r.end} {_short(r.text)})"


class _Texts:
    """Report texts by file name, read once."""

    def __init__(self, corpus: Path):
        self.corpus = corpus
        self.cache: dict[str, tuple[str | None, str | None]] = {}

    def get(self, file: str) -> tuple[str | None, str | None]:
        if file not in self.cache:
            try:
                self.cache[file] = (read(self.corpus / file), None)
            except ReadError as exc:
                self.cache[file] = (None, exc.reason)
        return self.cache[file]


def validate_record(record: dict, kind: str | None, original: str | None, emit) -> None:
    """Check one record against its report's text; ``emit(message, severity="error")``."""
    schema = subschema(f"{kind}_record") if kind else load_schema()
    known = labels()
    for pointer, message in check(record, schema):
        if pointer.endswith("/label") and "is not one of" in message:
            message = f"unknown label {_at(record, pointer)!r} (known: {', '.join(known)})"
        emit(f"{pointer}: {message}")
    for pointer, obj, claim in located(record):
        if original is None:
            continue
        start, end = obj["start"], obj["end"]
        if not 0 <= start <= end <= len(original):
            emit(f"{pointer}: offsets {start}-{end} outside the text (length {len(original)})")
        elif start == end:
            emit(f"{pointer}: empty span at {start}")
        elif claim is not None and not claims_match(obj, claim, original[start:end]):
            emit(f"{pointer}: text {_short(claim)} but the file has {_short(original[start:end])} "
                 f"at {start}-{end}")
    if original is None:
        return
    found = regions(record, kind, original)
    _check_overlaps(found, known, emit)
    scopes = unit_scopes(original)
    if kind == "amounts":
        _check_span_values(record, original, scopes, emit)
        starts = [s.get("start") for s in as_list(record.get("spans")) if isinstance(s, dict)]
        if all(isinstance(s, int) for s in starts) and starts != sorted(starts):
            emit("/spans: not sorted by start", "warning")
    for pointer, obj, claim in located(record):
        if kind != "amounts" and claim is not None and "value" in obj:
            _check_located_value(pointer, obj, original, scopes, emit)


def _at(record, pointer: str):
    """The value at a JSON pointer of the record."""
    node = record
    for part in pointer.strip("/").split("/"):
        node = node[int(part)] if isinstance(node, list) else node[part]
    return node


def _check_overlaps(found: list[Region], known: dict, emit) -> None:
    by_layer: dict[str, list[Region]] = {}
    for r in found:
        if r.label in known:
            by_layer.setdefault(known[r.label]["layer"], []).append(r)
    for layer, items in by_layer.items():
        items.sort(key=lambda r: (r.start, r.end))
        reach: Region | None = None
        for r in items:
            if reach is not None and r.start < reach.end:
                emit(f"{_show(r)} overlaps {_show(reach)}")
            if reach is None or r.end > reach.end:
                reach = r


def _check_span_values(record: dict, original: str, scopes, emit) -> None:
    for i, span in enumerate(as_list(record.get("spans"))):
        if not isinstance(span, dict) or span.get("label") not in amount_labels():
            continue
        text, start, end = span.get("text"), span.get("start"), span.get("end")
        if not (isinstance(text, str) and isinstance(start, int) and isinstance(end, int)) \
                or original[start:end] != text:
            continue  # already reported
        label, where = span["label"], f"/spans/{i}"
        m = span_measure(label, text, start, original, scopes)
        if m is None:
            emit(f"{where}: {label} {_short(text)}: the text does not parse as an amount")
            continue
        if m.kind != label:
            emit(f"{where}: {_short(text)} reads as {m.kind or 'a bare number'}, not {label}")
            continue
        value = span.get("value")
        if not isinstance(value, (int, float)) or isinstance(value, bool) or not close(value, m.value):
            emit(f"{where}: {label} {_short(text)} has value {value!r}, the normaliser reads {m.value!r}")
        if label == "MONEY" and "currency" in span and span["currency"] != m.currency:
            emit(f"{where}: currency {span['currency']!r}, the normaliser reads {m.currency!r}")
        if "unit" in span and span["unit"] is not None and span["unit"] != m.unit:
            emit(f"{where}: unit {span['unit']!r}, the normaliser reads {m.unit!r}")
        if "value_max" in span and not close(span["value_max"], m.value_max):
            emit(f"{where}: value_max {span['value_max']!r}, the normaliser reads {m.value_max!r}")


def _check_located_value(pointer: str, obj: dict, original: str, scopes, emit) -> None:
    """An indicator or budget value written at start-end: a number must agree with its text."""
    value, text = obj.get("value"), obj.get("text") or original[obj["start"]:obj["end"]]
    if not isinstance(value, (int, float)) or isinstance(value, bool):
        return  # qualitative (良好) or unknown
    readings = [parse_amount(text), span_measure("MONEY", text, obj["start"], original, scopes)]
    values = [m.value for m in readings if m is not None and m.value is not None]
    if not values:
        emit(f"{pointer}: value {value!r} but {_short(text)} does not parse as an amount")
    elif not any(close(value, v) for v in values):
        emit(f"{pointer}: value {value!r} but {_short(text)} reads as {values[0]!r}")


def validate_file(path: str | os.PathLike, corpus: str | os.PathLike | None = None) -> list[Issue]:
    """Every issue of one annotation file, in line order."""
    path = os.fspath(path)
    corpus = Path(corpus) if corpus is not None else corpus_root_for(path)
    texts = _Texts(corpus)
    issues: list[Issue] = []
    seen: dict[str, int] = {}
    for line, record in iter_jsonl(path, issues):
        def emit(message, severity="error", _line=line):
            issues.append(Issue(path, _line, message, severity))
        kind = kind_of(path, record)
        rid, file = record.get("id"), record.get("file")
        if isinstance(rid, str):
            if rid in seen:
                emit(f"second record for report {rid!r} (first on line {seen[rid]})")
            seen.setdefault(rid, line)
        original = None
        if isinstance(file, str):
            if isinstance(rid, str) and Path(file).stem != rid:
                emit(f"id {rid!r} is not the name of file {file!r}")
            original, reason = texts.get(file)
            if original is None:
                emit(f"file {file!r}: {reason} (looked in {corpus})")
        validate_record(record, kind, original, emit)
    return issues


def annotation_files(path: str | os.PathLike) -> list[Path]:
    path = Path(path)
    return sorted(path.glob("*.jsonl")) if path.is_dir() else [path]


def validate_path(path: str | os.PathLike = "corpus/annotations",
                  corpus: str | os.PathLike | None = None) -> list[Issue]:
    """Issues of one file, or of every ``*.jsonl`` in a folder."""
    if not Path(path).exists():
        return [Issue(os.fspath(path), None, "no such file or folder")]
    issues: list[Issue] = []
    for file in annotation_files(path):
        issues += validate_file(file, corpus)
    return issues
