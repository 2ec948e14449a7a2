"""Review pages: one self-contained HTML page per report, and an index page for a corpus.

A page reads top to bottom as a reviewer works: a summary (department, year,
score, grade, the budget with thousands separators), the indicator table
(name, target, actual, met; each links to its place in the text), the problem
and remedy sentences, the audit findings, and then the text once, with every
label drawn and a filter to show or hide each label.

Spans are drawn as nested ``<mark>`` elements, so a MONEY inside a PROBLEM
sentence shows both; a span that crosses another's end is drawn in two pieces.
The filter is plain CSS (checkboxes and ``:has()``): the page has no scripts,
style sheets, fonts or images from elsewhere, opens offline and can be mailed.

``govie render FILE --html OUT`` writes one page; ``govie render DIR --html
OUT/`` writes a page per report of ``DIR`` (its ``raw/`` folder when it has
one) and ``OUT/index.html``.
"""
from __future__ import annotations

import heapq
import html
import os
from pathlib import Path

from .annotate.convert import ToolDoc, from_records, from_report
from .corpus.records import labels

BUDGET_ROWS = (("initial", "年初预算", "money"), ("adjusted", "调整后预算 / 全年预算", "money"),
               ("adjustment", "预算调整", "money"), ("spent", "实际支出 / 执行数", "money"),
               ("general_public", "一般公共预算", "money"), ("execution_rate", "预算执行率", "percent"),
               ("adjustment_rate", "预算调整率", "percent"), ("final_revenue", "决算收入", "money"),
               ("final_expenditure", "决算支出", "money"), ("weight", "分值", "number"),
               ("score", "得分", "number"))

STYLE = """
body { font-family: system-ui, "Noto Sans CJK SC", "PingFang SC", sans-serif; margin: 0 auto; max-width: 72rem;
       padding: 1rem 2rem 4rem; color: #222; line-height: 1.5; }
nav { position: sticky; top: 0; background: #fff; padding: .4rem 0; border-bottom: 1px solid #ddd; z-index: 2; }
nav a { margin-right: 1.2rem; }
table { border-collapse: collapse; margin: .5rem 0 1.5rem; }
th, td { border-bottom: 1px solid #e4e4e4; padding: .2rem .7rem .2rem 0; text-align: left; vertical-align: top; }
td.num { text-align: right; font-variant-numeric: tabular-nums; white-space: nowrap; }
.met-yes { color: #17702a; } .met-no { color: #b3261e; font-weight: bold; } .met-unknown { color: #888; }
.text { white-space: pre-wrap; word-break: break-all; font-size: 1rem; line-height: 2.1;
        border-top: 1px solid #ddd; padding-top: 1rem; }
mark { background: var(--c); border-radius: .25rem; padding: .1rem 0; color: inherit; }
mark > sub { font-size: .6rem; font-weight: bold; opacity: .7; margin-left: .15rem; vertical-align: baseline; }
mark:target { outline: 3px solid #e8590c; }
.filter label { margin-right: 1rem; white-space: nowrap; }
.swatch { display: inline-block; width: .8rem; height: .8rem; border-radius: .2rem; background: var(--c);
          vertical-align: middle; }
.muted { color: #777; }
"""


# ---------------------------------------------------------------- formatting

def format_money(value) -> str:
    """Yuan with thousands separators, and the 万元 figure reports use: ``132,594,100 元 (13,259.41 万元)``."""
    if value is None:
        return ""
    yuan = f"{value:,.2f}".removesuffix(".00")
    return f"{yuan} 元 ({value / 10_000:,.2f} 万元)" if abs(value) >= 10_000 else f"{yuan} 元"


def _format(value, kind: str) -> str:
    if value is None:
        return ""
    if kind == "money":
        return format_money(value)
    if kind == "percent":
        return f"{value:,.2f}".rstrip("0").rstrip(".") + "%"
    return f"{value:,g}" if isinstance(value, (int, float)) else str(value)


def _e(value) -> str:
    return html.escape("" if value is None else str(value))


def _anchor(start, end) -> str:
    return f"s{start}-{end}"


def _link(text, start=None, end=None) -> str:
    if isinstance(start, int) and isinstance(end, int):
        return f'<a href="#{_anchor(start, end)}">{_e(text)}</a>'
    return _e(text)


# ---------------------------------------------------------------- the text with every label

def _spans(doc: ToolDoc) -> list[tuple[int, int, str]]:
    value_of = {target: kind.upper() for _, target, kind in doc.relations}
    out = set()
    for r in doc.regions:
        out.add((r.start, r.end, r.label if not r.value_only else value_of.get(r.id, r.label)))
        if r.id in value_of and not r.value_only:
            out.add((r.start, r.end, value_of[r.id]))
    return sorted(out)


