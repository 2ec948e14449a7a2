"""HTML (a saved government page) with lxml: the article body, its tables as cells.

Scripts, styles, forms and navigation (``<nav>``, menus, breadcrumbs, footers,
share bars) are dropped.  The article is the deepest element that still holds
most of the page's text outside links: a page's menus are mostly links, its
article mostly not.  ``<table>`` becomes ``|`` rows with ``colspan``/``rowspan``
covered cells left empty; a table used for page layout (one that holds other
tables or long passages) is read as running text instead.
"""
from __future__ import annotations

import regex

from .decode import BOMS, ReadError, decode
from .document import Document, DocumentBuilder

DROP_TAGS = {"script", "style", "noscript", "template", "iframe", "nav", "aside", "form", "button",
             "select", "input", "textarea", "svg", "object", "embed", "head", "footer"}
_NAVIGATION = regex.compile(r"(?:^|[\s_-])(?:nav|navbar|menu|breadcrumbs?|crumbs?|footer|sidebar|share|"
                            r"toolbar|topbar|copyright|login|search|pagination|pager)(?:$|[\s_-])", regex.IGNORECASE)
BLOCK_TAGS = {"p", "div", "section", "article", "main", "header", "h1", "h2", "h3", "h4", "h5", "h6", "li",
              "ul", "ol", "dl", "dt", "dd", "blockquote", "pre", "center", "address", "caption", "figure",
              "figcaption", "hr", "tr", "table", "tbody", "thead", "tfoot", "body", "html", "font-block"}
# The article holds at least this share of the page's text outside links.
ARTICLE_SHARE = 0.7
# A table with a cell longer than this, or with a table inside, lays out the page.
LAYOUT_CELL_CHARS = 500
MAX_SPAN = 100
# Spans stop widening the grid beyond this many cells (a hostile page's rowspan × colspan).
MAX_GRID_CELLS = 200_000
_WHITESPACE = regex.compile(r"\s{1,10000}")
_META_CHARSET = regex.compile(rb"<meta[^>]{0,300}?charset\s{0,4}=\s{0,4}[\"']?\s{0,4}([A-Za-z0-9_.:-]{1,40})",
                              regex.IGNORECASE)
_XML_DECLARATION = regex.compile(r"^\s{0,64}<\?xml[^>]{0,200}\?>")


def _decode_page(data: bytes, name: str, encoding: str | None) -> tuple[str, str]:
    if encoding or any(data.startswith(bom) for bom, _ in BOMS):
        return decode(data, name, encoding)
    m = _META_CHARSET.search(data[:8192])
    if m:
        declared = m.group(1).decode("ascii").lower()
        codec = "gb18030" if declared in ("gb2312", "gbk", "gb18030", "x-gbk") else declared
        try:
            return data.decode(codec), codec
        except (LookupError, UnicodeDecodeError):
            pass  # a wrong declaration: the bytes decide, as for any text
    return decode(data, name)


def _tag(el) -> str:
    return el.tag.lower() if isinstance(el.tag, str) else ""


def _is_navigation(el) -> bool:
    marks = f"{el.get('class') or ''} {el.get('id') or ''} {el.get('role') or ''}"
    return bool(marks.strip()) and bool(_NAVIGATION.search(marks))


def _prune(root) -> None:
    doomed = []
    for el in root.iter():
        tag = _tag(el)
        if not tag or tag in DROP_TAGS or (tag != "body" and _is_navigation(el)):
            doomed.append(el)
        elif tag == "header" and not any(_tag(a) == "article" for a in el.iterancestors()):
            doomed.append(el)  # the site's banner; an article's own header stays
    for el in doomed:
        parent = el.getparent()
        if parent is not None:
            # keep the tail: it is text of the parent
            tail = el.tail
            previous = el.getprevious()
            parent.remove(el)
            if tail:
                if previous is not None:
                    previous.tail = (previous.tail or "") + tail
                else:
                    parent.text = (parent.text or "") + tail


def _article(body):
    """The deepest element holding ARTICLE_SHARE of the text outside links."""
    weight = {}
    for el in reversed(list(body.iter())):
        if not _tag(el) or _tag(el) == "a":
            weight[el] = 0
            continue
        own = len((el.text or "").strip()) + sum(len((c.tail or "").strip()) for c in el)
        weight[el] = own + sum(weight.get(c, 0) for c in el)
    target = ARTICLE_SHARE * weight.get(body, 0)
    best = body
    while True:
        heavy = [c for c in best if weight.get(c, 0) >= target and _tag(c) not in ("table", "tbody", "tr")]
        if not heavy or weight[body] < 50:
            return best
        best = heavy[0]


