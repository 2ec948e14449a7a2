"""Statements task: problem and remedy sentences against ``annotations/sentences.jsonl``.

A predicted statement matches a gold one when they are of the same kind and
their spans overlap by at least half of the longer one (one-to-one, best
overlaps first).  Two views:

- **section-based**: what the sections give (statements from 存在问题 /
  改进措施 … sections) against the gold items that lie in such sections;
- **overall**: everything govie extracts — sections and the classifier on
  narrative sentences — against all gold items.

:func:`specs_report` adds the written specs (``tests/specs/statements.jsonl``):
problems and remedies recall, stray statements, department and year accuracy,
and how many statements the classifier adds outside any section with and
without the cue gate (on the corpus and on the narrative specs).

With ``cross_validate`` the classifier is also measured leave-one-report-out:
trained on four reports plus the written sentences, tested on the fifth's
sentences — its narrative (non-section) sentences, and, to measure recall, all
its annotated sentences with the section items read without their section.
"""
from __future__ import annotations

from pathlib import Path

from ..extract import chunks
from ..reading import clean, read_text as read
from ..report import Locator
from .gold import corpus_reports, load_gold
from .scores import PRF, format_table

GOLD = "sentences"
KINDS = ("problems", "remedies")
MIN_OVERLAP = 0.5


def overlap_match(gold: list[tuple[int, int]], predicted: list[tuple[int, int]],
                  min_overlap: float = MIN_OVERLAP) -> list[tuple[int, int]]:
    """(gold index, predicted index) pairs: one-to-one, overlap ≥ ``min_overlap`` of the longer span."""
    pairs = []
    for i, (gs, ge) in enumerate(gold):
        for j, (ps, pe) in enumerate(predicted):
            common = min(ge, pe) - max(gs, ps)
            if common > 0 and common >= min_overlap * max(ge - gs, pe - ps):
                pairs.append((common, i, j))
    used_g, used_p, out = set(), set(), []
    for _, i, j in sorted(pairs, reverse=True):
        if i not in used_g and j not in used_p:
            used_g.add(i)
            used_p.add(j)
            out.append((i, j))
    return out


def predict(path: str | Path, nlp) -> list[dict]:
    """Every statement govie finds in a file, with its kind and source, offsets into the original."""
    text = read(path)
    found = []
    for base, piece in chunks(text):
        cleaned = clean(piece)
        doc = nlp(cleaned.text)
        locate = Locator(cleaned, base)
        for kind in KINDS:
            for st in getattr(doc._, kind) or []:
                found.append({"kind": kind, "source": getattr(st, "source", "section"), **st.to_dict(locate)})
    return found


def _score(gold: list[dict], predicted: list[dict], errors: list | None, rid: str, view: str):
    per_kind, topics_right, topics_total = {}, 0, 0
    for kind in KINDS:
        g = [x for x in gold if x["kind"] == kind]
        p = [x for x in predicted if x["kind"] == kind]
        pairs = overlap_match([(x["start"], x["end"]) for x in g], [(x["start"], x["end"]) for x in p])
        per_kind[kind] = PRF(len(pairs), len(p) - len(pairs), len(g) - len(pairs))
        for i, j in pairs:
            topics_total += 1
            topics_right += g[i].get("topic") == p[j].get("topic")
        if errors is not None:
            matched_g, matched_p = {i for i, _ in pairs}, {j for _, j in pairs}
            errors += [(view, rid, "missed", kind, x) for i, x in enumerate(g) if i not in matched_g]
            errors += [(view, rid, "spurious", kind, x) for j, x in enumerate(p) if j not in matched_p]
    return per_kind, topics_right, topics_total


def evaluate_statements(corpus: str | Path, nlp, errors: list | None = None) -> dict:
    """{"section": {kind: PRF, "all": PRF}, "overall": {...}, "topic_accuracy": float, "topics": (right, of)}."""
    gold = load_gold(corpus, GOLD)
    views = {"section": {k: PRF() for k in KINDS}, "overall": {k: PRF() for k in KINDS}}
    right = total = 0
    for rid, path in corpus_reports(corpus):
        if rid not in gold:
            continue
        record = gold[rid]
        items = [{"kind": kind, **x} for kind in KINDS for x in record.get(kind, [])]
        predicted = predict(path, nlp)
        for view, g, p in (
                ("section", [x for x in items if x.get("in_section", True)],
                 [x for x in predicted if x["source"] == "section"]),
                ("overall", items, predicted)):
            per_kind, r, t = _score(g, p, errors, rid, view)
            for kind in KINDS:
                views[view][kind].add(per_kind[kind])
            if view == "overall":
                right, total = right + r, total + t
    for rows in views.values():
        rows["all"] = PRF()
        for kind in KINDS:
            rows["all"].add(rows[kind])
    views["topic_accuracy"] = right / total if total else 1.0
    views["topics"] = (right, total)
    return views


