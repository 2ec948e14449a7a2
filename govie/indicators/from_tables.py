"""Indicators from the rows of rebuilt tables: name, levels, target, actual, weight, score, reason.

A name keeps neither the level words a flattening glued to it (产出指标数量指标足额保障率) nor
the unit in brackets (猪舍面积(≥**平方米)); that bracket gives the row's bare values their unit
and the target its comparator.
"""
from __future__ import annotations

import regex

from ..numbers import parse_number
from ..tables import INDICATOR, PROJECT, TASK, Cell, Row, Table, Task, vocabulary
from .model import Indicator, Value, plain
from .rules import indicator_rules
from .values import SYMBOLS as _SYMBOL, Values, name_unit

INDICATOR_KINDS = (INDICATOR, TASK, PROJECT)
FORMULA = regex.compile(r"[(（][^()（）]{0,30}\p{Han}[^()（）]{0,30}[/÷][^()（）]{1,30}[)）]\s{0,3}$")


def _number(cell: Cell | None, values: Values) -> float | None:
    """A weight or a score cell (``10``, ``9.5分``): its mention's value, else the bare number."""
    if cell is None:
        return None
    found = values.inside(cell.start, cell.end)
    if len(found) == 1 and found[0].measure.value is not None and found[0].label == "QUANTITY":
        return found[0].measure.value
    return parse_number(plain(cell.text).removesuffix("分"))


def _reported_met(row: Row, weight: float | None, score: float | None) -> bool | None:
    """What the table itself says: full marks (得分 = 分值) or a 是否完成 cell."""
    rules = indicator_rules()
    status = row.get("status")
    if status is not None:
        word = plain(status.text)
        if word in rules.status_yes:
            return True
        if word in rules.status_no:
            return False
    if weight is not None and score is not None:
        return score >= weight
    return None


def _level(cell: Cell | None) -> str | None:
    return vocabulary().bare(cell.text) if cell is not None else None


def _section(row: Row, task: Task | None) -> str | None:
    if task is not None and task.name is not None:
        return plain(task.name.text)
    levels = [_level(row.get(k)) for k in ("level1", "level2") if row.get(k) is not None]
    return "/".join(levels) or None


_LEVELS_SORTED: dict = {}


def _by_first_char(words) -> dict[str, list[str]]:
    """The words longest first, grouped by their first character (the order kept within a group)."""
    assert all(words), "an empty level word would prefix every name"
    out: dict[str, list[str]] = {}
    for w in sorted(words, key=len, reverse=True):
        out.setdefault(w[:1], []).append(w)
    return out


def _levels_longest_first(vocab) -> tuple[tuple[str, dict[str, list[str]]], ...]:
    """(role, level words longest first by first character) of the vocabulary, sorted once (not per name)."""
    key = id(vocab)
    cached = _LEVELS_SORTED.get(key)
    if cached is None or cached[0] is not vocab:
        cached = _LEVELS_SORTED[key] = (vocab, tuple(
            (role, _by_first_char(words)) for role, words in (("level1", vocab.level1), ("level2", vocab.level2))))
    return cached[1]


def split_name(name: Cell) -> tuple[Cell, str | None, str | None, str | None, str | None]:
    """(name cell, level1, level2, comparator, unit): level words glued before a name are
    levels; a bracketed unit ending it is the unit of the row's bare values."""
    vocab = vocabulary()
    text, start, levels = name.text, name.start, {}
    numbering = vocab.name_numbering.match(text)
    if numbering and numbering.end() < len(text):
        text, start = text[numbering.end():], start + numbering.end()
    moved = True
    while moved:
        moved = False
        for role, by_first in _levels_longest_first(vocab):
            if role in levels:
                continue
            for w in by_first.get(text[:1], ()):
                if text.startswith(w) and len(text) > len(w) + 1:
                    levels[role] = w
                    rest = text[len(w):]
                    start += len(w) + len(rest) - len(rest.lstrip())
                    text, moved = rest.lstrip(), True
                    break
    # 结余率（结余数/预算数）: a formula in brackets after a name explains it; it is no part of it.
    formula = FORMULA.search(text)
    if formula and formula.start() > 0:
        text = text[:formula.start()].rstrip()
    bare, cmp, unit = name_unit(text)
    return Cell(start, start + len(bare), bare), levels.get("level1"), levels.get("level2"), cmp, unit


def _with_name_unit(value: Value | None, cmp: str | None, unit: str | None, target: bool) -> Value | None:
    if value is None or unit is None:
        return value
    if target and value.comparator is None and cmp is not None:
        value.comparator = cmp
    return value


def _unit_from_target(actual: Value | None, target: Value | None, values: Values) -> Value | None:
    """A bare actual (``463``) beside a target with a unit (``≥450户``) is in the target's unit."""
    if actual is None or target is None or not actual.numeric or actual.unit or not target.unit:
        return actual
    if actual.kind is not None or target.kind is None:
        return actual
    # Only on the same scale: 463 beside ≥450户 is 463户; a 1 beside 100% is no 1%.
    written = values.written(target)
    if not written or not actual.value or not 0.1 <= actual.value / written <= 10:
        return actual
    return values.in_unit_of(actual, target)


def table_indicators(tables: list[Table], values: Values) -> list[Indicator]:
    out = []
    for table in tables:
        if table.kind not in INDICATOR_KINDS:
            continue
        for row, task in table.records():
            name = row.get("name")
            if name is None:
                continue
            name, glued1, glued2, cmp, unit = split_name(name)
            # Sichuan's split columns: 指标性质 (≥) | 指标值 (16) | 度量单位 (台).
            if row.get("unit") is not None:
                unit = plain(row.get("unit").text)
            if row.get("comparator") is not None:
                cmp = _SYMBOL.get(plain(row.get("comparator").text)[:1], cmp)
            bracket = (cmp, unit) if unit else None
            target = _with_name_unit(values.of_cell(row.get("target"), bracket), cmp, unit, True)
            actual = _with_name_unit(values.of_cell(row.get("actual"), bracket), cmp, unit, False)
            if target is None and actual is None:
                continue
            actual = _unit_from_target(actual, target, values)
            amount = None
            if task is not None and task.funding is not None and task.funding_value is not None:
                amount = values.money(task.funding, task.funding_value)
            if row.level_as_name and actual is not None and not actual.numeric:
                # Free text under a level (数量指标): one statement names its own indicator.
                single = values.statement(row.get("actual"), indicator_rules().links)
                if single is not None:
                    name, actual = single
            weight, score = _number(row.get("weight"), values), _number(row.get("score"), values)
            note = row.get("note")
            out.append(Indicator(name.start, name.end, plain(name.text), target, actual,
                                 section=_section(row, task), source="table", task_amount=amount,
                                 reported_met=_reported_met(row, weight, score),
                                 level1=_level(row.get("level1")) or glued1,
                                 level2=_level(row.get("level2")) or glued2,
                                 weight=weight, score=score, reason=plain(note.text) if note else None,
                                 table_layout=table.layout))
    return out
