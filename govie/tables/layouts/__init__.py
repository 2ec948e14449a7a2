"""The flattenings a table is read from, one module each.

- ``tabs``: cells split by tabs;
- ``pipe``: ``| a | b |`` rows, rows shortened by merged cells;
- ``spaces``: columns aligned by runs of spaces;
- ``words``: no separator (single spaces between words);
- ``one_cell_per_line``: the header block and every cell on a line of its own;
- ``glued``: cells run together with no separator (``数据准确率100%100%44``);
- ``budget_block``: the budget rows of the templates (部门资金情况, 年度资金总额 …).

``layout_of`` says which separated layout a line is written in (None: no separator).
"""
from __future__ import annotations

from ..cells import Line
from ..model import Cell
from . import pipe, spaces, tabs, words

SEPARATED = (tabs, pipe, spaces)
BY_NAME = {m.NAME: m for m in (tabs, pipe, spaces, words)}


_DETECTORS = tuple((m.detect, m.NAME) for m in SEPARATED)     # asked of every line: no lookups


def layout_of(line: str) -> str | None:
    for detect, name in _DETECTORS:
        if detect(line):
            return name
    return None


def split_cells(text: str, line: Line, layout: str | None) -> list[Cell]:
    """The cells of one line as ``layout`` splits it (words when the layout has no separator)."""
    return BY_NAME.get(layout or "words", words).split(text, line)
