"""The amount grammar, built once from ``lexicon.json``.

One compiled expression describes every written amount of the genre:
an optional word modifier, an optional comparator symbol or currency sign, a
number (Arabic or Chinese, possibly a range), an optional 余/多, an optional
multiplier and a unit, then an optional trailing modifier.  Recognition
(finding amounts in running text) and normalisation (turning one amount into a
value) both use this expression, so the two can never disagree.

The expression reads a *folded* view of the text (:func:`fold`): full-width
forms made half-width and traditional characters simplified, one character for
one, so that match offsets are offsets into the text itself.

Every repetition is bounded (digits, numeral characters, spaces), and no two
optional runs of spaces stand side by side, so the cost of a match attempt is
bounded by a constant whatever the input: the search is linear in the text.
A number longer than the lexicon's limits is refused as a whole, never cut.
"""
from __future__ import annotations

import json
import re
from functools import lru_cache
from importlib import resources

import regex


def _alternation(words) -> str:
    """Longest first, so 万人次 wins over 万 and 及以上 over 以上."""
    return "|".join(regex.escape(w) for w in sorted(words, key=len, reverse=True))


def _words(mapping) -> list[str]:
    """The words of a lexicon mapping, without its ``_about`` note."""
    return [w for w in mapping if not w.startswith("_about")]


@lru_cache(maxsize=1)
def lexicon() -> dict:
    with resources.files(__package__).joinpath("lexicon.json").open(encoding="utf-8") as fh:
        return json.load(fh)


@lru_cache(maxsize=1)
def folding_table() -> dict[int, int]:
    """Full-width ASCII → ASCII, ideographic space → space, traditional → simplified."""
    table = {c: c - 0xFEE0 for c in range(0xFF01, 0xFF5F)}
    table[0x3000] = 0x20
    folding = lexicon()["folding"]
    table.update(str.maketrans(folding["traditional"], folding["simplified"]))
    return table


@lru_cache(maxsize=1)
def _foldable() -> re.Pattern:
    # A class of listed characters means the same to both engines; the standard library's
    # scans a long text for one of them ten times faster.
    return re.compile("[" + re.escape("".join(map(chr, folding_table()))) + "]")


@lru_cache(maxsize=1)
def folded_characters() -> dict[str, str]:
    """Each character :func:`fold` changes, and what it becomes."""
    return {chr(k): chr(v) for k, v in folding_table().items() if k != v}


@lru_cache(maxsize=1)
def _fold_plan() -> tuple[frozenset, dict[str, str]] | None:
    """The foldable characters and what each becomes, for :func:`fold`; None if one
    character's image is itself folded (replacing one by one would then chain)."""
    table = folded_characters()
    if any(v in table for v in table.values()):
        return None
    return frozenset(table), table


def fold(text: str) -> str:
    """The view the grammar reads: same length as ``text``, position for position."""
    if text.isascii():    # no ASCII character folds
        return text
    # Table cells and header words are folded again and again (a header per table, a
    # unit per column): the short ones are remembered.
    return _fold_short(text) if len(text) <= _SHORT else _fold(text)


_SHORT = 64


def _fold(text: str) -> str:
    plan = _fold_plan()
    if plan is None:
        return text.translate(folding_table()) if _foldable().search(text) else text
    # A text holds few distinct foldable characters (，（）：), often none (a cleaned text):
    # finding them and replacing each is far cheaper than a translate, which looks every
    # character up in the table.
    foldable, image = plan
    for ch in foldable.intersection(_foldable().findall(text)):
        text = text.replace(ch, image[ch])
    return text


_fold_short = lru_cache(maxsize=8192)(_fold)


# Spaces a PDF leaves inside an amount (`13259.41 万元`), never more than a few.
# Line breaks are not allowed: the clean view joins those that split an amount.
WS = r"[ \t\u3000]{0,8}"


