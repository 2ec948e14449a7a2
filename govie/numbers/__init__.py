"""The one number-and-unit normaliser every govie component uses.

``parse_amount("≥80分/月")``, ``parse_amount("13259.41 万元")`` and the
recogniser's matches in running text all end up in :func:`measure_from_match`,
so a value is computed in exactly one place.
"""
from __future__ import annotations

from dataclasses import dataclass, replace
from functools import lru_cache
from decimal import Context, Decimal, InvalidOperation, localcontext

import cn2an
import regex

from .grammar import fold, lexicon, patterns, search_amounts

__all__ = ["Measure", "parse_number", "parse_amount", "measure_from_match", "find_amounts", "group_positions", "fold"]

# Our own precision: another library may lower the global decimal context, and a
# 13-digit yuan amount must still be exact.
_DECIMAL = Context(prec=40)

@dataclass(frozen=True)
class Measure:
    """A normalised amount. ``kind`` is MONEY, PERCENT, QUANTITY, or None for a bare number."""

    kind: str | None
    value: float | None
    unit: str | None
    currency: str | None = None
    comparator: str | None = None
    approximate: bool = False
    value_max: float | None = None

    def as_money(self, factor: float = 1.0, currency: str = "CNY") -> "Measure":
        """Read a bare number as money in a declared unit (a table's 单位：万元 is factor 10000)."""
        scale = Decimal(str(factor))
        def scaled(v):
            with localcontext(_DECIMAL):
                return None if v is None else _to_float(Decimal(str(v)) * scale)
        unit = "元" if currency == "CNY" else self.unit
        return replace(self, kind="MONEY", value=scaled(self.value), value_max=scaled(self.value_max),
                       unit=unit, currency=currency)

    def to_dict(self) -> dict:
        out = {"value": self.value, "unit": self.unit, "comparator": self.comparator}
        return out


def _to_float(d: Decimal) -> float:
    # Money and rates are written with at most a few decimals; rounding drops binary noise.
    try:
        return float(round(d, 6))
    except InvalidOperation:   # more digits than the context holds: no amount is that long
        return float(d)


_PLAIN_ARABIC = regex.compile(r"-?\d{1,20}(?:\.\d{1,12})?")


# More integer digits than any amount ever written (10^18 yuan): a longer run is
# an identifier or noise, refused as a number rather than overflowing the context.
_MAX_INTEGER_DIGITS = 18


def _decimal(number: str) -> Decimal | None:
    """An Arabic or Chinese numeral as a Decimal; None if it is not a number of the genre.

    Numbers longer than the lexicon's limits (say, 35 digits) are refused, not read.
    """
    text = (number if number.isascii() else fold(number)).replace(",", "").replace(" ", "").replace("−", "-")
    if text.startswith("负"):
        text = "-" + text[1:]
    if not text or len(text) > _MAX_NUMERAL_CHARS:
        return None
    if _PLAIN_ARABIC.fullmatch(text):
        return Decimal(text)
    sign, digits = (-1, text[1:]) if text.startswith("-") else (1, text)
    single = lexicon()["chinese_digit_values"].get(digits) if len(digits) == 1 else None
    if single is not None:
        return Decimal(sign * single)
    if not digits or any("0" <= ch <= "9" for ch in digits):
        # An Arabic number with 万 is not a number but an amount: the grammar reads it.
        return None
    try:
        d = Decimal(str(cn2an.cn2an(digits, "normal")))
        # 一一一…: a run of numerals read digit by digit can be longer than any amount.
        return sign * d if d.is_finite() and d.adjusted() < _integer_digits() else None
    except (ValueError, KeyError, IndexError, TypeError, InvalidOperation):
        pass
    # 二千三百四十五点六七万: cn2an reads no decimal before a multiplier; apply it here.
    multipliers = lexicon()["multipliers"]
    for mult in sorted(multipliers, key=len, reverse=True):
        if digits.endswith(mult) and len(digits) > len(mult):
            head = _decimal(digits[:-len(mult)])
            if head is not None:
                with localcontext(_DECIMAL):
                    return sign * head * Decimal(multipliers[mult])
    return None


_MAX_NUMERAL_CHARS = 40


def _integer_digits() -> int:
    return int(lexicon()["limits"]["integer_digits"])


def parse_number(text: str) -> float | None:
    """``"82,912.04"`` → 82912.04, ``"三百七十"`` → 370.0, ``"１２"`` → 12.0; None if not a number."""
    d = _decimal(text.strip())
    return None if d is None else _to_float(d)


def _comparator(sym, prefix, suffix) -> str | None:
    comp = lexicon()["comparators"]
    if sym:
        return comp["symbols"].get(sym)
    if suffix in comp["suffix_words"]:
        return comp["suffix_words"][suffix]
    if prefix in comp["prefix_words"]:
        return comp["prefix_words"][prefix]
    return None


