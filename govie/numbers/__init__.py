"""The one number-and-unit normaliser every govie component uses.

``parse_amount("≥80分/月")``, ``parse_amount("13259.41 万元")`` and the
recogniser's matches in running text all end up in :func:`measure_from_match`,
so a value is computed in exactly one place.
"""
from __future__ import annotations

from dataclasses import dataclass, replace
from decimal import Context, Decimal, InvalidOperation, localcontext

import cn2an

from .grammar import lexicon, patterns

__all__ = ["Measure", "parse_number", "parse_amount", "measure_from_match", "find_amounts"]

# Our own precision: another library may lower the global decimal context, and a
# 13-digit yuan amount must still be exact.
_DECIMAL = Context(prec=40)

_FULLWIDTH = {c: c - 0xFEE0 for c in range(0xFF01, 0xFF5F)}
_FULLWIDTH[0x3000] = 0x20


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
    with localcontext(_DECIMAL):
        return float(round(d, 6))


# More integer digits than any amount ever written (10^18 yuan): a longer run is
# an identifier or noise, refused as a number rather than overflowing the context.
_MAX_INTEGER_DIGITS = 18


def _decimal(number: str) -> Decimal | None:
    """An Arabic or Chinese numeral as a Decimal; None if it is not a (plausible) number."""
    d = _any_decimal(number)
    if d is None or not d.is_finite() or d.adjusted() >= _MAX_INTEGER_DIGITS:
        return None
    return d


def _any_decimal(number: str) -> Decimal | None:
    text = number.translate(_FULLWIDTH).replace(",", "").replace(" ", "").replace("−", "-")
    if not text:
        return None
    try:
        return Decimal(text)
    except InvalidOperation:
        pass
    sign, digits = (-1, text[1:]) if text.startswith("-") else (1, text)
    try:
        return sign * Decimal(str(cn2an.cn2an(digits, "normal")))
    except (ValueError, KeyError, IndexError, TypeError):
        pass
    # 二千三百四十五点六七万: cn2an reads no decimal before a multiplier; apply it here.
    # (An Arabic number with 万 is not a number but an amount: the grammar reads it.)
    multipliers = lexicon()["multipliers"]
    if any("0" <= ch <= "9" for ch in digits):
        return None
    for mult in sorted(multipliers, key=len, reverse=True):
        if digits.endswith(mult) and len(digits) > len(mult):
            head = _decimal(digits[:-len(mult)])
            if head is not None:
                with localcontext(_DECIMAL):
                    return sign * head * Decimal(multipliers[mult])
    return None


def parse_number(text: str) -> float | None:
    """``"82,912.04"`` → 82912.04, ``"三百七十"`` → 370.0, ``"１２"`` → 12.0; None if not a number."""
    d = _decimal(text.strip())
    return None if d is None else _to_float(d)


def _comparator(m) -> str | None:
    comp = lexicon()["comparators"]
    if m.group("sym"):
        return comp["symbols"].get(m.group("sym"))
    if m.group("suffix") in comp["suffix_words"]:
        return comp["suffix_words"][m.group("suffix")]
    if m.group("prefix") in comp["prefix_words"]:
        return comp["prefix_words"][m.group("prefix")]
    return None


def _approximate(m) -> bool:
    approx = lexicon()["approximation"]
    prefix = m.group("prefix")
    if prefix in approx["prefix_words"]:
        # 节约 and 附近 are words, not 约 and 近 before a number.
        before = m.string[m.start("prefix") - 1:m.start("prefix")]
        if not before or before not in approx["not_after"].get(prefix, ""):
            return True
    return bool(m.group("infix") or m.group("infix2")) or m.group("suffix") in approx["suffix_words"]


def measure_from_match(m) -> Measure | None:
    """Normalise one match of the amount grammar (see grammar.py)."""
    with localcontext(_DECIMAL):
        return _measure(m)


def _measure(m) -> Measure | None:
    lx = lexicon()
    comparator, approximate = _comparator(m), _approximate(m)
    if m.group("pword"):
        d = Decimal(100) if m.group("pnum") == "百" else _decimal(m.group("pnum"))
        if d is None:
            return None
        per_cent = d * Decimal(str(lx["percent_words"][m.group("pword")]))
        return Measure("PERCENT", _to_float(per_cent), "%", None, comparator, approximate)
    if m.group("tenths"):
        d = _decimal(m.group("tenths")[0])
        return Measure("PERCENT", _to_float(d * 10), "%", None, comparator, approximate)
    low, high = _decimal(m.group("num")), _decimal(m.group("num2")) if m.group("num2") else None
    if low is None:
        return None
    multipliers = lx["multipliers"]
    scale = Decimal(multipliers[m.group("mult")]) if m.group("mult") else Decimal(1)
    low_scale = Decimal(multipliers[m.group("rsep_mult")]) if m.group("rsep_mult") else scale
    value = _to_float(low * low_scale)
    value_max = _to_float(high * scale) if high is not None else None
    if m.group("pct"):
        unit = "百分点" if m.group("pct") in lx["percent_point_signs"] else "%"
        return Measure("PERCENT", value, unit, None, comparator, approximate, value_max)
    if m.group("cur"):
        currency = lx["currencies"][m.group("cur")]
        unit = "元" if currency == "CNY" else m.group("cur")
        return Measure("MONEY", value, unit, currency, comparator, approximate, value_max)
    if m.group("qty"):
        unit = m.group("qty") + (f"/{m.group('rate')}" if m.group("rate") else "")
        return Measure("QUANTITY", value, unit, None, comparator, approximate, value_max)
    return Measure(None, value, None, None, comparator, approximate, value_max)


def parse_amount(text: str, default_money_factor: float | None = None) -> Measure | None:
    """Normalise a whole written amount such as a table cell.

    ``parse_amount("10万人次")`` → QUANTITY 100000 人次; ``parse_amount("90%以上")`` →
    PERCENT 90 with comparator ``>=``.  A bare number becomes money when the
    caller knows the column's unit (``default_money_factor=10000`` for 万元).
    Returns None when the text is not one amount.
    """
    cleaned = " ".join(text.translate(_FULLWIDTH).split())  # a cell may wrap across lines
    m = patterns()["full"].fullmatch(cleaned)
    if not m:
        return None
    measure = measure_from_match(m)
    if measure is not None and measure.kind is None and default_money_factor:
        measure = measure.as_money(default_money_factor)
    return measure


def find_amounts(text: str):
    """Every grammar match in ``text`` with its measure: (match, Measure) pairs, bare numbers included."""
    for m in patterns()["search"].finditer(text):
        if not m.group("core").strip():
            continue
        measure = measure_from_match(m)
        if measure is not None:
            yield m, measure
