"""Consistency audit: arithmetic that does not hold within one report.

``Report.audit()`` (and ``govie audit FILE...``) checks what a report states against itself:

- ``execution_rate``: 预算完成率 against 实际支出 ÷ 调整后预算;
- ``adjustment``: 年度调整额 against 调整后预算 − 年初预算;
- ``adjustment_rate``: 预算调整率 against 年度调整额 ÷ 年初预算;
- ``general_public``: 其中一般公共预算 larger than the whole budget;
- ``met``: an indicator the table scores as met (full marks, 是否完成 = 是) whose actual misses its target;
- ``task_amounts``: the 任务涉及资金 of the tasks adding up to more than the budget;
- ``percent_over_100``: a share that cannot pass 100 % (覆盖率, 完成率 … the capped heads of
  govie/indicators/lexicon.json) stated above it;
- ``budget_score``: the templates' rule for the budget row, 得分 = 分值 × 执行率, capped at 分值;
- ``indicator_score``: an indicator whose actual meets its target earns its full 分值; a score
  above its weight is never earned;
- ``total``: the 总分 against the sum of its parts (the budget row's score and every scored
  indicator of the tables), when all of them were read.

Each finding carries its figures, where they stand (offsets into the file's text) and the
tolerance that rounding allows: a figure written with two decimals in 万元 may be off by
50 yuan, a rate written as 96.6% by 0.05 points.
"""
from __future__ import annotations

from dataclasses import asdict, dataclass, field

import regex

from .indicators.rules import indicator_rules
from .tables import compact

_NUMBER = regex.compile(r"[-−]?\d[\d,]*(?:\.(?P<decimals>\d+))?")


@dataclass
class Finding:
    check: str
    message: str
    figures: dict
    expected: float | None = None
    difference: float | None = None
    tolerance: float | None = None
    spans: list[dict] = field(default_factory=list)

    def to_dict(self) -> dict:
        return asdict(self)


class _Figures:
    """Where a report's budget figures stand and how precisely they were written."""

    def __init__(self, report):
        self.report = report

    def entity(self, value: float, label: str) -> dict | None:
        for e in self.report.entities:
            if e["label"] == label and e["value"] is not None and abs(e["value"] - value) <= 1e-6 * max(1, abs(value)):
                return e
        return None

    def precision(self, value: float, label: str) -> float:
        """Half a unit of the last written digit, in the figure's own unit (yuan or %)."""
        e = self.entity(value, label)
        text = e["text"] if e else repr(value)
        m = _NUMBER.search(text.replace(" ", ""))
        if not m:
            return 0.005
        decimals = len(m.group("decimals") or "")
        number = float(m.group().replace(",", "").replace("−", "-"))
        scale = abs(value / number) if number else 1.0
        return 0.5 * 10 ** -decimals * scale

    def span(self, value: float, label: str, role: str) -> list[dict]:
        e = self.entity(value, label)
        return [{"role": role, "start": e["start"], "end": e["end"], "text": e["text"]}] if e else []


