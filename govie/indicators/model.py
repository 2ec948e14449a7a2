"""Indicator records: a name, a target and an actual value, and whether the target was met."""
from __future__ import annotations

from dataclasses import dataclass
from functools import lru_cache

import regex

from ..tables import compact
from .rules import indicator_rules

_TAGS = regex.compile(r"</?[A-Za-z][A-Za-z0-9]*(?:\s[^<>\n]*)?/?>")


@lru_cache(maxsize=16384)   # a pure function of short cell texts, asked again and again for the same ones
def plain(text: str) -> str:
    """Text as a reader sees it: no HTML remnants, no PDF line breaks or stray spaces."""
    return compact(_TAGS.sub(" ", text) if "<" in text else text)


@dataclass
class Value:
    """A target or an actual: numeric (value, unit, comparator) or qualitative (value None, the word)."""

    start: int          # cleaned-text offsets
    end: int
    text: str           # cleaned text
    value: float | None = None
    unit: str | None = None
    comparator: str | None = None
    kind: str | None = None   # MONEY, PERCENT, QUANTITY, or None
    currency: str | None = None
    approximate: bool = False
    value_max: float | None = None

    @classmethod
    def of_measure(cls, start: int, end: int, text: str, measure, comparator: str | None = None) -> "Value":
        """A value carrying everything the normaliser knows of the amount (unit, currency, range …)."""
        return cls(start, end, text, measure.value, measure.unit, comparator or measure.comparator, measure.kind,
                   measure.currency, measure.approximate, measure.value_max)

    @property
    def numeric(self) -> bool:
        return self.value is not None

    def key(self):
        """What two values must share to be the same value."""
        if self.value is not None:
            return ("n", round(self.value, 6), self.unit)
        return ("q", plain(self.text))

    def to_dict(self, locate) -> dict:
        span = locate.span(self.start, self.end)
        out = {"text": span["text"], "value": self.value, "unit": self.unit, "comparator": self.comparator,
               "currency": self.currency, "approximate": self.approximate,
               "start": span["start"], "end": span["end"]}
        if self.value_max is not None:
            out["value_max"] = self.value_max
        return out


@dataclass
class Indicator:
    name_start: int
    name_end: int
    name: str                       # plain text of the cleaned name
    target: Value | None = None
    actual: Value | None = None
    section: str | None = None
    source: str = "table"           # table or narrative
    task_amount: Value | None = None
    reported_met: bool | None = None
    met: bool | None = None
    level1: str | None = None
    level2: str | None = None
    weight: float | None = None
    score: float | None = None
    reason: str | None = None
    table_layout: str | None = None      # tab, pipe, spaces, lines, glued, inline; None in narrative

    @property
    def name_span(self) -> tuple[int, int]:
        """Cleaned-text offsets of the name (what the INDICATOR entity covers)."""
        return self.name_start, self.name_end

    def to_dict(self, locate) -> dict:
        span = locate.span(self.name_start, self.name_end)
        return {"name": plain(span["text"]) or self.name, "start": span["start"], "end": span["end"],
                "section": self.section,
                "target": self.target.to_dict(locate) if self.target else None,
                "actual": self.actual.to_dict(locate) if self.actual else None,
                "met": self.met, "source": self.source, "reported_met": self.reported_met,
                "task_amount": self.task_amount.to_dict(locate) if self.task_amount else None,
                "level1": self.level1, "level2": self.level2, "weight": self.weight, "score": self.score,
                "reason": self.reason, "table_layout": self.table_layout}


def _compare(op: str | None, actual: float, target: float) -> bool:
    if op == ">":
        return actual > target
    if op == "<":
        return actual < target
    if op == "<=":
        return actual <= target
    if op == "=":
        return actual == target
    return actual >= target


def met(name: str, target: Value | None, actual: Value | None) -> bool | None:
    """True or false when actual and target compare; None otherwise.

    Numbers compare when their units agree (人次 and 次 do; % and 个 do not), respecting the
    target's comparator (≥90%, ≤90万元, 90%以上, 以内).  Without one, a normal indicator is met
    at or above its target and a reverse one (发生率, 事故数, 投诉量) at or below it.  The same
    qualitative word on both sides is met; different words are not compared.
    """
    if target is None or actual is None:
        return None
    rules = indicator_rules()
    if not target.numeric and not actual.numeric:
        return True if plain(target.text) == plain(actual.text) and plain(target.text) else None
    if not (target.numeric and actual.numeric) or not rules.units_agree(target.unit, actual.unit):
        return None
    reverse = rules.is_reverse(name)
    op = target.comparator
    if op is None and reverse:
        op = "<="
    return _compare(op, actual.value, target.value)
