"""Indicators from the rows of rebuilt tables."""
from __future__ import annotations

from ..numbers import parse_number
from ..tables import INDICATOR, PROJECT, TASK, Row, Table, Task
from .model import Indicator, plain
from .rules import indicator_rules
from .values import Values


def _reported_met(row: Row) -> bool | None:
    """What the table itself says: full marks (得分 = 分值) or a 是否完成 cell."""
    rules = indicator_rules()
    status = row.get("status")
    if status is not None:
        word = plain(status.text)
        if word in rules.status_yes:
            return True
        if word in rules.status_no:
            return False
    weight, score = row.get("weight"), row.get("score")
    if weight is not None and score is not None:
        w, s = parse_number(plain(weight.text)), parse_number(plain(score.text))
        if w is not None and s is not None:
            return s >= w
    return None


def _section(row: Row, task: Task | None) -> str | None:
    if task is not None and task.name is not None:
        return plain(task.name.text)
    levels = [plain(row.fields[k].text) for k in ("level1", "level2") if row.get(k) is not None]
    return "/".join(levels) or None


def table_indicators(tables: list[Table], values: Values) -> list[Indicator]:
    out = []
    for table in tables:
        if table.kind not in (INDICATOR, TASK, PROJECT):
            continue
        for row, task in table.records():
            name = row.get("name")
            target, actual = values.of_cell(row.get("target")), values.of_cell(row.get("actual"))
            if name is None or (target is None and actual is None):
                continue
            amount = None
            if task is not None and task.funding is not None and task.funding_value is not None:
                amount = values.money(task.funding, task.funding_value)
            if row.level_as_name and actual is not None and not actual.numeric:
                # Free text under a level (数量指标): one statement names its own indicator.
                single = values.statement(row.get("actual"), indicator_rules().links)
                if single is not None:
                    name, actual = single
            out.append(Indicator(name.start, name.end, plain(name.text), target, actual,
                                 section=_section(row, task), source="table", task_amount=amount,
                                 reported_met=_reported_met(row)))
    return out
