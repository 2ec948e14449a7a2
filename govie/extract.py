"""``extract``: text in, :class:`Report` out."""
from __future__ import annotations

import os

import regex
from collections.abc import Iterator

from spacy.language import Language

from .pipeline import shared_pipeline
from .reading import Document, clean, read
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


def extract(text: str | Document, nlp: Language | None = None, source: str | None = None) -> Report:
    """Everything govie finds in one report's text (or in a Document that ``read`` returned)."""
    nlp = nlp or shared_pipeline()
    page_at, warnings = None, []
    if isinstance(text, Document):
        document, text = text, text.text
        source = source or document.source
        page_at = document.page_at if document.page_starts else None
        warnings = list(document.warnings)
    report = Report(source=source, text=text, warnings=warnings)
    pieces = [(base, clean(piece)) for base, piece in chunks(text)]
    if pieces:
        nlp.max_length = max(nlp.max_length, max(len(c.text) for _, c in pieces) + 1)
    docs = nlp.pipe(c.text for _, c in pieces)
    for (base, cleaned), doc in zip(pieces, docs):
        report.add_doc(doc, Locator(cleaned, base, page_at))
    return report


def extract_file(path: str | os.PathLike, nlp: Language | None = None, encoding: str | None = None) -> Report:
    """Read one file of any format (PDF, DOCX, XLSX, XLS, HTML, text) and extract it; raises ReadError.

    ``encoding`` forces the codec of a text or HTML file; without it the bytes decide.
    """
    return extract(read(path, encoding), nlp=nlp, source=os.fspath(path))
