"""Values of indicators, taken from the amount mentions already on the Doc.

A number is parsed once: where the amount recogniser (or the bare-money recogniser) left a
mention, its measure is the value — with its unit, comparator, currency, approximation and
range.  Only a cell the recognisers left without a mention (a bare ``1200`` under a name
that carries its unit, a ``≥12`` with no unit) is read by the normaliser here, once.
"""
from __future__ import annotations

from functools import lru_cache

import regex

from ..amounts.rules import amount_rules
from ..mentions import Mention, mentions_within
from ..numbers import parse_amount
from ..numbers.grammar import lexicon
from ..tables import Cell, vocabulary
from .model import Value, plain

AMOUNT_LABELS = frozenset({"MONEY", "PERCENT", "QUANTITY"})
# A unit and a comparator a name carries in brackets: 猪舍面积(≥**平方米), 项目资金(万元), 时长(≤3天).
NAME_UNIT = regex.compile(r"[(（]\s{0,3}(?P<cmp>[≥≤＞＜><=＝≧≦]{0,2})\s{0,3}(?:\*{1,4}|[xX×]{1,4}|\d{0,8})?"
                          r"\s{0,3}(?P<unit>[^\d\s()（）*]{1,6}?)\s{0,3}[)）]\s{0,3}$")
TRAILING_NUMBER = regex.compile(r"(?<![\d.])[-−]?\d{1,12}(?:\.\d{1,6})?(?=\s{0,3}$)")
_HAN = regex.compile(r"\p{Han}")
_BARE_FIGURES = regex.compile(r"[-−]?[\d.,]{1,20}")
_NOT_IN_A_NAME = regex.compile(r"[\d,，。;；!?！？]")
_WRITTEN_NUMBER = regex.compile(r"\d[\d,]{0,15}(?:\.\d{1,6})?")
SYMBOLS = {"≥": ">=", "≧": ">=", "≤": "<=", "≦": "<=", ">": ">", "＞": ">", "<": "<", "＜": "<", "=": "=", "＝": "="}


@lru_cache(maxsize=4)
def _counted_noun(max_chars: int) -> regex.Pattern:
    """What a counted amount counts (5个社区 → 社区): a few Chinese characters."""
    return regex.compile(r"\p{Han}{1,%d}" % max_chars)


@lru_cache(maxsize=1)   # the lexicon is read once; one Values per Doc asked for these again
def _modifier_words() -> tuple[frozenset[str], frozenset[str]]:
    numbers = lexicon()
    before = set(numbers["comparators"]["prefix_words"]) | set(numbers["approximation"]["prefix_words"])
    after = set(numbers["comparators"]["suffix_words"]) | set(numbers["approximation"]["suffix_words"])
    return frozenset(before), frozenset(after)


