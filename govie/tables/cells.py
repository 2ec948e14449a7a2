"""Lines and cells: the primitives every layout reads a flattened table with.

A :class:`Line` is one line of the cleaned text; a :class:`~govie.tables.model.Cell` a
stretch of it.  Which separator a line uses (tab, ``|``, a run of spaces, none) is asked of
the layout modules in ``govie/tables/layouts``.
"""
from __future__ import annotations

from dataclasses import dataclass

from .model import Cell


@dataclass
class Line:
    start: int
    end: int
    text: str

    @property
    def blank(self) -> bool:
        return not self.text.strip()


def lines_of(text: str) -> list[Line]:
    out, pos = [], 0
    for piece in text.split("\n"):
        out.append(Line(pos, pos + len(piece), piece))
        pos += len(piece) + 1
    return out


def cell_at(text: str, start: int, end: int) -> Cell:
    """The cell ``text[start:end]`` without the whitespace around it (empty cells keep their place)."""
    piece = text[start:end]
    lead = len(piece) - len(piece.lstrip())
    trail = len(piece) - len(piece.rstrip())
    if lead == len(piece):
        return Cell(start, start, "")
    return Cell(start + lead, end - trail, piece.strip())


def join(text: str, first: Cell, last: Cell) -> Cell:
    """One cell from ``first`` to ``last`` (a name wrapped over lines)."""
    return Cell(first.start, last.end, text[first.start:last.end])
