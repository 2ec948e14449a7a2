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
from .convert import ToolDoc, ToolFormatError, without_overlaps
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
    """One Label Studio task; the regions as ``predictions`` (or as an ``annotations`` entry).

    Regions of one label layer never overlap in a task (the longer is kept, see
    :func:`~govie.annotate.convert.without_overlaps`): govie's import, like a
    project's review, refuses overlapping spans of one layer.
    """
    doc, _ = without_overlaps(doc, by_layer=True)
    data = {"text": doc.text, "report": doc.report_id, "file": doc.file}
    if as_annotation:
        return {"data": data, "annotations": [{"result": _result(doc), "completed_by": doc.annotator}]}
    return {"data": data, "predictions": [{"model_version": MODEL_VERSION, "result": _result(doc)}]}


def export_text(docs: list[ToolDoc]) -> str:
    return json.dumps([task(d) for d in docs], ensure_ascii=False, indent=1) + "\n"


MAX_EXPORT_BYTES = 512 * 1024 * 1024  # far above any corpus; a bigger file is refused, not read


def _is_id(value) -> bool:
    return isinstance(value, (int, str)) and not isinstance(value, bool) and str(value) != ""


def _names(annotation: dict) -> tuple[str | None, set[str]]:
    """(the annotator to record, every name the annotation answers to: e-mail, id, username).

    Label Studio's JSON export writes ``completed_by`` as a user id (or, from
    its API, an object with ``id`` and ``email``) and ``created_username`` as
    ``"email, id"``.
    """
    who, names = annotation.get("completed_by"), set()
    email = None
    if isinstance(who, dict):
        email = who.get("email") if isinstance(who.get("email"), str) and who.get("email") else None
        names |= {str(who[k]) for k in ("id", "email", "username") if _is_id(who.get(k))}
        who = who.get("id")
    if _is_id(who):
        names.add(str(who))
    created = annotation.get("created_username")
    if isinstance(created, str):
        parts = [p.strip() for p in created.split(",") if p.strip()]
        names |= set(parts)
        email = email or next((p for p in parts if "@" in p), None)
    if email:
        return email, names
    return (f"label-studio:{who}" if _is_id(who) else None), names


def _no_constants(name: str):
    raise ValueError(f"{name} is not a number JSON allows")


def load_export(path: str | os.PathLike):
    """The parsed JSON of an export; ToolFormatError (one line, with the file) if it cannot be."""
    where = os.fspath(path)
    try:
        size = os.stat(path).st_size
        if size > MAX_EXPORT_BYTES:
            raise ToolFormatError(f"{where}: {size:,} bytes, more than the {MAX_EXPORT_BYTES:,} an export may have")
        with open(path, encoding="utf-8") as fh:
            return json.load(fh, parse_constant=_no_constants)
    except json.JSONDecodeError as exc:
        raise ToolFormatError(f"{where}:{exc.lineno}: broken JSON: {exc.msg} (column {exc.colno})") from None
    except RecursionError:
        raise ToolFormatError(f"{where}: JSON nested too deeply to be an export") from None
    except ValueError as exc:  # NaN / Infinity
        raise ToolFormatError(f"{where}: {exc}") from None
    except (OSError, UnicodeDecodeError) as exc:
        raise ToolFormatError(f"{where}: cannot read: {exc}") from None


def _region(doc: ToolDoc, r, k: int, rwhere: str, out: Collector, known: dict) -> None:
    if not isinstance(r, dict):
        out.error(rwhere, f"not an object but {type(r).__name__}")
    elif r.get("type") == "relation":
        kinds = r.get("labels")
        if not isinstance(kinds, list) or len(kinds) != 1 or kinds[0] not in relation_types():
            out.error(rwhere, f"relation labels {kinds!r}: use exactly one of {relation_types()}")
        elif not (_is_id(r.get("from_id")) and _is_id(r.get("to_id"))):
            out.error(rwhere, "relation without from_id and to_id")
        else:
            doc.relations.append((str(r["from_id"]), str(r["to_id"]), kinds[0]))
    elif r.get("type") == "labels":
        v = r.get("value")
        if not isinstance(v, dict):
            out.error(rwhere, f"\"value\" is {type(v).__name__}, not an object")
            return
        chosen = v.get("labels")
        if not isinstance(chosen, list) or len(chosen) != 1 or not isinstance(chosen[0], str):
            out.error(rwhere, f"a region needs a list of exactly one label, has {chosen!r}")
            return
        rid = r.get("id", f"r{k}")
        if not _is_id(rid):
            out.error(rwhere, f"region id {rid!r} is not a string or number")
            return
        if doc.region(str(rid)) is not None:
            out.error(rwhere, f"second region with id {rid!r}")
            return
        add_region(doc, str(rid), chosen[0], v.get("start"), v.get("end"),
                   v.get("text"), rwhere, out, known)
    else:
        out.warn(rwhere, f"result of type {r.get('type')!r} ignored")


