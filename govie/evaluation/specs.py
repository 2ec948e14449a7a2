"""Specs task: the layout zoo of self-evaluation tables (``tests/specs/tables.jsonl``).

Each case is a text in one real layout and flattening (written in the project's
own words) with what must come out of it.  Three figures, overall and per layout:

* **indicators**: precision and recall over indicators; one counts as right when
  its name, its target and its actual are all right (a value is right when its
  number, unit and comparator are, or, for a qualitative value, its text);
* **budget fields**: the share of the budget fields a case states (``initial``,
  ``adjusted``, ``spent``, ``execution_rate``, ``weight``, ``score`` …; a field
  stated as null must stay null) that come out right, money within 0.5 yuan;
  ``self_score`` is reported beside it;
* **table MONEY**: precision and recall of MONEY entities (text and value in
  yuan) against every amount of money in the case.

These are held-out cases for the table reader; the figures are measured, never
fitted.  ``govie evaluate --task specs`` prints them.
"""
from __future__ import annotations

import json
from collections import Counter, defaultdict
from pathlib import Path

from ..extract import extract
from .scores import PRF, format_table

GOLD = "specs"
SPEC_FILE = Path("tests") / "specs" / "tables.jsonl"
RATE_FIELDS = ("execution_rate", "adjustment_rate", "weight", "score", "self_score")
UNIT_ALIASES = {"百分比": "%", "％": "%", "平方米": "平方米", "㎡": "平方米", "m²": "平方米"}


def gold_path(corpus: str | Path) -> Path:
    """The spec file beside the corpus folder (a checkout's root), else the package's checkout."""
    beside = Path(corpus).resolve().parent / SPEC_FILE
    if beside.exists():
        return beside
    return Path(__file__).resolve().parents[2] / SPEC_FILE


def load_cases(path: str | Path) -> list[dict]:
    with open(path, encoding="utf-8") as fh:
        return [json.loads(line) for line in fh if line.strip()]


def _name(text: str | None) -> str:
    return "".join((text or "").split())


def _unit(unit: str | None) -> str | None:
    return UNIT_ALIASES.get(unit, unit) if unit else None


def value_right(gold: dict | None, got: dict | None) -> bool:
    if not gold:
        return not got or (got.get("value") is None and not _name(got.get("text")))
    if not got:
        return False
    if gold.get("value") is None:
        return got.get("value") is None and _name(got.get("text")) == _name(gold.get("text"))
    if got.get("value") is None:
        return False
    g, p = float(gold["value"]), float(got["value"])
    if abs(g - p) > max(1e-6, 1e-9 * abs(g)):
        return False
    return _unit(gold.get("unit")) == _unit(got.get("unit")) and gold.get("comparator") == got.get("comparator")


def field_right(name: str, gold, got) -> bool:
    if gold is None or got is None:
        return gold is None and got is None
    tolerance = 0.005 if name in RATE_FIELDS else 0.5
    return abs(float(gold) - float(got)) <= tolerance + 1e-9


class Tally:
    """Counts of one group of cases (all, or one layout)."""

    def __init__(self) -> None:
        self.cases = 0
        self.indicators = PRF()
        self.names = PRF()
        self.parts = Counter()        # target/actual/level/weight/score right among name matches
        self.budget = [0, 0]
        self.self_score = [0, 0]
        self.money = PRF()

    def add(self, other: "Tally") -> None:
        self.cases += other.cases
        self.indicators.add(other.indicators)
        self.names.add(other.names)
        self.parts.update(other.parts)
        for mine, theirs in ((self.budget, other.budget), (self.self_score, other.self_score)):
            mine[0] += theirs[0]
            mine[1] += theirs[1]
        self.money.add(other.money)