def _label_table(pairs: list[tuple[str, str]]) -> dict[str, PRF]:
    rows = {}
    for label in ("PROBLEM", "REMEDY", "OTHER"):
        tp = sum(g == label and p == label for g, p in pairs)
        fp = sum(g != label and p == label for g, p in pairs)
        fn = sum(g == label and p != label for g, p in pairs)
        rows[label] = PRF(tp, fp, fn)
    return rows


def leave_one_report_out(corpus: str | Path, threshold: float, seed: int = 0) -> dict:
    """Leave-one-report-out: (gold label, predicted label) pairs per view, at ``threshold`` and at argmax."""
    from ..statements.classifier import StatementClassifier, decide
    from ..statements.training import corpus_units, select, train_textcat

    out = {"narrative": [], "all": [], "narrative_argmax": [], "all_argmax": [], "folds": []}
    from tqdm import tqdm

    for rid, _ in tqdm(corpus_reports(corpus), desc="cross-validation (sentences)", unit="fold"):
        nlp = train_textcat(corpus=corpus, exclude=[rid], seed=seed)
        classifier = StatementClassifier.from_nlp(nlp)
        units = select(corpus_units(corpus, nlp), include=[rid])
        if not units:
            continue
        scores = classifier.scores([list(u.words) for u in units])
        out["folds"].append((rid, len(units)))
        for u, s in zip(units, scores):
            at, top = decide(s, threshold), max(s, key=s.get)
            out["all"].append((u.label, at))
            out["all_argmax"].append((u.label, top))
            if not u.in_section:
                out["narrative"].append((u.label, at))
                out["narrative_argmax"].append((u.label, top))
    return out


def _format_labels(title: str, rows: dict[str, PRF]) -> str:
    """Like :func:`format_table`, with ``-`` where precision or recall is undefined (nothing predicted, no gold)."""
    lines = [title, f"{'':<14}{'P':>7}{'R':>7}{'F1':>7}{'gold':>7}{'pred':>7}"]
    for name, s in rows.items():
        gold, pred = s.tp + s.fn, s.tp + s.fp
        p = f"{s.precision:>7.3f}" if pred else f"{'-':>7}"
        r = f"{s.recall:>7.3f}" if gold else f"{'-':>7}"
        f = f"{s.f1:>7.3f}" if gold and pred else f"{'-':>7}"
        lines.append(f"{name:<14}{p}{r}{f}{gold:>7}{pred:>7}")
    return "\n".join(lines)


def _threshold(nlp) -> float:
    try:
        return float(nlp.get_pipe("govie_statements").threshold)
    except (KeyError, AttributeError):
        return 0.9


def report(corpus, nlp, show_errors: bool = False, cross_validate: bool = False) -> str:
    return "\n\n".join([corpus_report(corpus, nlp, show_errors, cross_validate),
                        specs_report(corpus, nlp, show_errors)])


def corpus_report(corpus, nlp, show_errors: bool = False, cross_validate: bool = False) -> str:
    errors = [] if show_errors else None
    views = evaluate_statements(corpus, nlp, errors=errors)
    lines = [format_table("Problems and remedies, section-based (overlap >= 50% of the longer span)",
                          views["section"]),
             format_table("Problems and remedies, overall (sections + classifier)", views["overall"]),
             f"topic accuracy on matched items (overall): {views['topic_accuracy']:.3f} "
             f"({views['topics'][0]} of {views['topics'][1]})"]
    for view, rid, what, kind, x in errors or []:
        lines.append(f"  {view:<8}{what:<9}{rid}  {kind:<9}{x['start']:>6}-{x['end']:<6}{x['text'][:60]!r}")
    if cross_validate:
        threshold = _threshold(nlp)
        cv = leave_one_report_out(corpus, threshold)
        folds = ", ".join(f"{rid} ({n})" for rid, n in cv["folds"])
        lines += ["",
                  "Sentence classifier, leave-one-report-out (trained on 4 reports + the written sentences, "
                  f"tested on the 5th; sentences per held-out report: {folds})",
                  _format_labels(f"  narrative (non-section) sentences, threshold {threshold:g}",
                                 _label_table(cv["narrative"])),
                  _format_labels("  narrative (non-section) sentences, argmax", _label_table(cv["narrative_argmax"])),
                  _format_labels(f"  all annotated sentences, section items read without their section, "
                                 f"threshold {threshold:g}", _label_table(cv["all"])),
                  _format_labels("  all annotated sentences, argmax", _label_table(cv["all_argmax"]))]
    return "\n".join(lines)


