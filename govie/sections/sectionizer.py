"""``govie_sections``: the headings of a report and where each section ends.

Two heading forms occur in the genre:

- **numbered** headings at the start of a line: ``三、存在的主要问题``,
  ``（二）存在问题及原因分析``, ``1. 主要职责``, ``(3) 城市更新步伐行稳致远。…``
  (a run-in title).  Their level comes from the number: 一、 (1) > （一） (2) >
  1. (3) > (1) (4) > ① (5).  A numbered line whose "title" is long or has a
  comma is a numbered paragraph, not a heading.
- **labels** (level 0): a line, or the first cell of a tab- or |-separated row,
  that is exactly a known title — ``存在问题``, ``改进措施或下一步计划``,
  ``存在问题\t一是…``, ``主要问题：…``.

The kind of a section (problems, remedies, mixed, other) comes from its title,
matched against the patterns in ``headings.json``.  A numbered section ends at
the next heading of the same or a higher level or at a label; a label section
ends at the next label, at a numbered heading with a known title, or (a table
row) at the next row with a first cell of its own; every section ends at the end
of the text at the latest.  A problems or remedies section also ends before the
report's closing (the signature and date, 特此报告).  Offsets are into the text
given (``doc.text``).

Headings inside a line are found too: a problems or remedies title with a
number before it (``暂无问题六、几点建议拨款应及时…``) or, without one, after a
punctuation mark and before a colon or 暂无 (``…自评得分92分，存在的问题：一是…``,
``存在问题暂无改进措施暂无``).  Such a section also ends at the next number of
its own style (``七、``), wherever it stands.  The numbering grammar (levels and
styles) is ``numbering.json``, shared with the sentence splitter.

On the Doc, ``govie_sections`` leaves

- ``doc._.sections``: the :class:`Section` objects in text order, exact
  character offsets (``start`` heading, ``body_start``, ``end``), ``kind``,
  ``title`` and ``level``; :func:`statement_sections` gives the ranges each
  problems/remedies section decides;
- ``doc.spans["sections"]``: the same sections as token spans (heading to end,
  expanded to token boundaries), labelled with their kind, for displaCy and
  for components that work on spans (the indicator reader can take a
  section's title from ``span.label_`` / ``doc._.sections``).
"""
from __future__ import annotations

from bisect import bisect_left, bisect_right, insort
from dataclasses import dataclass
from functools import lru_cache

import regex
from spacy.language import Language
from spacy.tokens import Doc

from ..doctext import text_of
from ..textlines import lines_in
from .rules import STATEMENT_KINDS, section_rules

if not Doc.has_extension("sections"):
    Doc.set_extension("sections", default=None)

KNOWN_KINDS = ("problems", "remedies", "mixed")


@dataclass
class Section:
    kind: str          # problems | remedies | mixed | other
    title: str
    level: int         # 0 label (unnumbered); 1 一、; 2 （一）; 3 1.; 4 (1); 5 ①
    start: int         # the heading's first character
    end: int           # the section's end (exclusive)
    body_start: int    # the first character after the heading
    known: bool = True       # the title is one of headings.json's titles
    row: bool = False        # a label that is the first cell of a tab- or |-separated row
    number: int | None = None   # the heading's number (六、 → 6), for finding the next one
    style: str | None = None    # its numbering style (numbering.json)
    inline: bool = False        # found inside a line, run into the text before it
    column: bool = False        # a cell under a statement column of a table (存在问题 | 改进措施)
    fixed_end: int | None = None   # a column cell's section ends with its cell

    def to_dict(self, locate) -> dict:
        heading = locate.span(self.start, self.body_start)
        body = locate.span(self.body_start, self.end)
        return {"kind": self.kind, "title": self.title, "level": self.level,
                "start": heading["start"], "end": body["end"], "body_start": body["start"]}