def _budget_checks(report, figures: _Figures) -> list[Finding]:
    b = report.budget
    out = []

    def money(name):
        return b.get(name), (figures.precision(b[name], "MONEY") if b.get(name) is not None else 0.0)

    def rate(name):
        return b.get(name), (figures.precision(b[name], "PERCENT") if b.get(name) is not None else 0.0)

    def spans(*names):
        found = []
        for n in names:
            label = "PERCENT" if n.endswith("rate") else "MONEY"
            found += figures.span(b[n], label, n)
        return found

    spent, p_spent = money("spent")
    adjusted, p_adjusted = money("adjusted")
    initial, p_initial = money("initial")
    adjustment, p_adjustment = money("adjustment")
    execution, p_execution = rate("execution_rate")
    adj_rate, p_adj_rate = rate("adjustment_rate")

    def ratio(field, rate, p_rate, part, p_part, whole, p_whole, said, formula, parts):
        """A stated rate against part ÷ whole, within what the written decimals allow."""
        if None in (rate, part, whole) or not whole:
            return
        expected = 100 * part / whole
        tol = p_rate + 100 * (p_part / abs(whole) + abs(part) * p_whole / whole ** 2) + 1e-9
        if abs(rate - expected) > tol:
            out.append(Finding(field, f"{said} {rate:g}% but {formula} = {expected:.2f}%",
                               {field: rate, parts[0]: part, parts[1]: whole},
                               round(expected, 4), round(rate - expected, 4), round(tol, 4),
                               spans(field, *parts)))

    ratio("execution_rate", execution, p_execution, spent, p_spent, adjusted, p_adjusted,
          "预算完成率", "实际支出 ÷ 调整后预算", ("spent", "adjusted"))
    if None not in (adjustment, adjusted, initial):
        expected = adjusted - initial
        tol = p_adjustment + p_adjusted + p_initial + 1e-6
        if abs(adjustment - expected) > tol:
            out.append(Finding("adjustment",
                               f"年度调整额 {adjustment:,.2f} 元 but 调整后预算 − 年初预算 = {expected:,.2f} 元",
                               {"adjustment": adjustment, "adjusted": adjusted, "initial": initial},
                               round(expected, 2), round(adjustment - expected, 2), round(tol, 2),
                               spans("adjustment", "adjusted", "initial")))
    ratio("adjustment_rate", adj_rate, p_adj_rate, adjustment, p_adjustment, initial, p_initial,
          "预算调整率", "年度调整额 ÷ 年初预算", ("adjustment", "initial"))
    general, p_general = money("general_public")
    if None not in (general, adjusted) and general > adjusted + p_general + p_adjusted:
        out.append(Finding("general_public",
                           f"其中一般公共预算 {general:,.2f} 元 exceeds the whole budget {adjusted:,.2f} 元",
                           {"general_public": general, "adjusted": adjusted}, adjusted,
                           round(general - adjusted, 2), round(p_general + p_adjusted, 2),
                           spans("general_public", "adjusted")))
    return out


def _value_span(role: str, value: dict | None) -> list[dict]:
    if not value or value.get("start") is None:
        return []
    return [{"role": role, "start": value["start"], "end": value["end"], "text": value["text"]}]


def _indicator_checks(report) -> list[Finding]:
    rules = indicator_rules()
    out = []
    flagged: set[int] = set()
    for ind in report.indicators:
        name_span = [{"role": "name", "start": ind["start"], "end": ind["end"], "text": report.text[ind["start"]:ind["end"]]}]
        if ind.get("reported_met") is True and ind.get("met") is False:
            out.append(Finding("met", f"{ind['name']}: scored as met, but {ind['actual']['text']} misses "
                                      f"{ind['target']['text']}",
                               {"target": ind["target"]["value"], "actual": ind["actual"]["value"]},
                               spans=name_span + _value_span("target", ind["target"]) + _value_span("actual", ind["actual"])))
        for side in ("target", "actual"):
            v = ind.get(side)
            if v and v.get("unit") == "%" and v.get("value") is not None and v["value"] > 100 \
                    and rules.is_capped(compact(ind["name"])):
                flagged.add(v["start"])
                out.append(Finding("percent_over_100", f"{ind['name']} {v['text']}: a share above 100%",
                                   {side: v["value"]}, 100.0, round(v["value"] - 100, 4), 0.0,
                                   name_span + _value_span(side, v)))
    # Rates stated in free text that no indicator holds (排水单元达标率110%).
    for e in report.entities:
        if e["label"] != "PERCENT" or e["value"] is None or e["value"] <= 100 or e["start"] in flagged:
            continue
        before = report.text[max(0, e["start"] - 40):e["start"]].rstrip()
        clause = compact(regex.split(r"[,，。;；:：\t| ]", before)[-1])
        for link in rules.links:
            if clause.endswith(link):
                clause = clause[:-len(link)]
                break
        if clause and rules.is_capped(clause):
            out.append(Finding("percent_over_100", f"{clause} {e['text']}: a share above 100%",
                               {"value": e["value"]}, 100.0, round(e["value"] - 100, 4), 0.0,
                               [{"role": "value", "start": e["start"], "end": e["end"], "text": e["text"]}]))
    return out


