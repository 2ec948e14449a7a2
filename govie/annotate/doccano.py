"""doccano: JSONL with govie's predictions, and reading doccano's JSONL exports back.

Formats followed (doccano documentation, sequence labeling and relation extraction):

* import file — one JSON object per line: ``{"text": …, "label": [[start, end,
  "MONEY"], …]}``; govie adds ``"report"`` and ``"file"``, which doccano keeps
  as the example's metadata.  With ``relations=True`` (a doccano project with
  relations) a line is ``{"text", "entities": [{"id", "label", "start_offset",
  "end_offset"}], "relations": [{"id", "from_id", "to_id", "type"}]}``.
* export — the same JSONL, with either ``"label"`` (or ``"labels"``) lists or
  ``"entities"``/``"relations"``; older versions name the text ``"data"``.
  Metadata come back at the top level or under ``"meta"``.

doccano exports one file per user; a record has no annotator, so it is taken
from ``--annotator``, else the record's ``annotator``/``user`` field, else the
file name (``alice.jsonl`` → ``doccano:alice``).
"""
from __future__ import annotations

import json
import os
from pathlib import Path

from ..corpus.records import iter_jsonl, labels, relation_types, tool_labels
from .convert import ToolDoc, ToolFormatError, without_overlaps
from .tools import Collector, Corpus, add_region, resolve_report


def line(doc: ToolDoc, relations: bool = False, first_id: int = 1, group: str | None = None,
         overlapping: bool = False) -> dict:
    """One JSONL line for doccano with the labels of ``group`` ("label", "sentence"; None: both).

    A default doccano project drops overlapping spans without a word, so unless
    ``overlapping`` (a project created with "Allow overlapping spans") no two
    spans of the line overlap: of two the longer is kept.  With ``overlapping``
    only spans of one label layer are kept apart, as the corpus requires.
    Entity ids count from ``first_id``, so that they are unique in the whole file.
    """
    offered = set(tool_labels(group))
    doc = ToolDoc(doc.report_id, doc.file, doc.text, [r for r in doc.regions if r.label in offered],
                  doc.relations, doc.annotator)
    doc, _ = without_overlaps(doc, by_layer=overlapping)
    base = {"text": doc.text, "report": doc.report_id, "file": doc.file}
    if not relations:
        return {**base, "label": [[r.start, r.end, r.label] for r in doc.regions]}
    numbers = {r.id: i for i, r in enumerate(doc.regions, start=first_id)}
    links = [(a, b, kind) for a, b, kind in doc.relations if a in numbers and b in numbers]
    return {**base,
            "entities": [{"id": numbers[r.id], "label": r.label, "start_offset": r.start, "end_offset": r.end}
                         for r in doc.regions],
            "relations": [{"id": first_id + i, "from_id": numbers[a], "to_id": numbers[b], "type": kind}
                          for i, (a, b, kind) in enumerate(links)]}


def export_text(docs: list[ToolDoc], relations: bool = False, group: str | None = None,
                overlapping: bool = False) -> str:
    """The JSONL import file for doccano (see :func:`line`)."""
    out, first = [], 1
    for d in docs:
        record = line(d, relations, first, group, overlapping)
        first += max(len(record.get("entities", ())), len(record.get("relations", ())))
        out.append(json.dumps(record, ensure_ascii=False) + "\n")
    return "".join(out)


def label_config(relations: bool = False) -> str:
    """doccano's label file (Labels → Actions → Import Labels): every span label govie uses.

    With ``relations`` also the relation types, as a second file's content is
    needed for them: see :func:`relation_config`.
    """
    known = labels()
    keys = iter("1234567890qwertyuiop")
    items = [{"text": name, "suffix_key": next(keys, None), "background_color": known[name]["color"],
              "text_color": "#000000"} for name in tool_labels()]
    return json.dumps(items, ensure_ascii=False, indent=1) + "\n"


def relation_config() -> str:
    """doccano's relation type file (Labels → Relation → Actions → Import Labels)."""
    colours = ["#c887fb", "#ffeb80", "#9cc9cc", "#ff9561"]
    items = [{"text": kind, "suffix_key": None, "background_color": colours[i % len(colours)],
              "text_color": "#000000"} for i, kind in enumerate(relation_types())]
    return json.dumps(items, ensure_ascii=False, indent=1) + "\n"


def _annotator(record: dict, path, annotator: str | None) -> str:
    if annotator:
        return annotator
    for key in ("annotator", "user", "username"):
        if isinstance(record.get(key), (str, int)) and not isinstance(record.get(key), bool):
            return f"doccano:{record[key]}"
    return f"doccano:{Path(path).stem}"


MAX_EXPORT_BYTES = 512 * 1024 * 1024


def _is_int(value) -> bool:
    return isinstance(value, int) and not isinstance(value, bool)