def arabic_number(lx: dict | None = None, d: str = r"\d") -> str:
    """An Arabic number of at most ``limits`` digits; a longer run of digits matches nothing.
    ``d`` is the digit class (see :func:`_expression`)."""
    limits = (lx or lexicon())["limits"]
    integer, decimals = int(limits["integer_digits"]), int(limits["decimal_digits"])
    groups = max(1, (integer - 1) // 3)
    return (rf"(?:{d}{{1,3}}(?:,{d}{{3}}){{1,{groups}}}|{d}{{1,{integer}}})(?!{d})"
            rf"(?:\.{d}{{1,{decimals}}})?(?!{d}|\.{d})")


# The Arabic number as pattern text, for components that test a cell (tables/reconstruct.py).
ARABIC = arabic_number()


def _expression(lx: dict, d: str) -> tuple[str, str, str, str]:
    """The grammar as pattern text: (number, chinese, core, full).  ``d`` is the digit class,
    ``\\d`` for the ``regex`` module; ``[0-9]`` for the standard library's engine, which
    runs the search (see :func:`patterns`)."""
    limits = lx["limits"]
    arabic = arabic_number(lx, d)
    cn = regex.escape(lx["chinese_digits"])
    # A Chinese numeral starts with a digit or 十 (十五) where no numeral character
    # stands before it (万一 is a word); 万/亿/千 inside it are part of it.
    chinese = (rf"(?<![{cn}])[{regex.escape(lx['chinese_leading_digits'])}]"
               rf"[{cn}]{{0,{int(limits['chinese_numeral_chars']) - 1}}}(?![{cn}])")
    # A number never continues a code or another number (F3, PM2.5, 1,2); a minus
    # sign (or 负) belongs to it only where no digit or letter stands before (-21.46, not 1-12).
    minus = _alternation(lx["negative_signs"])
    signed = rf"(?:(?:{minus})(?={d}|[{regex.escape(lx['chinese_leading_digits'])}]))?(?:{arabic}|{chinese})"
    number = rf"(?<![0-9A-Za-z.\-−])(?<!{d},){signed}"
    comp = lx["comparators"]
    approx = lx["approximation"]
    prefix_words = list(comp["prefix_words"]) + approx["prefix_words"]
    suffix_words = list(comp["suffix_words"]) + approx["suffix_words"]
    symbols = _alternation(comp["symbols"])
    currency_signs = _alternation(_words(lx["currency_symbols"]))
    rate = _alternation(lx["rate_suffix"])
    money_units = _alternation(lx["currencies"])
    quantity_units = _alternation(lx["quantity_units"])
    percent_signs = _alternation(lx["percent_signs"])
    # 百 分 之2.4: a PDF may space out the characters of a percent word.
    percent_words = "|".join(r"[ \t]{0,2}".join(regex.escape(ch) for ch in w)
                             for w in sorted(_words(lx["percent_words"]), key=len, reverse=True))
    # 千 is a multiplier except in 千米/千克/千瓦, which are units of their own.
    multipliers = _alternation(lx["multipliers"]).replace("千", "千(?![米克瓦])")
    infix = _alternation(approx["infix_words"])
    tenths = lx["tenths"]
    tenth_digits = regex.escape(tenths["digits"])
    # 七成, 9成, 7.5成, 三成半, 七成六; never 成功, 成本, 一成不变.
    tenths_pattern = (
        rf"(?<![0-9A-Za-z.{cn}])(?<!{d},)(?P<tnum>[{tenth_digits}]|{d}{{1,2}}(?:\.{d}{{1,2}})?(?!{d}))成"
        rf"(?P<textra>{regex.escape(tenths['half'])}|[一二三四五六七八九](?![{cn}]))?"
        rf"(?![{regex.escape(tenths['not_before'])}])"
    )
    ws = WS
    core = (
        rf"(?:(?P<sym>{symbols}){ws})?"
        r"(?:"
        rf"(?P<pword>{percent_words}){ws}(?P<pnum>{number}|百)"
        rf"|(?P<tenths>{tenths_pattern})"
        # $20, ￥300万: a currency sign before the number.
        rf"|(?:(?P<csym>{currency_signs}){ws})?"
        # 5万至10万元 and 60%～75%: the low end may repeat the multiplier or the sign.
        rf"(?P<num>{number})(?:(?:{ws}(?P<rsep_mult>{multipliers}))?(?:{ws}(?:{percent_signs}))?"
        rf"{ws}(?P<rsep>{_alternation(lx['range_separators'])}){ws}(?P<num2>{signed}))?"
        rf"(?:{ws}(?P<infix>{infix}))?"
        # The unit may stand in brackets, as in a table cell 3,210.55（万元）.
        rf"(?:{ws}(?P<bracket>\()(?=[^()\n]{{1,6}}\)))?"
        rf"(?:{ws}(?P<mult>{multipliers}))?(?:{ws}(?P<infix2>{infix}))?"
        rf"(?:{ws}(?:(?P<pct>{percent_signs})|(?P<cur>{money_units})"
        rf"|(?P<qty>{quantity_units})(?:/(?P<rate>{rate}))?))?"
        rf"(?(bracket){ws}\))"
        r")"
    )
    full = (
        rf"(?:(?P<prefix>{_alternation(prefix_words)}){ws})?"
        rf"(?P<core>{core})"
        rf"(?:{ws}(?P<suffix>{_alternation(suffix_words)}))?"
    )
    return number, chinese, core, full


# Digits other than 0-9 (Arabic-Indic, Devanagari …), as the ``regex`` module knows them.
_OTHER_DIGIT = regex.compile(r"[^\D0-9]")


@lru_cache(maxsize=1)
def patterns() -> dict:
    number, chinese, core, full = _expression(lexicon(), r"\d")
    compiled = regex.compile(full)
    return {
        "number": regex.compile(number),
        "chinese": regex.compile(chinese),
        "core": regex.compile(core),
        "search": compiled,
        "full": compiled,
    }


@lru_cache(maxsize=1)
def _fast_search() -> re.Pattern:
    # The same expression for the standard library's engine, which finds its matches in
    # half the time of the ``regex`` module's (whose match costs a few microseconds).  Its
    # digit is 0-9, and the two ``\\d`` differ in their Unicode versions anyway: it only reads
    # texts without other digits, where the two expressions are one.  A lookahead on the
    # characters a match can start with lets that engine pass every other position at once.
    lx = lexicon()
    full = _expression(lx, "[0-9]")[3]
    return re.compile(rf"(?=[0-9{re.escape(''.join(sorted(_first_characters(lx))))}])" + full)


def _first_characters(lx: dict) -> set[str]:
    """Every character other than a digit a match can start with: the first characters of
    the words and signs that may open an amount, and the Chinese numerals."""
    comp, approx = lx["comparators"], lx["approximation"]
    openers = (list(comp["prefix_words"]) + approx["prefix_words"] + list(comp["symbols"])
               + _words(lx["currency_symbols"]) + _words(lx["percent_words"]) + lx["negative_signs"])
    return {w[0] for w in openers} | set(lx["chinese_leading_digits"]) | set(lx["tenths"]["digits"])


def search_amounts(folded: str):
    """Every match of the amount grammar in a folded text, in order (``finditer``)."""
    if _OTHER_DIGIT.search(folded) is None:
        return _fast_search().finditer(folded)
    return patterns()["search"].finditer(folded)