class Values:
    """Turns a cell or a mention into a :class:`Value`; one per Doc."""

    def __init__(self, text: str, mentions: list[Mention]):
        self.text = text
        self.mentions = [m for m in mentions if m.label in AMOUNT_LABELS]
        self.starts = [m.start for m in self.mentions]
        self.before_words, self.after_words = _modifier_words()

    def inside(self, start: int, end: int) -> list[Mention]:
        return mentions_within(self.mentions, self.starts, start, end)

    def _only_modifiers(self, before: str, after: str) -> bool:
        """Whether the words around an amount in a cell only qualify it (不低于 …, … 以上)."""
        before, after = plain(before), plain(after)
        return (not before or before in self.before_words or all(ch in SYMBOLS for ch in before)) and (
            not after or after in self.after_words)

    def of_cell(self, cell: Cell | None, name_unit: tuple[str | None, str | None] | None = None) -> Value | None:
        """A table cell as a value: one amount (``≥80分/月``, ``10万人次``, ``540万``), an amount and
        what it counts (``5个社区``), or the words as written (``良好``, ``每季度1场``).
        ``name_unit``, (comparator, unit) from the row's name, gives a bare number its unit."""
        if cell is None or not cell:
            return None
        found = self.inside(cell.start, cell.end)
        if len(found) == 1:
            m = found[0]
            before, after = self.text[cell.start:m.start], self.text[m.end:cell.end]
            if self._only_modifiers(before, after):
                comparator = m.measure.comparator or _comparator_word(plain(before) + plain(after))
                return Value.of_measure(cell.start, cell.end, cell.text, m.measure, comparator)
            if not plain(before) and _counted_noun(vocabulary().value_noun_max).fullmatch(plain(after)):
                # 5个社区: the value is the amount; what it counts stays outside.
                return Value.of_measure(cell.start, m.end, self.text[cell.start:m.end], m.measure)
        if found:
            return Value(cell.start, cell.end, cell.text)
        # No mention: a bare number (or one the recognisers do not take alone), read once here.
        words = plain(cell.text)
        unit = name_unit[1] if name_unit else None
        measure = parse_amount(words + unit) if unit and _BARE_FIGURES.fullmatch(words) else None
        if measure is None:
            measure = parse_amount(words)
        if measure is None:
            duration = _duration(words)
            if duration is not None:
                value, unit, cmp = duration
                return Value(cell.start, cell.end, cell.text, value, unit, cmp, "QUANTITY")
            counted = vocabulary().split_counted(cell.text)
            if counted is None:
                return Value(cell.start, cell.end, cell.text)
            end = cell.start + counted[1]
            return Value.of_measure(cell.start, end, self.text[cell.start:end], counted[0])
        return Value.of_measure(cell.start, cell.end, cell.text, measure)

    def of_mention(self, mention: Mention, start: int | None = None, end: int | None = None) -> Value:
        """A mention in running text, widened to the comparator words around it (不低于 95%, 90%以上)."""
        start = mention.start if start is None else start
        end = mention.end if end is None else end
        words = self.text[start:end]
        # Only the words inside the span compare (90%以上, ≥95%); a link before it (达到) does not.
        value = Value.of_measure(start, end, words, mention.measure)
        value.comparator = _comparator_word(plain(words))
        return value

    def statement(self, cell: Cell, links: tuple[str, ...]):
        """A cell that is one statement, ``拆除完成率100%`` or ``签约率达100%``: (name cell, value),
        the amount ending the cell; None when the cell says more than that."""
        found = self.inside(cell.start, cell.end)
        if found:
            last_start, last_end = found[-1].start, found[-1].end
        else:                                # a bare number ending the cell (发生率为0)
            bare = TRAILING_NUMBER.search(cell.text)
            if bare is None:
                return None
            last_start, last_end = cell.start + bare.start(), cell.start + bare.end()
        if plain(self.text[last_end:cell.end]) and plain(self.text[last_end:cell.end]) not in self.after_words:
            return None
        head = self.text[cell.start:last_start].rstrip()
        for word in sorted(self.before_words, key=len, reverse=True):
            if head.endswith(word):
                head = head[:-len(word)].rstrip()
                break
        for link in links:
            if head.endswith(link) and len(head) > len(link):
                head = head[:-len(link)].rstrip()
                break
        if not head or _NOT_IN_A_NAME.search(head) or not _HAN.search(head):
            return None
        if head.endswith(tuple(amount_rules().ordinal_before) + ("前",)):
            return None                      # 排名第2, 前3: a rank, not an amount
        name = Cell(cell.start, cell.start + len(head), head)
        pos = cell.start + len(self.text[cell.start:last_start].rstrip())
        while pos < last_start and self.text[pos].isspace():
            pos += 1
        value = self.of_cell(Cell(pos, cell.end, self.text[pos:cell.end]))
        return name, value

    @staticmethod
    def written(value: Value) -> float | None:
        """The number as written in the value's text (≤5.5万元 → 5.5)."""
        return _written_number(value.text)

    def in_unit_of(self, bare: Value, model: Value) -> Value:
        """A bare number read in another value's unit: 463 beside ≥450户, 5.32 beside ≤5.5万元."""
        if model.kind == "MONEY":
            # The model's money factor: its value over its written number.
            written = _written_number(model.text)
            factor = model.value / written if written else 1.0
            return Value(bare.start, bare.end, bare.text, bare.value * factor, model.unit, None, "MONEY",
                         model.currency)
        return Value(bare.start, bare.end, bare.text, bare.value, model.unit, None, model.kind)

    def money(self, cell: Cell, value: float) -> Value:
        return Value(cell.start, cell.end, cell.text, value, "元", None, "MONEY", "CNY")


@lru_cache(maxsize=1)
def _duration_pattern() -> regex.Pattern:
    import json
    from importlib import resources
    with resources.files("govie.tables").joinpath("headers.json").open(encoding="utf-8") as fh:
        units = json.load(fh)["durations"]
    alternation = "|".join(regex.escape(u) for u in sorted(units, key=len, reverse=True))
    return regex.compile(rf"(?P<cmp>[≥≤<>]?)(?P<n>\d{{1,4}}(?:\.\d{{1,2}})?)(?P<unit>{alternation})(?:内|以内)?")


def _duration(words: str):
    """``≥15年``, ``3个工作日``: (value, unit, comparator) of a duration the recognisers leave alone."""
    m = _duration_pattern().fullmatch(words)
    if not m:
        return None
    cmp = SYMBOLS.get(m.group("cmp")) if m.group("cmp") else ("<=" if words.endswith("内") else None)
    return float(m.group("n")), m.group("unit"), cmp


def warm_patterns() -> None:
    """Compile the patterns only some cells need (they are built lazily from the vocabularies)."""
    _duration_pattern()
    _counted_noun(vocabulary().value_noun_max)


def _written_number(text: str) -> float | None:
    """The Arabic number a value was written with (≤5.5万元 → 5.5), to learn its unit's factor."""
    m = _WRITTEN_NUMBER.search(text)
    return float(m.group().replace(",", "")) if m else None


@lru_cache(maxsize=4096)   # pure: the same few words around amounts come again and again
def _comparator_word(words: str) -> str | None:
    numbers = lexicon()["comparators"]
    for table in (numbers["prefix_words"], numbers["suffix_words"]):
        for w, op in table.items():
            if w and w in words:
                return op
    for ch in words:
        if ch in SYMBOLS:
            return SYMBOLS[ch]
    return None


def name_unit(name: str) -> tuple[str, str | None, str | None]:
    """``猪舍面积(≥**平方米)`` → (``猪舍面积``, ``>=``, ``平方米``): the name without its bracketed
    unit, the comparator and the unit the bracket gives the row's bare values."""
    m = NAME_UNIT.search(name)
    if not m or not m.group("unit") or m.start() == 0:
        return name, None, None
    unit = m.group("unit")
    if not (parse_amount("1" + unit) or None):
        return name, None, None            # (试行), (含税): words in brackets, not a unit
    cmp = "".join(m.group("cmp").split())
    return name[:m.start()].rstrip(), SYMBOLS.get(cmp[:1]) if cmp else None, unit
