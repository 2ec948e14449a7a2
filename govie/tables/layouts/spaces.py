"""Spaces layout: columns aligned by runs of two or more spaces (text from fixed-width output).

A row's cell goes under the header cell whose column it starts nearest to, counting wide
(Chinese) characters twice, so an empty cell stays empty.
"""
from __future__ import annotations

import unicodedata

import regex

from ..cells import Line
from ..model import Cell

NAME = "spaces"
GAP = regex.compile(r"(?<=\S)(?: {2,}|\t)(?=\S)")
CELL = regex.compile(r"\S+(?: \S+)*")


def detect(line: str) -> bool:
    # a gap is two spaces or a tab: a line with neither (most) is not stripped and searched
    return ("  " in line or "\t" in line) and GAP.search(line.strip()) is not None


def split(text: str, line: Line) -> list[Cell]:
    return [Cell(line.start + m.start(), line.start + m.end(), m.group()) for m in CELL.finditer(line.text)]


def _width(text: str) -> int:
    return sum(2 if unicodedata.east_asian_width(ch) in "WF" else 1 for ch in text)


# How far (in display columns) a cell may start from its header cell and still be under it.
TOLERANCE = 3


def align(text: str, line: Line, cells: list[Cell], header: list[Cell], header_line: Line) -> list[Cell] | None:
    """Each cell under the header cell whose column it starts nearest to; None when the row is
    not aligned with the header (its cells start far from every header cell: spaced, not padded)."""
    if len(cells) == len(header):
        return cells         # a full row: its cells in order, however they are spaced
    starts = [_width(text[header_line.start:h.start]) for h in header]
    ends = [s + _width(h.text) for s, h in zip(starts, header)]
    gaps = {starts[k + 1] - ends[k] for k in range(len(header) - 1)}
    if len(cells) != len(header) and max(gaps, default=0) - min(gaps, default=0) <= 1:
        return None          # the same gap everywhere: cells spaced apart, not padded into columns
    out = [Cell(line.end, line.end, "") for _ in header]
    for c in cells:
        col = _width(text[line.start:c.start])
        i = min(range(len(starts)), key=lambda k: abs(starts[k] - col))
        if abs(starts[i] - col) > TOLERANCE and not (starts[i] <= col <= ends[i]):
            return None
        out[i] = c if not out[i] else Cell(out[i].start, c.end, text[out[i].start:c.end])
    return out
