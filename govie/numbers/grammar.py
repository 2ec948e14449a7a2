"""The amount grammar, built once from ``lexicon.json``.

One compiled expression describes every written amount of the genre:
an optional word modifier, an optional comparator symbol, a number (Arabic
or Chinese, possibly a range), an optional 余/多, an optional multiplier and
a unit, then an optional trailing modifier.  Recognition (finding amounts in
running text) and normalisation (turning one amount into a value) both use
this expression, so the two can never disagree.
"""
from __future__ import annotations

import json
from functools import lru_cache
from importlib import resources

import regex


def _alternation(words) -> str:
    """Longest first, so 万人次 wins over 万 and 及以上 over 以上."""
    return "|".join(regex.escape(w) for w in sorted(words, key=len, reverse=True))


@lru_cache(maxsize=1)
def lexicon() -> dict:
    with resources.files(__package__).joinpath("lexicon.json").open(encoding="utf-8") as fh:
        return json.load(fh)


ARABIC = r"\d+(?:,\d{3})*(?:\.\d+)?"


@lru_cache(maxsize=1)
def patterns() -> dict:
    lx = lexicon()
    cn = regex.escape(lx["chinese_digits"])
    # A Chinese numeral starts with a digit or 十 (十五); 万/亿/千 inside it are part of it.
    chinese = rf"[{regex.escape(lx['chinese_leading_digits'])}][{cn}]*"
    # A number never continues a code or another number (F3, PM2.5, 1,2); a minus
    # sign belongs to it only where no digit or letter stands before (-21.46, not 1-12).
    signed = rf"(?:[-−](?=\d))?(?:{ARABIC}|{chinese})"
    number = rf"(?<![0-9A-Za-z.,\-−]){signed}"
    comp = lx["comparators"]
    approx = lx["approximation"]
    prefix_words = list(comp["prefix_words"]) + approx["prefix_words"]
    suffix_words = list(comp["suffix_words"]) + approx["suffix_words"]
    symbols = _alternation(comp["symbols"])
    rate = _alternation(lx["rate_suffix"])
    money_units = _alternation(lx["currencies"])
    quantity_units = _alternation(lx["quantity_units"])
    percent_signs = _alternation(lx["percent_signs"])
    # 千 is a multiplier except in 千米/千克/千瓦, which are units of their own.
    multipliers = _alternation(lx["multipliers"]).replace("千", "千(?![米克瓦])")
    infix = _alternation(approx["infix_words"])
    # Spaces a PDF leaves between number and unit.  Line breaks are not allowed:
    # the clean view joins those that split an amount (reading/clean.py).
    ws = r"[ \t\u3000]{0,8}"  # bounded: an unbounded run is rescanned from each of its positions
    core = (
        rf"(?P<sym>{symbols})?{ws}"
        r"(?:"
        rf"(?P<pword>{_alternation(lx['percent_words'])}){ws}(?P<pnum>{number}|百)"
        rf"|(?P<tenths>{lx['tenths_percent']})"
        # 5万至10万元 and 60%～75%: the low end may repeat the multiplier or the sign.
        rf"|(?P<num>{number})(?:{ws}(?P<rsep_mult>{multipliers})?(?:{percent_signs})?"
        rf"{ws}(?P<rsep>{_alternation(lx['range_separators'])}){ws}(?P<num2>{signed}))?"
        rf"(?:{ws}(?P<infix>{infix}))?"
        # The unit may stand in brackets, as in a table cell 3,210.55（万元）.
        rf"(?:{ws}(?P<bracket>\()(?=[^()\n]{{1,6}}\)))?"
        rf"(?:{ws}(?P<mult>{multipliers}))?(?:{ws}(?P<infix2>{infix}))?"
        rf"(?:{ws}(?:(?P<pct>{percent_signs})|(?P<cur>{money_units})"
        rf"|(?P<qty>{quantity_units})(?:/(?P<rate>{rate}))?))?"
        r"(?(bracket)\))"
        r")"
    )
    full = (
        rf"(?P<prefix>{_alternation(prefix_words)})?{ws}"
        rf"(?P<core>{core})"
        rf"(?:{ws}(?P<suffix>{_alternation(suffix_words)}))?"
    )
    return {
        "number": regex.compile(number),
        "chinese": regex.compile(chinese),
        "core": regex.compile(core),
        # Recognition: an amount may not continue a code or a number (F3, PM2.5).
        "search": regex.compile(full),
        "full": regex.compile(full),
    }
