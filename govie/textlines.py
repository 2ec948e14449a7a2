"""Walking a text line by line while keeping each line's offset."""
from __future__ import annotations

from collections.abc import Iterator


def lines_in(text: str, start: int = 0, end: int | None = None) -> Iterator[tuple[int, str]]:
    """``(offset, line)`` for each line of ``text[start:end]``, without its line break."""
    end = len(text) if end is None else end
    pos = start
    while pos <= end:
        nl = text.find("\n", pos, end)
        line_end = end if nl < 0 else nl
        yield pos, text[pos:line_end]
        pos = line_end + 1


class NextMatch:
    """``pattern.search(text, pos)`` for positions that mostly move forward, without rescanning.

    The leftmost match at or after ``pos`` is also the leftmost at or after any later
    position up to its start, and no match at all stays none further on; so one answer
    serves every such position, and a long stretch without a match is scanned once, not
    once per caller.  Exact for patterns that look neither behind nor at ``pos`` (no
    lookbehind, ``\\G`` or ``^``).
    """

    def __init__(self, pattern, text: str):
        self.pattern, self.text = pattern, text
        self._pos = -1          # the last position searched from and its answer
        self._match = None

    def search(self, pos: int):
        m = self._match
        if self._pos >= 0 and self._pos <= pos and (m is None or pos <= m.start()):
            return m
        self._pos, self._match = pos, self.pattern.search(self.text, pos)
        return self._match
