"""What components leave on a Doc: amount mentions with exact character offsets.

spaCy spans must start and end on token boundaries; an amount found by a rule
need not (jieba may glue 约 to the number before it).  So the exact character
offsets (into the cleaned text) live in ``doc._.mentions``, and a token-aligned
copy goes to ``doc.spans["amounts"]`` for displaCy and for training.
"""
from __future__ import annotations

from bisect import bisect_left, insort
from dataclasses import dataclass

from spacy.tokens import Doc

from .numbers import Measure

if not Doc.has_extension("mentions"):
    Doc.set_extension("mentions", default=None)
if not Doc.has_extension("table_units"):
    Doc.set_extension("table_units", default=None)
# The longest mention so far: an overlap query looks back no further than this.
if not Doc.has_extension("mention_reach"):
    Doc.set_extension("mention_reach", default=0)

AMOUNT_SPANS = "amounts"


@dataclass
class Mention:
    label: str
    start: int
    end: int
    measure: Measure
    source: str = "rules"


def mentions_of(doc: Doc) -> list[Mention]:
    if doc._.mentions is None:
        doc._.mentions = []
    return doc._.mentions


def add_mention(doc: Doc, mention: Mention) -> None:
    """Keep ``doc._.mentions`` sorted and mirror the mention as a token span."""
    insort(mentions_of(doc), mention, key=lambda x: x.start)
    doc._.mention_reach = max(doc._.mention_reach, mention.end - mention.start)
    span = doc.char_span(mention.start, mention.end, label=mention.label, alignment_mode="expand")
    if span is not None:
        group = doc.spans.setdefault(AMOUNT_SPANS, [])
        group.append(span)


def overlaps(doc: Doc, start: int, end: int) -> bool:
    """Whether a mention overlaps ``[start, end)``: a binary search, then the few mentions near it."""
    mentions = mentions_of(doc)
    if mentions and not doc._.mention_reach:   # mentions put there by other means than add_mention
        doc._.mention_reach = max(m.end - m.start for m in mentions)
    i = bisect_left(mentions, end, key=lambda m: m.start)   # mentions before i start before ``end``
    earliest = start - doc._.mention_reach
    while i > 0 and mentions[i - 1].start >= earliest:
        i -= 1
        if mentions[i].end > start:
            return True
    return False


def mentions_within(mentions: list[Mention], starts: list[int], start: int, end: int) -> list[Mention]:
    """The mentions lying wholly inside ``[start, end)``; ``starts`` are their (sorted) start offsets."""
    i = bisect_left(starts, start)
    out = []
    while i < len(mentions) and mentions[i].start < end:
        if mentions[i].end <= end:
            out.append(mentions[i])
        i += 1
    return out