def _entities(doc: ToolDoc, rec: dict, where: str, out: Collector, known: dict) -> None:
    entities, relations = rec.get("entities"), rec.get("relations", [])
    if not isinstance(entities, list) or not isinstance(relations, (list, type(None))):
        out.error(where, "\"entities\" and \"relations\" must be lists")
        return
    for k, e in enumerate(entities):
        if not isinstance(e, dict) or not (_is_int(e.get("id")) or isinstance(e.get("id"), str)):
            out.error(where, f"entity {k + 1}: expected an object with an id, found {str(e)[:60]!r}")
            continue
        if doc.region(str(e["id"])) is not None:
            out.error(where, f"entity {k + 1}: second entity with id {e['id']!r}")
            continue
        add_region(doc, str(e["id"]), e.get("label"), e.get("start_offset"),
                   e.get("end_offset"), None, f"{where} entity {k + 1}", out, known)
    ids = {r.id for r in doc.regions}
    for k, rel in enumerate(relations or []):
        kind = rel.get("type") if isinstance(rel, dict) else None
        if kind not in relation_types():
            out.error(where, f"relation {k + 1}: type {kind!r}, use one of {relation_types()}")
            continue
        a, b = str(rel.get("from_id")), str(rel.get("to_id"))
        if a not in ids or b not in ids:
            out.error(where, f"relation {k + 1} links a missing entity")
        elif doc.region(a).label != "INDICATOR":
            out.error(where, f"relation {k + 1} must start at an INDICATOR, starts at {doc.region(a).label}")
        else:
            doc.relations.append((a, b, kind))


def _labels(doc: ToolDoc, rec: dict, where: str, out: Collector, known: dict) -> None:
    doc.carries_links = False  # triples hold no relations: the corpus keeps its indicator links
    spans = rec.get("label", rec.get("labels"))
    if spans is None:
        spans = []
    if not isinstance(spans, list):
        out.error(where, f"\"label\" is {type(spans).__name__}, not a list of [start, end, label]")
        return
    for k, item in enumerate(spans):
        if not (isinstance(item, list) and len(item) == 3 and _is_int(item[0]) and _is_int(item[1])):
            out.error(where, f"label {k + 1}: expected [start, end, label], found {str(item)[:60]}")
            continue
        add_region(doc, f"l{k}", item[2], item[0], item[1], None, f"{where} label {k + 1}", out, known)


def read_export(path: str | os.PathLike, corpus: str | os.PathLike = "corpus",
                annotator: str | None = None) -> tuple[list[ToolDoc], list[str]]:
    """ToolDocs from a doccano JSONL export, and warnings; raises ToolFormatError listing every error.

    A line has ``label`` triples ``[start, end, label]`` (sequence labeling) or
    ``entities`` and ``relations`` (relation extraction).  A report that comes
    twice, a value of the wrong type or offsets outside the text are errors.
    """
    try:
        size = os.stat(path).st_size
    except OSError as exc:
        raise ToolFormatError(f"{os.fspath(path)}: cannot read: {exc.strerror or exc}") from None
    if size > MAX_EXPORT_BYTES:
        raise ToolFormatError(f"{os.fspath(path)}: {size:,} bytes, more than the {MAX_EXPORT_BYTES:,} "
                              "an export may have")
    try:
        return _read(path, corpus, annotator)
    except ToolFormatError:
        raise
    except (TypeError, KeyError, AttributeError, ValueError, RecursionError) as exc:
        raise ToolFormatError(f"{os.fspath(path)}: not a doccano export: {type(exc).__name__}: {exc}") from None


def _read(path, corpus, annotator):
    out = Collector(path)
    issues: list = []
    texts, known, docs = Corpus(corpus), labels(), []
    seen: dict[str, str] = {}
    for number, rec in iter_jsonl(path, issues):
        where = str(number)
        meta = rec.get("meta") if isinstance(rec.get("meta"), dict) else {}
        text = rec.get("text", rec.get("data"))
        found = resolve_report(texts, text, rec.get("report", meta.get("report")),
                               rec.get("file", meta.get("file")), where, out)
        if found is None:
            continue
        if found[0] in seen:
            out.error(where, f"report {found[0]!r} again (first on line {seen[found[0]]}); "
                             "an export must have one line per report")
            continue
        seen[found[0]] = where
        doc = ToolDoc(found[0], found[1], text, annotator=_annotator(rec, path, annotator))
        (_entities if "entities" in rec else _labels)(doc, rec, where, out, known)
        docs.append(doc)
    for issue in issues:
        out.errors.append(f"{issue.path}:{issue.line}: {issue.message}" if issue.line else f"{issue.path}: {issue.message}")
    out.raise_if_any()
    return docs, out.warnings


__all__ = ["ToolFormatError", "export_text", "label_config", "line", "read_export", "relation_config"]
