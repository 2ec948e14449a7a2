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
from ..numbers.grammar import fold
from ..tables import compact
from .identity import department, year  # the identity fields live in identity.py

CLAUSE_BOUNDARY = ",，。;；\t|\n"
_SPACE = regex.compile(r"\s")
# The last clause boundary before a position, found by the engine searching backwards.
_LAST_BOUNDARY = regex.compile("[" + regex.escape(CLAUSE_BOUNDARY) + "]", regex.REVERSE)


def _label_trie(words: list[str]) -> str:
    """The labels as one pattern, a trie of their characters (spaces allowed between them) with an
    empty group ``l{k}`` where word ``k`` ends.

    It matches what ``(?P<l0>w0)|(?P<l1>w1)|…`` (the words longest first) matches, the same word
    winning: the labels matching at a place are prefixes of one another, the trie tries the longer
    continuation before the word that ends there, and of two equal words the first one is kept.
    One character's branch is tried per place instead of every word's.
    """
    assert not any(ch.isspace() for w in words for ch in w), "a label's characters are matched with spaces between"
    trie: dict = {}
    for k, w in enumerate(words):
        node = trie
        for ch in w:
            node = node.setdefault(ch, {})
        node.setdefault("", f"l{k}")

    def after(node: dict) -> str:
        parts = []
        more = [regex.escape(ch) + after(child) for ch, child in node.items() if ch != ""]
        if more:
            parts.append(r"[ \t]*(?:" + "|".join(more) + ")")
        if "" in node:
            parts.append(f"(?P<{node['']}>)")
        return parts[0] if len(parts) == 1 else "(?:" + "|".join(parts) + ")"

    return "|".join(regex.escape(ch) + after(child) for ch, child in trie.items())


@dataclass(frozen=True)
class FieldRules:
    labels: regex.Pattern          # one group per field
    field_of: dict[str, str]       # group name → field
    money_fields: frozenset[str]
    rate_fields: frozenset[str]
    qualifiers: tuple[str, ...]
    unqualified: frozenset[str]
    unqualified_labels: frozenset[str]
    link: regex.Pattern
    max_gap: int
    score: regex.Pattern
    grades: tuple[regex.Pattern, ...]
    any_grade: regex.Pattern       # the grade patterns as one alternation, in their order
    field_order: tuple[str, ...]
    total_row: regex.Pattern
    total_labels: tuple[str, ...]
    part_labels: tuple[str, ...]


@lru_cache(maxsize=1)
def field_rules() -> FieldRules:
    with resources.files(__package__).joinpath("labels.json").open(encoding="utf-8") as fh:
        data = json.load(fh)
    words = [(w, f) for f, ws in data["fields"].items() for w in ws]
    words.sort(key=lambda wf: len(wf[0]), reverse=True)
    field_of = {f"l{k}": f for k, (w, f) in enumerate(words)}
    return FieldRules(
        labels=regex.compile(_label_trie([w for w, _ in words])),
        field_of=field_of,
        money_fields=frozenset(data["money_fields"]),
        rate_fields=frozenset(data["rate_fields"]),
        qualifiers=tuple(data["qualifiers"]),
        unqualified=frozenset(data["unqualified_fields"]),
        unqualified_labels=frozenset(data.get("unqualified_labels", [])),
        link=regex.compile(data["link"]),
        max_gap=int(data["max_gap"]),
        score=regex.compile(data["score"]),
        grades=tuple(regex.compile(p) for p in data["grade"]),
        any_grade=regex.compile("|".join(f"(?:{p})" for p in data["grade"])),
        field_order=tuple(data["fields"]) + ("weight", "score"),
        total_row=regex.compile(data["total_row"]),
        total_labels=tuple(data["budget_total_labels"]),
        part_labels=tuple(data["budget_part_labels"]),
    )


@dataclass
class Figure:
    field: str
    value: float
    start: int          # the figure's mention, cleaned-text offsets
    end: int
    label_start: int


def _clause_before(text: str, pos: int) -> str:
    floor = max(0, pos - 80)
    boundary = _LAST_BOUNDARY.search(text, floor, pos)
    return text[boundary.end() if boundary else floor:pos]


def budget_figures(text: str, mentions: list[Mention], folded: str | None = None) -> list[Figure]:
    """Every labelled budget figure, in text order (several per field are possible).

    ``folded`` is ``fold(text)`` when the caller has it already."""
    rules = field_rules()
    text = fold(text) if folded is None else folded   # 財政撥款 is 财政拨款: one for one, offsets unchanged
    starts = [m.start for m in mentions]
    out = []
    for m in rules.labels.finditer(text):
        field = rules.field_of[m.lastgroup]
        if field not in rules.unqualified and _SPACE.sub("", m.group()) not in rules.unqualified_labels:
            clause = _clause_before(text, m.start())     # once, not once per qualifier
            if any(q in clause for q in rules.qualifiers):
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


