"""``govie.amounts(text)``: the amounts of a text without the spaCy pipeline.

Most users of a corpus want only the money, shares and counts.  The amount
components need no tokens: they read the text and leave mentions.  So the
fast path runs the *same* two components as the pipeline (``govie_amounts``
and ``govie_table_money``, the rules exist once) on a :class:`TextDoc`, a
stand-in that carries the text and the mentions and nothing else, on the
same cleaned view (govie/reading/clean.py), and maps the spans back to the
text given with the same :class:`~govie.report.Locator`.  No segmenter runs,
so the cost is that of the cleaning pass and the grammar's one search.

The result is the list of MONEY, PERCENT and QUANTITY entity dicts of the
JSON contract, as ``govie.extract(text).entities`` holds them, with offsets
into ``text``.  (The pipeline reads a very long text in chunks; the fast path
reads it whole, so a table's unit header reaches every cell under it.)
"""
from __future__ import annotations

from copy import copy
from types import SimpleNamespace

from spacy.tokens import Doc

from ..mentions import mentions_of
from ..reading import clean
from ..report import Locator, entity_dict
from .recognizer import AmountRecognizer
from .table_money import TableMoneyRecognizer

AMOUNT_LABELS = ("MONEY", "PERCENT", "QUANTITY")


class _Extensions(SimpleNamespace):
    """``doc._`` of a TextDoc: each Doc extension starts at its registered default."""

    def __getattr__(self, name):
        extension = Doc.get_extension(name)    # (default, method, getter, setter) or None
        if extension is None:
            raise AttributeError(f"no Doc extension {name!r}")
        value = copy(extension[0])
        setattr(self, name, value)
        return value


class TextDoc:
    """What the amount components use of a spaCy Doc: ``text`` and the ``doc._`` extensions.

    ``char_span`` gives no token span (there are no tokens), so ``doc.spans`` stays empty;
    the mentions in ``doc._.mentions`` carry the exact character offsets either way.
    """

    def __init__(self, text: str):
        self.text = text
        self._ = _Extensions()
        self.spans: dict = {}

    def char_span(self, *args, **kwargs):
        return None


_COMPONENTS = (AmountRecognizer(), TableMoneyRecognizer())


def amount_mentions(text: str) -> list:
    """The amount mentions of an already cleaned text, offsets into it (sorted by start)."""
    doc = TextDoc(text)
    for component in _COMPONENTS:
        component(doc)
    return [m for m in mentions_of(doc) if m.label in AMOUNT_LABELS]


def amounts(text) -> list[dict]:
    """MONEY, PERCENT and QUANTITY in ``text`` (a str, or a read document's text) as the contract's entity dicts.

    >>> [(e["label"], e["value"], e["text"]) for e in amounts("全年预算数 13259.41 万元，执行率96.28%。")]
    [('MONEY', 132594100.0, '13259.41 万元'), ('PERCENT', 96.28, '96.28%')]
    """
    if not isinstance(text, str):
        if not isinstance(getattr(text, "text", None), str):    # a Document from govie.read is read by its text
            raise TypeError(f"govie.amounts() takes a str, not {type(text).__name__}")
        text = text.text
    cleaned = clean(text)
    locate = Locator(cleaned)
    return [entity_dict(m, locate) for m in amount_mentions(cleaned.text)]
