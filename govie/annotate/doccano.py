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

from ..corpus.records import iter_jsonl, labels, relation_types
from .convert import ToolDoc, ToolFormatError
from .tools import Collector, Corpus, add_region, resolve_report


def line(doc: ToolDoc, relations: bool = False) -> dict:
    base = {"text": doc.text, "report": doc.report_id, "file": doc.file}
    if not relations:
        return {**base, "label": [[r.start, r.end, r.label] for r in doc.regions
                                  if labels().get(r.label, {}).get("tool")]}
    numbers = {r.id: i for i, r in enumerate(doc.regions, start=1)}
    return {**base,
            "entities": [{"id": numbers[r.id], "label": r.label, "start_offset": r.start, "end_offset": r.end}
                         for r in doc.regions],
            "relations": [{"id": i, "from_id": numbers[a], "to_id": numbers[b], "type": kind}
                          for i, (a, b, kind) in enumerate(doc.relations, start=1)
                          if a in numbers and b in numbers]}


def export_text(docs: list[ToolDoc], relations: bool = False) -> str:
    return "".join(json.dumps(line(d, relations), ensure_ascii=False) + "\n" for d in docs)


def _annotator(record: dict, path, annotator: str | None) -> str:
    if annotator:
        return annotator
    for key in ("annotator", "user", "username"):
        if isinstance(record.get(key), (str, int)) and not isinstance(record.get(key), bool):
            return f"doccano:{record[key]}"
    return f"doccano:{Path(path).stem}"


def read_export(path: str | os.PathLike, corpus: str | os.PathLike = "corpus",
                annotator: str | None = None) -> tuple[list[ToolDoc], list[str]]:
    """ToolDocs from a doccano JSONL export, and warnings; raises ToolFormatError listing every error."""
    out = Collector(path)
    issues: list = []
    texts, known, docs = Corpus(corpus), labels(), []
    for number, rec in iter_jsonl(path, issues):
        where = str(number)
        meta = rec.get("meta") if isinstance(rec.get("meta"), dict) else {}
        text = rec.get("text", rec.get("data"))
        found = resolve_report(texts, text, rec.get("report", meta.get("report")),
                               rec.get("file", meta.get("file")), where, out)
        if found is None:
            continue
        doc = ToolDoc(found[0], found[1], text, annotator=_annotator(rec, path, annotator))
        if "entities" in rec:
            for k, e in enumerate(rec.get("entities") or []):
                if not isinstance(e, dict):
                    out.error(where, f"entity {k + 1} is not an object")
                    continue
                add_region(doc, str(e.get("id", f"e{k}")), e.get("label"), e.get("start_offset"),
                           e.get("end_offset"), None, f"{where} entity {k + 1}", out, known)
            ids = {r.id for r in doc.regions}
            for k, rel in enumerate(rec.get("relations") or []):
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
        else:
            spans = rec.get("label", rec.get("labels")) or []
            for k, item in enumerate(spans if isinstance(spans, list) else []):
                if not (isinstance(item, list) and len(item) == 3):
                    out.error(where, f"label {k + 1}: expected [start, end, label], found {item!r}")
                    continue
                add_region(doc, f"l{k}", item[2], item[0], item[1], None, f"{where} label {k + 1}", out, known)
        docs.append(doc)
    for issue in issues:
        out.errors.append(f"{issue.path}:{issue.line}: {issue.message}" if issue.line else f"{issue.path}: {issue.message}")
    out.raise_if_any()
    return docs, out.warnings


__all__ = ["ToolFormatError", "export_text", "line", "read_export"]
