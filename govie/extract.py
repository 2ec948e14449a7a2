"""``extract``: text in, :class:`Report` out."""
from __future__ import annotations

import os

import regex
from collections.abc import Iterator

from spacy.language import Language

from .pipeline import shared_pipeline
from .reading import clean, read
from .report import Locator, Report

# spaCy and jieba work on one chunk at a time so that a huge file costs memory
# in proportion to a chunk, not to the file.  A chunk ends after a sentence,
# else at a line break that does not follow a digit (15.4\n万人次 stays whole).
CHUNK_CHARS = 200_000
_SENTENCE_END = regex.compile(r"[。；;！？!?]\s*\n", regex.REVERSE)
_SAFE_BREAK = regex.compile(r"(?<=[^\d\s])\n", regex.REVERSE)


def chunks(text: str, size: int = CHUNK_CHARS) -> Iterator[tuple[int, str]]:
    start = 0
    while start < len(text):
        end = min(start + size, len(text))
        if end < len(text):
            window = (start + size // 2, end)
            m = _SENTENCE_END.search(text, *window) or _SAFE_BREAK.search(text, *window)
            end = m.end() if m else end
        yield start, text[start:end]
        start = end


def extract(text: str, nlp: Language | None = None, source: str | None = None) -> Report:
    """Everything govie finds in one report's text."""
    nlp = nlp or shared_pipeline()
    report = Report(source=source, text=text)
    pieces = [(base, clean(piece)) for base, piece in chunks(text)]
    if pieces:
        nlp.max_length = max(nlp.max_length, max(len(c.text) for _, c in pieces) + 1)
    docs = nlp.pipe(c.text for _, c in pieces)
    for (base, cleaned), doc in zip(pieces, docs):
        report.add_doc(doc, Locator(cleaned, base))
    return report


def extract_file(path: str | os.PathLike, nlp: Language | None = None) -> Report:
    """Read (UTF-8, UTF-8 with BOM, GB18030/GBK) and extract one file; raises ReadError."""
    return extract(read(path), nlp=nlp, source=os.fspath(path))