def marked_text(text: str, spans: list[tuple[int, int, str]]) -> str:
    """``text`` as HTML with each (start, end, label) as a ``<mark>``; nested, crossing spans split.

    Linear in the text and the spans (a heap of the spans still to open and a
    stack of the open ones), whatever the overlaps.
    """
    colours = {name: info["color"] for name, info in labels().items()}
    todo = [(s, -e, label, True) for s, e, label in spans if 0 <= s < e <= len(text)]
    anchors: set[str] = set()
    heapq.heapify(todo)
    out, stack, at = [], [], 0  # stack: (end, label, continued later)

    def close_until(position):
        nonlocal at
        while stack and stack[-1][0] <= position:
            end, label, continued = stack.pop()
            out.append(_e(text[at:end]))
            at = end
            out.append("</mark>" if continued else f"<sub>{_e(label)}</sub></mark>")

    while todo:
        start, neg_end, label, first = heapq.heappop(todo)
        end = -neg_end
        anchor = _anchor(start, end) if first and _anchor(start, end) not in anchors else None
        close_until(start)
        continued = bool(stack) and end > stack[-1][0]
        if continued:  # crosses the enclosing span's end: the rest is drawn after it
            heapq.heappush(todo, (stack[-1][0], -end, label, False))
            end = stack[-1][0]
        out.append(_e(text[at:start]))
        at = start
        if anchor:
            anchors.add(anchor)
        anchor = f' id="{anchor}"' if anchor else ""
        out.append(f'<mark class="l-{_e(label)}"{anchor} style="--c: {colours.get(label, "#ddd")}" '
                   f'title="{_e(label)}">')
        stack.append((end, label, continued))
    close_until(len(text) + 1)
    out.append(_e(text[at:]))
    return "".join(out)


def _filter(spans) -> tuple[str, str]:
    """The label checkboxes and the CSS rules that hide an unticked label."""
    colours = {name: info["color"] for name, info in labels().items()}
    counts: dict[str, int] = {}
    for _, _, label in spans:
        counts[label] = counts.get(label, 0) + 1
    boxes, rules = [], []
    for label in sorted(counts, key=lambda k: list(colours).index(k) if k in colours else 99):
        boxes.append(f'<label><input type="checkbox" id="f-{_e(label)}" checked> '
                     f'<span class="swatch" style="--c: {colours.get(label, "#ddd")}"></span> '
                     f'{_e(label)} <span class="muted">({counts[label]})</span></label>')
        rules.append(f"body:has(#f-{label}:not(:checked)) mark.l-{label} {{ background: none; }}\n"
                     f"body:has(#f-{label}:not(:checked)) mark.l-{label} > sub {{ display: none; }}")
    return '<p class="filter">Show: ' + " ".join(boxes) + "</p>", "\n".join(rules)


# ---------------------------------------------------------------- the page

def _summary(report: dict | None, doc: ToolDoc, source: str) -> str:
    rows = [("file", _e(source))]
    if report:
        rows += [("department", _e(report.get("department"))), ("year", _e(report.get("year"))),
                 ("self-evaluation score", _e(_format(report.get("self_score"), "number"))),
                 ("grade", _e(report.get("grade")))]
    elif doc.annotator:
        rows.append(("annotator", _e(doc.annotator)))
    budget = (report or {}).get("budget") or {}
    for key, name, kind in BUDGET_ROWS:
        if budget.get(key) is not None:
            rows.append((f"{name} <span class=\"muted\">{key}</span>",
                         f'<span class="num">{_e(_format(budget[key], kind))}</span>'))
    cells = "".join(f"<tr><th>{k}</th><td>{v}</td></tr>" for k, v in rows)
    return f'<h2 id="summary">Summary</h2><table>{cells}</table>'


def _met(met) -> str:
    if met is True:
        return '<span class="met-yes">✓ met</span>'
    if met is False:
        return '<span class="met-no">✗ missed</span>'
    return '<span class="met-unknown">–</span>'


