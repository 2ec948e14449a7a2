"""Running the trained NER only where its names can be used.

``govie_entities`` accepts a model INDICATOR name only right before a value on
the same line (an amount the rules left unclaimed, or a qualitative word), and
only if the name holds no clause punctuation (combine.py).  So the model need
not read the whole document: each such value gets a window from the last
clause break before it to where it starts, windows that meet are merged, and the NER
reads each window with a few tokens of context either side.  The context
covers the tok2vec's receptive field, and a window starts after a clause break,
where the NER is outside any name, so inside a window it sees what it would
see in the whole document.
"""
from __future__ import annotations

from dataclasses import dataclass

import regex
from spacy.tokens import Doc


@dataclass(frozen=True)
class Window:
    start: int      # character offsets into the doc's text
    end: int


def value_windows(text: str, values: list[tuple[int, int]], breaks: str, max_chars: int) -> list[Window]:
    """Merged windows, in text order, each ending where a value starts and starting after the clause break before it.

    ``breaks`` are the characters a name never runs across and a lead to its
    value never holds (clause punctuation other than the cell separators).
    """
    last_break = regex.compile(f"[{regex.escape(breaks)}]", regex.REVERSE)
    windows: list[Window] = []
    for start, _ in sorted(values):
        lo = max(0, start - max_chars)
        m = last_break.search(text, lo, start)
        begin = m.end() if m else lo
        if begin == start:
            continue            # nothing between the clause break and the value: no room for a name
        if windows and begin <= windows[-1].end:
            windows[-1] = Window(windows[-1].start, max(start, windows[-1].end))
        else:
            windows.append(Window(begin, start))
    return windows


def token_ranges(doc: Doc, windows: list[Window], margin: int) -> list[tuple[int, int, list[Window]]]:
    """Token ranges ``[a, b)`` holding the windows plus ``margin`` tokens each side, merged where they meet."""
    ranges: list[tuple[int, int, list[Window]]] = []
    for w in windows:
        span = doc.char_span(w.start, w.end, alignment_mode="expand")
        if span is None:
            continue
        a, b = max(0, span.start - margin), min(len(doc), span.end + margin)
        if ranges and a <= ranges[-1][1]:
            pa, pb, cores = ranges[-1]
            ranges[-1] = (pa, max(pb, b), cores + [w])
        else:
            ranges.append((a, b, [w]))
    return ranges


def entities_in_windows(doc: Doc, ner, windows: list[Window], margin: int, label: str) -> list[tuple[int, int]]:
    """Character spans of the ``label`` entities the NER finds inside the windows, in text order."""
    ranges = token_ranges(doc, windows, margin)
    # Built from the tokens' text: Span.as_doc also copies every span group, a cost that grows with the doc.
    pieces = [Doc(doc.vocab, words=[t.text for t in doc[a:b]], spaces=[bool(t.whitespace_) for t in doc[a:b]])
              for a, b, _ in ranges]
    found = []
    for (a, _, cores), piece in zip(ranges, ner.pipe(pieces)):
        offset = doc[a].idx
        for ent in piece.ents:
            if ent.label_ != label:
                continue
            start, end = ent.start_char + offset, ent.end_char + offset
            # Context tokens are read, not reported: a name must lie in a window.
            if any(w.start <= start and end <= w.end for w in cores):
                found.append((start, end))
    return found