def _approximate(m, prefix, infix, infix2, suffix) -> bool:
    approx = lexicon()["approximation"]
    if prefix in approx["prefix_words"]:
        # 节约 and 附近 are words, not 约 and 近 before a number.
        at = m.start("prefix")
        before = m.string[at - 1:at] if at else ""
        if not before or before not in approx["not_after"].get(prefix, ""):
            return True
    return bool(infix or infix2) or suffix in approx["suffix_words"]


class AmountMatch:
    """A match of the amount grammar whose groups are read by name quickly.

    (The ``regex`` module builds its name table on every ``group(name)`` call, which
    cost more than the search itself; here the groups are read once.)  It offers the
    part of the match API the components use: ``group``, ``span``, ``start``, ``end``,
    ``string``.
    """

    __slots__ = ("_match", "_groups", "_index")

    def __init__(self, match, index: dict[str, int]):
        self._match, self._groups, self._index = match, match.groups(), index

    @property
    def string(self) -> str:
        return self._match.string

    def group(self, name=0):
        if name == 0:
            return self._match.group(0)
        return self._groups[(self._index[name] if isinstance(name, str) else name) - 1]

    def span(self, name=0) -> tuple[int, int]:
        return self._match.span(self._index[name] if isinstance(name, str) else name)

    def start(self, name=0) -> int:
        return self.span(name)[0]

    def end(self, name=0) -> int:
        return self.span(name)[1]

    def groupdict(self) -> dict:
        return dict(zip(self._index, self._groups))

    def groups(self) -> tuple:
        """Every group in order, as ``Match.groups()``; index them with :func:`group_positions`."""
        return self._groups


def group_positions(*names: str) -> tuple[int, ...]:
    """Where the named groups of the amount grammar stand in ``AmountMatch.groups()``."""
    index = _group_index()
    return tuple(index[name] - 1 for name in names)


@lru_cache(maxsize=1)
def _group_index() -> dict[str, int]:
    # In group order, so that zip(index, groups) pairs each name with its group.
    return dict(sorted(patterns()["search"].groupindex.items(), key=lambda item: item[1]))


# The groups measure_from_match reads, in this order, by their place in ``match.groups()``
# (indexing the tuple is much cheaper than a dict of every group per match).
_READ = ("sym", "prefix", "suffix", "infix", "infix2", "pword", "tenths", "pct", "num", "mult",
         "rsep_mult", "num2", "cur", "csym", "qty", "rate", "core")


@lru_cache(maxsize=1)
def _positions() -> tuple[int, ...]:
    index = _group_index()
    return tuple(index[name] - 1 for name in _READ)


# An Arabic number float() reads exactly as the Decimal route would (at most 15
# digits and 6 decimals): most matches are such numbers, at a tenth of the cost.
_SIMPLE = regex.compile(r"-?(?:\d{1,3}(?:,\d{3})+|\d{1,15})(?:\.\d{1,6})?")


def measure_from_match(m) -> Measure | None:
    """Normalise one match of the amount grammar (see grammar.py)."""
    if not isinstance(m, AmountMatch):
        m = AmountMatch(m, _group_index())
    groups = m._groups
    (SYM, PREFIX, SUFFIX, INFIX, INFIX2, PWORD, TENTHS, PCT, NUM, MULT,
     RSEP_MULT, NUM2, CUR, CSYM, QTY, RATE, _) = _positions()
    if groups.count(None) == len(groups) - 2:    # only the core and one number: a bare number
        number = groups[NUM]
        if number is not None and _SIMPLE.fullmatch(number):
            return Measure(None, float(number.replace(",", "")), None)
    sym, prefix, suffix, infix, infix2 = groups[SYM], groups[PREFIX], groups[SUFFIX], groups[INFIX], groups[INFIX2]
    comparator = _comparator(sym, prefix, suffix) if (sym or prefix or suffix) else None
    approximate = _approximate(m, prefix, infix, infix2, suffix) if (prefix or infix or infix2 or suffix) else False
    if groups[PWORD] or groups[TENTHS]:
        g = m.groupdict()
        with localcontext(_DECIMAL):
            per_cent = _percent_word(g) if g["pword"] else _tenths(g)
        return None if per_cent is None else \
            Measure("PERCENT", _to_float(per_cent), "%", None, comparator, approximate)
    lx = lexicon()
    pct = groups[PCT]
    number = groups[NUM]
    if not (groups[MULT] or groups[RSEP_MULT] or groups[NUM2] or pct in lx["percent_sign_values"]) \
            and _SIMPLE.fullmatch(number):
        value, value_max = float(number.replace(",", "")), None
    else:
        with localcontext(_DECIMAL):
            values = _scaled_values(m.groupdict(), lx)
        if values is None:
            return None
        value, value_max = values
    if pct:
        unit = lx["percent_point_unit"] if pct in lx["percent_point_signs"] else "%"
        return Measure("PERCENT", value, unit, None, comparator, approximate, value_max)
    cur, csym = groups[CUR], groups[CSYM]
    if cur or csym:
        # A word after the number names the currency (￥300元, $5万美元); else the sign does.
        word = cur or lx["currency_symbols"][csym]
        currency = lx["currencies"][word]
        unit = "元" if currency == "CNY" else word
        return Measure("MONEY", value, unit, currency, comparator, approximate, value_max)
    qty = groups[QTY]
    if qty:
        rate = groups[RATE]
        unit = qty + (f"/{rate}" if rate else "")
        return Measure("QUANTITY", value, unit, None, comparator, approximate, value_max)
    return Measure(None, value, None, None, comparator, approximate, value_max)