def _indicator_rows(report: dict | None, doc: ToolDoc) -> list[dict]:
    if report is not None:
        rows = []
        for ind in report.get("indicators") or []:
            name = ind.get("name")
            name_text, start, end = ((name.get("text"), name.get("start"), name.get("end")) if isinstance(name, dict)
                                     else (name, ind.get("start"), ind.get("end")))
            rows.append({"name": (name_text, start, end), "level": " / ".join(
                str(ind[k]) for k in ("level1", "level2") if ind.get(k)) or ind.get("section") or "",
                **{k: ((ind.get(k) or {}).get("text"), (ind.get(k) or {}).get("start"), (ind.get(k) or {}).get("end"))
                   if isinstance(ind.get(k), dict) else (None, None, None) for k in ("target", "actual")},
                "met": ind.get("met"), "weight": ind.get("weight"), "score": ind.get("score")})
        return rows
    links: dict[str, dict] = {}
    for source, target, kind in doc.relations:
        value = doc.region(target)
        if value is not None:
            links.setdefault(source, {})[kind] = (value.text, value.start, value.end)
    return [{"name": (r.text, r.start, r.end), "level": "", "target": links.get(r.id, {}).get("target", (None,) * 3),
             "actual": links.get(r.id, {}).get("actual", (None,) * 3), "met": None, "weight": None, "score": None}
            for r in doc.regions if r.label == "INDICATOR"]


def _indicators(report: dict | None, doc: ToolDoc) -> str:
    rows = _indicator_rows(report, doc)
    if not rows:
        return '<h2 id="indicators">Indicators</h2><p class="muted">No indicator found.</p>'
    met = sum(r["met"] is True for r in rows)
    missed = sum(r["met"] is False for r in rows)
    body = "".join(
        f"<tr><td class=\"num\">{n}</td><td>{_link(*r['name'])}</td><td>{_e(r['level'])}</td>"
        f"<td>{_link(*r['target'])}</td><td>{_link(*r['actual'])}</td><td>{_met(r['met'])}</td>"
        f"<td class=\"num\">{_e(_format(r['weight'], 'number'))}</td>"
        f"<td class=\"num\">{_e(_format(r['score'], 'number'))}</td></tr>"
        for n, r in enumerate(rows, start=1))
    return (f'<h2 id="indicators">Indicators</h2><p>{len(rows)} indicators: {met} met, {missed} missed, '
            f'{len(rows) - met - missed} not comparable.</p>'
            "<table><tr><th>#</th><th>name</th><th>level / section</th><th>target</th><th>actual</th>"
            f"<th>met</th><th>weight</th><th>score</th></tr>{body}</table>")


def _statements(report: dict | None, doc: ToolDoc) -> str:
    parts = ['<h2 id="statements">Problems and remedies</h2>']
    for key, label, title in (("problems", "PROBLEM", "Problems"), ("remedies", "REMEDY", "Remedies")):
        if report is not None:
            items = [(s.get("text"), s.get("start"), s.get("end"), s.get("topic")) for s in report.get(key) or []]
        else:
            items = [(r.text, r.start, r.end, None) for r in doc.regions if r.label == label]
        if not items:
            parts.append(f'<h3>{title}</h3><p class="muted">None found.</p>')
            continue
        lis = "".join(f"<li>{'<strong>' + _e(topic) + '</strong>: ' if topic else ''}{_link(text, s, e)}</li>"
                      for text, s, e, topic in items)
        parts.append(f"<h3>{title}</h3><ol>{lis}</ol>")
    return "".join(parts)


def _audit(findings: list[dict] | None) -> str:
    if findings is None:
        return ""
    if not findings:
        return '<h2 id="audit">Audit findings</h2><p class="muted">The report\'s arithmetic holds.</p>'
    rows = "".join(f"<tr><td>{_e(f.get('check'))}</td><td>{_e(f.get('message'))}</td></tr>" for f in findings)
    return f'<h2 id="audit">Audit findings</h2><table><tr><th>check</th><th>finding</th></tr>{rows}</table>'


def render_tooldoc(doc: ToolDoc, title: str, report: dict | None = None, findings: list[dict] | None = None,
                   index: str | None = None) -> str:
    """The review page of one report: ``doc``'s regions, ``report`` (``to_dict()``) and audit ``findings``."""
    spans = _spans(doc)
    boxes, rules = _filter(spans)
    nav = "".join(f'<a href="#{a}">{n}</a>' for a, n in (("summary", "Summary"), ("indicators", "Indicators"),
                                                       ("statements", "Problems and remedies"),
                                                       ("audit", "Audit"), ("text", "Text"))
                  if a != "audit" or findings is not None)
    if index:
        nav = f'<a href="{_e(index)}">← all reports</a>' + nav
    return ("<!DOCTYPE html>\n<html lang=\"zh\">\n<head>\n<meta charset=\"utf-8\">\n"
            f"<title>{_e(title)}</title>\n<style>{STYLE}\n{rules}</style>\n</head>\n<body>\n"
            f"<nav>{nav}</nav>\n<h1>{_e(title)}</h1>\n"
            + _summary(report, doc, doc.file) + "\n" + _indicators(report, doc) + "\n"
            + _statements(report, doc) + "\n" + _audit(findings) + "\n"
            + f'<h2 id="text">Text</h2>\n{boxes}\n<div class="text">{marked_text(doc.text, spans)}</div>\n'
            "</body>\n</html>\n")


