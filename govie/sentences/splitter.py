"""Sentence splitting for the genre, and ``govie_sentences``.

A sentence ends after 。；！？ (and their ASCII forms; an ASCII full stop only
after a Chinese character, never in 96.28 or after the item number 1.).  A new
sentence also starts

- at an enumeration word, 一是… 二是… (also 第一, 其一, 首先/其次/最后),
- at a numbered item at the start of a line or after 。;: — 1. (1) （一） 一、 ①,
- at a topic clause ``城区环境综合治理方面：…`` (its topic is 城区环境综合治理),
- at a table cell boundary (a tab or ``|``), a heading, or next to a line that
  is a table cell (a bare number, ``全年清理乱张贴数量 1600处``).

Any other line break — with or without blank lines — is a sentence broken
across PDF lines and stays inside the sentence: offsets are into the text as
given, so the sentence's text keeps its line breaks.

:func:`group_items` gathers the sentences of an item (一是… and the sentences
after it up to 二是…) for the statements component.

On the Doc, ``govie_sentences`` (after ``govie_sections``, whose headings and
section ends it reads) leaves ``doc._.sentences``: :class:`Sentence` objects in
text order with exact character offsets into ``doc.text``, each with its item
number (``marker``), its topic (``X方面:``), where its content starts, and
whether it is a heading; ``token.is_sent_start`` is set from them, so
``doc.sents`` gives the same sentences as token spans.  Downstream components
(statements, indicators) read these and never split sentences again.
"""
from __future__ import annotations

from bisect import bisect_right
from dataclasses import dataclass, field

import numpy
import regex
from spacy.attrs import IDX, SENT_START
from spacy.language import Language
from spacy.tokens import Doc

from ..doctext import text_of
from ..textlines import lines_in
from .rules import sentence_rules

if not Doc.has_extension("sentences"):
    Doc.set_extension("sentences", default=None)

_WORD = regex.compile(r"[\p{Han}\p{L}\p{N}]")
_SPACE = regex.compile(r"\s+")
_HAN_START = regex.compile(r"\p{Han}")


@dataclass
class Sentence:
    start: int
    end: int
    content_start: int                 # after the item number and the topic clause's "X方面:"
    marker: str | None = None          # 一是, 1., (一) …
    marker_kind: str | None = None     # "enumeration" or "item"
    topic: str | None = None
    topic_only: bool = False           # nothing but "X方面:" (or a heading "(一) X方面")
    heading: bool = False

    @property
    def opens_item(self) -> bool:
        return self.marker is not None or self.topic is not None

    def to_dict(self, locate) -> dict:
        return {**locate.span(self.start, self.end), "topic": self.topic}


@dataclass
class Item:
    """An item of a list (一是…, 1. …, X方面: …) with its sentences, or a sentence on its own."""
    start: int
    end: int
    topic: str | None
    sentences: list[Sentence] = field(default_factory=list)

    @property
    def opener(self) -> Sentence:
        return self.sentences[0]


def _trim(text: str, start: int, end: int) -> tuple[int, int]:
    while start < end and text[start].isspace():
        start += 1
    while end > start and text[end - 1].isspace():
        end -= 1
    return start, end


def _cell_line_cuts(text: str, start: int, end: int, rules) -> list[int]:
    """Line starts where a line break ends a sentence because a table cell is on either side.

    A page number alone on its line inside a sentence broken by the PDF
    (``…应当对⏎15⏎项目实施…``) is no cell: no cut before or after it.
    """
    lines = [(pos, line) for pos, line in lines_in(text, start, end) if line.strip()]
    cuts = []
    prev_cell = False
    for k, (pos, line) in enumerate(lines):
        if _page_number(lines, k, rules):
            continue   # the lines around it are one sentence; this line is part of neither cut
        is_cell = rules.cell_line.fullmatch(line) is not None
        if k and (is_cell or prev_cell):
            cuts.append(pos)
        prev_cell = is_cell
    return cuts