# The written specs (tests/specs/statements.jsonl): run-on headings, wordings, table cells, page
# numbers, prompts, reports that state none, narrative without such sections, title lines.
SPECS = Path(__file__).resolve().parents[2] / "tests" / "specs" / "statements.jsonl"


def load_specs(path: str | Path = SPECS) -> list[dict]:
    import json

    with open(path, encoding="utf-8") as fh:
        return [json.loads(line) for line in fh if line.strip()]


def _expected_spans(text: str, snippets: list[str]) -> list[tuple[int, int]]:
    spans, pos = [], 0
    for s in snippets:
        k = text.find(s, pos)
        if k < 0:
            k = text.find(s)
        spans.append((k, k + len(s)))
        pos = max(pos, k + len(s))
    return spans


def evaluate_specs(nlp, specs: list[dict] | None = None, errors: list | None = None) -> dict:
    """Recall per kind, strays (predictions matching nothing), department and year accuracy on the specs."""
    from ..extract import extract

    specs = load_specs() if specs is None else specs
    out = {"recall": {k: PRF() for k in KINDS}, "strays": 0, "strays_in_none": 0,
           "department": [0, 0], "year": [0, 0], "cases": len(specs)}
    for case in specs:
        report = extract(case["text"], nlp=nlp)
        for kind in KINDS:
            gold = _expected_spans(case["text"], case[kind])
            found = [(x["start"], x["end"]) for x in getattr(report, kind)]
            pairs = overlap_match(gold, found)
            out["recall"][kind].add(PRF(len(pairs), len(found) - len(pairs), len(gold) - len(pairs)))
            stray = len(found) - len(pairs)
            out["strays"] += stray
            if case.get("states_none") or case.get("narrative"):
                out["strays_in_none"] += stray
            if errors is not None:
                got_g, got_p = {i for i, _ in pairs}, {j for _, j in pairs}
                errors += [(case["id"], "missed", kind, case[kind][i]) for i in range(len(gold)) if i not in got_g]
                errors += [(case["id"], "stray", kind, case["text"][a:b]) for j, (a, b) in enumerate(found)
                           if j not in got_p]
        for field in ("department", "year"):
            if field in case:
                right = getattr(report, field) == case[field]
                out[field][0] += right
                out[field][1] += 1
                if errors is not None and not right:
                    errors.append((case["id"], "wrong", field, f"{getattr(report, field)!r} != {case[field]!r}"))
    return out


def classifier_strays(corpus: str | Path, nlp, specs: list[dict] | None = None) -> dict:
    """Statements the classifier adds outside any section, with and without the cue gate.

    On the corpus every gold item lies in a section, so each classifier statement there is a stray;
    on the specs, those in the narrative cases (which state nothing) are.
    """
    from ..extract import extract

    specs = load_specs() if specs is None else specs
    component = nlp.get_pipe("govie_statements")
    saved = component.cue_gate
    out = {}
    try:
        for gate in (True, False):
            component.cue_gate = gate
            on_corpus = sum(x["source"] == "classifier" for _, path in corpus_reports(corpus)
                            for x in predict(path, nlp))
            on_specs = sum(len(getattr(report, kind)) for case in specs if case.get("narrative")
                           for report in [extract(case["text"], nlp=nlp)] for kind in KINDS)
            out["gated" if gate else "ungated"] = (on_corpus, on_specs)
    finally:
        component.cue_gate = saved
    return out


def specs_report(corpus, nlp, show_errors: bool = False) -> str:
    if not SPECS.exists():
        return f"statement specs: {SPECS} not found; skipped"
    errors = [] if show_errors else None
    specs = load_specs()
    res = evaluate_specs(nlp, specs, errors)
    narrative = sum(bool(c.get("narrative")) for c in specs)
    lines = [format_table(f"Problems and remedies on the written specs ({res['cases']} cases, "
                          "tests/specs/statements.jsonl; P counts strays)", res["recall"]),
             f"stray statements: {res['strays']} in all, {res['strays_in_none']} in cases that state none "
             "or have no such section",
             "department: {} of {} right; year: {} of {} right".format(*res["department"], *res["year"])]
    strays = classifier_strays(corpus, nlp, specs)
    for name, (on_corpus, on_specs) in strays.items():
        lines.append(f"classifier statements outside sections, {name:<8}: {on_corpus} on the corpus reports, "
                     f"{on_specs} on the {narrative} narrative specs")
    for case_id, what, kind, x in errors or []:
        lines.append(f"  {what:<7}{case_id:<26}{kind:<11}{str(x)[:60]!r}")
    return "\n".join(lines)