def _percent_word(g: dict) -> Decimal | None:
    """百分之九十 → 90, 千分之二 → 0.2, 万分之五 → 0.05 (per cent)."""
    word = "".join(g["pword"].split())   # 百 分 之 → 百分之
    d = Decimal(100) if g["pnum"] == "百" else _decimal(g["pnum"])
    return None if d is None else d * Decimal(str(lexicon()["percent_words"][word]))


def _tenths(g: dict) -> Decimal | None:
    """七成 → 70, 7.5成 → 75, 三成半 → 35, 七成六 → 76 (per cent)."""
    d = _decimal(g["tnum"])
    if d is None:
        return None
    extra = g["textra"]
    if extra:
        d += Decimal(5 if extra == lexicon()["tenths"]["half"] else _decimal(extra)) / 10
    return d * 10


def _scaled_values(g: dict, lx: dict) -> tuple[float, float | None] | None:
    """The number (and a range's upper end) times its multiplier and the sign's worth."""
    low = _decimal(g["num"])
    high = _decimal(g["num2"]) if g["num2"] else None
    if low is None or (g["num2"] and high is None):
        return None
    multipliers = lx["multipliers"]
    scale = Decimal(multipliers[g["mult"]]) if g["mult"] else Decimal(1)
    low_scale = Decimal(multipliers[g["rsep_mult"]]) if g["rsep_mult"] else scale
    if g["pct"]:
        sign_value = Decimal(str(lx["percent_sign_values"].get(g["pct"], 1)))   # ‰ is a tenth of %
        scale, low_scale = scale * sign_value, low_scale * sign_value
    return _to_float(low * low_scale), (_to_float(high * scale) if high is not None else None)


def parse_amount(text: str, default_money_factor: float | None = None) -> Measure | None:
    """Normalise a whole written amount such as a table cell.

    ``parse_amount("10万人次")`` → QUANTITY 100000 人次; ``parse_amount("90%以上")`` →
    PERCENT 90 with comparator ``>=``.  A bare number becomes money when the
    caller knows the column's unit (``default_money_factor=10000`` for 万元).
    Returns None when the text is not one amount.
    """
    if len(text) > _MAX_CELL_CHARS:   # no written amount is this long
        return None
    cleaned = " ".join(fold(text).split())  # a cell may wrap across lines
    m = patterns()["full"].fullmatch(cleaned)
    if not m:
        return None
    measure = measure_from_match(AmountMatch(m, _group_index()))
    if measure is not None and measure.kind is None and default_money_factor:
        measure = measure.as_money(default_money_factor)
    return measure


_MAX_CELL_CHARS = 10_000


def find_amounts(text: str) -> tuple:
    """Every grammar match in ``text`` with its measure: (match, Measure) pairs, bare numbers included.

    The matches are made on the folded view (``fold(text)``, same offsets), which is
    ``m.string``.  The amount recogniser and table money read the same text one after
    the other, so the last result is kept: the grammar runs once per text.
    """
    return _find_amounts(text)


# The measure of each match key seen (see _find_amounts), over texts; emptied when it grows past
# the bound, so a long run of reports keeps it small.
_MEASURES: dict = {}
_MEASURES_KEPT = 1 << 14


@lru_cache(maxsize=1)   # the amount recogniser, then table money, on the same text
def _find_amounts(text: str) -> tuple:
    found = []
    index = _group_index()
    positions = _positions()
    prefix, core = positions[1], positions[-1]
    # Texts repeat their amounts (1个, 100%, 10分): a match with the same groups has the same
    # measure (Measure is frozen), except that a prefix word is read with the character before it.
    known = _MEASURES
    if len(known) > _MEASURES_KEPT:
        known.clear()
    for raw in search_amounts(fold(text)):
        m = AmountMatch(raw, index)
        groups = m._groups
        if not groups[core].strip():
            continue
        if groups[prefix] is None:
            key = groups
        else:
            at = raw.start(prefix + 1)
            key = (groups, raw.string[at - 1:at] if at else "")
        if key in known:
            measure = known[key]
        else:
            measure = known[key] = measure_from_match(m)
        if measure is not None:
            found.append((m, measure))
    return tuple(found)
