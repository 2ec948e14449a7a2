"""``govie_table_money``: bare numbers that are money because a table says so.

A table headed ``单位：万元`` writes its money cells without a unit
(``879.73``, ``1,096.47``).  Such a number is money when

- its column header names money (任务涉及资金, 全年预算数) — and never when it
  names a score (分值, 得分) or a rate;
- the cell before it names a money figure (预算数, 实际支出数, 调整额 …);
- or it fills a cell on its own and is written like money (decimals or
  thousands separators).

The unit holds from its header to the next one.
"""
from __future__ import annotations

from bisect import bisect_right
from dataclasses import dataclass

import regex
from spacy.language import Language
from spacy.tokens import Doc

from ..mentions import Mention, add_mention, overlaps
from ..numbers import find_amounts
from ..numbers.grammar import lexicon
from .rules import amount_rules

MONEY_LIKE = regex.compile(r"[-−]?(?:\d{1,3}(?:,\d{3})+(?:\.\d+)?|\d+\.\d{1,2})")
COLUMN_SEPARATOR = regex.compile(r"\t|\|")


@dataclass
class HeaderRow:
    start: int
    cells: list[str]          # split on tabs or |, empty cells kept so columns line up


def unit_scopes(text: str) -> list[tuple[int, float]]:
    """(position, factor to yuan) for every unit header, in order."""
    rules = amount_rules()
    multipliers = lexicon()["multipliers"]
    found = []
    for pattern in (rules.table_unit_header, rules.column_unit_header):
        for m in pattern.finditer(text):
            found.append((m.start(), float(multipliers.get(m.group("unit")[:-1], 1))))
    return sorted(found)


def header_rows(text: str, rules) -> list[HeaderRow]:
    """Every line that reads like a table header (two or more known column names)."""
    rows, pos = [], 0
    for line in text.split("\n"):
        cells = [c.strip() for c in rules.cell_separator.split(line) if c.strip()]
        if len(cells) >= 3 and sum(bool(rules.header_word.fullmatch(c)) for c in cells) >= 2:
            rows.append(HeaderRow(pos, [c.strip() for c in COLUMN_SEPARATOR.split(line)]))
        pos += len(line) + 1
    return rows


def _line_around(text: str, start: int, end: int) -> tuple[str, str]:
    line_start = text.rfind("\n", 0, start) + 1
    line_end = text.find("\n", end)
    return text[line_start:start], text[end:line_end if line_end >= 0 else len(text)]


def _cell_before(before: str, rules) -> tuple[str, bool]:
    """The text of the cell up to the number, and whether the number opens its cell."""
    pieces = rules.cell_separator.split(before)
    if pieces[-1].strip():
        return pieces[-1].strip(), False
    earlier = [p.strip() for p in pieces[:-1] if p.strip()]
    return (earlier[-1] if earlier else ""), True


def _closes_cell(after: str) -> bool:
    return not after.strip() or after[0] in "\t|\u3000" or after.startswith("  ")


def _column_header(header: HeaderRow | None, before: str, after: str) -> str | None:
    """The header of the number's column, when the row lines up with the header row."""
    if header is None or not COLUMN_SEPARATOR.search(before + after):
        return None
    row = COLUMN_SEPARATOR.split(before)
    n_cells = len(row) + len(COLUMN_SEPARATOR.split(after)) - 1
    if n_cells == len(header.cells):
        return header.cells[len(row) - 1]
    if not after.strip():                       # a short row still ends in the last column
        return header.cells[-1]
    return None


def _is_date(after: str) -> bool:
    """2021 年, 12 月: a bare number followed by a date word."""
    return after.lstrip(" ")[:1] in ("年", "月", "日", "号")


class TableMoneyRecognizer:
    def __init__(self, name: str = "govie_table_money"):
        self.name = name

    def __call__(self, doc: Doc) -> Doc:
        text = doc.text
        scopes = unit_scopes(text)
        doc._.table_units = scopes
        if not scopes:
            return doc
        rules = amount_rules()
        scope_starts = [p for p, _ in scopes]
        headers = header_rows(text, rules)
        header_starts = [h.start for h in headers]
        for m, measure in find_amounts(text):
            if measure.kind is not None or m.group("mult") or m.group("num2") or m.group("prefix"):
                continue
            start, end = m.span("num")
            i = bisect_right(scope_starts, start) - 1
            if i < 0 or overlaps(doc, start, end) or not m.group("num").lstrip("-−")[:1].isdigit():
                continue
            before, after = _line_around(text, start, end)
            if _is_date(after):
                continue
            h = bisect_right(header_starts, start) - 1
            column = _column_header(headers[h] if h >= 0 else None, before, after)
            label, opens_cell = _cell_before(before, rules)
            whole_cell = opens_cell and _closes_cell(after)
            if column is not None and rules.non_money_label.search(column):
                continue  # 得分 9.8, 分值 10
            if column is not None and rules.money_column_header.search(column):
                money = whole_cell
            elif rules.non_money_label.search(label):
                continue
            else:
                money = bool(rules.money_label.search(label)) or (
                    whole_cell and bool(MONEY_LIKE.fullmatch(m.group("num"))))
            if money:
                add_mention(doc, Mention("MONEY", start, end, measure.as_money(scopes[i][1]), source="table_unit"))
        return doc


@Language.factory("govie_table_money", assigns=["doc._.mentions", "doc._.table_units", "doc.spans"], requires=["doc._.mentions"])
def make_table_money(nlp: Language, name: str):
    return TableMoneyRecognizer(name)
