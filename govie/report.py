"""The report: what govie extracts from one file, in the JSON contract's shape.

Components leave their findings on the Doc with offsets into the *cleaned*
text.  :class:`Locator` is the single place those offsets are turned back into
offsets of the original file, so ``text == original[start:end]`` holds for every
span of every kind.
"""
from __future__ import annotations

import os
from collections.abc import Callable
from dataclasses import dataclass, field
from typing import Any

from spacy.tokens import Doc

from .mentions import mentions_of
from .reading import CleanText

BUDGET_FIELDS = ("initial", "adjusted", "adjustment", "spent", "general_public",
                 "execution_rate", "adjustment_rate", "final_revenue", "final_expenditure", "weight", "score")

# Findings of later stages; each is a list of objects with ``to_dict(locate)``.
for _name, _default in (("indicators", None), ("problems", None), ("remedies", None), ("report_fields", None)):
    if not Doc.has_extension(_name):
        Doc.set_extension(_name, default=_default)


@dataclass
class Locator:
    """Maps cleaned-text spans of one chunk to the original file."""

    clean: CleanText
    base: int = 0  # where the chunk starts in the whole file
    page_at: Callable[[int], int | None] | None = None  # PDF: offset in the whole text → page

    def span(self, start: int, end: int) -> dict:
        s, e = self.clean.to_original(start, end)
        return {"start": s + self.base, "end": e + self.base, "text": self.clean.original[s:e]}

    def add_pages(self, item: dict) -> dict:
        """Put ``page`` on a finding and on the spans inside it (an indicator's target and actual)."""
        if self.page_at is None:
            return item
        if isinstance(item.get("start"), int):
            item["page"] = self.page_at(item["start"])
        for value in item.values():
            if isinstance(value, dict):
                self.add_pages(value)
        return item


def entity_dict(mention, locate: Locator) -> dict:
    m = mention.measure
    out = {"label": mention.label, **locate.span(mention.start, mention.end),
           "value": m.value, "unit": m.unit, "currency": m.currency,
           "comparator": m.comparator, "approximate": m.approximate}
    if m.value_max is not None:
        out["value_max"] = m.value_max
    return out


@dataclass(repr=False)
class Report:
    """What govie found in one report file: the JSON contract of DESIGN.md as an object.

    ``to_dict()`` gives the contract's JSON object, ``to_json()`` the same as a
    string; ``govie.to_frames([report, ...])`` turns reports into DataFrames.
    ``text`` is the text offsets point into (``text[start:end] == span["text"]``).
    """

    source: str | None = None
    department: str | None = None
    year: int | None = None
    self_score: float | None = None
    grade: str | None = None
    budget: dict = field(default_factory=lambda: dict.fromkeys(BUDGET_FIELDS))
    entities: list[dict] = field(default_factory=list)
    indicators: list[dict] = field(default_factory=list)
    problems: list[dict] = field(default_factory=list)
    remedies: list[dict] = field(default_factory=list)
    text: str = field(default="", repr=False)  # what govie read; every offset points into it
    warnings: list[str] = field(default_factory=list, repr=False)  # from reading (scanned pages, …)

    def add_doc(self, doc: Doc, locate: Locator) -> None:
        """Fold one processed chunk into the report."""
        self.entities.extend(locate.add_pages(entity_dict(m, locate)) for m in mentions_of(doc))
        for kind in ("indicators", "problems", "remedies"):
            found = getattr(doc._, kind) or []
            getattr(self, kind).extend(locate.add_pages(item.to_dict(locate)) for item in found)
        fields: dict[str, Any] = doc._.report_fields or {}
        for key in ("department", "year", "self_score", "grade"):
            if getattr(self, key) is None and fields.get(key) is not None:
                setattr(self, key, fields[key])
        for key, value in (fields.get("budget") or {}).items():
            if self.budget.get(key) is None:
                self.budget[key] = value

    def audit(self) -> list[dict]:
        """Arithmetic that does not hold within this report (see govie/audit.py)."""
        from .audit import audit_report

        return audit_report(self)

    def save_text(self, path: str | os.PathLike) -> None:
        """Write :attr:`text` (UTF-8, line endings as read) so the offsets can be checked against it."""
        with open(path, "w", encoding="utf-8", newline="") as fh:
            fh.write(self.text)

    def __repr__(self) -> str:
        counts = ", ".join(f"{len(getattr(self, k))} {k}" for k in ("entities", "indicators", "problems", "remedies"))
        score = f", score {self.self_score:g}" if self.self_score is not None else ""
        head = f"<Report {self.source or '(text)'}: {self.department or '?'} {self.year or ''}".rstrip()
        return f"{head}{score}; {counts}>"

    def to_json(self, indent: int | None = None) -> str:
        """The contract's JSON object as a string (Chinese kept as is, not escaped)."""
        import json

        return json.dumps(self.to_dict(), ensure_ascii=False, indent=indent)

    def to_dict(self) -> dict:
        """The JSON contract: every field present, unknown values ``None``, empty lists ``[]``."""
        return {"source": self.source, "department": self.department, "year": self.year,
                "self_score": self.self_score, "grade": self.grade, "budget": dict(self.budget),
                "entities": self.entities, "indicators": self.indicators,
                "problems": self.problems, "remedies": self.remedies}