def render_report(report: dict, text: str, title: str | None = None, findings: list[dict] | None = None,
                  index: str | None = None) -> str:
    """The page for govie's findings (``Report.to_dict()``) on ``text``."""
    source = report.get("source") or "report"
    doc = from_report(report, text, Path(source).stem, source)
    return render_tooldoc(doc, title or source, report, findings, index)


def render_file(path: str | os.PathLike, nlp=None, gold: str | os.PathLike | None = None,
                index: str | None = None) -> str:
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
                              f"{os.fspath(path)} (annotations)", index=index)
    report = extract_file(path, nlp=nlp)
    return render_report(report.to_dict(), report.text, os.fspath(path),
                         [f if isinstance(f, dict) else f.to_dict() for f in report.audit()], index)


def page_name(path: Path, root: Path) -> str:
    """A page's file name: the report's path below ``root``, so that equal names in two folders differ."""
    try:
        rel = path.resolve().relative_to(root.resolve())
    except ValueError:
        rel = Path(path.name)
    return "__".join(rel.with_suffix("").parts) + ".html"


def render_corpus(files: list[Path], out_dir: str | os.PathLike, nlp=None, root: Path | None = None,
                  progress: bool = False) -> tuple[list[Path], list[str]]:
    """A page per report in ``out_dir`` and ``out_dir/index.html``; returns (pages, errors)."""
    from .annotate.convert import write_text_atomic
    from .extract import extract_file
    from .reading import ReadError

    out = Path(out_dir)
    if root is None:
        root = Path(os.path.commonpath([str(f.resolve().parent) for f in files])) if files else Path(".")
    rows, pages, errors = [], [], []
    iterator = files
    if progress:
        from tqdm import tqdm

        iterator = tqdm(files, desc="render", unit="report")
    for path in iterator:
        try:
            report = extract_file(path, nlp=nlp)
        except (ReadError, OSError) as exc:
            errors.append(str(exc))
            continue
        data = report.to_dict()
        findings = [f if isinstance(f, dict) else f.to_dict() for f in report.audit()]
        name = page_name(path, root)
        write_text_atomic(out / name, render_report(data, report.text, os.fspath(path), findings, "index.html"))
        pages.append(out / name)
        rows.append((name, data, findings))
    write_text_atomic(out / "index.html", render_index(rows))
    return pages, errors


def render_index(rows: list[tuple[str, dict, list]]) -> str:
    """The index page: a row per report with its figures and a link to its page."""
    body = []
    for name, rep, findings in rows:
        budget = rep.get("budget") or {}
        inds = rep.get("indicators") or []
        met = sum(i.get("met") is True for i in inds)
        missed = sum(i.get("met") is False for i in inds)
        body.append(
            f'<tr><td><a href="{_e(name)}">{_e(Path(rep.get("source") or name).name)}</a></td>'
            f"<td>{_e(rep.get('department'))}</td><td>{_e(rep.get('year'))}</td>"
            f"<td class=\"num\">{_e(_format(budget.get('adjusted'), 'money'))}</td>"
            f"<td class=\"num\">{_e(_format(budget.get('spent'), 'money'))}</td>"
            f"<td class=\"num\">{_e(_format(budget.get('execution_rate'), 'percent'))}</td>"
            f"<td class=\"num\">{_e(_format(rep.get('self_score'), 'number'))}</td><td>{_e(rep.get('grade'))}</td>"
            f"<td class=\"num\">{met} / {missed} / {len(inds)}</td>"
            f"<td class=\"num\">{len(rep.get('problems') or [])} / {len(rep.get('remedies') or [])}</td>"
            f"<td class=\"num\">{len(findings)}</td></tr>")
    return ("<!DOCTYPE html>\n<html lang=\"zh\">\n<head>\n<meta charset=\"utf-8\">\n<title>govie: "
            f"{len(rows)} reports</title>\n<style>{STYLE}</style>\n</head>\n<body>\n"
            f"<h1>{len(rows)} reports</h1>\n<table><tr><th>report</th><th>department</th><th>year</th>"
            "<th>budget</th><th>spent</th><th>execution</th><th>score</th><th>grade</th>"
            "<th>indicators met / missed / all</th><th>problems / remedies</th><th>audit findings</th></tr>\n"
            + "\n".join(body) + "\n</table>\n</body>\n</html>\n")


__all__ = ["format_money", "marked_text", "page_name", "render_corpus", "render_file", "render_index",
           "render_report", "render_tooldoc"]