def _numbered(line: str, base: int, rules) -> Section | None:
    i = len(line) - len(line.lstrip(" \t\u3000"))
    found = rules.numbering.marker_at(line, i)
    if not found:
        return None
    marker, m = found
    level = marker.level
    rest_start = m.end()
    stop = len(line)
    run_in = rules.run_in_end.search(line, rest_start)
    tab = line.find("\t", rest_start)
    if tab >= 0:
        stop = tab
    if run_in and run_in.start() < stop:
        stop = run_in.start()
        body = run_in.end()
    else:
        body = stop
    title = line[rest_start:stop].strip()
    compact = "".join(title.split())
    if not compact or len(compact) > rules.title_max_chars or rules.title_forbidden.search(title):
        return None   # a numbered paragraph (a title run into its text is found by _inline_headings)
    if body > stop and rules.run_in_forbidden.search(title):
        return None  # 7、动员辖区内各类单位、社会组织…。 is a numbered paragraph
    kind = rules.kind_of(title)
    if kind is None and (marker.known_titles_only or _title_at(line, _skip_spaces(line, rest_start), stop, rules)):
        return None   # 5.2 万元; or 六、问题及建议（一）存在问题：… — the inline reading splits the titles
    return Section(kind or "other", title, level, base + i, base + body, base + body, known=kind is not None,
                   number=rules.numbering.value(m.group("n")), style=marker.style)


def _label(line: str, base: int, rules) -> Section | None:
    m = rules.label_head.match(line)
    if not m or len(m.group("head")) > rules.title_max_chars:
        return None
    kind = rules.kind_of(m.group("head"))
    if kind is None:
        return None
    body = m.end()
    while body < len(line) and line[body] in " \t\u3000|:：":
        body += 1
    row = "\t" in line or "|" in line
    return Section(kind, m.group("head"), 0, base + m.start("head"), base + body, base + body, row=row)


_CELLS = regex.compile(r"[\t|]")
_TITLE_STOPS = frozenset(",，。;；:：!！?？\n\t|")
_CELL_LEAD, _CELL_MAX = 8, 40


def _cells_of(line: str):
    """(start, text) of each cell of a row, as ``(?:^|(?<=[\t|]))[ \u3000]{0,8}(?P<cell>[^\t|]{1,40})(?=[\t|]|$)``
    would find them, field by field instead of trying every position: up to 8 leading spaces are
    skipped (one fewer if the cell is nothing else), and a cell longer than 40 characters is none."""
    a, n = 0, len(line)
    for sep in (*(m.start() for m in _CELLS.finditer(line)), n):
        length = sep - a
        if length > 0:
            lead = 0
            while lead < _CELL_LEAD and lead < length and line[a + lead] in " \u3000":
                lead += 1
            if lead == length:
                lead -= 1
            if length - lead <= _CELL_MAX:
                yield a + lead, line[a + lead:sep]
        a = sep + 1


def _new_row_starts(text: str) -> list[int]:
    """Starts of tab- or |-separated rows that have a first cell of their own."""
    starts = []
    for pos, line in lines_in(text):
        if "\t" not in line and "|" not in line:
            continue
        cells = _CELLS.split(line[1:] if line.startswith("|") else line)
        if cells[0].strip():
            starts.append(pos)
    return starts


def _before_closing(text: str, start: int, end: int, rules) -> int:
    """``end``, or the start of the report's closing (signature and date, 特此报告) if one comes first."""
    previous = None  # (start, text) of the last non-blank line
    for pos, line in lines_in(text, start, end):
        if line.strip():
            if rules.closing_line.fullmatch(line):
                if previous and len(previous[1].strip()) <= rules.signature_max_chars \
                        and not rules.signature_forbidden.search(previous[1]) and previous[0] > start:
                    return previous[0]
                return pos
            previous = (pos, line)
    return end


def _title_at(text: str, pos: int, end: int, rules):
    """(kind, title end) of the longest statement title starting at ``pos``, or None."""
    m = rules.inline_title.match(text, pos, end)
    if not m:
        return None
    kind = next(k for k in STATEMENT_KINDS if m.group(k) is not None)
    return kind, m.end()


