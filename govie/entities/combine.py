"""``govie_entities``: one list of entities from rules and model, by one policy.

The policy, applied the same way to every document:

1. A rule mention (an amount the grammar read with its unit, or a money cell
   under a declared unit) always stands; rules are certain where they fire.
2. A model entity that overlaps a rule mention is dropped: the rule decides.
3. A model MONEY, PERCENT or QUANTITY entity elsewhere is kept only if the
   normaliser reads its text as that kind (a bare number is money only inside
   a ``单位：万元`` scope, with that unit), so every entity has a value.
4. INDICATOR names come from the indicator rules first; the model adds the
   names it finds elsewhere.  Indicator names have no value.

With no NER in the pipeline (``govie.load(rules_only=True)``) only the rule
findings are turned into entities, so rules-only and combined runs differ
exactly by what the model adds.
"""
from __future__ import annotations

from bisect import bisect_right

from spacy.language import Language
from spacy.tokens import Doc

from ..mentions import Mention, add_mention, overlaps
from ..numbers import Measure, parse_amount

AMOUNT_LABELS = ("MONEY", "PERCENT", "QUANTITY")
NAME_ONLY = Measure(None, None, None)


def rule_indicator_names(doc: Doc) -> list[tuple[int, int]]:
    """Cleaned-text spans of indicator names found by the indicator rules."""
    spans = []
    for ind in doc._.indicators or []:
        span = getattr(ind, "name_span", None)
        if span is not None and span[1] > span[0]:
            spans.append(tuple(span))
    return spans


def _money_factor(doc: Doc, start: int) -> float | None:
    scopes = doc._.table_units or []
    i = bisect_right([p for p, _ in scopes], start) - 1
    return scopes[i][1] if i >= 0 else None


def model_measure(doc: Doc, label: str, start: int, end: int) -> Measure | None:
    """The value of a model entity, or None when its text is not an amount of that kind."""
    measure = parse_amount(doc.text[start:end])
    if measure is None:
        return None
    if measure.kind is None and label == "MONEY":
        factor = _money_factor(doc, start)
        return measure.as_money(factor) if factor else None
    return measure if measure.kind == label else None


class EntityCombiner:
    def __init__(self, name: str = "govie_entities"):
        self.name = name

    def __call__(self, doc: Doc) -> Doc:
        for start, end in rule_indicator_names(doc):
            if not overlaps(doc, start, end):
                add_mention(doc, Mention("INDICATOR", start, end, NAME_ONLY, source="rules"))
        for ent in doc.ents:
            start, end = ent.start_char, ent.end_char
            if overlaps(doc, start, end):
                continue
            if ent.label_ == "INDICATOR":
                add_mention(doc, Mention("INDICATOR", start, end, NAME_ONLY, source="model"))
            elif ent.label_ in AMOUNT_LABELS:
                measure = model_measure(doc, ent.label_, start, end)
                if measure is not None:
                    add_mention(doc, Mention(ent.label_, start, end, measure, source="model"))
        return doc


@Language.factory("govie_entities")
def make_entity_combiner(nlp: Language, name: str):
    return EntityCombiner(name)
