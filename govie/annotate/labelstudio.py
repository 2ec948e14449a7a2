"""Label Studio: tasks with govie's predictions, the labeling config, and reading exports back.

Formats followed (Label Studio documentation: "Import pre-annotated data",
"Label Studio task format", the ``Labels``/``Text``/``Relations`` tags):

* import file — a JSON list of tasks ``{"data": {"text", "report", "file"},
  "predictions": [{"model_version", "result": [...]}]}``; a region is
  ``{"id", "from_name", "to_name": "text", "type": "labels", "value": {"start",
  "end", "text", "labels": [LABEL]}}``, a link ``{"type": "relation", "from_id",
  "to_id", "direction": "right", "labels": ["target"|"actual"]}``;
* export (JSON) — the same tasks with ``annotations``: ``[{"result": [...],
  "completed_by": 3 | {"id", "email"}, "was_cancelled": false, ...}]``.

Offsets are code points of ``data.text``; the config keeps whitespace
(``white-space: pre-wrap``) so that what annotators select is what the file has.
"""
from __future__ import annotations

import json
import os
from xml.sax.saxutils import quoteattr

from .. import __version__
from ..corpus.records import labels, relation_types, tool_labels
from .convert import ToolDoc, ToolFormatError
from .tools import Collector, Corpus, add_region, resolve_report

FROM_NAMES = {"label": "label", "sentence": "sentence"}  # control tag name per label group
TO_NAME = "text"
MODEL_VERSION = f"govie-{__version__}"


def labeling_config() -> str:
    """The Label Studio labeling config (XML) for govie's labels and indicator relations."""
    known = labels()
    lines = ["<View>",
             "  <Style>.htx-text { white-space: pre-wrap; }</Style>",
             "  <Header value=\"govie: amounts, indicators (link a name to its target and actual "
             "values), problems and remedies\"/>"]
    for group, name in FROM_NAMES.items():
        lines.append(f"  <Labels name=\"{name}\" toName=\"{TO_NAME}\" showInline=\"true\">")
        for label in tool_labels(group):
            info = known[label]
            lines.append(f"    <Label value={quoteattr(label)} background={quoteattr(info['color'])} "
                         f"hint={quoteattr(info['description'])}/>")
        lines.append("  </Labels>")
    lines.append("  <Relations>")
    lines += [f"    <Relation value={quoteattr(r)}/>" for r in relation_types()]
    lines.append("  </Relations>")
    lines.append(f"  <Text name=\"{TO_NAME}\" value=\"$text\" granularity=\"symbol\"/>")
    lines.append("</View>")
    return "\n".join(lines) + "\n"


def _result(doc: ToolDoc) -> list[dict]:
    groups = {label: labels()[label]["tool"] for label in labels()}
    out = []
    for r in doc.regions:
        group = groups.get(r.label)
        if group not in FROM_NAMES:
            continue
        out.append({"id": r.id, "from_name": FROM_NAMES[group], "to_name": TO_NAME, "type": "labels",
                    "value": {"start": r.start, "end": r.end, "text": r.text, "labels": [r.label]}})
    ids = {item["id"] for item in out}
    for source, target, kind in doc.relations:
        if source in ids and target in ids:
            out.append({"type": "relation", "from_id": source, "to_id": target, "direction": "right",
                        "labels": [kind]})
    return out


def task(doc: ToolDoc, as_annotation: bool = False) -> dict:
    """One Label Studio task; the regions as ``predictions`` (or as an ``annotations`` entry)."""
    data = {"text": doc.text, "report": doc.report_id, "file": doc.file}
    if as_annotation:
        return {"data": data, "annotations": [{"result": _result(doc), "completed_by": doc.annotator}]}
    return {"data": data, "predictions": [{"model_version": MODEL_VERSION, "result": _result(doc)}]}


def export_text(docs: list[ToolDoc]) -> str:
    return json.dumps([task(d) for d in docs], ensure_ascii=False, indent=1) + "\n"


def _who(completed_by) -> str | None:
    if isinstance(completed_by, dict):
        email = completed_by.get("email")
        if isinstance(email, str) and email:
            return email
        completed_by = completed_by.get("id")
    if isinstance(completed_by, (int, str)) and not isinstance(completed_by, bool) and str(completed_by):
        return f"label-studio:{completed_by}"
    return None


