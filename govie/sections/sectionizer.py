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
"""
from __future__ import annotations

from bisect import bisect_left, bisect_right
from dataclasses import dataclass

import regex
from spacy.language import Language
from spacy.tokens import Doc

from ..textlines import lines_in
from .rules import section_rules

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

    def to_dict(self, locate) -> dict:
        heading = locate.span(self.start, self.body_start)
        body = locate.span(self.body_start, self.end)
        return {"kind": self.kind, "title": self.title, "level": self.level,
                "start": heading["start"], "end": body["end"], "body_start": body["start"]}


def _numbered(line: str, base: int, rules) -> Section | None:
    i = len(line) - len(line.lstrip(" \t\u3000"))
    found = rules.marker_at(line, i)
    if not found:
        return None
    level, m = found
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
        return None
    if body > stop and rules.run_in_forbidden.search(title):
        return None  # 7、动员辖区内各类单位、社会组织…。 is a numbered paragraph
    kind = rules.kind_of(title)
    return Section(kind or "other", title, level, base + i, base + body, base + body, known=kind is not None)


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


def find_headings(text: str) -> list[Section]:
    """Every heading of ``text``, in order, with ``end`` not yet set (= body_start)."""
    rules = section_rules()
    found = []
    for pos, line in lines_in(text):
        if not line.strip():
            continue
        heading = _numbered(line, pos, rules) or _label(line, pos, rules)
        if heading is not None:
            found.append(heading)
    return found


def find_sections(text: str) -> list[Section]:
    """Every section of ``text``: headings with where they end."""
    rules = section_rules()
    headings = find_headings(text)
    rows = _new_row_starts(text) if any(h.row for h in headings) else []
    for i, h in enumerate(headings):
        end = len(text)
        for later in headings[i + 1:]:
            if h.level > 0:
                stops = later.level == 0 or later.level <= h.level
            else:
                stops = later.level == 0 or (rules.end_at_known_titles and later.known)
            if stops:
                end = later.start
                break
        if h.row:
            end = min([end] + [r for r in rows if r > h.start])
        if h.kind in KNOWN_KINDS:
            end = _before_closing(text, h.body_start, end, rules)
        while end > h.body_start and text[end - 1].isspace():
            end -= 1
        h.end = max(end, h.body_start)
    return headings


def heading_ranges(text: str, sections: list[Section]) -> list[tuple[int, int]]:
    """(start, body_start) of the headings that stand apart from their text, for sentence splitting.

    A run-in heading of no statement kind (``（一）预算管理方面：细化项目测算。``)
    is left to the sentence splitter: its title and text are one sentence.
    """
    out = []
    for s in sections:
        line_end = text.find("\n", s.body_start)
        rest = text[s.body_start:line_end if line_end >= 0 else len(text)]
        if s.kind not in KNOWN_KINDS and s.level > 0 and rest.strip() and not rest.startswith("\t"):
            continue
        out.append((s.start, s.body_start))
    return out


def statement_sections(sections: list[Section]) -> list[tuple[Section, list[tuple[int, int]]]]:
    """Problems, remedies and mixed sections with the ranges of text each one decides.

    A section nested in another one of these kinds (``（一）存在问题`` under
    ``四、问题与建议``) decides its own text; the outer one keeps the rest.
    """
    known = [s for s in sections if s.kind in KNOWN_KINDS]
    # The sections inside one are found by bisection, not by a scan of all (10,000 headings).
    by_start = sorted(known, key=lambda s: s.start)
    starts = [s.start for s in by_start]
    out = []
    for s in known:
        ranges, pos = [], s.body_start
        for inner in by_start[bisect_right(starts, s.start):bisect_left(starts, s.end)]:
            if inner is s:
                continue
            if inner.start > pos:
                ranges.append((pos, inner.start))
            pos = max(pos, inner.end)
        if pos < s.end:
            ranges.append((pos, s.end))
        out.append((s, ranges))
    return out


class Sectionizer:
    def __init__(self, name: str = "govie_sections"):
        self.name = name

    def __call__(self, doc: Doc) -> Doc:
        doc._.sections = find_sections(doc.text)
        return doc


@Language.factory("govie_sections")
def make_sectionizer(nlp: Language, name: str):
    return Sectionizer(name)