def _page_number(lines: list[tuple[int, str]], k: int, rules) -> bool:
    """Line ``k`` is only a page number, between a long unfinished line and one that goes on in Chinese."""
    if not 0 < k < len(lines) - 1 or not rules.page_number_line.fullmatch(lines[k][1]):
        return False
    before, after = lines[k - 1][1].rstrip(), lines[k + 1][1].lstrip()
    return len(before) >= rules.page_break_min_chars and not rules.sentence_end_at_line_end.search(before) \
        and _HAN_START.match(after) is not None and not rules.cell_line.fullmatch(lines[k - 1][1])


def _opener_places(text: str, start: int, end: int, candidates) -> list[int] | None:
    """Where an opener ``(?:^|(?<=[A]))…`` can match: at ``start``, and right after each [A]
    character that ``candidates`` (``[A]…``, overlapped matches) finds the rest of it after."""
    if candidates is None:
        return None
    return [start] + [c.start() + 1 for c in candidates.finditer(text, max(0, start - 1), end, overlapped=True)]


def _opener_starts(text: str, start: int, end: int, pattern, places) -> list[int]:
    """``m.start("open")`` of each match of ``pattern.finditer(text, start, end)``.

    With ``places`` (see :func:`_opener_places`, a superset of where ``pattern`` can match),
    ``pattern`` is tried there alone, with finditer's rule that a match starts at or after
    the end of the last one.
    """
    if places is None:
        return [m.start("open") for m in pattern.finditer(text, start, end)]
    out, last = [], start
    for q in places:
        if q < last:
            continue
        m = pattern.match(text, q, end)
        if m:
            out.append(m.start("open"))
            last = m.end()
    return out


def _topic(raw: str) -> str:
    return _SPACE.sub("", raw)


def describe_sentence(text: str, start: int, end: int, heading: bool = False, rules=None) -> Sentence:
    """A :class:`Sentence` for ``text[start:end]``: its item number, its topic, where its content starts."""
    rules = rules or sentence_rules()
    s = Sentence(start, end, start, heading=heading)
    pos = start
    m = rules.enum_marker.match(text, pos, end)
    if m:
        s.marker, s.marker_kind = m.group(), "enumeration"
    else:
        m = rules.item_marker.match(text, pos, end)
        if m:
            s.marker, s.marker_kind = m.group(), "item"
    if m:
        pos = m.end()
        while pos < end and text[pos] in " \t\u3000":
            pos += 1
    # no topic clause or heading can match without its word
    worded = rules.topic_word is None or text.find(rules.topic_word, pos, end) >= 0
    t = rules.topic_clause.match(text, pos, end) if worded else None
    if t and len(_topic(t.group("topic"))) <= rules.topic_max_chars:
        s.topic = _topic(t.group("topic"))
        pos = t.end()
        s.topic_only = not text[pos:end].strip()
    elif (s.marker or heading) and worded:
        t = rules.topic_heading.fullmatch(text, pos, end)
        if t:
            s.topic, s.topic_only, pos = _topic(t.group("topic")), True, end
    s.content_start = pos
    return s