def read_export(path: str | os.PathLike, corpus: str | os.PathLike = "corpus",
                annotator: str | None = None) -> tuple[list[ToolDoc], list[str]]:
    """ToolDocs from a Label Studio JSON export, and warnings; raises ToolFormatError (see :func:`_read`)."""
    try:
        return _read(path, corpus, annotator)
    except ToolFormatError:
        raise
    except (TypeError, KeyError, AttributeError, ValueError, RecursionError) as exc:  # a shape not checked above
        raise ToolFormatError(f"{os.fspath(path)}: not a Label Studio export: {type(exc).__name__}: {exc}") from None


def _read(path: str | os.PathLike, corpus: str | os.PathLike = "corpus",
          annotator: str | None = None) -> tuple[list[ToolDoc], list[str]]:
    """ToolDocs from a Label Studio JSON export, and warnings; raises ToolFormatError listing every error.

    Tasks carry their annotations under ``annotations`` (``completions`` in
    old versions).  A task with several annotations needs ``annotator`` (an
    e-mail or a user id) to say whose to take; cancelled annotations are
    ignored; a task with no annotation is skipped with a warning.  An
    ``annotator`` that matches no annotation of the export is an error, and so
    is a report that comes twice, or any value of the wrong type.
    """
    out = Collector(path)
    data = load_export(path)
    if isinstance(data, dict):
        data = [data]
    if not isinstance(data, list):
        raise ToolFormatError(f"{os.fspath(path)}: expected a JSON list of tasks, found {type(data).__name__}")
    texts, known, docs = Corpus(corpus), labels(), []
    seen: dict[str, str] = {}
    everyone: set[str] = set()
    matched = False
    for n, item in enumerate(data, start=1):
        where = f"task {n}" + (f" (id {item['id']})" if isinstance(item, dict) and _is_id(item.get("id")) else "")
        if not isinstance(item, dict) or not isinstance(item.get("data"), dict):
            out.error(where, "not a task (no \"data\" object)")
            continue
        d = item["data"]
        given = item.get("annotations", item.get("completions"))
        if given is None:
            given = []
        if not isinstance(given, list):
            out.error(where, f"\"annotations\" is {type(given).__name__}, not a list")
            continue
        if any(not isinstance(a, dict) for a in given):
            out.error(where, "an annotation that is not an object")
            continue
        annotations = []
        for a in given:
            if a.get("was_cancelled"):
                continue
            who, names = _names(a)
            everyone.add(who or "?")
            if annotator is None or annotator in names or annotator == who \
                    or annotator.removeprefix("label-studio:") in names:
                annotations.append((who, a))
        matched = matched or bool(annotations)
        if not annotations:
            out.warn(where, "no annotation" + (f" by {annotator}" if annotator else "") + "; skipped")
            continue
        if len(annotations) > 1:
            who = ", ".join(str(w) for w, _ in annotations)
            out.error(where, f"{len(annotations)} annotations ({who}); choose one with --annotator")
            continue
        found = resolve_report(texts, d.get("text"), d.get("report"), d.get("file"), where, out)
        if found is None:
            continue
        if found[0] in seen:
            out.error(where, f"report {found[0]!r} again (first in {seen[found[0]]}); "
                             "an export must have one task per report")
            continue
        seen[found[0]] = where
        who, ann = annotations[0]
        doc = ToolDoc(found[0], found[1], d["text"], annotator=who or annotator)
        result = ann.get("result")
        if result is None:
            result = []
        if not isinstance(result, list):
            out.error(where, f"\"result\" is {type(result).__name__}, not a list")
            continue
        for k, r in enumerate(result):
            _region(doc, r, k, f"{where} ({doc.report_id}) result {k + 1}", out, known)
        ids = {r.id for r in doc.regions}
        for source, target, kind in doc.relations:
            if source not in ids or target not in ids:
                out.error(f"{where} ({doc.report_id})", f"relation {kind} {source}→{target} links a missing region")
            elif doc.region(source).label != "INDICATOR":
                out.error(f"{where} ({doc.report_id})", f"relation {kind} must start at an INDICATOR, "
                                                        f"starts at {doc.region(source).label}")
        docs.append(doc)
    if annotator is not None and not matched and data:
        ids_only = everyone and all(w.startswith("label-studio:") for w in everyone)
        hint = (" (this export names users by id only, as Label Studio's JSON export does: give the id, "
                "shown under Organization in Label Studio)" if ids_only and "@" in annotator
                else " (give an e-mail or a user id)")
        out.error("", f"no annotation by {annotator!r}; the export has annotations by "
                      f"{', '.join(sorted(everyone)) or 'nobody'}{hint}")
    out.raise_if_any()
    return docs, out.warnings
