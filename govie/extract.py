"""``extract``: text in, :class:`Report` out."""
from __future__ import annotations

import os
from collections.abc import Iterator
from dataclasses import dataclass
from bisect import bisect_left, bisect_right

import regex
from spacy.language import Language

from .pipeline import shared_pipeline
from .reading import Document, ReadError, clean, read
from .report import Locator, Report

# A report is 10⁴–10⁶ characters; 20 million (some 60 MB of UTF-8) is far beyond any
# real one and still bounded.  ``max_chars=None`` lifts the limit.
DEFAULT_MAX_CHARS = 20_000_000

# spaCy and jieba work on one chunk at a time, so a huge file costs memory in
# proportion to a chunk, not to the file.
CHUNK_CHARS = 200_000
# Searched backwards from the end of a chunk's window.
_SENTENCE_END = regex.compile(r"[。；;！？!?][ \t\u3000]{0,8}\n", regex.REVERSE)
_LINE_BREAK = regex.compile(r"\n", regex.REVERSE)
_NUMBER_REACH = 64        # no amount is longer: a cut is checked against this much text each side
_BREAKS_TRIED = 400       # line breaks looked at per cut, latest first


class TooLong(ValueError):
    """A text over the ``max_chars`` limit."""


@dataclass(frozen=True)
class Chunk:
    start: int          # where the chunk starts in the whole text
    end: int
    context: str = ""   # lines read before the chunk so it knows its table (单位：万元, the header row)


def _splits_an_amount(text: str, pos: int) -> bool:
    """Whether an amount (15.4\\n\\n万人次, 1,002.15) runs across position ``pos``."""
    from .numbers import find_amounts
    lo = max(0, pos - _NUMBER_REACH)
    window = text[lo:pos + _NUMBER_REACH]
    try:
        return any(m.start() + lo < pos < m.end() + lo for m, _ in find_amounts(window))
    except Exception:   # a number the normaliser cannot read is no place to cut either
        return True


def _headings(text: str) -> list[int]:
    """Starts of the headings that open a section (not row labels inside a table)."""
    from .sections.sectionizer import find_headings
    return sorted(h.start for h in find_headings(text) if not getattr(h, "row", False))


def _cut(text: str, lo: int, hi: int, headings: list[int]) -> int:
    """The best place in ``(lo, hi]`` to end a chunk: before a heading, after a sentence,
    at a line break that splits no amount, else anywhere that splits none."""
    i = bisect_right(headings, hi) - 1
    while i >= 0 and headings[i] > lo:
        pos = headings[i]
        if not _splits_an_amount(text, pos):
            return pos
        i -= 1
    for pattern in (_SENTENCE_END, _LINE_BREAK):
        tried = 0
        for m in pattern.finditer(text, lo, hi):
            if tried >= _BREAKS_TRIED:
                break
            tried += 1
            if not _splits_an_amount(text, m.end()):
                return m.end()
    for pos in range(hi, max(lo, hi - _BREAKS_TRIED), -1):    # no line break: between two characters
        if not _splits_an_amount(text, pos):
            return pos
    return hi       # a run of digits longer than any amount: no number to split


def _line_at(text: str, pos: int) -> str:
    start = text.rfind("\n", 0, pos) + 1
    end = text.find("\n", pos)
    return text[start:end if end >= 0 else len(text)]


def table_context(text: str):
    """A function giving, for a cut position, the unit and header lines in force there.

    The table money reader takes a unit declaration (单位：万元) and a header row
    to hold until the next one; a chunk that starts after them gets them again.
    """
    # The same finder the table readers use (tables/units.py), so a chunk sees what they see.
    from .tables.units import header_rows, unit_scopes
    units = [p for p, _ in unit_scopes(text)]
    headers = [h.start for h in header_rows(text)]

    def context(pos: int) -> str:
        lines = []
        for starts in (units, headers):
            i = bisect_left(starts, pos) - 1
            if i >= 0:
                lines.append((starts[i], _line_at(text, starts[i])))
        return "".join(line + "\n" for _, line in sorted(set(lines)))
    return context