def score_case(case: dict, report: dict, errors: list | None = None) -> Tally:
    t = Tally()
    t.cases = 1
    cid = case["id"]
    # indicators: one-to-one, a predicted indicator used once
    predicted = list(report.get("indicators") or [])
    used_full, used_name = set(), set()
    for g in case["indicators"]:
        key = _name(g["name"])
        full = next((i for i, p in enumerate(predicted) if i not in used_full and _name(p.get("name")) == key
                     and value_right(g["target"], p.get("target")) and value_right(g["actual"], p.get("actual"))), None)
        if full is not None:
            used_full.add(full)
            t.indicators.tp += 1
        else:
            t.indicators.fn += 1
        named = next((i for i, p in enumerate(predicted) if i not in used_name and _name(p.get("name")) == key), None)
        if named is None:
            t.names.fn += 1
            if errors is not None:
                errors.append(f"  missed     {cid}  {g['name']}")
            continue
        used_name.add(named)
        t.names.tp += 1
        p = predicted[named]
        t.parts["matched"] += 1
        t.parts["target"] += value_right(g["target"], p.get("target"))
        t.parts["actual"] += value_right(g["actual"], p.get("actual"))
        for part in ("level1", "level2", "weight", "score"):
            got = p.get(part)
            if part in ("weight", "score"):
                t.parts[part] += field_right(part, g[part], got)
            else:
                t.parts[part] += (g[part] or None) == (got or None)
        if "met" in g:      # stated by the table (完成 / 未完成)
            t.parts["met stated"] += 1
            t.parts["met"] += p.get("met") == g["met"]
        if errors is not None and full is None:
            errors.append(f"  wrong      {cid}  {g['name']}: target {g['target'] and g['target']['text']!r} "
                          f"-> {p.get('target')!r}; actual {g['actual'] and g['actual']['text']!r} -> {p.get('actual')!r}")
    t.indicators.fp += len(predicted) - len(used_full)
    t.names.fp += len(predicted) - len(used_name)
    if errors is not None:
        for i, p in enumerate(predicted):
            if i not in used_name:
                errors.append(f"  spurious   {cid}  {p.get('name')!r}")
    # budget fields the case states
    budget = report.get("budget") or {}
    for name, want in case["budget"].items():
        got = budget.get(name)
        ok = field_right(name, want, got)
        t.budget[0] += ok
        t.budget[1] += 1
        if errors is not None and not ok:
            errors.append(f"  budget     {cid}  {name}: gold {want!r}, got {got!r}")
    if "self_score" in case:
        want, got = case["self_score"], report.get("self_score")
        ok = field_right("self_score", want, got)
        t.self_score[0] += ok
        t.self_score[1] += 1
        if errors is not None and not ok:
            errors.append(f"  self_score {cid}: gold {want!r}, got {got!r}")
    # table money: multiset of (text, value in yuan)
    gold_money = Counter((m["text"], round(float(m["value"]), 1)) for m in case["money"])
    got_money = Counter((e["text"], round(float(e["value"]), 1)) for e in report.get("entities") or []
                        if e.get("label") == "MONEY" and e.get("value") is not None)
    hit = sum((gold_money & got_money).values())
    t.money.tp += hit
    t.money.fn += sum(gold_money.values()) - hit
    t.money.fp += sum(got_money.values()) - hit
    if errors is not None:
        for (text, v), n in (gold_money - got_money).items():
            errors.append(f"  money miss {cid}  {text!r} = {v} (x{n})")
        for (text, v), n in (got_money - gold_money).items():
            errors.append(f"  money xtra {cid}  {text!r} = {v} (x{n})")
    return t


def evaluate_specs(path: str | Path, nlp=None, errors: list | None = None) -> dict[str, Tally]:
    """{"all": Tally, <layout>: Tally, …} over the spec file."""
    by_layout: dict[str, Tally] = defaultdict(Tally)
    total = Tally()
    for case in load_cases(path):
        report = extract(case["text"], nlp=nlp).to_dict()
        t = score_case(case, report, errors)
        by_layout[case["layout"]].add(t)
        total.add(t)
    return {"all": total, **dict(sorted(by_layout.items()))}


def _share(pair) -> float:
    return pair[0] / pair[1] if pair[1] else 1.0


def report(corpus, nlp, show_errors: bool = False) -> str:
    path = gold_path(corpus)
    errors = [] if show_errors else None
    tallies = evaluate_specs(path, nlp=nlp, errors=errors)
    total = tallies["all"]
    lines = [f"Layout zoo specs ({path.name}: {total.cases} cases, held out)",
             format_table("Indicators (name, target and actual all right)", {"indicators": total.indicators,
                                                                             "names only": total.names}),
             format_table("Table MONEY (text and value in yuan)", {"MONEY": total.money})]
    m = total.parts["matched"] or 1
    lines.append("Among indicators whose name was found: " + ", ".join(
        f"{part} {total.parts[part] / m:.3f}" for part in ("target", "actual", "level1", "level2", "weight", "score")))
    if total.parts["met stated"]:
        lines.append(f"met where the table states it: {total.parts['met']}/{total.parts['met stated']}")
    lines.append(f"Budget fields right: {total.budget[0]}/{total.budget[1]} = {_share(total.budget):.3f}; "
                 f"self_score right: {total.self_score[0]}/{total.self_score[1]} = {_share(total.self_score):.3f}")
    lines.append("Targets of issue 12: indicator P >= 0.95 and R >= 0.90, budget fields >= 0.95, table MONEY F1 >= 0.97")
    lines.append("")
    lines.append(f"{'layout':<22}{'cases':>6}{'ind P':>7}{'ind R':>7}{'ind F1':>7}{'budget':>8}{'score':>7}{'money F1':>9}")
    for layout, t in tallies.items():
        if layout == "all":
            continue
        lines.append(f"{layout:<22}{t.cases:>6}{t.indicators.precision:>7.3f}{t.indicators.recall:>7.3f}"
                     f"{t.indicators.f1:>7.3f}{_share(t.budget):>8.3f}{_share(t.self_score):>7.3f}{t.money.f1:>9.3f}")
    lines += errors or []
    return "\n".join(lines)
