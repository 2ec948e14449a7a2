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

from .grammar import fold, lexicon, patterns

__all__ = ["Measure", "parse_number", "parse_amount", "measure_from_match", "find_amounts", "fold"]

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


def _decimal(number: str) -> Decimal | None:
    """An Arabic or Chinese numeral as a Decimal; None if it is not a number of the genre.

    Numbers longer than the lexicon's limits (say, 35 digits) are refused, not read.
    """
    text = fold(number).replace(",", "").replace(" ", "").replace("−", "-")
    if text.startswith("负"):
        text = "-" + text[1:]
    if not text or len(text) > _MAX_NUMERAL_CHARS:
        return None
    if _PLAIN_ARABIC.fullmatch(text):
        return Decimal(text)
    sign, digits = (-1, text[1:]) if text.startswith("-") else (1, text)
    if not digits or any("0" <= ch <= "9" for ch in digits):
        # An Arabic number with 万 is not a number but an amount: the grammar reads it.
        return None
    try:
        return sign * Decimal(str(cn2an.cn2an(digits, "normal")))
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


def parse_number(text: str) -> float | None:
    """``"82,912.04"`` → 82912.04, ``"三百七十"`` → 370.0, ``"１２"`` → 12.0; None if not a number."""
    d = _decimal(text.strip())
    return None if d is None else _to_float(d)


def _comparator(g: dict) -> str | None:
    comp = lexicon()["comparators"]
    if g["sym"]:
        return comp["symbols"].get(g["sym"])
    if g["suffix"] in comp["suffix_words"]:
        return comp["suffix_words"][g["suffix"]]
    if g["prefix"] in comp["prefix_words"]:
        return comp["prefix_words"][g["prefix"]]
    return None


def _approximate(m, g: dict) -> bool:
    approx = lexicon()["approximation"]
    prefix = g["prefix"]
    if prefix in approx["prefix_words"]:
        # 节约 and 附近 are words, not 约 and 近 before a number.
        at = m.start("prefix")
        before = m.string[at - 1:at] if at else ""
        if not before or before not in approx["not_after"].get(prefix, ""):
            return True
    return bool(g["infix"] or g["infix2"]) or g["suffix"] in approx["suffix_words"]


def measure_from_match(m) -> Measure | None:
    """Normalise one match of the amount grammar (see grammar.py)."""
    with localcontext(_DECIMAL):
        return _measure(m, m.groupdict())


def _tenths(g: dict) -> Decimal | None:
    """七成 → 70, 7.5成 → 75, 三成半 → 35, 七成六 → 76 (per cent)."""
    d = _decimal(g["tnum"])
    if d is None:
        return None
    extra = g["textra"]
    if extra:
        d += Decimal(5 if extra == lexicon()["tenths"]["half"] else _decimal(extra)) / 10
    return d * 10


def _measure(m, g: dict) -> Measure | None:
    lx = lexicon()
    comparator, approximate = _comparator(g), _approximate(m, g)
    if g["pword"]:
        word = "".join(g["pword"].split())   # 百 分 之 → 百分之
        d = Decimal(100) if g["pnum"] == "百" else _decimal(g["pnum"])
        if d is None:
            return None
        per_cent = d * Decimal(str(lx["percent_words"][word]))
        return Measure("PERCENT", _to_float(per_cent), "%", None, comparator, approximate)
    if g["tenths"]:
        d = _tenths(g)
        return None if d is None else Measure("PERCENT", _to_float(d), "%", None, comparator, approximate)
    low = _decimal(g["num"])
    high = _decimal(g["num2"]) if g["num2"] else None
    if low is None or (g["num2"] and high is None):
        return None
    multipliers = lx["multipliers"]
    scale = Decimal(multipliers[g["mult"]]) if g["mult"] else Decimal(1)
    low_scale = Decimal(multipliers[g["rsep_mult"]]) if g["rsep_mult"] else scale
    pct = g["pct"]
    if pct:
        sign_value = Decimal(str(lx["percent_sign_values"].get(pct, 1)))   # ‰ is a tenth of %
        scale, low_scale = scale * sign_value, low_scale * sign_value
    value = _to_float(low * low_scale)
    value_max = _to_float(high * scale) if high is not None else None
    if pct:
        unit = lx["percent_point_unit"] if pct in lx["percent_point_signs"] else "%"
        return Measure("PERCENT", value, unit, None, comparator, approximate, value_max)
    if g["cur"] or g["csym"]:
        # A word after the number names the currency (￥300元, $5万美元); else the sign does.
        currency = lx["currencies"][g["cur"]] if g["cur"] else lx["currency_symbols"][g["csym"]]
        unit = "元" if currency == "CNY" else (g["cur"] or currency)
        return Measure("MONEY", value, unit, currency, comparator, approximate, value_max)
    if g["qty"]:
        unit = g["qty"] + (f"/{g['rate']}" if g["rate"] else "")
        return Measure("QUANTITY", value, unit, None, comparator, approximate, value_max)
    return Measure(None, value, None, None, comparator, approximate, value_max)


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
    measure = measure_from_match(m)
    if measure is not None and measure.kind is None and default_money_factor:
        measure = measure.as_money(default_money_factor)
    return measure


_MAX_CELL_CHARS = 10_000


def find_amounts(text: str) -> tuple:
    """Every grammar match in ``text`` with its measure: (match, Measure) pairs, bare numbers included.

    The matches are made on the folded view (``fold(text)``, same offsets), which is
    ``m.string``.  The amount recogniser and table money read the same text one after
    the other, so the last few results are kept: the grammar runs once per text.
    """
    return _find_amounts(text)


@lru_cache(maxsize=2)
def _find_amounts(text: str) -> tuple:
    found = []
    for m in patterns()["search"].finditer(fold(text)):
        if not m.group("core").strip():
            continue
        measure = measure_from_match(m)
        if measure is not None:
            found.append((m, measure))
    return tuple(found)