def _skip_spaces(text: str, pos: int) -> int:
    while pos < len(text) and text[pos] in " \t\u3000":
        pos += 1
    return pos


def _body_after(text: str, pos: int, end: int) -> int:
    """Where a run-in heading's text starts: after the spaces and the colon or full stop that close it."""
    while pos < end and text[pos] in " \t\u3000":
        pos += 1
    if pos < end and text[pos] in ":：。.．":
        pos += 1
    while pos < end and text[pos] in " \t\u3000":
        pos += 1
    return pos


def _inline_headings(line: str, base: int, rules, taken: list[tuple[int, int]]) -> list[Section]:
    """Problems and remedies headings inside a line: numbered (六、几点建议…) or labels before a colon or 暂无."""
    # Both scans below need a statement title somewhere in the line: most lines have none.  Where
    # titles start (every place, overlapped) is also where an inline label can be: it looks ahead for one.
    titles = [t.start() for t in rules.title_anywhere.finditer(line, overlapped=True)] \
        if rules.inline_hint.search(line) is not None else []
    hinted = bool(titles)
    cells = "\t" in line or "|" in line
    if not hinted and not cells:
        return []
    found = []

    taken.sort()

    def free(a: int) -> bool:
        k = bisect_right(taken, (a, float("inf"))) - 1
        return k < 0 or not (taken[k][0] <= a < taken[k][1])

    for m in rules.inline_numbered.finditer(line) if hinted else ():
        start = m.start()
        if not free(start):
            continue
        marker = rules.numbering.marker_at(line, start, m.end("marker"))
        title = _title_at(line, m.end(), len(line), rules)
        if marker is None or title is None:
            continue
        kind, title_end = title
        next_char = line[title_end:title_end + 1]
        if title_end - m.end() < rules.inline_title_min_chars and next_char not in ("", ":", "：", " ", "\t"):
            continue   # 2.建议加大投入 is an item, not a heading
        if next_char and rules.inline_title_not_followed_by.match(next_char):
            continue   # 1.主要问题是… is a sentence
        body = _body_after(line, title_end, len(line))
        found.append(Section(kind, line[m.end():title_end], marker[0].level, base + start, base + body, base + body,
                             number=rules.numbering.value(marker[1].group("n")), style=marker[0].style,
                             inline=start > 0))
        insort(taken, (start, body))
    for start in titles:    # the (empty) matches of inline_label.finditer(line), tried where they can be
        if rules.inline_label.match(line, start) is None or not free(start):
            continue
        title = _title_at(line, start, len(line), rules)
        if title is None:
            continue
        kind, title_end = title
        body = _body_after(line, title_end, len(line))
        found.append(Section(kind, line[start:title_end], 0, base + start, base + body, base + body, row=cells,
                             inline=start > 0))
        insort(taken, (start, body))
    if cells:
        # a later cell of a row that is a known label (填表人, 项目负责人：) ends the section before it
        first_content = len(line) - len(line.lstrip(" \t\u3000|"))
        for start, cell in _cells_of(line):
            if start == 0 or start <= first_content or not free(start):
                continue
            cell = cell.rstrip(" \u3000")
            head = cell.split(":")[0].split("：")[0]
            if len(head) <= rules.title_max_chars and rules.kind_of(head) == "other" and \
                    (head == cell or cell[len(head):].lstrip(" \u3000")[:1] in (":", "：")):
                body = _body_after(line, start + len(head), len(line))
                found.append(Section("other", head, 0, base + start, base + body, base + body, row=True,
                                     inline=True))
                insort(taken, (start, body))
    return found


_ROW_CELL = regex.compile(r"[^\t|]*")
_NON_SPACE = regex.compile(r"\S")
_HAN = regex.compile(r"\p{Han}")
_SENTENCE_PUNCT = regex.compile(r"[,，。;；!！?？]")


