"""``govie_table_money``: bare numbers that are money because a table says so.

A table headed ``单位：万元`` writes its money cells without a unit
(``879.73``, ``1,096.47``); a column header (``年度预算数(万元)``) or a row label
(``预算执行情况(万元)``) may carry the unit instead, for its own cells only.
Where the unit comes from, and which header a cell stands under, is the table
reader's one finder (:mod:`govie.tables.units`).  A bare number is money when

- its column header names money (任务涉及资金, 全年预算数) or carries a money
  unit — and never when it names a score (分值, 得分) or a rate;
- a row label with a money unit governs it;
- the cell before it names a money figure (预算数, 实际支出数, 调整额 …);
- or it fills a cell on its own and is written like money (decimals or
  thousands separators) under a ``单位`` declaration.

A money column with no unit anywhere holds yuan.
"""
from __future__ import annotations

from bisect import bisect_left, bisect_right

import regex
from spacy.language import Language
from spacy.tokens import Doc

from ..doctext import text_of
from ..mentions import Mention, add_mention, add_mentions, mentions_of, overlaps
from ..numbers import find_amounts, group_positions, parse_amount
from ..tables.units import MONEY_ROLES, LineCells, Units, bracketed_unit, cell_separator, unit_scopes
from .rules import amount_rules

__all__ = ["TableMoneyRecognizer", "unit_scopes"]

if not Doc.has_extension("budget_cells"):
    Doc.set_extension("budget_cells", default=None)

VALUE_ROLES = frozenset({"target", "actual"})
NON_MONEY_ROLES = frozenset({"weight", "score", "execution_rate", "target", "actual", "level1", "level2", "name"})
MONEY_LIKE = regex.compile(r"[-−]?(?:\d{1,3}(?:,\d{3})+(?:\.\d+)?|\d+\.\d{1,2})")


class _Lines:
    """The lines of a text, each split into cells once and only when a number asks for it."""

    def __init__(self, text: str):
        self.text = text
        self.starts = [0] + [m.end() for m in regex.finditer(r"\n", text)]
        self._cells: dict[tuple[int, str], LineCells] = {}

    def at(self, pos: int) -> tuple[int, int]:
        """(start, end) of the line holding ``pos``, without its line break."""
        i = bisect_right(self.starts, pos) - 1
        end = self.starts[i + 1] - 1 if i + 1 < len(self.starts) else len(self.text)
        return self.starts[i], end

    def cells(self, line_start: int, line_end: int, separator: regex.Pattern) -> LineCells:
        key = (line_start, separator.pattern)
        if key not in self._cells:
            self._cells[key] = LineCells(self.text[line_start:line_end], separator)
        return self._cells[key]


# Enough of what follows a number to tell a date word or a cell's end.
_LOOK_AHEAD = 8


def _closes_cell(after: str, line_ends: bool) -> bool:
    """Whether the number ends its cell: the line ends, or a separator follows (`` | `` too)."""
    return line_ends or after[:1] in ("\t", "|", "\u3000") or after.startswith("  ") or after.lstrip(" ")[:1] == "|"


def _is_date(after: str) -> bool:
    """2021 年, 12 月: a bare number followed by a date word."""
    return after.lstrip(" ")[:1] in ("年", "月", "日", "号")


class _Taken:
    """Spans already held by mentions; ``overlaps`` in O(log n) (prefix maximum of the ends)."""

    def __init__(self, mentions: list[Mention]):
        spans = sorted((m.start, m.end) for m in mentions)
        self.starts = [s for s, _ in spans]
        self.max_end, top = [], -1
        for _, e in spans:
            top = max(top, e)
            self.max_end.append(top)

    def overlaps(self, start: int, end: int) -> bool:
        i = bisect_left(self.starts, end) - 1
        return i >= 0 and self.max_end[i] > start


