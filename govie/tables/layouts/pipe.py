"""Pipe layout: ``| a | b | c |`` rows (web-page and Markdown tables turned into text).

Empty cells keep their column; the outer bars open and close a row, and ``| --- |`` rules
are no rows.  A merged cell (a level spanning several rows) leaves later rows shorter:
the grid reader aligns them from the right and carries the levels down.
"""
from __future__ import annotations

import regex

from ..cells import Line, cell_of
from ..model import Cell

NAME = "pipe"
RULE = regex.compile(r"[-:\s]*")


def detect(line: str) -> bool:
    return line.count("|") >= 2


def split(text: str, line: Line) -> list[Cell]:
    cells, pos = [], line.start
    for piece in line.text.split("|"):
        cells.append(cell_of(piece, pos))
        pos += len(piece) + 1
    stripped = line.text.strip()
    if stripped.startswith("|") and cells and not cells[0]:
        cells = cells[1:]
    if stripped.endswith("|") and cells and not cells[-1]:
        cells = cells[:-1]
    return cells


def is_rule(cells: list[Cell]) -> bool:
    """``| --- | :---: |``: the line under a Markdown header."""
    return all(RULE.fullmatch(c.text) for c in cells)
