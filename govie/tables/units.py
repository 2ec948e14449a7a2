"""The one header-and-unit finder: where a table declares its money unit and which cells it governs.

Used by the bare-money recogniser (``govie/amounts/table_money.py``) and by the table reader.

- ``单位：万元`` above a table declares the unit of every bare money cell from there to the
  next declaration (:func:`unit_scopes`).
- A unit in brackets in a column header (``年度预算数(万元)``) governs that column's cells, and
  in a row label (``预算执行情况(万元)``, alone on its line or first in its row) the cells of
  that row — the rest of the line, or the bare numbers and header words on the lines right
  after it — and nothing else (:class:`Units`).
- A header row is a line of three or more cells, two of them header words of the table
  vocabulary (headers.json) (:func:`header_rows`).
"""
from __future__ import annotations

from bisect import bisect_right
from dataclasses import dataclass
from functools import lru_cache

import regex

from ..numbers.grammar import lexicon
from .vocabulary import compact, vocabulary

COLUMN_SEPARATOR = regex.compile(r"\t|\|")
# How far a row label's unit reaches over the lines after it (one cell a line).
ROW_SCOPE_LINES = 24


@lru_cache(maxsize=1)
def _patterns():
    import json
    from importlib import resources
    with resources.files(__package__).joinpath("headers.json").open(encoding="utf-8") as fh:
        data = json.load(fh)
    return (regex.compile(data["unit_declaration"]), regex.compile(data["unit_in_header"]),
            regex.compile(data["cell_separator"]))


def factor_of(unit: str) -> float:
    """万元 → 10000: the multiplier of a money unit, from the number grammar."""
    return float(lexicon()["multipliers"].get(unit[:-1], 1)) if unit.endswith("元") else 1.0


def bracketed_unit(text: str) -> float | None:
    """The factor of a money unit in brackets (``(万元)``) in a header or label, else None."""
    m = _patterns()[1].search(text)
    return factor_of(m.group("unit")) if m else None


def unit_scopes(text: str) -> list[tuple[int, float]]:
    """(position, factor to yuan) of every ``单位：万元`` declaration, in order."""
    return [(m.start(), factor_of(m.group("unit"))) for m in _patterns()[0].finditer(text)]


def cell_separator() -> regex.Pattern:
    return _patterns()[2]


@dataclass
class HeaderRow:
    start: int
    cells: list[str]          # split on tabs or |, empty cells kept so columns line up
    roles: list[str | None]

    def column(self, before: str, after: str) -> str | None:
        """The header of a number's column, given the text of its line before and after it."""
        if not COLUMN_SEPARATOR.search(before + after):
            return None
        row = COLUMN_SEPARATOR.split(before)
        n_cells = len(row) + len(COLUMN_SEPARATOR.split(after)) - 1
        if n_cells == len(self.cells):
            return self.cells[len(row) - 1]
        if not after.strip():                       # a short row still ends in the last column
            return self.cells[-1]
        return None


def header_rows(text: str) -> list[HeaderRow]:
    """Every line that reads like a table header (three or more cells, two known column names)."""
    vocab, sep = vocabulary(), cell_separator()
    rows, pos = [], 0
    for line in text.split("\n"):
        cells = [c.strip() for c in sep.split(line) if c.strip()]
        if len(cells) >= 3 and sum(vocab.header_role(c) is not None for c in cells) >= 2:
            columns = [c.strip() for c in COLUMN_SEPARATOR.split(line)]
            rows.append(HeaderRow(pos, columns, [vocab.header_role(c) if c else None for c in columns]))
        pos += len(line) + 1
    return rows


class Units:
    """The units of one text: declared scopes, header rows and row labels with a unit."""

    def __init__(self, text: str):
        self.text = text
        self.scopes = unit_scopes(text)
        self.scope_starts = [p for p, _ in self.scopes]
        self.headers = header_rows(text)
        self.header_starts = [h.start for h in self.headers]
        self.row_scopes = self._row_label_scopes()
        self.row_starts = [s for s, _, _ in self.row_scopes]

    def declared(self, pos: int) -> float | None:
        i = bisect_right(self.scope_starts, pos) - 1
        return self.scopes[i][1] if i >= 0 else None

    def header_above(self, pos: int) -> HeaderRow | None:
        h = bisect_right(self.header_starts, pos) - 1
        return self.headers[h] if h >= 0 else None

    def row_unit(self, pos: int) -> float | None:
        """The unit of the row label governing ``pos`` (same row or the lines right after it)."""
        i = bisect_right(self.row_starts, pos) - 1
        if i >= 0 and self.row_scopes[i][0] <= pos < self.row_scopes[i][1]:
            return self.row_scopes[i][2]
        return None

    def _row_label_scopes(self) -> list[tuple[int, int, float]]:
        """(start, end, factor): a label with a bracketed unit opening a line governs the rest of
        its line; alone on its line, also the lines after it that hold numbers or header words."""
        vocab, sep = vocabulary(), cell_separator()
        out, pos = [], 0
        lines = self.text.split("\n")
        offsets = []
        for line in lines:
            offsets.append(pos)
            pos += len(line) + 1
        for k, line in enumerate(lines):
            cells = [c for c in sep.split(line) if c.strip()]
            if not cells:
                continue
            first = cells[0].strip()
            factor = bracketed_unit(first)
            if factor is None or regex.search(r"\d", _patterns()[1].sub("", first)):
                continue
            start = offsets[k] + line.find(first) + len(first)
            end = offsets[k] + len(line)
            if len(cells) == 1:
                j = k + 1
                while j < len(lines) and j <= k + ROW_SCOPE_LINES:
                    word = compact(lines[j])
                    if word and not (regex.fullmatch(r"[-−]?[\d,，.]{1,20}%?", word) or vocab.header_role(word)):
                        break
                    end = offsets[j] + len(lines[j])
                    j += 1
            out.append((start, end, factor))
        return out