@lru_cache(maxsize=1024)   # a header row is split several times over (its columns, its width, its titles)
def _row_cells(line: str) -> tuple[tuple[int, int], ...]:
    """(start, end) of each cell of a tab- or |-separated row, empty cells included, spaces trimmed."""
    body_start = 0
    stripped = line.lstrip(" \u3000")
    if stripped.startswith("|"):
        body_start = len(line) - len(stripped) + 1
    body_end = len(line.rstrip(" \u3000|")) if line.rstrip().endswith("|") else len(line)
    cells = []
    for m in _ROW_CELL.finditer(line, body_start, max(body_start, body_end)):
        if m.start() > body_start and m.start() == m.end() and line[m.start() - 1:m.start()] not in "\t|":
            continue   # the empty match finditer gives after each cell
        a, b = m.span()
        while a < b and line[a] in " \u3000":
            a += 1
        while b > a and line[b - 1] in " \u3000":
            b -= 1
        cells.append((a, b))
    return tuple(cells)


def _column_header(line: str, rules) -> list[tuple[int, str]] | None:
    """(column index, kind) of the statement columns of a header row, or None if ``line`` is no such row."""
    if "\t" not in line and "|" not in line:
        return None
    cells = _row_cells(line)
    filled = [(i, line[a:b]) for i, (a, b) in enumerate(cells) if b > a]
    if len(filled) < 2:
        return None
    columns = []
    for i, cell in filled:
        if len(cell) > rules.column_header_max_chars or _SENTENCE_PUNCT.search(cell):
            return None
        kind = rules.kind_of(cell)
        if kind is None and not rules.column_words.fullmatch(cell.replace(" ", "")):
            return None
        if kind in KNOWN_KINDS:
            columns.append((i, kind))
    return columns or None


def _column_sections(text: str, rules) -> tuple[list[Section], set[int]]:
    """Sections of the cells under a statement column, and the starts of the header rows."""
    found, headers = [], set()
    lines = list(lines_in(text))
    k = 0
    while k < len(lines):
        pos, line = lines[k]
        columns = _column_header(line, rules)
        k += 1
        if not columns:
            continue
        headers.add(pos)
        width = len(_row_cells(line))
        last = max(i for i, _ in columns) == width - 1 or all(
            not line[a:b] for a, b in _row_cells(line)[max(i for i, _ in columns) + 1:])
        rows = 0
        while k < len(lines) and rows < rules.column_max_rows:
            rpos, row = lines[k]
            if not row.strip():
                k += 1
                continue
            if ("\t" not in row and "|" not in row) or _column_header(row, rules) or _label(row, rpos, rules):
                break
            cells = _row_cells(row)
            for i, kind in columns:
                if len(cells) == width:
                    a, b = cells[i]
                elif last and i == max(c for c, _ in columns):
                    filled = [c for c in cells if c[1] > c[0]]
                    a, b = filled[-1] if filled else (0, 0)   # a row shortened by merged cells: its last cell
                else:
                    continue
                if len(_HAN.findall(row, a, b)) >= rules.column_cell_min_han:
                    found.append(Section(kind, line[cells_title(line, i)], 0, rpos + a, rpos + a, rpos + a,
                                         row=True, column=True, fixed_end=rpos + b))
            rows += 1
            k += 1
    return found, headers


def cells_title(line: str, i: int) -> slice:
    a, b = _row_cells(line)[i]
    return slice(a, b)


def find_headings(text: str) -> list[Section]:
    """Every heading of ``text``, in order, with ``end`` not yet set (= body_start).

    A heading at the start of a line (numbered, or a label) is found first; then
    problems and remedies headings inside the line (run into the text before them).
    """
    rules = section_rules()
    found = []
    for pos, line in lines_in(text):
        if not line.strip():
            continue
        heading = _numbered(line, pos, rules) or _label(line, pos, rules)
        taken = []
        if heading is not None:
            found.append(heading)
            taken.append((heading.start - pos, heading.body_start - pos))
        found.extend(_inline_headings(line, pos, rules, taken))
    found.sort(key=lambda h: h.start)
    return found


