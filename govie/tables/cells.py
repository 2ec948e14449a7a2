"""Lines and cells: the primitives every layout reads a flattened table with.

A :class:`Line` is one line of the cleaned text; a :class:`~govie.tables.model.Cell` a
stretch of it.  Which separator a line uses (tab, ``|``, a run of spaces, none) is asked of
the layout modules in ``govie/tables/layouts``.
"""
from __future__ import annotations

from dataclasses import dataclass, field

from .model import Cell


@dataclass
class Line:
    start: int
    end: int
    text: str

    exploded: bool = False       # one word of a table flattened onto one line (see words_as_lines)
    # Empty, or only the bar that closes an empty cell (`` |``): asked of each line again and
    # again, so worked out once.
    blank: bool = field(init=False)

    def __init__(self, start: int, end: int, text: str, exploded: bool = False):
        # written out (the dataclass's __init__ would call a __post_init__ for blank: two calls a line)
        self.start, self.end, self.text, self.exploded = start, end, text, exploded
        self.blank = not text.strip(" \t\u3000|")


def lines_of(text: str) -> list[Line]:
    out, pos = [], 0
    for piece in text.split("\n"):
        out.append(Line(pos, pos + len(piece), piece))
        pos += len(piece) + 1
    return out


def cell_at(text: str, start: int, end: int) -> Cell:
    """The cell ``text[start:end]`` without the whitespace around it (empty cells keep their place),
    nor the bar that closes a cell written one a line (``≥42个 |``)."""
    return cell_of(text[start:end], start)


def cell_of(piece: str, start: int) -> Cell:
    """:func:`cell_at` of a piece already cut from the text at ``start`` (a separator's split
    hands its pieces over: no second slice of each)."""
    core = piece.rstrip()                    # the cell up to its last character
    if core.endswith("|") and core.count("|") == 1:
        core = core[:-1].rstrip()
    word = core.lstrip()
    if not word:
        return Cell(start, start, "")
    return Cell(start + len(core) - len(word), start + len(core), word)


def join(text: str, first: Cell, last: Cell) -> Cell:
    """One cell from ``first`` to ``last`` (a name wrapped over lines)."""
    return Cell(first.start, last.end, text[first.start:last.end])


def words_as_lines(text: str, lines: list[Line], is_header_word, min_header_words: int = 3) -> list[Line]:
    """A table flattened onto one line with single spaces (``一级指标 二级指标 三级指标 年度指标值
    … 产出指标 数量指标 新增床位数 300张 312张 10 10``) read as one cell a line: such a line — no
    tab, bar or run of spaces, and a run of header words in it — becomes one Line per word."""
    out = []
    for line in lines:
        written = line.text
        # the separators first: they rule a line out without splitting it into words
        if "\t" in written or "|" in written or "  " in written.strip():
            out.append(line)
            continue
        words = written.split()
        if len(words) < 2 * min_header_words:
            out.append(line)
            continue
        run = 0
        for w in words:                 # stop at the first run long enough: no need to ask the rest
            run = run + 1 if is_header_word(w) else 0
            if run >= min_header_words:
                break
        if run < min_header_words:
            out.append(line)
            continue
        pos = line.start
        for w in words:
            k = text.index(w, pos)
            out.append(Line(k, k + len(w), w, exploded=True))
            pos = k + len(w)
    return out
