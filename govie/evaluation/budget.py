"""Budget task: the share of report-level fields that are exactly right — the budget block
(money within 0.5 yuan, rates within 0.005), department, year, self_score and grade.  A field
the gold leaves null is right only when the prediction is null too."""
from __future__ import annotations

from pathlib import Path

from ..extract import extract_file
from ..report import BUDGET_FIELDS
from .gold import corpus_reports, load_gold

GOLD = "budget"
RATES = ("execution_rate", "adjustment_rate", "self_score")
FIELDS = BUDGET_FIELDS + ("department", "year", "self_score", "grade")


def field_right(name: str, predicted, gold) -> bool:
    if gold is None or predicted is None:
        return gold is None and predicted is None
    if isinstance(gold, str):
        return predicted == gold
    tolerance = 0.005 if name in RATES else 0.5
    return abs(float(predicted) - float(gold)) <= tolerance + 1e-9


def evaluate_budget(corpus: str | Path, nlp=None, errors: list | None = None) -> dict[str, tuple[int, int]]:
    """{field: (right, total)} over the corpus, plus "all" and "stated" (gold not null)."""
    gold = load_gold(corpus, GOLD)
    counts = {f: [0, 0] for f in FIELDS}
    stated = [0, 0]
    for rid, path in corpus_reports(corpus):
        if rid not in gold:
            continue
        rep = extract_file(path, nlp=nlp).to_dict()
        g = gold[rid]
        for f in FIELDS:
            want = g["budget"].get(f) if f in BUDGET_FIELDS else g.get(f)
            got = rep["budget"].get(f) if f in BUDGET_FIELDS else rep.get(f)
            ok = field_right(f, got, want)
            counts[f][0] += ok
            counts[f][1] += 1
            if want is not None:
                stated[0] += ok
                stated[1] += 1
            if not ok and errors is not None:
                errors.append((rid, f, want, got))
    out = {f: tuple(c) for f, c in counts.items()}
    out["all"] = (sum(c[0] for c in counts.values()), sum(c[1] for c in counts.values()))
    out["stated"] = tuple(stated)
    return out


def report(corpus, nlp, show_errors: bool = False) -> str:
    errors = [] if show_errors else None
    counts = evaluate_budget(corpus, nlp=nlp, errors=errors)
    lines = ["Budget and report fields (exactly right)", f"{'':<20}{'right':>7}{'total':>7}{'share':>8}"]
    for f, (right, total) in counts.items():
        lines.append(f"{f:<20}{right:>7}{total:>7}{(right / total if total else 1.0):>8.3f}")
    lines += [f"  wrong    {rid}  {f}: gold {want!r}, predicted {got!r}" for rid, f, want, got in errors or []]
    return "\n".join(lines)