def _successor(text: str, h: Section, end: int, rules) -> int | None:
    """Where the next number of ``h``'s style (七、 after 六、) starts inside ``[h.body_start, end)``, if it does."""
    marker = next((m for m in rules.numbering.markers if m.style == h.style), None)
    if marker is None or h.number is None:
        return None
    pos = h.body_start
    while pos < end:
        m = marker.pattern.search(text, pos, end)
        if m is None:
            return None
        if rules.numbering.value(m.group("n")) == h.number + 1 and \
                (m.start() == 0 or rules.successor_after.search(text, max(0, m.start() - 2), m.start())) and \
                not rules.successor_not_followed_by.match(text, m.end()):
            return m.start()
        pos = m.start() + 1
    return None


def _outer_ends(headings: list[Section]) -> list[int]:
    """For each heading, the end of the numbered section it lies in (labels do not end those), or -1."""
    out, stack = [], []   # stack of (level, index) of open numbered headings
    ends = [-1] * len(headings)
    for i, h in enumerate(headings):
        if h.level > 0:
            while stack and stack[-1][0] >= h.level:
                stack.pop()
        out.append(stack[-1][1] if stack else -1)
        if h.level > 0:
            stack.append((h.level, i))
    # a numbered section's outer end: the next numbered heading of the same or a higher level
    open_at: list[tuple[int, int]] = []
    for i, h in enumerate(headings):
        if h.level == 0:
            continue
        while open_at and open_at[-1][0] >= h.level:
            ends[open_at.pop()[1]] = h.start
        open_at.append((h.level, i))
    return [ends[j] if j >= 0 else -1 for j in out]


def _successor_heading(text: str, pos: int, h: Section, rules) -> Section:
    """The heading at ``pos`` that follows ``h`` in its numbering (七、 after 六、), whatever its title."""
    marker, m = rules.numbering.marker_at(text, pos)
    stop = m.end()
    while stop < len(text) and stop - m.end() < rules.title_max_chars and text[stop] not in _TITLE_STOPS:
        stop += 1
    title = text[m.end():stop].strip()
    kind = rules.kind_of(title)
    return Section(kind or "other", title, marker.level, pos, m.end(), m.end(), known=kind is not None,
                   number=h.number + 1, style=h.style, inline=True)


def _next_stops(headings: list[Section], rules) -> list[int | None]:
    """For each heading, the index of the heading that ends its section (see the module docstring), or None.

    One backward pass: a numbered section ends at the next label or the next heading of the same or a
    higher level; a label ends at the next label or (``end_at_known_titles``) the next known title.
    """
    depth = 1 + max((h.level for h in headings), default=0)
    next_at_or_above = [None] * (depth + 1)   # [L]: next heading with 0 < level <= L, or a label
    next_label_or_known = None
    out: list[int | None] = [None] * len(headings)
    for i in range(len(headings) - 1, -1, -1):
        h = headings[i]
        if h.level > 0:
            out[i] = next_at_or_above[h.level]
        else:
            out[i] = next_label_or_known
        if h.level == 0:
            next_at_or_above = [i] * (depth + 1)
            next_label_or_known = i
        else:
            for level in range(h.level, depth + 1):
                next_at_or_above[level] = i
            if rules.end_at_known_titles and h.known:
                next_label_or_known = i
    return out


def _ends(text: str, headings: list[Section], rules) -> None:
    """Set each heading's end (see the module docstring)."""
    rows = _new_row_starts(text) if any(h.row for h in headings) else []
    parents = _outer_ends(headings)
    stops = _next_stops(headings, rules)
    for i, h in enumerate(headings):
        end = headings[stops[i]].start if stops[i] is not None else len(text)
        if h.level == 0 and h.inline and parents[i] > h.start:
            end = min(end, parents[i])   # a label inside 五、存在问题及改进措施 ends with it
        if h.row:
            k = bisect_right(rows, h.start)
            if k < len(rows):
                end = min(end, rows[k])
        h.end = end


