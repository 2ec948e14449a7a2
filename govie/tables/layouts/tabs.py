"""Tab layout: cells split by tabs, one row a line; empty cells keep their column."""
from __future__ import annotations

from ..cells import Line, cell_of
from ..model import Cell

NAME = "tab"


def detect(line: str) -> bool:
    return "\t" in line


def split(text: str, line: Line) -> list[Cell]:
    cells, pos = [], line.start
    for piece in line.text.split("\t"):
        if piece and not (piece[0].isspace() or piece[-1].isspace() or piece[-1] == "|"):
            cells.append(Cell(pos, pos + len(piece), piece))     # most cells: the piece, nothing to trim
        else:
            cells.append(cell_of(piece, pos))
        pos += len(piece) + 1
    return cells
