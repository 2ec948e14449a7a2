"""Rebuilding the self-evaluation tables from text a PDF or a web page flattened.

A table is found by its header row (:mod:`govie.tables.header`); the header's columns get
roles from headers.json (levels, name, target, actual, weight, score, reason, budget
columns), and each layout module of ``govie/tables/layouts`` assigns the body's cells to
those roles:

- ``tabs``, ``pipe``, ``spaces``: one row a line (:mod:`.layouts.grid`), rows shortened by
  merged cells aligned from the right with the levels carried down;
- ``lines``: one cell a line, blank lines between, wrapped names (:mod:`.layouts.one_cell_per_line`);
- ``glued``: a row's cells run together with no separator (:mod:`.layouts.glued`);
- the budget rows (:mod:`.layouts.budget_block`).

The body runs until the next header, a closing label (存在问题, 改进措施 …) or text that no
longer belongs to the table.  A block printed twice across a page break is read once.
Numbers are never parsed here: money cells are the amount mentions already on the Doc.
"""
from __future__ import annotations

from bisect import bisect_right

from ..mentions import Mention
from .cells import lines_of, words_as_lines
from .header import HeaderFinder
from .layouts.budget_block import BudgetBlockReader
from .layouts.glued import GluedReader, InlineReader
from .layouts.grid import GridReader
from .layouts.one_cell_per_line import LinesReader
from .model import BUDGET, INDICATOR, PROJECT, Cell, Row, Table
from .units import bracketed_unit
from .vocabulary import compact, may_open_with, vocabulary

VALUE_ROLES = ("target", "actual", "weight", "score", "status", "note", "comparator", "unit")
ROW_ROLES = ("name",) + VALUE_ROLES


