"""A review page for annotators: one self-contained HTML file, drawn by spaCy's displaCy.

``govie render FILE --html OUT`` extracts ``FILE`` and highlights, in three
sections of one page (displaCy ``style="ent"``, ``manual=True``, ``page=True``):

1. amounts and other entities (MONEY, PERCENT, QUANTITY, DATE, ORG);
2. indicators: names (INDICATOR) and the values linked to them (TARGET, ACTUAL);
3. problem and remedy sentences (PROBLEM, REMEDY).

displaCy cannot draw overlapping spans in one section; an overlapping span is
left out of its section and listed under it.  A section with nothing to show
says so instead of repeating the text.  The page has no scripts, style sheets,
fonts or images from elsewhere: it opens offline, and can be mailed.
"""
from __future__ import annotations

import html
import os
from pathlib import Path

from spacy import displacy

from .annotate.convert import ToolDoc, from_records, from_report
from .corpus.records import labels

SECTIONS = (
    ("Amounts and entities", ("MONEY", "PERCENT", "QUANTITY", "DATE", "ORG")),
    ("Indicators", ("INDICATOR", "TARGET", "ACTUAL", "VALUE")),
    ("Problems and remedies", ("PROBLEM", "REMEDY", "OTHER")),
)


def _section_spans(doc: ToolDoc, wanted: tuple[str, ...]) -> list[dict]:
    value_of = {target: kind.upper() for _, target, kind in doc.relations}
    spans = []
    for r in doc.regions:
        label = value_of.get(r.id) if "TARGET" in wanted and r.id in value_of else r.label
        if label in wanted and not (r.value_only and "TARGET" not in wanted):
            spans.append({"start": r.start, "end": r.end, "label": label})
    return sorted(spans, key=lambda s: (s["start"], -s["end"]))


def _without_overlaps(spans: list[dict]) -> tuple[list[dict], list[dict]]:
    kept, dropped, reach = [], [], 0
    for s in spans:
        if s["start"] >= reach:
            kept.append(s)
            reach = s["end"]
        else:
            dropped.append(s)
    return kept, dropped


def _summary(doc: ToolDoc, report: dict | None, source: str) -> str:
    rows = [("file", source)]
    if report:
        rows += [(k, report.get(k)) for k in ("department", "year", "self_score", "grade")]
        rows += [(f"budget.{k}", v) for k, v in (report.get("budget") or {}).items() if v is not None]
    else:
        rows.append(("annotator", doc.annotator))
    counts = {}
    for r in doc.regions:
        counts[r.label] = counts.get(r.label, 0) + 1
    rows.append(("spans", ", ".join(f"{n} {label}" for label, n in sorted(counts.items())) or "none"))
    cells = "".join(f"<tr><th style=\"text-align: left; padding-right: 1em\">{html.escape(str(k))}</th>"
                    f"<td>{html.escape('' if v is None else str(v))}</td></tr>" for k, v in rows)
    return f"<table style=\"margin-bottom: 3rem\">{cells}</table>"


def render_tooldoc(doc: ToolDoc, title: str, report: dict | None = None) -> str:
    """The HTML page for one report's regions."""
    colors = {name: info["color"] for name, info in labels().items()}
    parsed, notes = [], []
    for name, wanted in SECTIONS:
        spans, dropped = _without_overlaps(_section_spans(doc, wanted))
        if spans:
            parsed.append({"text": doc.text, "ents": spans, "title": html.escape(f"{name} — {title}"),
                           "settings": {"lang": "zh", "direction": "ltr"}})
        notes.append((name, spans, dropped))
    page = displacy.render(parsed or [{"text": doc.text, "ents": [], "title": html.escape(title),
                                       "settings": {"lang": "zh", "direction": "ltr"}}],
                           style="ent", manual=True, page=True, options={"colors": colors})
    page = page.replace("<title>displaCy</title>",
                        f"<meta charset=\"utf-8\">\n        <title>{html.escape(title)}</title>", 1)
    extra = [f"<h1 style=\"margin-top: 0\">{html.escape(title)}</h1>", _summary(doc, report, doc.file)]
    for name, spans, dropped in notes:
        if not spans:
            extra.append(f"<p><strong>{html.escape(name)}</strong>: none found.</p>")
        for s in dropped:
            extra.append(f"<p>{html.escape(name)}: {html.escape(s['label'])} {s['start']}-{s['end']} "
                         f"{html.escape(repr(doc.text[s['start']:s['end']]))} overlaps another span "
                         "and is not drawn.</p>")
    body_at = page.index(">", page.index("<body")) + 1
    return page[:body_at] + "\n".join(extra) + page[body_at:]


def render_report(report: dict, text: str, title: str | None = None) -> str:
    """The page for govie's findings (``Report.to_dict()``) on ``text``."""
    source = report.get("source") or "report"
    doc = from_report(report, text, Path(source).stem, source)
    return render_tooldoc(doc, title or source, report)


def render_file(path: str | os.PathLike, nlp=None, gold: str | os.PathLike | None = None) -> str:
    """The page for one report file: govie's findings, or with ``gold`` (a corpus folder) its annotations."""
    from .extract import extract_file

    if gold is not None:
        from .corpus.records import load_annotations, report_text

        rid = Path(path).stem
        records = {kind: recs[rid] for kind, recs in load_annotations(gold).items() if rid in recs}
        if not records:
            raise ValueError(f"{path}: no annotations for report {rid!r} in {gold}/annotations")
        file = next(iter(records.values()))["file"]
        return render_tooldoc(from_records(records, report_text(gold, file), rid, file),
                              f"{os.fspath(path)} (annotations)")
    report = extract_file(path, nlp=nlp)
    return render_report(report.to_dict(), report.text, os.fspath(path))
