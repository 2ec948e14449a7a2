"""``govie_amounts``: MONEY, PERCENT and QUANTITY written with their unit."""
from __future__ import annotations

from spacy.language import Language
from spacy.tokens import Doc

from ..doctext import text_of
from ..mentions import Mention, add_mentions
from ..numbers import find_amounts, group_positions
from ..numbers.grammar import patterns
from .rules import amount_rules


def _core_span(m, core: str, at: int) -> tuple[int, int]:
    """The span of the core group (number at ``at``, text ``core``) without its spaces."""
    start, end = m.span(at)
    return start + (len(core) - len(core.lstrip())), end - (len(core) - len(core.rstrip()))


def _is_ordinal(text: str, start: int, rules) -> bool:
    before = text[max(0, start - 3):start].rstrip()
    return before.endswith(rules.ordinal_before)


def _lone_chinese_digit(number: str | None) -> bool:
    """一个, 两委, 三人小组: a single Chinese digit with a counting word is wording, not a count."""
    return bool(number) and len(number) == 1 and bool(patterns()["chinese"].fullmatch(number))


class AmountRecognizer:
    """Finds amounts with the shared grammar and keeps those the context allows.

    It reads ``doc.text`` and writes ``doc._.mentions`` only, so the fast path
    (``govie.amounts``, amounts/fast.py) runs this same code on a text without spaCy.
    """

    def __init__(self, name: str = "govie_amounts"):
        self.name = name

    def __call__(self, doc: Doc) -> Doc:
        rules = amount_rules()
        mult_at, core_at, num_at = group_positions("mult", "core", "num")   # groups read by place
        found = []
        for m, measure in find_amounts(text_of(doc)):
            groups = m.groups()
            kind = measure.kind
            if kind is None and not groups[mult_at]:
                continue   # a bare number: table money's, if anyone's
            text = m.string   # the folded view: 資金 reads as 资金, offsets unchanged
            start, end = _core_span(m, groups[core_at], core_at + 1)
            if start >= end or _is_ordinal(text, start, rules):
                continue
            if kind is None:
                # 注册资本 1000 万, 综合税 540万: a multiplier after money words is money.
                line_before = text[max(0, start - 40):start]
                if not (groups[mult_at] and rules.money_context.search(line_before)):
                    continue
                measure = measure.as_money(1)
            elif kind == "QUANTITY" and _lone_chinese_digit(groups[num_at]):
                continue
            found.append(Mention(measure.kind, start, end, measure))
        add_mentions(doc, found)    # once: the Doc's extensions are dear to read per mention
        return doc


@Language.factory("govie_amounts", assigns=["doc._.mentions", "doc.spans"])
def make_amount_recognizer(nlp: Language, name: str):
    return AmountRecognizer(name)