def find_sections(text: str) -> list[Section]:
    """Every section of ``text``: headings with where they end."""
    rules = section_rules()
    columns, header_rows = _column_sections(text, rules) if ("\t" in text or "|" in text) else ([], set())
    headings = find_headings(text)
    if header_rows:
        # a header row of statement columns is no row label: its cells title the columns below
        headings = [h for h in headings if not (h.row and h.kind in KNOWN_KINDS and _line_start(text, h.start)
                                                in header_rows)]
    _ends(text, headings, rules)
    # a problems or remedies section numbered N also ends at N+1 run into its text: that is a heading too
    starts = {h.start for h in headings}
    added = []
    for h in headings:
        if h.kind in KNOWN_KINDS:
            nxt = _successor(text, h, h.end, rules)
            if nxt is not None and nxt not in starts:
                added.append(_successor_heading(text, nxt, h, rules))
                starts.add(nxt)
    if added:
        headings = sorted(headings + added, key=lambda x: x.start)
        _ends(text, headings, rules)
    for h in headings:
        end = h.end
        if h.kind in KNOWN_KINDS:
            end = _before_closing(text, h.body_start, end, rules)
        while end > h.body_start and text[end - 1].isspace():
            end -= 1
        h.end = max(end, h.body_start)
    for c in columns:
        c.end = c.fixed_end
    return sorted(headings + columns, key=lambda x: x.start) if columns else headings


def _line_start(text: str, pos: int) -> int:
    return text.rfind("\n", 0, pos) + 1


def heading_ranges(text: str, sections: list[Section]) -> list[tuple[int, int]]:
    """(start, body_start) of the headings that stand apart from their text, for sentence splitting.

    A run-in heading of no statement kind (``（一）预算管理方面：细化项目测算。``)
    is left to the sentence splitter: its title and text are one sentence.
    """
    out = []
    line_end = -1
    for s in sections:
        if line_end < s.body_start:   # headings come in text order: each line end is looked for once
            line_end = text.find("\n", s.body_start)
            line_end = len(text) if line_end < 0 else line_end
        runs_on = _NON_SPACE.search(text, s.body_start, line_end) is not None
        if s.kind not in KNOWN_KINDS and s.level > 0 and runs_on and text[s.body_start:s.body_start + 1] != "\t":
            continue
        out.append((s.start, s.body_start))
    return out


def statement_sections(sections: list[Section]) -> list[tuple[Section, list[tuple[int, int]]]]:
    """Problems, remedies and mixed sections with the ranges of text each one decides.

    A section nested in another one of these kinds (``（一）存在问题`` under
    ``四、问题与建议``) decides its own text; the outer one keeps the rest.
    """
    known = sorted((s for s in sections if s.kind in KNOWN_KINDS), key=lambda x: x.start)
    starts = [s.start for s in known]
    out = []
    for i, s in enumerate(known):
        ranges, pos = [], s.body_start
        for inner in known[i + 1:bisect_left(starts, s.end)]:
            if not (s.start < inner.start < s.end):
                continue
            if inner.start > pos:
                ranges.append((pos, inner.start))
            pos = max(pos, inner.end)
        if pos < s.end:
            ranges.append((pos, s.end))
        out.append((s, ranges))
    return out


SECTION_SPANS = "sections"


class Sectionizer:
    def __init__(self, name: str = "govie_sections"):
        self.name = name

    def __call__(self, doc: Doc) -> Doc:
        doc._.sections = find_sections(text_of(doc))
        spans = []
        for s in doc._.sections:
            span = doc.char_span(s.start, s.end, label=s.kind, alignment_mode="expand")
            if span is not None:
                spans.append(span)
        doc.spans[SECTION_SPANS] = spans
        return doc


@Language.factory("govie_sections", assigns=["doc._.sections", "doc.spans"], requires=[])
def make_sectionizer(nlp: Language, name: str):
    return Sectionizer(name)