class Reader(HeaderFinder, BudgetBlockReader, GridReader, LinesReader, GluedReader, InlineReader):
    """Reads the tables of one cleaned text."""

    def __init__(self, text: str, mentions: list[Mention], unit_scopes: list[tuple[int, float]]):
        self.text = text
        self.vocab = vocabulary()
        self.lines = words_as_lines(text, lines_of(text), lambda w: self.vocab.header_role(w) is not None)
        self.mentions = mentions
        self.mention_starts = [m.start for m in mentions]
        self.money = [m for m in mentions if m.label == "MONEY"]
        self.money_starts = [m.start for m in self.money]
        self.scopes = unit_scopes
        self.scope_starts = [p for p, _ in unit_scopes]
        # Row keys of the tables read so far, by (kind, roles), kept up to date as tables are added
        # (rather than gathered again from every earlier table for each new one).
        self._seen_rows: dict[tuple, set] = {}
        self._indexed = 0
        self._cells_memo: dict[int, tuple] = {}     # line index → (layout, cells); see _line_cells
        self._memo_cells = 0                        # cells held there

    def tables(self) -> list[Table]:
        out, i = [], 0
        lines = self.lines
        while i < len(lines):
            if lines[i].blank:          # no budget block, header or inline table starts there
                i += 1
                continue
            budget = self._budget_block(i)
            if budget is not None:
                table, i = budget
                out.append(table)
                continue
            found = self.header_at(i)
            if found is None:
                inline = self._inline_table(i)
                if inline is not None:
                    out.append(inline)
                i += 1
                continue
            header, layout, first, last = found
            roles = self.roles_of(header)
            kind = self.kind_of(roles)
            if kind is None:
                i = last + 1
                continue
            if self.lines[first].exploded:
                layout = "words"          # read one cell a line; say it came on one line
            table = Table(kind, layout, self.lines[first].start, self.lines[last].end, header, roles,
                          unit_factor=self._unit_factor(header, self.lines[first].start))
            table.claimed.extend((c.start, c.end) for c in header if c)
            end = self._body_end(last + 1, layout)
            body = [j for j in range(last + 1, end) if not self.lines[j].blank]
            if kind == BUDGET:
                self._read_budget_rows(table, body, self.lines[last] if layout == "spaces" else None)
            elif self._looks_glued(table, body):
                self._read_glued(table, body)
            elif layout in ("lines", "words"):
                self._read_lines(table, body)
            else:
                self._read_grid(table, body, self.lines[last] if layout == "spaces" else None)
            if body:
                table.end = self.lines[body[-1]].end
            self._drop_repeats(table, out)
            out.append(table)
            i = max(end, last + 1)
        return out

    def _drop_repeats(self, table: Table, earlier: list[Table]) -> None:
        """Rows printed again after a page break (the header and the last rows repeated on the next
        page) are read once: a row equal to one of an earlier table of the same columns goes."""
        if table.kind not in (INDICATOR, PROJECT):
            return
        for t in earlier[self._indexed:]:
            if t.kind in (INDICATOR, PROJECT):
                self._seen_rows.setdefault((t.kind, tuple(t.roles)), set()).update(_row_key(r) for r in t.rows)
        self._indexed = len(earlier)
        seen = self._seen_rows.setdefault((table.kind, tuple(table.roles)), set())
        kept = []
        for row in table.rows:
            key = _row_key(row)
            if key in seen:
                table.skipped.extend((c.start, c.end) for c in row.fields.values() if c)
                continue
            seen.add(key)
            kept.append(row)
        table.rows = kept

    def _unit_factor(self, header: list[Cell], start: int) -> float | None:
        """The money unit of the table's funding cells: the funding header's own unit, a unit in
        the corner cell, else the ``单位`` declaration above."""
        for k, c in enumerate(header):
            if self.vocab.header_role(c.text) == "funding" or k == 0:
                factor = bracketed_unit(c.text)
                if factor:
                    return factor
        i = bisect_right(self.scope_starts, start) - 1
        return self.scopes[i][1] if i >= 0 else None

    def _body_end(self, j: int, layout: str) -> int:
        """The first line after the table's body."""
        while j < len(self.lines):
            line = self.lines[j]
            if not line.blank:
                found = self.header_at(j)
                if found is not None:
                    return found[2]
                own, cells = self._line_cells(j)
                # the first full cell (most lines: their only one, without a generator for it)
                first = cells[0] if cells and cells[0] else next((c for c in cells if c), None)
                if first is not None and (self.vocab.is_stop(first.text) or self.vocab.is_stop(line.text)):
                    return j
                if first is not None and may_open_with(first.text, self.vocab.budget_label_initials) \
                        and compact(first.text) in self.vocab.budget_row_labels:
                    return j
                if layout in ("tab", "pipe") and own != layout:
                    return j
            j += 1
        return j

    # -- helpers the layouts share -------------------------------------------------------------

    def _claim(self, table: Table, row: Row) -> Row:
        table.claimed.extend((c.start, c.end) for c in row.fields.values() if c)
        return row

    def _money_in(self, cell: Cell) -> Mention | None:
        i = bisect_right(self.money_starts, cell.start) - 1
        for m in self.money[max(i, 0):i + 2]:
            if cell.start <= m.start and m.end <= cell.end:
                return m
        return None

    def _mentions_in(self, start: int, end: int) -> list[Mention]:
        i = bisect_right(self.mention_starts, start - 1)
        out = []
        while i < len(self.mentions) and self.mentions[i].start < end:
            if self.mentions[i].end <= end:
                out.append(self.mentions[i])
            i += 1
        return out

    def _funding(self, table: Table, cell: Cell) -> float | None:
        """A funding cell's money in yuan: the MONEY mention the amount components found there."""
        if not cell:
            return None
        mention = self._money_in(cell)
        if mention is None or compact(self.text[cell.start:mention.start]) or compact(self.text[mention.end:cell.end]):
            return None
        return mention.measure.value


def _row_key(row: Row) -> tuple:
    return tuple((role, compact(row.fields[role].text)) for role in ("name", "target", "actual")
                 if row.get(role) is not None)


def find_tables(text: str, mentions: list[Mention], unit_scopes: list[tuple[int, float]]) -> list[Table]:
    """Every table of a cleaned text, in order."""
    return Reader(text, mentions, unit_scopes).tables()