def _matches(completed_by, wanted: str) -> bool:
    """Whether an annotation's ``completed_by`` (an id, or an object with id and email) is ``wanted``."""
    names = {_who(completed_by)}
    if isinstance(completed_by, dict):
        names |= {completed_by.get("email"), completed_by.get("id")}
    else:
        names.add(completed_by)
    names = {str(n) for n in names if n is not None}
    return wanted in names or wanted in {n.removeprefix("label-studio:") for n in names}


def read_export(path: str | os.PathLike, corpus: str | os.PathLike = "corpus",
                annotator: str | None = None) -> tuple[list[ToolDoc], list[str]]:
    """ToolDocs from a Label Studio JSON export, and warnings; raises ToolFormatError listing every error.

    A task with several annotations needs ``annotator`` (an e-mail or a user id)
    to say whose to take; cancelled annotations are ignored; a task with no
    annotation is skipped with a warning.
    """
    out = Collector(path)
    try:
        with open(path, encoding="utf-8") as fh:
            data = json.load(fh)
    except json.JSONDecodeError as exc:
        raise ToolFormatError(f"{os.fspath(path)}:{exc.lineno}: broken JSON: {exc.msg} (column {exc.colno})") from None
    except (OSError, UnicodeDecodeError) as exc:
        raise ToolFormatError(f"{os.fspath(path)}: cannot read: {exc}") from None
    if isinstance(data, dict):
        data = [data]
    if not isinstance(data, list):
        raise ToolFormatError(f"{os.fspath(path)}: expected a JSON list of tasks")
    texts, known, docs = Corpus(corpus), labels(), []
    for n, item in enumerate(data, start=1):
        where = f"task {n}"
        if not isinstance(item, dict) or not isinstance(item.get("data"), dict):
            out.error(where, "not a task (no \"data\" object)")
            continue
        d = item["data"]
        annotations = [a for a in item.get("annotations") or item.get("completions") or []
                       if isinstance(a, dict) and not a.get("was_cancelled")]
        if annotator is not None:
            annotations = [a for a in annotations if _matches(a.get("completed_by"), annotator)]
        if not annotations:
            out.warn(where, "no annotation" + (f" by {annotator}" if annotator else "") + "; skipped")
            continue
        if len(annotations) > 1:
            who = ", ".join(str(_who(a.get("completed_by"))) for a in annotations)
            out.error(where, f"{len(annotations)} annotations ({who}); choose one with --annotator")
            continue
        found = resolve_report(texts, d.get("text"), d.get("report"), d.get("file"), where, out)
        if found is None:
            continue
        ann = annotations[0]
        doc = ToolDoc(found[0], found[1], d["text"], annotator=_who(ann.get("completed_by")) or annotator)
        result = ann.get("result") or []
        for k, r in enumerate(result if isinstance(result, list) else []):
            rwhere = f"{where} ({doc.report_id}) result {k + 1}"
            if not isinstance(r, dict):
                out.error(rwhere, "not an object")
            elif r.get("type") == "relation":
                kinds = r.get("labels") or []
                kind = kinds[0] if kinds else None
                if kind not in relation_types():
                    out.error(rwhere, f"relation {kinds!r}: use one of {relation_types()}")
                else:
                    doc.relations.append((str(r.get("from_id")), str(r.get("to_id")), kind))
            elif r.get("type") == "labels":
                v = r.get("value") if isinstance(r.get("value"), dict) else {}
                chosen = v.get("labels") or []
                if len(chosen) != 1:
                    out.error(rwhere, f"a region needs exactly one label, has {chosen!r}")
                    continue
                add_region(doc, str(r.get("id", f"r{k}")), chosen[0], v.get("start"), v.get("end"),
                           v.get("text"), rwhere, out, known)
            else:
                out.warn(rwhere, f"result of type {r.get('type')!r} ignored")
        ids = {r.id for r in doc.regions}
        for source, target, kind in doc.relations:
            if source not in ids or target not in ids:
                out.error(f"{where} ({doc.report_id})", f"relation {kind} {source}→{target} links a missing region")
            elif doc.region(source).label != "INDICATOR":
                out.error(f"{where} ({doc.report_id})", f"relation {kind} must start at an INDICATOR, "
                                                        f"starts at {doc.region(source).label}")
        docs.append(doc)
    out.raise_if_any()
    return docs, out.warnings
