"""PDF with pdfplumber: the text of each page in reading order, its ruled tables as cells.

On each page the tables pdfplumber finds (``find_tables``, ruling lines) are
taken out of the running text and written where they stand on the page, one
``|`` row per table row; a cell covered by a merged cell (``None`` from
pdfplumber) stays an empty cell, so a 一级指标 written once for three rows is
carried down by the table reader.  Pages without a text layer (scans) and
pages whose font has no Unicode map (``(cid:123)`` in the text) are named in
a warning, since what they say cannot be read.
"""
from __future__ import annotations

import io
import json
from functools import lru_cache
from pathlib import Path

import regex

from .decode import ReadError
from .document import Document, DocumentBuilder

_CID = regex.compile(r"\(cid:\d{1,6}\)")
# A page is "garbled" when this share of its characters comes as (cid:N).
CID_SHARE = 0.1


def _page_list(pages: list[int]) -> str:
    return ", ".join(str(p) for p in pages[:20]) + (f" … ({len(pages)} pages)" if len(pages) > 20 else "")


def _needs_password(exc: BaseException) -> bool:
    """pdfminer's password errors, also when pdfplumber wraps them in its own exception."""
    from pdfminer.pdfdocument import PDFEncryptionError, PDFPasswordIncorrect

    seen = [exc, exc.__cause__, exc.__context__, *(a for a in exc.args if isinstance(a, BaseException))]
    return any(isinstance(e, (PDFPasswordIncorrect, PDFEncryptionError)) for e in seen if e is not None)


def _refuse(name: str, exc: Exception):
    if _needs_password(exc):
        return ReadError(name, "an encrypted PDF that needs a password to open: not read")
    return ReadError(name, f"damaged PDF ({type(exc).__name__}: {exc})")


@lru_cache(maxsize=1)
def _margins() -> tuple[float, regex.Pattern]:
    rules = json.loads((Path(__file__).with_name("pdf.json")).read_text(encoding="utf-8"))
    pattern = regex.compile("|".join(f"(?:{p})" for p in rules["page_number_patterns"]))
    return rules["margin_share"], pattern


def _is_page_number(line: dict, height: float) -> bool:
    share, pattern = _margins()
    in_margin = line["bottom"] <= share * height or line["top"] >= (1 - share) * height
    return in_margin and pattern.fullmatch(line["text"].strip()) is not None


def _is_grid(table) -> bool:
    """A real table has two rows and two columns; one ruled box is a frame around text."""
    rows = table.rows
    return len(rows) >= 2 and max(len(row.cells) for row in rows) >= 2


def _blocks(page):
    """(top, kind, content) for the page's text lines outside tables and its tables, top to bottom."""
    tables = [table for table in page.find_tables() if _is_grid(table)]
    rest = page
    for table in tables:
        rest = rest.outside_bbox(table.bbox)
    blocks = [(line["top"], 0, "line", line["text"]) for line in rest.extract_text_lines(strip=True)
              if not _is_page_number(line, page.height)]
    blocks += [(table.bbox[1], 1, "table", table.extract()) for table in tables]
    blocks.sort(key=lambda b: (b[0], b[1]))
    return blocks


def _read_pages(pdf, build: DocumentBuilder) -> tuple[list[int], list[int]]:
    """Writes every page into ``build``; returns the pages without text and those in (cid:…) codes."""
    scanned, garbled = [], []
    for number, page in enumerate(pdf.pages, 1):
        build.new_page()
        chars = page.chars
        if not chars:
            scanned.append(number)
            continue
        codes = sum(1 for ch in chars if _CID.match(ch["text"]))
        if codes >= CID_SHARE * len(chars):
            garbled.append(number)  # its numbers would be the codes' numbers: nothing is kept
            continue
        for _, _, kind, content in _blocks(page):
            # A few stray (cid:N) glyphs are dropped, so their digits are never read as amounts.
            if kind == "line":
                build.line(_CID.sub("", content))
            else:
                grid = [[None if v is None else _CID.sub("", v) for v in row] for row in content]
                merged = {(r, c) for r, row in enumerate(content) for c, v in enumerate(row) if v is None}
                build.table(grid, merged, page=number)
        page.flush_cache()  # a long PDF costs the memory of one page at a time
    return scanned, garbled


def read_pdf(data: bytes, name: str, encoding: str | None = None) -> Document:
    import pdfplumber

    build = DocumentBuilder(name, "pdf")
    try:
        with pdfplumber.open(io.BytesIO(data)) as pdf:
            scanned, garbled = _read_pages(pdf, build)
    except ReadError:
        raise
    except Exception as exc:
        raise _refuse(name, exc) from None
    if scanned:
        build.warn(f"{name}: no text layer on page {_page_list(scanned)} (a scanned image?): "
                   "nothing read there; run OCR first")
    if garbled:
        build.warn(f"{name}: page {_page_list(garbled)} gives (cid:…) codes instead of characters "
                   "(a font without a Unicode map, or an encrypted file's fonts): its text cannot be read and is left out")
    return build.build()
