"""``govie_entities``: one list of entities from rules and model, by one policy.

The policy, applied the same way to every document:

1. Amounts (MONEY, PERCENT, QUANTITY) are the rules' alone.  Every number in
   the text is read by the amount grammar and either recognised or refused by
   a context rule (a rank, a date, a bare number outside a unit scope), and
   an entity without a unit has no value to report; the model's amount labels
   serve its training and the model-only evaluation, not the report.
2. INDICATOR names come from the indicator rules, all of them, even where a
   name contains an amount (引进注册资本 1000 万的企业数).
3. The model adds an INDICATOR name only in text the indicator rules have not
   read (no rule indicator's name or value overlaps it), where the name opens
   a cell or a clause and holds no clause punctuation, and where a value
   follows it on the same line: an amount the rules recognised or one of the
   genre's qualitative words (良好, 达标 …), after at most a cue such as
   年度指标值 or 达到 (``policy.json``).  A name without a value is not an
   indicator record, whatever the model thinks.

With no NER in the pipeline (``govie.load(rules_only=True)``) only rule
findings become entities, so rules-only and combined runs differ exactly by
what the model adds.
"""
from __future__ import annotations

import json
from functools import lru_cache
from importlib import resources

import regex
from spacy.language import Language
from spacy.tokens import Doc

from ..mentions import Mention, add_mention, mentions_of
from ..numbers import Measure
from ..tables import vocabulary

NAME_ONLY = Measure(None, None, None)
_CELL_END = regex.compile(r"\s*$|[\t|\n,，。;；]|  ", regex.MULTILINE)
_CLAUSE_OPENERS = "\t|,，。;；:："
_CLAUSE_PUNCT = regex.compile(r"[,，。;；、:：\n\t|]")
AMOUNT_LABELS = ("MONEY", "PERCENT", "QUANTITY")


@lru_cache(maxsize=1)
def _value_lead() -> regex.Pattern:
    """What may stand between an indicator name and its value."""
    with resources.files(__package__).joinpath("policy.json").open(encoding="utf-8") as fh:
        policy = json.load(fh)
    cues = "|".join(regex.escape(w) for w in sorted(policy["value_cue_words"], key=len, reverse=True))
    seps = regex.escape(policy["separators"])
    return regex.compile(rf"[{seps}]*(?:(?:{cues})[{seps}]*)?")


@lru_cache(maxsize=1)
def _qualitative() -> regex.Pattern:
    words = sorted(vocabulary().value_words, key=len, reverse=True)  # the table reader's qualitative values
    return regex.compile("|".join(regex.escape(w) for w in words))


def rule_indicator_names(doc: Doc) -> list[tuple[int, int]]:
    """Cleaned-text spans of the indicator names the rules found."""
    return [ind.name_span for ind in doc._.indicators or [] if ind.name_span[1] > ind.name_span[0]]


def read_by_rules(doc: Doc) -> list[tuple[int, int]]:
    """Every stretch an indicator rule has read: names, targets and actuals."""
    spans = rule_indicator_names(doc)
    for ind in doc._.indicators or []:
        spans += [(v.start, v.end) for v in (ind.target, ind.actual) if v is not None]
    return spans


def opens_clause(doc: Doc, start: int, end: int) -> bool:
    """A name starts a cell or a clause and does not run across one.

    A bare line break is no boundary: PDF text wraps lines inside sentences.
    """
    before = doc.text[max(0, start - 40):start].rstrip(" \n")
    return (not before or before[-1] in _CLAUSE_OPENERS) and _CLAUSE_PUNCT.search(doc.text, start, end) is None


def _overlaps_label(doc: Doc, start: int, end: int, labels) -> bool:
    return any(m.label in labels and m.start < end and start < m.end for m in mentions_of(doc))


def value_follows(doc: Doc, end: int, claimed=()) -> bool:
    """Whether an amount or a qualitative value follows a name ending at ``end``.

    A qualitative word counts only as a cell of its own (after a separator or a
    cue, before the end of the cell or clause): in prose, 服务质量提升明显 is no
    indicator with the value 提升.
    """
    text = doc.text
    at = _value_lead().match(text, end).end()
    for m in mentions_of(doc):
        if m.start == at and m.label in AMOUNT_LABELS:
            return not any(s < m.end and m.start < e for s, e in claimed)  # not a value the rules used
    word = _qualitative().match(text, at)
    return bool(word) and at > end and _CELL_END.match(text, word.end()) is not None


class EntityCombiner:
    def __init__(self, name: str = "govie_entities"):
        self.name = name

    def __call__(self, doc: Doc) -> Doc:
        for start, end in rule_indicator_names(doc):
            if not _overlaps_label(doc, start, end, ("INDICATOR",)):
                add_mention(doc, Mention("INDICATOR", start, end, NAME_ONLY, source="rules"))
        claimed = read_by_rules(doc)
        for ent in doc.ents:
            if ent.label_ != "INDICATOR":
                continue
            start, end = ent.start_char, ent.end_char
            if any(s < end and start < e for s, e in claimed) \
                    or _overlaps_label(doc, start, end, ("INDICATOR",) + AMOUNT_LABELS):
                continue
            if opens_clause(doc, start, end) and value_follows(doc, end, claimed):
                add_mention(doc, Mention("INDICATOR", start, end, NAME_ONLY, source="model"))
        return doc


@Language.factory("govie_entities")
def make_entity_combiner(nlp: Language, name: str):
    return EntityCombiner(name)
