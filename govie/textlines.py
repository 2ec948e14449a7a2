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
