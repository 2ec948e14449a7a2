"""What components leave on a Doc: amount mentions with exact character offsets.

spaCy spans must start and end on token boundaries; an amount found by a rule
need not (jieba may glue 约 to the number before it).  So the exact character
offsets (into the cleaned text) live in ``doc._.mentions``, and a token-aligned
copy goes to ``doc.spans["amounts"]`` for displaCy and for training.

Everything govie leaves in ``doc.user_data`` (mentions, sections, tables,
indicators …) is a dataclass of govie's; the msgpack hooks at the end of this
module let spaCy serialise them, so ``doc.to_bytes()``, ``DocBin(store_user_data=True)``
and ``nlp.pipe(n_process=2)`` carry them.
"""
from __future__ import annotations

import dataclasses
import importlib
from bisect import bisect_left, insort
from dataclasses import dataclass
from decimal import Decimal

import srsly
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
    elif not isinstance(doc._.mentions, list):    # a DocBin gives arrays back as tuples
        doc._.mentions = list(doc._.mentions)
    return doc._.mentions


def add_mention(doc: Doc, mention: Mention) -> None:
    """Keep ``doc._.mentions`` sorted and mirror the mention as a token span."""
    add_mentions(doc, [mention])


def _start(mention: Mention) -> int:
    return mention.start


def add_mentions(doc: Doc, new: list[Mention]) -> None:
    """Add each of ``new`` in turn to the sorted ``doc._.mentions`` and mirror it as a token
    span in ``doc.spans["amounts"]``, reading the Doc's extensions once for all of them."""
    if not new:
        return
    mentions = mentions_of(doc)
    for mention in new:
        if not mentions or mentions[-1].start <= mention.start:
            mentions.append(mention)      # where insort would put it, found without a search
        else:
            insort(mentions, mention, key=_start)
    doc._.mention_reach = max(doc._.mention_reach, max(m.end - m.start for m in new))
    char_span = doc.char_span
    spans = [span for span in (char_span(m.start, m.end, label=m.label, alignment_mode="expand") for m in new)
             if span is not None]
    if spans:
        group = doc.spans.setdefault(AMOUNT_SPANS, [])
        for span in spans:
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


# -- serialising govie's objects in doc.user_data (msgpack, as spaCy stores it) --------------

# Containers are tagged, not left to msgpack: DocBin reads arrays back as tuples, to_bytes as lists.
_CLASS, _FIELDS = "__govie__", "fields"
_LIST, _TUPLE, _PAIRS, _DECIMAL, _SET = "__list__", "__tuple__", "__pairs__", "__decimal__", "__set__"


def _plain(value):
    """A value msgpack can store, keeping what msgpack would lose (tuples, sets, non-string keys)."""
    if dataclasses.is_dataclass(value) and not isinstance(value, type):
        cls = type(value)
        if not cls.__module__.startswith("govie."):
            raise TypeError(f"cannot serialise {cls.__module__}.{cls.__qualname__} in doc.user_data")
        return {_CLASS: f"{cls.__module__}:{cls.__qualname__}",
                _FIELDS: {f.name: _plain(getattr(value, f.name)) for f in dataclasses.fields(value) if f.init}}
    if isinstance(value, tuple):
        return {_TUPLE: [_plain(v) for v in value]}
    if isinstance(value, (set, frozenset)):
        return {_SET: [_plain(v) for v in value]}
    if isinstance(value, list):
        return {_LIST: [_plain(v) for v in value]}
    if isinstance(value, dict):
        if all(isinstance(k, str) for k in value):
            return {k: _plain(v) for k, v in value.items()}
        return {_PAIRS: [[_plain(k), _plain(v)] for k, v in value.items()]}
    if isinstance(value, Decimal):
        return {_DECIMAL: str(value)}
    return value


def _encode(obj, chain=None):
    if (dataclasses.is_dataclass(obj) and not isinstance(obj, type) and type(obj).__module__.startswith("govie.")) \
            or isinstance(obj, (set, frozenset, Decimal)):
        return _plain(obj)
    return chain(obj) if chain is not None else obj


def _class(path: str):
    module, _, qualname = path.partition(":")
    if not module.startswith("govie."):   # only govie's own dataclasses are ever rebuilt
        raise ValueError(f"refusing to rebuild {path} from serialised doc data")
    cls = importlib.import_module(module)
    for part in qualname.split("."):
        cls = getattr(cls, part)
    if not dataclasses.is_dataclass(cls):
        raise ValueError(f"{path} is not a dataclass")
    return cls


def _hashable(v):
    return tuple(_hashable(x) for x in v) if isinstance(v, list) else v


def _decode(obj, chain=None):
    if isinstance(obj, dict):
        if _CLASS in obj and _FIELDS in obj:
            return _class(obj[_CLASS])(**dict(obj[_FIELDS]))
        if _LIST in obj and len(obj) == 1:
            return list(obj[_LIST])
        if _TUPLE in obj and len(obj) == 1:
            return tuple(obj[_TUPLE])
        if _SET in obj and len(obj) == 1:
            return {_hashable(v) for v in obj[_SET]}
        if _PAIRS in obj and len(obj) == 1:
            return {_hashable(k): v for k, v in obj[_PAIRS]}
        if _DECIMAL in obj and len(obj) == 1:
            return Decimal(obj[_DECIMAL])
    return chain(obj) if chain is not None else obj


srsly.msgpack_encoders.register("govie", func=_encode)
srsly.msgpack_decoders.register("govie", func=_decode)