def _task_checks(report, figures: _Figures) -> list[Finding]:
    amounts = {}
    for ind in report.indicators:
        t = ind.get("task_amount")
        if t and t.get("value") is not None:
            amounts[t["start"]] = t
    budget = report.budget.get("adjusted") or report.budget.get("initial")
    if not amounts or budget is None:
        return []
    total = sum(t["value"] for t in amounts.values())
    tol = sum(figures.precision(t["value"], "MONEY") for t in amounts.values()) + figures.precision(budget, "MONEY")
    if total <= budget + tol:
        return []
    return [Finding("task_amounts", f"the tasks' 任务涉及资金 add up to {total:,.2f} 元, more than the budget "
                                    f"{budget:,.2f} 元",
                    {"tasks": total, "budget": budget, "task_count": len(amounts)}, budget,
                    round(total - budget, 2), round(tol, 2),
                    [{"role": "task_amount", "start": t["start"], "end": t["end"], "text": t["text"]}
                     for t in sorted(amounts.values(), key=lambda t: t["start"])])]


def _decimals_tolerance(*values: float) -> float:
    """Half a unit of the last decimal any of the figures was written with (9.81 → 0.005)."""
    most = 0
    for v in values:
        text = repr(float(v))
        if "." in text and not text.endswith(".0"):
            most = max(most, len(text.split(".")[1]))
    return 0.5 * 10 ** -most if most else 0.5


def _score_checks(report) -> list[Finding]:
    """Scores against the templates' rules: the budget row, met indicators, the total."""
    out = []
    b = report.budget
    weight, score, rate = b.get("weight"), b.get("score"), b.get("execution_rate")
    if None not in (weight, score, rate):
        expected = min(weight, weight * rate / 100)
        tol = _decimals_tolerance(score) + weight * 0.005 / 100 + 1e-9
        if abs(score - expected) > tol:
            out.append(Finding("budget_score", f"budget 得分 {score:g} but 分值 {weight:g} × 执行率 {rate:g}% "
                                               f"(capped at the 分值) = {expected:.2f}",
                               {"score": score, "weight": weight, "execution_rate": rate},
                               round(expected, 4), round(score - expected, 4), round(tol, 4)))
    scored = []
    for ind in report.indicators:
        w, sc = ind.get("weight"), ind.get("score")
        if w is None or sc is None:
            continue
        scored.append(sc)
        span = [{"role": "name", "start": ind["start"], "end": ind["end"], "text": report.text[ind["start"]:ind["end"]]}]
        if sc > w + 1e-9:
            out.append(Finding("indicator_score", f"{ind['name']}: 得分 {sc:g} above its 分值 {w:g}",
                               {"weight": w, "score": sc}, w, round(sc - w, 4), 0.0, span))
        elif ind.get("met") is True and sc < w - 1e-9:
            out.append(Finding("indicator_score", f"{ind['name']}: target met but 得分 {sc:g} of 分值 {w:g}",
                               {"weight": w, "score": sc}, w, round(sc - w, 4), 0.0, span))
    total = report.self_score
    table_rows = [i for i in report.indicators if i.get("source") == "table"]
    if total is not None and score is not None and scored and len(scored) == len(table_rows):
        parts = score + sum(scored)
        tol = _decimals_tolerance(total, score, *scored) * (len(scored) + 2)
        if abs(parts - total) > tol:
            out.append(Finding("total", f"总分 {total:g} but its parts add up to {parts:.2f}",
                               {"total": total, "budget_score": score, "indicator_scores": round(sum(scored), 4),
                                "indicators": len(scored)}, round(parts, 4), round(total - parts, 4), round(tol, 4)))
    return out


def audit_report(report) -> list[dict]:
    """Every inconsistency found in one :class:`govie.report.Report`, as dicts."""
    figures = _Figures(report)
    findings = (_budget_checks(report, figures) + _task_checks(report, figures) + _indicator_checks(report)
                + _score_checks(report))
    return [f.to_dict() for f in findings]
