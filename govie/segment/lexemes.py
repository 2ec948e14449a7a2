"""spaCy's Chinese ``like_num``, the same test made cheap.

Every new word of a text becomes a lexeme, and spaCy computes its attributes
then; for Chinese, ``like_num`` builds and looks up its numeral pattern on each
call, which made it over a third of the cost of a lexeme on a report's first
reading.  This is the same test with the pattern built once from spaCy's own
word lists (tests/test_segment.py checks both give the same answer on many
words).  The tokenizer puts it in its vocabulary's attribute getters.
"""
from __future__ import annotations

import re

from spacy.attrs import LIKE_NUM
from spacy.lang.zh import lex_attrs as zh

_SINGLE = frozenset(zh._single_num_words)
# The pattern spaCy's like_num writes out at each call (same text, so the same matches).
_COUNTED = re.compile("^((" + "|".join(zh._count_num_words) + "){1}" + "(" + "|".join(zh._base_num_words) + "){1})+"
                      + "(" + "|".join(zh._count_num_words) + ")?$")


def like_num(text: str) -> bool:
    if text.startswith(("+", "-", "±", "~")):
        text = text[1:]
    text = text.replace(",", "").replace(".", "").replace("，", "").replace("。", "")
    if text.isdigit():
        return True
    if text.count("/") == 1:
        num, denom = text.split("/")
        if num.isdigit() and denom.isdigit():
            return True
    return text in _SINGLE or _COUNTED.match(text) is not None


def use_fast_getters(vocab) -> None:
    """Put the cheap ``like_num`` in a Chinese vocabulary's lexeme attribute getters."""
    if vocab.lex_attr_getters.get(LIKE_NUM) is zh.like_num:
        vocab.lex_attr_getters[LIKE_NUM] = like_num