def split_sentences(text: str, start: int = 0, end: int | None = None,
                    headings: list[tuple[int, int]] | None = None,
                    breaks: list[int] | tuple = ()) -> list[Sentence]:
    """The sentences of ``text[start:end]``, offsets into ``text``.

    ``headings`` are (start, body_start) ranges of heading lines: each one is a
    sentence of its own, flagged ``heading``.  When not given they are found with
    the sectionizer's rules.  ``breaks`` are further positions no sentence may
    run across (section ends).
    """
    rules = sentence_rules()
    end = len(text) if end is None else end
    if headings is None:
        from ..sections import find_headings, heading_ranges
        headings = heading_ranges(text, find_headings(text))
    headings = sorted((a, b) for a, b in headings if a < end and b > start)
    cuts = {start, end}
    cuts.update(p for p in breaks if start < p < end)
    for a, b in headings:
        cuts.update((max(a, start), min(b, end)))
    cuts.update(m.end() for m in rules.final.finditer(text, start, end))
    cuts.update(p for m in rules.cell_separator.finditer(text, start, end) for p in m.span())
    for pattern, candidates in ((rules.item_opener, rules.item_candidates), (rules.enum_opener, None),
                                (rules.topic_opener, rules.topic_candidates)):
        cuts.update(_opener_starts(text, start, end, pattern, _opener_places(text, start, end, candidates)))
    cuts.update(_cell_line_cuts(text, start, end, rules))

    heading_starts = [a for a, _ in headings]
    sentences: list[Sentence] = []
    points = sorted(p for p in cuts if start <= p <= end)
    for a, b in zip(points, points[1:]):
        while a < b and text[a].isspace():     # _trim, inline: it runs once per piece
            a += 1
        while b > a and text[b - 1].isspace():
            b -= 1
        if a >= b:
            continue
        if not _WORD.search(text, a, b):
            # a lone 。 or ） after a line break belongs to the sentence before; a | is no sentence
            if sentences and not rules.cell_separator.search(text, sentences[-1].end, b):
                sentences[-1].end = b
            continue
        i = bisect_right(heading_starts, a) - 1
        heading = i >= 0 and headings[i][0] <= a and b <= headings[i][1]
        sentences.append(describe_sentence(text, a, b, heading, rules))
    return sentences


def group_items(sentences: list[Sentence]) -> list[Item]:
    """Sentences gathered into items: an item runs from its opener (一是, 1., X方面:) to the next.

    A sentence before the first opener is an item of its own.  A sentence that
    is only a topic (``社会平安综合治理方面:`` with its items below, or a heading
    ``(一) 预算管理方面``) gives its topic to the items after it.
    """
    items: list[Item] = []
    current: Item | None = None
    context_topic: str | None = None
    for s in sentences:
        if s.topic_only:
            context_topic, current = s.topic, None
            continue
        if s.opens_item:
            current = Item(s.start, s.end, s.topic or context_topic, [s])
            items.append(current)
        elif current is not None:
            current.end = s.end
            current.sentences.append(s)
        else:
            items.append(Item(s.start, s.end, context_topic, [s]))
    return items


def _mark_sentence_starts(doc: Doc, sentences: list[Sentence]) -> None:
    """Token.is_sent_start from the sentences, in one array write (token by token is quadratic in spaCy)."""
    if len(doc) == 0 or not sentences or doc.has_annotation("DEP"):
        return
    token_starts = doc.to_array([IDX]).astype("int64")
    # the token that holds each sentence's first character
    holders = numpy.searchsorted(token_starts, [s.start for s in sentences], side="right") - 1
    values = numpy.full(len(doc), -1, dtype="int64")
    values[holders[holders >= 0]] = 1
    values[0] = 1
    doc.from_array([SENT_START], values.astype("uint64"))  # -1 (not a start) as spaCy stores it


class SentenceSplitter:
    def __init__(self, name: str = "govie_sentences", set_sent_starts: bool = True):
        self.name = name
        self.set_sent_starts = set_sent_starts

    def __call__(self, doc: Doc) -> Doc:
        from ..sections import heading_ranges

        sections = doc._.sections
        if sections is None:
            raise ValueError("govie_sentences reads doc._.sections: add govie_sections before it in the pipeline")
        text = text_of(doc)
        doc._.sentences = split_sentences(text, headings=heading_ranges(text, sections),
                                          breaks=[s.end for s in sections])
        if self.set_sent_starts:
            _mark_sentence_starts(doc, doc._.sentences)
        return doc


@Language.factory("govie_sentences", default_config={"set_sent_starts": True},
                  assigns=["doc._.sentences", "token.is_sent_start"], requires=["doc._.sections"])
def make_sentence_splitter(nlp: Language, name: str, set_sent_starts: bool):
    return SentenceSplitter(name, set_sent_starts)
