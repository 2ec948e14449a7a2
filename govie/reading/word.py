"""DOCX with python-docx: paragraphs and tables in the order of the document body.

A table's grid is rebuilt from the XML: a cell spanning columns (``gridSpan``)
is followed by empty cells, a cell continuing a vertical merge (``vMerge``)
is an empty cell, so every row has the table's width and levels written once
are carried down by the table reader.
"""
from __future__ import annotations

import io

from .document import Document, DocumentBuilder
from .numbering import Numbering

W = "{http://schemas.openxmlformats.org/wordprocessingml/2006/main}"


def _paragraph_text(p, parent) -> str:
    """The paragraph's text after the list number Word draws for it (``三、``), if any."""
    from docx.text.paragraph import Paragraph

    return parent.numbering.label(p) + Paragraph(p, parent.document).text


class _Parent:
    """What paragraphs need: the document (for python-docx) and its list counters."""

    def __init__(self, document):
        self.document = document
        self.numbering = Numbering(document)


def _cell_text(tc, parent) -> str:
    """The cell's paragraphs (and nested tables' text) as lines."""
    lines = []
    for child in tc.iterchildren():
        if child.tag == W + "p":
            lines.append(_paragraph_text(child, parent))
        elif child.tag == W + "tbl":
            for tr in child.iter(W + "tr"):
                lines.append(" ".join(_cell_text(inner, parent) for inner in tr.iterchildren(W + "tc")))
        elif child.tag == W + "sdt":
            lines.append(_cell_text(child.find(W + "sdtContent"), parent) if child.find(W + "sdtContent") is not None else "")
    return "\n".join(lines)


def _grid(tbl, parent) -> tuple[list[list[str | None]], set[tuple[int, int]]]:
    grid, merged = [], set()
    for r, tr in enumerate(tbl.iterchildren(W + "tr")):
        row: list[str | None] = []
        for tc in tr.iterchildren(W + "tc"):
            props = tc.find(W + "tcPr")
            span, continues = 1, False
            if props is not None:
                grid_span = props.find(W + "gridSpan")
                if grid_span is not None:
                    try:
                        span = max(1, min(int(grid_span.get(W + "val", "1")), 64))
                    except ValueError:
                        span = 1
                v_merge = props.find(W + "vMerge")
                continues = v_merge is not None and v_merge.get(W + "val", "continue") != "restart"
            if continues:
                merged.add((r, len(row)))
                row.append(None)
            else:
                row.append(_cell_text(tc, parent))
            for _ in range(span - 1):
                merged.add((r, len(row)))
                row.append(None)
        grid.append(row)
    return grid, merged


def _body(element, parent, build: DocumentBuilder) -> None:
    for child in element.iterchildren():
        if child.tag == W + "p":
            build.line(_paragraph_text(child, parent))
        elif child.tag == W + "tbl":
            grid, merged = _grid(child, parent)
            build.table(grid, merged)
        elif child.tag == W + "sdt":  # a content control wraps paragraphs and tables
            content = child.find(W + "sdtContent")
            if content is not None:
                _body(content, parent, build)


def read_docx(data: bytes, name: str, encoding: str | None = None) -> Document:
    import docx

    document = docx.Document(io.BytesIO(data))
    build = DocumentBuilder(name, "docx")
    _body(document.element.body, _Parent(document), build)
    return build.build()
