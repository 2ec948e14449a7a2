"""A cleaned view of a report whose every character maps back to the original.

PDF text is damaged in ways that break number reading: full-width digits,
HTML remnants, a number split from its unit by a line break, spaces inside a
number.  Components read the cleaned text; spans are mapped back with
:meth:`CleanText.to_original`, so ``original[start:end]`` is always what a
reader sees in the file.

The view only replaces characters one for one or deletes them, so the map is
a short list of breakpoints (where the deleted characters were) rather than
one integer per character.
"""
from __future__ import annotations

import re
from bisect import bisect_right
from dataclasses import dataclass, field

import regex

from ..numbers.grammar import lexicon

# Full-width ASCII forms and the ideographic space become their ASCII twins.
_HALF_WIDTH = {c: c - 0xFEE0 for c in range(0xFF01, 0xFF5F)}
_HALF_WIDTH[0x3000] = 0x20
# A lone surrogate (possible in JSON exports) cannot be encoded and breaks spaCy;
# it becomes U+FFFD, one character for one, so offsets do not move.
_HALF_WIDTH.update({c: 0xFFFD for c in range(0xD800, 0xE000)})
# Runs of the characters that table changes: translating only them is far cheaper than
# translating every character of the text (most of it Chinese, which stays as it is).
def _ranges(codes) -> str:
    """A character class of the code points, as ranges (a class of single members is slow to test)."""
    codes, parts = sorted(codes), []
    i = 0
    while i < len(codes):
        j = i
        while j + 1 < len(codes) and codes[j + 1] == codes[j] + 1:
            j += 1
        parts.append(regex.escape(chr(codes[i])) + ("-" + regex.escape(chr(codes[j])) if j > i else ""))
        i = j + 1
    return "[" + "".join(parts) + "]"


# A class of listed code points means the same to both engines; the standard library's is faster.
_TO_HALF = re.compile(_ranges(_HALF_WIDTH) + "+")


def _half_width(text: str) -> str:
    return _TO_HALF.sub(lambda m: m.group().translate(_HALF_WIDTH), text)


def _units_by_length() -> tuple[str, str]:
    """Units (with or without a multiplier) as two alternations: several characters, one character."""
    lx = lexicon()
    units = list(lx["currencies"]) + lx["quantity_units"] + lx["percent_signs"]
    words = set(units) | {m + u for m in lx["multipliers"] for u in units}
    def alternation(ws):
        return "|".join(regex.escape(w) for w in sorted(ws, key=len, reverse=True))
    return alternation(w for w in words if len(w) > 1), alternation(w for w in words if len(w) == 1)


def _deletions() -> regex.Pattern:
    """What the clean view drops."""
    long_units, short_units = _units_by_length()
    return regex.compile(
        # What each deletion opens with (\r, <, or a space or break after a digit or a point),
        # tested first: most positions of a text open none, and are passed at once.
        r"(?=[\r<]|(?<=[\d.])[ \t\n])(?:"
        r"\r(?=\n)"                                   # CRLF → LF
        r"|</?[A-Za-z][A-Za-z0-9]*(?:\s[^<>\n]*)?/?>"  # <p>, </td>, <br/>
        # 15.4\n\n万人次 and 1\n\n米， but not 1692.09\n\n人员保洁 (a cell, then a label).
        rf"|(?<=\d)[ \t]*\n\s*(?=(?:{long_units})|(?:{short_units})(?![\p{{Han}}\d]))"
        r"|(?<=\d\.)[ \t]+(?=\d)|(?<=\d)[ \t]+(?=\.\d)"   # 96. 28
        # 13 259.41 (never a tab: cells); not inside a run of figures one space apart, the cells
        # of a one-line table row (360 360 348.8 10 96.89%, 1500 10 100% 20)
        r"|(?<=(?<![\d.])(?<![\d.%] )\d{1,3}) (?=\d{3}(?:\.\d|[万亿元%]))(?!\d{3}(?:\.\d{1,6})?%? \d)"
        r")"
    )


_PATTERN: regex.Pattern | None = None


@dataclass
class CleanText:
    original: str
    text: str
    # After cleaned position _starts[i], original = cleaned + _shifts[i].
    _starts: list[int] = field(default_factory=lambda: [0])
    _shifts: list[int] = field(default_factory=lambda: [0])

    def original_index(self, pos: int) -> int:
        i = bisect_right(self._starts, pos) - 1
        return pos + self._shifts[i]

    def to_original(self, start: int, end: int) -> tuple[int, int]:
        """Map a cleaned span to the original; the end maps from its last character."""
        starts, shifts = self._starts, self._shifts
        if end <= start:
            o = start + shifts[bisect_right(starts, start) - 1]
            return o, o
        return (start + shifts[bisect_right(starts, start) - 1],
                end + shifts[bisect_right(starts, end - 1) - 1])   # (end - 1) + shift + 1

    def to_clean(self, start: int, end: int) -> tuple[int, int]:
        """Map an original span into the cleaned view (for gold annotations)."""
        return self._clean_index(start), self._clean_index(end)

    def _clean_index(self, opos: int) -> int:
        lo, hi = 0, len(self.text)
        while lo < hi:  # first cleaned position whose original index is >= opos
            mid = (lo + hi) // 2
            if self.original_index(mid) < opos:
                lo = mid + 1
            else:
                hi = mid
        return lo


def clean(original: str) -> CleanText:
    global _PATTERN
    if _PATTERN is None:
        _PATTERN = _deletions()
    half = _half_width(original)
    pieces, starts, shifts = [], [0], [0]
    last, shift = 0, 0
    for m in _PATTERN.finditer(half):
        if m.start() == m.end():
            continue
        pieces.append(half[last:m.start()])
        shift += m.end() - m.start()
        starts.append(m.start() - shift + (m.end() - m.start()))
        shifts.append(shift)
        last = m.end()
    pieces.append(half[last:])
    return CleanText(original, "".join(pieces), starts, shifts)
