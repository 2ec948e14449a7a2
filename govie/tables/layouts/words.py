"""No separator: a line's words split at single spaces (one cell a line, ``name value`` pairs)."""
from __future__ import annotations

import regex

from ..cells import Line
from ..model import Cell

NAME = "words"
WORD = regex.compile(r"(?!\|(?:\s|$))\S+")   # a lone bar closes a cell; it is no word
SPACE = regex.compile(r"\s")


def split(text: str, line: Line) -> list[Cell]:
    words = line.text
    if words and words != "|" and SPACE.search(words) is None:
        return [Cell(line.start, line.start + len(words), words)]      # most lines: one word, the line
    return [Cell(line.start + m.start(), line.start + m.end(), m.group()) for m in WORD.finditer(line.text)]