def plan_chunks(text: str, size: int = CHUNK_CHARS) -> list[Chunk]:
    """Chunks of at most ``size`` characters (plus their context lines), cut where nothing is split."""
    if len(text) <= size:
        return [Chunk(0, len(text))] if text else []
    headings = _headings(text)
    context = table_context(text)
    chunks, start = [], 0
    while start < len(text):
        end = len(text) if start + size >= len(text) else _cut(text, start + size // 2, start + size, headings)
        chunks.append(Chunk(start, end, context(start) if start else ""))
        start = end
    return chunks


def chunks(text: str, size: int = CHUNK_CHARS) -> Iterator[tuple[int, str]]:
    """(offset, text) of each chunk, without context lines."""
    for c in plan_chunks(text, size):
        yield c.start, text[c.start:c.end]


class _ChunkLocator(Locator):
    """A Locator for a chunk read after its context lines: spans in the context map to -1."""

    def __init__(self, clean_text, base: int, skip: int, page_at=None):
        super().__init__(clean_text, base, page_at)
        self.skip = skip     # cleaned characters of context before the chunk's own text

    def span(self, start: int, end: int) -> dict:
        if start < self.skip:
            return {"start": -1, "end": -1, "text": ""}
        return super().span(start - self.skip, end - self.skip)


def _check_length(text: str, max_chars: int | None, source: str | None) -> None:
    if max_chars is not None and len(text) > max_chars:
        raise TooLong(f"{source or 'text'}: {len(text):,} characters, over the limit of {max_chars:,} "
                      "(--max-chars / max_chars=)")


def extract(text: str | Document, nlp: Language | None = None, source: str | None = None,
            max_chars: int | None = DEFAULT_MAX_CHARS, chunk_chars: int = CHUNK_CHARS) -> Report:
    """Everything govie finds in one report's text, or in a Document that ``read`` returned.

    A text over ``max_chars`` characters raises :class:`TooLong` (a ValueError).
    A long text is read in chunks of ``chunk_chars``, cut before a heading or at
    a line break that splits no amount; a chunk inside a table first reads the
    table's unit and header lines again, so its cells keep their unit.
    """
    page_at, warnings = None, []
    if isinstance(text, Document):
        document, text = text, text.text
        source = source or document.source
        page_at = document.page_at if document.page_starts else None
        warnings = list(document.warnings)
    _check_length(text, max_chars, source)
    return extract_chunks(text, plan_chunks(text, chunk_chars), nlp=nlp, source=source,
                          page_at=page_at, warnings=warnings)


def extract_chunks(text: str, plan: list[Chunk], nlp: Language | None = None, source: str | None = None,
                   page_at=None, warnings: list | None = None) -> Report:
    """The report of ``text`` read chunk by chunk as ``plan`` says (see :func:`plan_chunks`)."""
    nlp = nlp or shared_pipeline()
    report = Report(source=source, text=text, warnings=list(warnings or []))
    for chunk in plan:      # one chunk at a time: memory in proportion to a chunk, not to the text
        context, piece = clean(chunk.context), clean(text[chunk.start:chunk.end])
        nlp.max_length = max(nlp.max_length, len(context.text) + len(piece.text) + 1)
        doc = nlp(context.text + piece.text)
        if not chunk.context:
            report.add_doc(doc, Locator(piece, chunk.start, page_at))
            continue
        before = {kind: len(getattr(report, kind)) for kind in ("entities", "indicators", "problems", "remedies")}
        report.add_doc(doc, _ChunkLocator(piece, chunk.start, len(context.text), page_at))
        for kind, n in before.items():     # what was found in the context lines is the earlier chunk's
            items = getattr(report, kind)
            items[n:] = [item for item in items[n:] if item.get("start", 0) >= 0]
    return report


def extract_file(path: str | os.PathLike, nlp: Language | None = None,
                 max_chars: int | None = DEFAULT_MAX_CHARS, encoding: str | None = None) -> Report:
    """Read one file of any format (PDF, DOCX, XLSX, XLS, HTML, text) and extract it; raises ReadError.

    ``encoding`` forces the codec of a text or HTML file; without it the bytes decide.
    """
    document = read(path, encoding)
    try:
        _check_length(document.text, max_chars, os.fspath(path))
    except TooLong as exc:
        raise ReadError(path, str(exc).split(": ", 1)[1]) from None
    return extract(document, nlp=nlp, source=os.fspath(path), max_chars=None)
