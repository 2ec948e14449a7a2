"""Running the trained NER only where its names can be used.

``govie_entities`` accepts a model INDICATOR name only right before a value on
the same line (an amount the rules left unclaimed, or a qualitative word), after
at most a lead of separators, a cue and a link word, and only if the name holds
no clause punctuation, cell separators included (combine.py).  So the model need
not read the whole document: each such value gets a window from the last clause
punctuation before its lead to where it starts, windows that meet are merged
into pieces of at most a few hundred tokens, and the NER reads each piece with
the tokens of context its tok2vec sees either side.  tests/test_entity_windows.py
checks that it then finds what it finds reading the whole text.
"""
from __future__ import annotations

from bisect import bisect_left, bisect_right
from dataclasses import dataclass
from functools import lru_cache
from itertools import accumulate

import regex
from spacy.attrs import IDX, ORTH, SPACY
from spacy.tokens import Doc

from ..doctext import text_of


@dataclass(frozen=True)
class Window:
    start: int      # character offsets into the doc's text
    end: int


@lru_cache(maxsize=4)
def _last_break(breaks: str) -> regex.Pattern:
    """A backward search for the nearest of ``breaks``."""
    return regex.compile(f"[{regex.escape(breaks)}]", regex.REVERSE)


@lru_cache(maxsize=4)
def _lead_run(lead_chars: str) -> regex.Pattern:
    """A backward match of the run of ``lead_chars`` that ends at a value."""
    return regex.compile(f"[{regex.escape(lead_chars)}]*" if lead_chars else "", regex.REVERSE)


def value_windows(text: str, values: list[tuple[int, int]], breaks: str, max_chars: int,
                  lead_chars: str = "") -> list[Window]:
    """Windows in order of their start, each ending where a value starts and starting after the break before its name.

    ``breaks`` are the characters a name never holds.  ``lead_chars`` are those a lead
    from a name to its value may hold (separators, the letters of cues and link words):
    a name ends where that run before the value starts or inside it, so the window starts
    after the last break before the run, and never more than ``max_chars`` before the value.
    Windows may overlap; :func:`token_ranges` merges them into the pieces the NER reads.
    """
    last_break, lead_run = _last_break(breaks), _lead_run(lead_chars)
    windows: list[Window] = []
    for start, _ in sorted(values):
        lo = max(0, start - max_chars)
        name_end = lead_run.match(text, lo, start).start()     # the earliest a name can end
        m = last_break.search(text, lo, name_end)
        begin = m.end() if m else lo
        if begin == start:
            continue            # nothing between the break and the value: no room for a name
        if windows and windows[-1].start <= begin and start <= windows[-1].end:
            continue            # inside the window before
        windows.append(Window(begin, start))
    # A lead that passes over the value before (达标 opens with a link word's letter) may
    # take a window's start before the last one's.
    return sorted(windows, key=lambda w: (w.start, w.end))


def token_ranges(doc: Doc, windows: list[Window], margin: int,
                 max_tokens: int = 512) -> list[tuple[int, int, list[Window]]]:
    """Token ranges ``[a, b)`` holding the windows plus ``margin`` tokens each side, merged where they meet.

    A merged range stops growing at ``max_tokens`` (a line of thousands of cells with no
    clause break between them), so the NER never holds more than that many tokens of one piece.
    """
    ranges: list[tuple[int, int, list[Window]]] = []
    starts = _token_starts(doc)
    n = len(starts)
    text = text_of(doc)
    for w in windows:
        if not w.start < w.end <= len(text):
            continue
        # the tokens the window touches, as char_span(..., alignment_mode="expand") finds them
        first = bisect_right(starts, w.start) - 1
        last = bisect_left(starts, w.end)
        a, b = max(0, first - margin), min(n, last + margin)
        if ranges and a <= ranges[-1][1] and b - ranges[-1][0] <= max_tokens:
            pa, pb, cores = ranges[-1]
            cores.append(w)
            ranges[-1] = (pa, max(pb, b), cores)
        else:
            ranges.append((a, b, [w]))
    return ranges


def _token_starts(doc: Doc) -> list[int]:
    """Where each token starts in the doc's text, read once for the doc."""
    return doc.to_array(IDX).tolist() if len(doc) else []


def entities_in_windows(doc: Doc, ner, windows: list[Window], margin: int, label: str,
                        max_tokens: int = 512, batch_tokens: int = 1024) -> list[tuple[int, int]]:
    """Character spans of the ``label`` entities the NER finds inside the windows, in text order."""
    ranges = token_ranges(doc, windows, margin, max_tokens)
    if not ranges:
        return []
    # Pieces are built from the tokens' strings, read once for the doc as arrays (Span.as_doc
    # would also copy every span group, a cost that grows with the doc).
    orths, spaces, offsets = (column.tolist() for column in doc.to_array([ORTH, SPACY, IDX]).T)
    strings = doc.vocab.strings

    def piece(a: int, b: int) -> Doc:
        return Doc(doc.vocab, words=[strings[o] for o in orths[a:b]], spaces=[bool(x) for x in spaces[a:b]])

    found = set()      # ranges cut at max_tokens share windows: a name found twice is one
    for batch in _batches(ranges, batch_tokens):
        # The pieces are short and the NER's cost per call is high: one call reads many of them,
        # up to batch_tokens tokens, so its memory stays that of a short text whatever the doc.
        # (``ner.pipe`` would cut a batch into quarters, a model call each.)
        pieces = [piece(a, b) for a, b, _ in batch]
        ner.set_annotations(pieces, ner.predict(pieces))
        for (a, _, cores), read in zip(batch, pieces):
            offset = offsets[a]
            # Context tokens are read, not reported: a name must lie in a window.  The windows
            # are in order of their start; the furthest any of those starting at or before a
            # name reaches tells whether one holds it.
            core_starts = [w.start for w in cores]
            reach = list(accumulate((w.end for w in cores), max))
            for ent in read.ents:
                if ent.label_ != label:
                    continue
                start, end = ent.start_char + offset, ent.end_char + offset
                k = bisect_right(core_starts, start) - 1
                if k >= 0 and end <= reach[k]:
                    found.add((start, end))
    return sorted(found)


def _batches(ranges: list, budget: int):
    """Consecutive runs of ranges holding at most ``budget`` tokens together (at least one range)."""
    batch, size = [], 0
    for r in ranges:
        n = r[1] - r[0]
        if batch and size + n > budget:
            yield batch
            batch, size = [], 0
        batch.append(r)
        size += n
    if batch:
        yield batch