class TableMoneyRecognizer:
    def __init__(self, name: str = "govie_table_money"):
        self.name = name

    def __call__(self, doc: Doc) -> Doc:
        text = text_of(doc)
        units = Units(text)
        doc._.table_units = units.scopes
        doc._.budget_cells = sorted(units.block_figures.values(), key=lambda f: f.start)
        if not units.scopes and not units.row_scopes and not units.headers and not units.blocks:
            return doc
        rules = amount_rules()
        lines = _Lines(text)
        taken = _Taken(mentions_of(doc))     # the recogniser's amounts (found once, not per number)
        mult_at, num2_at, prefix_at, num_at = group_positions("mult", "num2", "prefix", "num")
        found = []    # added at the end: nothing in this loop reads the mentions it adds
        for m, measure in find_amounts(text):
            groups = m.groups()
            if measure.kind is not None or groups[mult_at] or groups[num2_at] or groups[prefix_at]:
                continue
            number = groups[num_at]
            start, end = m.span(num_at + 1)
            if taken.overlaps(start, end) or not number.lstrip("-−")[:1].isdigit():
                continue
            line_start, line_end = lines.at(start)
            after = text[end:min(line_end, end + _LOOK_AHEAD)]
            if _is_date(after):
                continue
            block = units.block_figure(start)
            if block is not None:
                # A figure of a budget column block: money when its column is (年初预算数 …).
                fig, factor = block
                factor = factor or units.declared(start)
                if fig.role in MONEY_ROLES and factor is not None and fig.end == end:
                    found.append(Mention("MONEY", start, end, measure.as_money(factor), source="table_unit"))
                continue
            header = units.header_above(start)
            k = None
            if header is not None:
                k = header.column_at(lines.cells(line_start, line_end, header.separator),
                                     start - line_start, end - line_start)
            column = header.cells[k] if k is not None else None
            cells = lines.cells(line_start, line_end, cell_separator())
            label, opens_cell = cells.cell_before(start - line_start)
            whole_cell = opens_cell and _closes_cell(after, cells.last_char <= end - line_start)
            row_factor = units.row_unit(start)
            # a bare value under 年度指标值 / 实际完成值 is money when its row's name carries a money
            # unit (户均补助标准（万元） | 2.6 | 2.6); other values there are counts and shares
            row_value = column is not None and header.roles[k] in VALUE_ROLES and row_factor is not None \
                and whole_cell
            if column is not None and (rules.non_money_label.search(column) or
                                       header.roles[k] in NON_MONEY_ROLES) and not row_value:
                continue  # 得分 9.8, 分值 10
            column_factor = bracketed_unit(column) if column is not None else None
            money_column = column_factor is not None or (column is not None and (
                header.is_money_column(k) or bool(rules.money_column_header.search(column))))
            corner = header.corner_unit if money_column else None
            factor = column_factor or corner or row_factor or units.declared(start)
            if factor is None:
                if not money_column:
                    continue
                factor = 1.0                   # a money column with no unit anywhere: yuan
            if money_column:
                money = whole_cell
            elif rules.non_money_label.search(label):
                continue
            elif row_factor is not None:
                money = whole_cell or bool(rules.money_label.search(label))
            else:
                money = bool(rules.money_label.search(label)) or (
                    whole_cell and bool(MONEY_LIKE.fullmatch(number)))
            if money:
                found.append(Mention("MONEY", start, end, measure.as_money(factor), source="table_unit"))
        add_mentions(doc, found)
        self._split_glued(doc, text, units)
        return doc

    @staticmethod
    def _split_glued(doc: Doc, text: str, units: Units) -> None:
        """Budget figures glued into one run (``28.627.9597.73%``): an amount the recogniser read
        across several of them goes, and each money or rate figure the block finder split off
        that no mention holds becomes one (the figure alone, read once here)."""
        every = sorted(units.block_figures.values(), key=lambda f: f.start)
        figures = [f for f in every if f.role in MONEY_ROLES or f.role == "execution_rate"]
        if not figures:
            return
        mentions = mentions_of(doc)
        # By bisection: the figures starting inside a mention, and whether one straddles its ends.
        starts = [f.start for f in every]
        split = _Taken(figures)     # overlaps(p, p): a figure starts before p and ends after it
        for mention in list(mentions):
            inside = 0
            i = bisect_left(starts, mention.start)
            while i < len(every) and every[i].start < mention.end and inside < 2:
                inside += every[i].end <= mention.end
                i += 1
            straddles = split.overlaps(mention.start, mention.start) or split.overlaps(mention.end, mention.end)
            if inside >= 2 or (inside and straddles):
                mentions.remove(mention)
                group = doc.spans.get("amounts")
                if group is not None:
                    doc.spans["amounts"] = [sp for sp in group if sp.start_char != mention.start]
        starts = sorted((m.start, m.end) for m in mentions)
        held = {s for s, _ in starts}
        for f in figures:
            if f.start in held or overlaps(doc, f.start, f.end):
                continue
            measure = parse_amount(text[f.start:f.end])
            if measure is None:
                continue
            factor = units.block_factor(f.start) or units.declared(f.start)
            if f.role in MONEY_ROLES and factor is not None and measure.kind is None and measure.value:
                add_mention(doc, Mention("MONEY", f.start, f.end, measure.as_money(factor), source="table_unit"))
            elif f.role == "execution_rate" and measure.kind == "PERCENT":
                add_mention(doc, Mention("PERCENT", f.start, f.end, measure, source="table_unit"))


@Language.factory("govie_table_money", assigns=["doc._.mentions", "doc._.table_units", "doc._.budget_cells",
                                                 "doc.spans"],
                  requires=["doc._.mentions"])
def make_table_money(nlp: Language, name: str):
    return TableMoneyRecognizer(name)
