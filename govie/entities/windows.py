"""Running the trained NER only where its names can be used.

``govie_entities`` accepts a model INDICATOR name only right before a value on
the same line (an amount the rules left unclaimed, or a qualitative word), and
only if the name holds no clause punctuation (combine.py).  So the model need
not read the whole document: each such value gets a window from the last
clause break before it to where it starts, windows that meet are merged
into pieces of at most a few hundred tokens, and the NER reads each piece with
a few tokens of context either side.  The context
covers the tok2vec's receptive field, and a window starts after a clause break,
where the NER is outside any name, so inside a window it sees what it would
see in the whole document.
"""
from __future__ import annotations

from bisect import bisect_right
from dataclasses import dataclass
from functools import lru_cache

import regex
from spacy.attrs import ORTH, SPACY
from spacy.tokens import Doc


@dataclass(frozen=True)
class Window:
    start: int      # character offsets into the doc's text
    end: int


@lru_cache(maxsize=4)
def _last_break(breaks: str) -> regex.Pattern:
    """A backward search for the nearest of ``breaks``."""
    return regex.compile(f"[{regex.escape(breaks)}]", regex.REVERSE)


def value_windows(text: str, values: list[tuple[int, int]], breaks: str, max_chars: int) -> list[Window]:
    """Windows in text order, each ending where a value starts and starting after the clause break before it.

    ``breaks`` are the characters a name never runs across and a lead to its
    value never holds (clause punctuation other than the cell separators).
    Windows may overlap; :func:`token_ranges` merges them into the pieces the NER reads.
    """
    last_break = _last_break(breaks)
    windows: list[Window] = []
    for start, _ in sorted(values):
        lo = max(0, start - max_chars)
        m = last_break.search(text, lo, start)
        begin = m.end() if m else lo
        if begin == start:
            continue            # nothing between the clause break and the value: no room for a name
        if windows and windows[-1].start <= begin and start <= windows[-1].end:
            continue            # inside the window before
        windows.append(Window(begin, start))
    return windows


def token_ranges(doc: Doc, windows: list[Window], margin: int,
                 max_tokens: int = 512) -> list[tuple[int, int, list[Window]]]:
    """Token ranges ``[a, b)`` holding the windows plus ``margin`` tokens each side, merged where they meet.

    A merged range stops growing at ``max_tokens`` (a line of thousands of cells with no
    clause break between them), so the NER never holds more than that many tokens of one piece.
    """
    ranges: list[tuple[int, int, list[Window]]] = []
    for w in windows:
        span = doc.char_span(w.start, w.end, alignment_mode="expand")
        if span is None:
            continue
        a, b = max(0, span.start - margin), min(len(doc), span.end + margin)
        if ranges and a <= ranges[-1][1] and b - ranges[-1][0] <= max_tokens:
            pa, pb, cores = ranges[-1]
            ranges[-1] = (pa, max(pb, b), cores + [w])
        else:
            ranges.append((a, b, [w]))
    return ranges


def entities_in_windows(doc: Doc, ner, windows: list[Window], margin: int, label: str,
                        max_tokens: int = 512, batch_tokens: int = 4096) -> list[tuple[int, int]]:
    """Character spans of the ``label`` entities the NER finds inside the windows, in text order."""
    ranges = token_ranges(doc, windows, margin, max_tokens)
    if not ranges:
        return []
    # Pieces are built from the tokens' strings, read once for the doc as arrays (Span.as_doc
    # would also copy every span group, a cost that grows with the doc).
    attrs = doc.to_array([ORTH, SPACY])
    strings = doc.vocab.strings

    def piece(a: int, b: int) -> Doc:
        return Doc(doc.vocab, words=[strings[int(o)] for o in attrs[a:b, 0]],
                   spaces=[bool(x) for x in attrs[a:b, 1]])

    found = set()      # ranges cut at max_tokens share windows: a name found twice is one
    for batch in _batches(ranges, batch_tokens):
        # The pieces are short and the NER's cost per call is high: one call reads many of them,
        # up to batch_tokens tokens, so its memory stays that of a short text whatever the doc.
        # (``ner.pipe`` would cut a batch into quarters, a model call each.)
        read = [piece(a, b) for a, b, _ in batch]
        ner.set_annotations(read, ner.predict(read))
        for (a, _, cores), read in zip(batch, read):
            offset = doc[a].idx
            core_starts = [w.start for w in cores]
            for ent in read.ents:
                if ent.label_ != label:
                    continue
                start, end = ent.start_char + offset, ent.end_char + offset
                # Context tokens are read, not reported: a name must lie in a window.  Windows
                # start and end in text order, so the last one starting at or before the name
                # reaches furthest.
                k = bisect_right(core_starts, start) - 1
                if k >= 0 and end <= cores[k].end:
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
