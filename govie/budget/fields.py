"""The report-level fields of the JSON contract: department, year, score, grade and the budget block.

Figures come from the amount mentions (a table's ``7823.67`` under ``单位：万元`` is already
money in yuan): a field is the first mention of the right kind that follows one of its labels
(labels.json) with nothing but link words in between, in a table cell or in a sentence
(``全年预算数 13259.41 万元，执行数 12766.32 万元，完成预算的 96.28%``).
"""
from __future__ import annotations

import json
from bisect import bisect_left
from dataclasses import dataclass
from functools import lru_cache
from importlib import resources

import regex

from ..mentions import Mention
from ..numbers import parse_number
from .identity import department, year  # the identity fields live in identity.py

CLAUSE_BOUNDARY = ",，。;；\t|\n"


def _spaced(word: str) -> str:
    return r"[ \t]*".join(regex.escape(ch) for ch in word)


@dataclass(frozen=True)
class FieldRules:
    labels: regex.Pattern          # one group per field
    field_of: dict[str, str]       # group name → field
    money_fields: frozenset[str]
    rate_fields: frozenset[str]
    qualifiers: tuple[str, ...]
    unqualified: frozenset[str]
    link: regex.Pattern
    max_gap: int
    score: regex.Pattern
    grades: tuple[regex.Pattern, ...]
    department_label: regex.Pattern
    suffixes: tuple[str, ...]
    year_label: regex.Pattern
    title_words: tuple[str, ...]
    title_lines: int
    title_year: regex.Pattern
    field_order: tuple[str, ...]


@lru_cache(maxsize=1)
def field_rules() -> FieldRules:
    with resources.files(__package__).joinpath("labels.json").open(encoding="utf-8") as fh:
        data = json.load(fh)
    words = [(w, f) for f, ws in data["fields"].items() for w in ws]
    words.sort(key=lambda wf: len(wf[0]), reverse=True)
    groups, field_of = [], {}
    for k, (w, f) in enumerate(words):
        groups.append(f"(?P<l{k}>{_spaced(w)})")
        field_of[f"l{k}"] = f
    return FieldRules(
        labels=regex.compile("|".join(groups)),
        field_of=field_of,
        money_fields=frozenset(data["money_fields"]),
        rate_fields=frozenset(data["rate_fields"]),
        qualifiers=tuple(data["qualifiers"]),
        unqualified=frozenset(data["unqualified_fields"]),
        link=regex.compile(data["link"]),
        max_gap=int(data["max_gap"]),
        score=regex.compile(data["score"]),
        grades=tuple(regex.compile(p) for p in data["grade"]),
        department_label=regex.compile(data["department_label"]),
        suffixes=tuple(sorted(data["department_suffixes"], key=len, reverse=True)),
        year_label=regex.compile(data["year_label"]),
        title_words=tuple(data["title_words"]),
        title_lines=int(data["title_lines"]),
        title_year=regex.compile(data["title_year"]),
        field_order=tuple(data["fields"]),
    )


@dataclass
class Figure:
    field: str
    value: float
    start: int          # the figure's mention, cleaned-text offsets
    end: int
    label_start: int


def _clause_before(text: str, pos: int) -> str:
    k, floor = pos, max(0, pos - 80)
    while k > floor and text[k - 1] not in CLAUSE_BOUNDARY:
        k -= 1
    return text[k:pos]


def budget_figures(text: str, mentions: list[Mention]) -> list[Figure]:
    """Every labelled budget figure, in text order (several per field are possible)."""
    rules = field_rules()
    starts = [m.start for m in mentions]
    out = []
    for m in rules.labels.finditer(text):
        field = rules.field_of[m.lastgroup]
        if field not in rules.unqualified and any(q in _clause_before(text, m.start()) for q in rules.qualifiers):
            continue
        link = rules.link.match(text, m.end())
        pos = link.end() if link else m.end()
        if pos - m.end() > rules.max_gap:
            continue
        i = bisect_left(starts, pos)
        if i >= len(mentions) or mentions[i].start != pos:
            continue
        mention = mentions[i]
        wanted = "MONEY" if field in rules.money_fields else "PERCENT"
        if mention.label != wanted or mention.measure.value is None:
            continue
        out.append(Figure(field, mention.measure.value, mention.start, mention.end, m.start()))
    return out


def budget_block(text: str, mentions: list[Mention]) -> dict:
    """Every budget field of the contract: the first labelled figure, else None."""
    block: dict[str, float | None] = dict.fromkeys(field_rules().field_order)
    for fig in budget_figures(text, mentions):
        if block.get(fig.field) is None:
            block[fig.field] = fig.value
    return block


def self_score(text: str) -> float | None:
    m = field_rules().score.search(text)
    return parse_number(m.group("score")) if m else None


def grade(text: str) -> str | None:
    found = [m for p in field_rules().grades for m in [p.search(text)] if m]
    return min(found, key=lambda m: m.start()).group("grade") if found else None


def report_fields(text: str, mentions: list[Mention]) -> dict:
    """``doc._.report_fields``: department, year, self_score, grade and budget (money in yuan)."""
    return {"department": department(text), "year": year(text), "self_score": self_score(text),
            "grade": grade(text), "budget": budget_block(text, mentions)}
