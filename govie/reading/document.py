"""What ``read`` returns: the text govie extracts from, with the file's own structure.

Every format is reduced to one text.  A table of the file (a PDF grid, a DOCX
or HTML table, a spreadsheet) is written into that text one row per line, its
cells between ``|`` (``| 产出指标 |  | 培训人次 | ≥500人次 |``), an empty cell
where a merged cell covers the grid, so the table reader meets real cells.
The cells are also kept in :attr:`Document.tables` with their offsets in the
text, and for a PDF :meth:`Document.page_at` gives the page of any offset.
"""
from __future__ import annotations

from bisect import bisect_right
from dataclasses import dataclass, field

import regex

CELL_SEPARATOR = "|"
# A ``|`` inside a cell would split it in two when the row is read back.
_SEPARATOR_IN_CELL = "｜"
_ASCII_WORD = regex.compile(r"[A-Za-z0-9]")
_SPACES = regex.compile(r"[ \t\u3000]{1,64}")


@dataclass
class Cell:
    text: str
    start: int  # offsets in Document.text; start == end for an empty cell
    end: int
    merged: bool = False  # empty because a merged cell above or to the left covers it


@dataclass
class Table:
    rows: list[list[Cell]]
    start: int
    end: int
    page: int | None = None   # PDF: the page the table is on (1-based)
    sheet: str | None = None  # spreadsheet: the sheet's name

    def values(self) -> list[list[str]]:
        return [[c.text for c in row] for row in self.rows]


@dataclass
class Document:
    text: str
    tables: list[Table] = field(default_factory=list)
    # PDF: the offset where each page starts (page 1 at index 0); empty otherwise.
    page_starts: list[int] = field(default_factory=list)
    source: str | None = None
    format: str = "text"
    encoding: str | None = None  # text and HTML: how the bytes were decoded
    warnings: list[str] = field(default_factory=list)

    def __str__(self) -> str:
        return self.text

    def __len__(self) -> int:
        return len(self.text)

    def __getitem__(self, index):
        """``document[start:end]`` is the text at those offsets, as for the text itself."""
        return self.text[index]

    def page_at(self, offset: int) -> int | None:
        """The 1-based page that holds ``offset`` (PDF only; None for other formats)."""
        if not self.page_starts:
            return None
        return max(bisect_right(self.page_starts, offset), 1)


def join_wrapped(text: str) -> str:
    """One line from a cell's wrapped lines: Chinese joins directly, Latin words keep a space."""
    if "\n" not in text and "\r" not in text:
        return text
    parts = [p.strip() for p in text.replace("\r", "\n").split("\n")]
    parts = [p for p in parts if p]
    out = parts[0] if parts else ""
    for part in parts[1:]:
        glue = " " if _ASCII_WORD.match(out[-1]) and _ASCII_WORD.match(part[0]) else ""
        out += glue + part
    return out


def cell_text(value) -> str:
    """A cell as it goes into a ``|`` row: one line, no separator inside, runs of blanks as one."""
    if value is None or value == "":
        return ""  # most cells of a merged grid
    text = join_wrapped(str(value))
    return _SPACES.sub(" ", text.replace(CELL_SEPARATOR, _SEPARATOR_IN_CELL)).strip()


class DocumentBuilder:
    """Appends lines and tables to a text and records where each table cell and page lands."""

    def __init__(self, source: str | None, fmt: str, encoding: str | None = None):
        self._parts: list[str] = []
        self._length = 0
        self._doc = Document(text="", source=source, format=fmt, encoding=encoding)

    def _append(self, piece: str) -> None:
        self._parts.append(piece)
        self._length += len(piece)

    def _end_line(self) -> None:
        if self._parts and not self._parts[-1].endswith("\n"):
            self._append("\n")

    def line(self, text: str) -> None:
        """A paragraph or a line of text; it always ends with a line break."""
        text = text.rstrip()
        if text:
            self._end_line()
            self._append(text + "\n")

    def new_page(self) -> None:
        self._end_line()
        self._doc.page_starts.append(self._length)

    def warn(self, message: str) -> None:
        self._doc.warnings.append(message)

    def table(self, grid: list[list], merged: set[tuple[int, int]] | None = None,
              page: int | None = None, sheet: str | None = None) -> None:
        """A grid of cell values (None for an empty cell) as ``|`` rows.

        Rows with no text are dropped and so are columns empty in every row.
        Rows at the top or bottom with text in their first cell only (a title,
        ``单位：万元``, a signature line) are written as plain lines: they caption the table.
        """
        merged = merged or set()
        cells = [[(cell_text(v), (r, c) in merged) for c, v in enumerate(row)] for r, row in enumerate(grid)]
        cells = [row for row in cells if any(t for t, _ in row)]
        if not cells:
            return
        width = max(len(row) for row in cells)
        cells = [row + [("", False)] * (width - len(row)) for row in cells]
        keep = [c for c in range(width) if any(row[c][0] for row in cells)]
        cells = [[row[c] for c in keep] for row in cells]

        def is_caption(row):  # its only text, if any, in the first cell: 单位：万元, 填表人：…
            return not any(t for t, _ in row[1:])
        first = 0
        while first < len(cells) and is_caption(cells[first]):
            first += 1
        last = len(cells)
        while last > first and is_caption(cells[last - 1]):
            last -= 1
        for row in cells[:first]:
            self.line(next(t for t, _ in row if t))
        if first < last:
            self._rows(cells[first:last], page, sheet)
        for row in cells[last:]:
            self.line(next(t for t, _ in row if t))

    def _rows(self, rows: list[list[tuple[str, bool]]], page, sheet) -> None:
        self._end_line()
        start = self._length
        out_rows = []
        for row in rows:
            self._append(CELL_SEPARATOR)
            out = []
            for text, merged in row:
                self._append(" ")
                out.append(Cell(text, self._length, self._length + len(text), merged and not text))
                self._append(text + " " + CELL_SEPARATOR)
            self._append("\n")
            out_rows.append(out)
        self._doc.tables.append(Table(out_rows, start, self._length - 1, page, sheet))

    def build(self) -> Document:
        self._doc.text = "".join(self._parts)
        return self._doc