BLOCK_MONEY = ("initial", "adjusted", "spent")
BLOCK_FIELDS = BLOCK_MONEY + ("execution_rate", "weight", "score")


def _mentions_in(mentions: list[Mention], starts: list[int], cell) -> list[Mention]:
    i = bisect_left(starts, cell.start)
    out = []
    while i < len(mentions) and mentions[i].start < cell.end:
        if mentions[i].end <= cell.end:
            out.append(mentions[i])
        i += 1
    return out


def _is_total(label: str) -> bool:
    rules = field_rules()
    return any(w in label for w in rules.total_labels) and not label.startswith("其中")


def _is_part(label: str) -> bool:
    return any(label.startswith(w) for w in field_rules().part_labels)


def table_budget(text: str, cells, mentions: list[Mention]) -> dict:
    """The budget fields of the templates' column block (年初预算数 / 全年预算数 / 全年执行数 /
    分值 / 执行率 / 得分) from its total row (年度资金总额, else the first row that is no part).
    ``cells`` are the block's figures with their column role (``doc._.budget_cells``, found by
    govie/tables/units.py); money and rates are the mentions there, a weight or a score a bare
    number, read here once."""
    if not cells:
        return {}
    rows: dict[tuple[int, int], list] = {}
    for c in cells:
        rows.setdefault((c.block, c.row), []).append(c)
    ordered = sorted(rows.items())
    chosen = next((r for key, r in ordered if _is_total(compact(r[0].label))), None)
    if chosen is None:
        chosen = next((r for key, r in ordered if not _is_part(compact(r[0].label))), None)
    if chosen is None:
        return {}
    by_start = {m.start: m for m in mentions}
    out: dict[str, float | None] = {}
    for c in chosen:
        if c.role not in BLOCK_FIELDS or out.get(c.role) is not None:
            continue
        m = by_start.get(c.start)
        if c.role in BLOCK_MONEY:
            # 0.00 under 年初预算: nothing was budgeted at the start, no figure to report.
            value = m.measure.value if m is not None and m.label == "MONEY" and m.measure.value else None
        elif c.role == "execution_rate":      # 98.13%, or a bare 75 under 执行率
            value = m.measure.value if m is not None and m.label == "PERCENT" else (
                parse_number(text[c.start:c.end]) if m is None else None)
        else:
            value = m.measure.value if m is not None and m.label == "QUANTITY" else parse_number(
                text[c.start:c.end])
        if value is not None:
            out[c.role] = value
    return out


def budget_block(text: str, mentions: list[Mention], budget_cells=None, folded: str | None = None) -> dict:
    """Every budget field of the contract: the templates' column block first, then the first
    labelled figure of each field, else None."""
    block: dict[str, float | None] = dict.fromkeys(field_rules().field_order)
    block.update(table_budget(text, budget_cells, mentions))
    # A figure the column block placed under its column (268.4 under 年初预算数) is not read again
    # as the figure of a label before it (年度资金总额 | 268.4 is no 资金总额 of the narrative).
    placed = {c.start: c.role for c in budget_cells or ()}
    for fig in budget_figures(text, mentions, folded):
        if fig.field in BLOCK_MONEY and placed.get(fig.start) in BLOCK_MONEY:
            continue
        if block.get(fig.field) is None:
            block[fig.field] = fig.value
    return block


def self_score(text: str, folded: str | None = None) -> float | None:
    """The report's total: the templates' 总分 row (总分 | 100 | 98.6), else 自评得分 and its kin."""
    rules = field_rules()
    text = fold(text) if folded is None else folded
    m = rules.total_row.search(text) or rules.score.search(text)
    return parse_number(m.group("score")) if m else None


def grade(text: str) -> str | None:
    # The earliest match of any grade pattern, the first pattern winning a tie: one search of
    # their alternation (each branch has its own group "grade") instead of one per pattern.
    m = field_rules().any_grade.search(text)
    return m.group("grade") if m else None


def report_fields(text: str, mentions: list[Mention], budget_cells=None) -> dict:
    """``doc._.report_fields``: department, year, self_score, grade and budget (money in yuan)."""
    folded = fold(text)   # once: the score and the budget labels both read the folded view
    return {"department": department(text), "year": year(text), "self_score": self_score(text, folded),
            "grade": grade(text), "budget": budget_block(text, mentions, budget_cells, folded)}
