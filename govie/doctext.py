"""The text of a Doc, built once.

spaCy's ``doc.text`` joins every token's text on each access, and each of
govie's components needs the whole text, so reading it component by component
costs as much as the segmentation.  The tokenizer hands the text it was given
to :func:`remember_text`; the components read it back with :func:`text_of`.
The texts are held by weak reference to their Doc, so they go when it goes and
are never serialised with it.
"""
from __future__ import annotations

import weakref

from spacy.tokens import Doc

_TEXTS: "weakref.WeakKeyDictionary[Doc, str]" = weakref.WeakKeyDictionary()


def remember_text(doc: Doc, text: str) -> None:
    """Record ``text`` as the text of ``doc``; the caller vouches that it is (tokens joined)."""
    _TEXTS[doc] = text


def text_of(doc: Doc) -> str:
    """``doc.text``, joined once per Doc."""
    text = _TEXTS.get(doc)
    if text is None:
        text = _TEXTS[doc] = doc.text
    return text