def _inline_text(el) -> str:
    """An element's text with <br> and blocks as line breaks, blanks collapsed."""
    out = []

    def walk(node):
        tag = _tag(node)
        if tag == "br" or tag in BLOCK_TAGS:
            out.append("\n")
        if node.text and tag:
            out.append(node.text)
        for child in node:
            walk(child)
            if child.tail:
                out.append(child.tail)
        if tag in BLOCK_TAGS:
            out.append("\n")
    walk(el)
    lines = (_WHITESPACE.sub(" ", line).strip() for line in "".join(out).split("\n"))
    return "\n".join(line for line in lines if line)


def _rows(table):
    """The table's own rows (not those of tables nested in its cells)."""
    for child in table:
        tag = _tag(child)
        if tag == "tr":
            yield child
        elif tag in ("thead", "tbody", "tfoot"):
            yield from (tr for tr in child if _tag(tr) == "tr")


def _span(el, attr) -> int:
    try:
        return max(1, min(int(el.get(attr, "1").strip() or 1), MAX_SPAN))
    except ValueError:
        return 1


def _is_layout(table) -> bool:
    if any(True for _ in table.iterdescendants("table")):
        return True
    return any(len(_inline_text(cell)) > LAYOUT_CELL_CHARS
               for tr in _rows(table) for cell in tr if _tag(cell) in ("td", "th"))


def _grid(table):
    grid: list[list[str | None]] = []
    merged: set[tuple[int, int]] = set()
    pending: dict[tuple[int, int], bool] = {}  # (row, col) covered by a rowspan from above
    rows = list(_rows(table))
    budget = MAX_GRID_CELLS
    for r, tr in enumerate(rows):
        row: list[str | None] = []
        col = 0
        for cell in tr:
            if _tag(cell) not in ("td", "th"):
                continue
            while pending.pop((r, col), False):
                merged.add((r, col))
                row.append(None)
                col += 1
            colspan, rowspan = _span(cell, "colspan"), min(_span(cell, "rowspan"), len(rows) - r)
            if colspan * rowspan > budget:
                colspan = rowspan = 1
            budget -= colspan * rowspan
            row.append(_inline_text(cell))
            for _ in range(colspan - 1):
                merged.add((r, len(row)))
                row.append(None)
            for dr in range(1, rowspan):
                for dc in range(colspan):
                    pending[(r + dr, col + dc)] = True
            col += colspan
        while pending.pop((r, col), False):
            merged.add((r, col))
            row.append(None)
            col += 1
        grid.append(row)
    return grid, merged


def _write(el, build: DocumentBuilder) -> None:
    """Running text of ``el`` line by line, its data tables as tables."""
    buffer: list[str] = []

    def flush():
        text = "".join(buffer)
        buffer.clear()
        for line in text.split("\n"):
            line = _WHITESPACE.sub(" ", line).strip()
            if line:
                build.line(line)

    stack = [(el, False)]
    while stack:  # iterative: a hostile page may nest deeper than Python's recursion limit
        item = stack.pop()
        if isinstance(item, str):
            buffer.append(item)
            continue
        node, closing = item
        tag = _tag(node)
        if closing:
            if tag in BLOCK_TAGS:
                buffer.append("\n")
            continue
        if tag == "table" and not _is_layout(node):
            flush()
            grid, merged = _grid(node)
            build.table(grid, merged)
            if node.tail:
                stack.append(node.tail)
            continue
        if tag == "br" or tag in BLOCK_TAGS:
            buffer.append("\n")
        if node is not el and node.tail:
            stack.append(node.tail)
        stack.append((node, True))
        for child in reversed(node):
            stack.append((child, False))
        if node.text and tag:
            stack.append(node.text)
    flush()


def read_html(data: bytes, name: str, encoding: str | None = None) -> Document:
    import lxml.html

    text, used = _decode_page(data, name, encoding)
    text = _XML_DECLARATION.sub("", text)
    if not text.strip():
        return Document(text="", source=name, format="html", encoding=used)
    try:
        root = lxml.html.document_fromstring(text)
    except Exception as exc:  # lxml raises ParserError on pages with no elements
        raise ReadError(name, f"not a readable HTML page ({exc})") from None
    body = root.find("body")
    if body is None:
        body = root
    _prune(body)
    build = DocumentBuilder(name, "html", used)
    title = root.findtext(".//title")
    article = _article(body)
    if title and title.strip() and title.strip() not in _inline_text(article):
        build.line(_WHITESPACE.sub(" ", title).strip())
    _write(article, build)
    return build.build()
