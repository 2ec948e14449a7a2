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
4. In running text (a clause opened by ，。；：) a name before a count or a
   sum is a statistic, not an indicator, unless an indicator cue such as
   年度指标值 or 实际完成 introduces the value; rates and qualitative values
   need no cue.  This is the annotation guideline's line (corpus/README.md).
5. A name and value the rules or the model already recorded, printed again
   (a block repeated across a page break), is not recorded twice.
6. The model's span is cut back before a cue it took in (…比例目标为 → …比例),
   and a name that is a value word (及时) or leaves a bracket open (效益指标（)
   is no name.

With no NER in the pipeline (``govie.load(rules_only=True)``) only rule
findings become entities, so rules-only and combined runs differ exactly by
what the model adds.
"""
from __future__ import annotations

import json
from bisect import bisect_left
from dataclasses import dataclass
from itertools import accumulate
from functools import lru_cache
from importlib import resources

import regex
from spacy.language import Language
from spacy.tokens import Doc

from ..doctext import text_of
from ..mentions import Mention, add_mention, mentions_of
from ..numbers import Measure
from ..tables import vocabulary
from .windows import Window, entities_in_windows, value_windows

NAME_ONLY = Measure(None, None, None)
_CELL_END = regex.compile(r"\s*$|[\t|\n,，。;；]|  ", regex.MULTILINE)
_CLAUSE_CHARS = ",，。;；、:：\n\t|"
_CLAUSE_PUNCT = regex.compile(f"[{regex.escape(_CLAUSE_CHARS)}]")
AMOUNT_LABELS = ("MONEY", "PERCENT", "QUANTITY")
COUNT_LABELS = ("MONEY", "QUANTITY")


@dataclass(frozen=True)
class FollowingValue:
    start: int
    end: int
    cued: bool          # an indicator cue (年度指标值, 实际完成 …) stands before it
    label: str | None   # the amount's label; None for a qualitative word


@lru_cache(maxsize=1)
def _policy() -> dict:
    with resources.files(__package__).joinpath("policy.json").open(encoding="utf-8") as fh:
        return json.load(fh)


def _alternation(words) -> str:
    return "|".join(regex.escape(w) for w in sorted(words, key=len, reverse=True))


def _cue_then_link(cue_required: bool) -> str:
    """Pattern text: a cue (年度指标值, 目标 …), then a link word (为, 达到 …), each followed by separators."""
    policy = _policy()
    seps = regex.escape(policy["separators"])
    return (rf"(?P<cue>{_alternation(policy['indicator_cues'])}){'' if cue_required else '?'}[{seps}]*"
            rf"(?:{_alternation(policy['link_words'])})?[{seps}]*")


@lru_cache(maxsize=1)
def _value_lead() -> regex.Pattern:
    """What may stand between an indicator name and its value: separators, a cue, a link word."""
    return regex.compile(rf"[{regex.escape(_policy()['separators'])}]*" + _cue_then_link(cue_required=False))


@lru_cache(maxsize=1)
def _trailing_cue() -> regex.Pattern:
    """A cue (and link word) the model took into the name: 黑臭水体消除比例目标为 → 黑臭水体消除比例."""
    return regex.compile(_cue_then_link(cue_required=True) + "$")


_BRACKETS = {"(": ")", "（": "）", "【": "】", "《": "》", "“": "”", "[": "]"}


def balanced(name: str) -> bool:
    """Every bracket the name opens it also closes, and the other way round (效益指标（ is cut short)."""
    return all(name.count(o) == name.count(c) for o, c in _BRACKETS.items())


@lru_cache(maxsize=1)
def _qualitative() -> regex.Pattern:
    words = sorted(vocabulary().value_words, key=len, reverse=True)  # the table reader's qualitative values
    return regex.compile("|".join(regex.escape(w) for w in words))


class SpanIndex:
    """Spans ``[start, end)`` to ask "does anything overlap this?" in about O(log n).

    The spans are kept sorted by start; a query looks back from the first span
    starting at or after its end no further than the longest span (names and
    values are short).
    """

    def __init__(self, spans=()):
        self._spans = sorted(spans)
        self._starts = [s for s, _ in self._spans]
        self._longest = max((e - s for s, e in self._spans), default=0)

    def add(self, start: int, end: int) -> None:
        i = bisect_left(self._starts, start)
        self._starts.insert(i, start)
        self._spans.insert(i, (start, end))
        self._longest = max(self._longest, end - start)

    def overlaps(self, start: int, end: int) -> bool:
        i = bisect_left(self._starts, end)
        earliest = start - self._longest
        while i > 0 and self._starts[i - 1] >= earliest:
            i -= 1
            if self._spans[i][1] > start:
                return True
        return False

    def gaps(self, start: int, end: int):
        """The stretches of ``[start, end)`` no span covers, in order."""
        i = bisect_left(self._starts, start - self._longest)
        at = start
        while i < len(self._spans) and self._starts[i] < end:
            s, e = self._spans[i]
            if e > at:
                if s > at:
                    yield at, s
                at = e
            i += 1
        if at < end:
            yield at, end


def rule_indicator_names(doc: Doc) -> list[tuple[int, int]]:
    """Cleaned-text spans of the indicator names the rules found."""
    return [ind.name_span for ind in doc._.indicators or [] if ind.name_span[1] > ind.name_span[0]]


def read_by_rules(doc: Doc) -> list[tuple[int, int]]:
    """Every stretch an indicator rule has read: names, targets and actuals."""
    spans = rule_indicator_names(doc)
    for ind in doc._.indicators or []:
        spans += [(v.start, v.end) for v in (ind.target, ind.actual) if v is not None]
    return spans


def _opener(text: str, start: int) -> str:
    """The character that opens the clause or cell at ``start`` ('' at the text's start).

    A bare line break is no boundary: PDF text wraps lines inside sentences.
    """
    before = text[max(0, start - 40):start].rstrip(" \n")
    return before[-1] if before else ""


def opens_clause(text: str, start: int, end: int) -> bool:
    """A name starts a cell or a clause and does not run across one."""
    policy = _policy()
    opener = _opener(text, start)
    return (not opener or opener in policy["prose_openers"] + policy["cell_openers"]) \
        and _CLAUSE_PUNCT.search(text, start, end) is None


def _overlaps(spans, start: int, end: int) -> bool:
    if isinstance(spans, SpanIndex):
        return spans.overlaps(start, end)
    return any(s < end and start < e for s, e in spans)


def value_after(text: str, amounts_at: dict[int, Mention], end: int, claimed: SpanIndex) -> FollowingValue | None:
    """The value that follows a name ending at ``end``, if there is one the rules have not used.

    ``amounts_at`` maps a start offset to the first amount mention starting there.
    A qualitative word counts only as a cell of its own (after a separator or a
    cue, before the end of the cell or clause): in prose, 服务质量提升明显 is no
    indicator with the value 提升.
    """
    lead = _value_lead().match(text, end)
    at, cued = lead.end(), lead.group("cue") is not None
    m = amounts_at.get(at)
    if m is not None:
        if claimed.overlaps(m.start, m.end):
            return None
        return FollowingValue(m.start, m.end, cued, m.label)
    word = _qualitative().match(text, at)
    if word and at > end and _CELL_END.match(text, word.end()) is not None:
        return FollowingValue(word.start(), word.end(), cued, None)
    return None


def is_statistic(text: str, start: int, value: FollowingValue) -> bool:
    """A count or a sum in running text without an indicator cue (共接收隔离人员 7976 人)."""
    opener = _opener(text, start)
    in_prose = opener != "" and opener in _policy()["prose_openers"]
    return in_prose and value.label in COUNT_LABELS and not value.cued


_SPACE = regex.compile(r"\s")


def _statement_key(text: str, start: int, end: int, value_start: int, value_end: int) -> tuple[str, str]:
    """Name and value without the PDF's line breaks and spaces: equal keys are one statement printed twice."""
    return (_SPACE.sub("", text[start:end]), _SPACE.sub("", text[value_start:value_end]))


def _rule_statements(doc: Doc, text: str) -> set[tuple[str, str]]:
    keys = set()
    for ind in doc._.indicators or []:
        for v in (ind.actual, ind.target):
            if v is not None:
                keys.add(_statement_key(text, *ind.name_span, v.start, v.end))
    return keys


class EntityCombiner:
    """Cost linear in the document: the text, the entities and the mentions are read once.

    ``model`` names the trained NER.  Loaded but disabled (as in the shipped
    pipeline), it is run here on the windows where its names can be used
    (windows.py); enabled as an ordinary pipe before this one, its ``doc.ents``
    over the whole text are read instead.
    """

    def __init__(self, nlp: Language | None = None, name: str = "govie_entities", model: str | None = "ner"):
        self.name = name
        self.nlp = nlp
        self.model = model

    def _windowed_model(self):
        """The NER to run on windows: present in the pipeline but not run over the whole doc."""
        nlp, model = self.nlp, self.model
        if nlp is None or not model or model not in nlp.component_names or model in nlp.pipe_names:
            return None
        return nlp.get_pipe(model)

    def __call__(self, doc: Doc) -> Doc:
        text = text_of(doc)
        mentions = mentions_of(doc)
        indicators = SpanIndex((m.start, m.end) for m in mentions if m.label == "INDICATOR")
        for start, end in rule_indicator_names(doc):
            if not indicators.overlaps(start, end):
                add_mention(doc, Mention("INDICATOR", start, end, NAME_ONLY, source="rules"))
                indicators.add(start, end)
        claimed_spans = read_by_rules(doc)
        claimed = SpanIndex(claimed_spans)
        amounts_at: dict[int, Mention] = {}
        for m in mentions:   # sorted by start: the first mention at an offset wins, as in a scan
            if m.label in AMOUNT_LABELS:
                amounts_at.setdefault(m.start, m)
        taken_spans = [(m.start, m.end) for m in mentions if m.label in ("INDICATOR",) + AMOUNT_LABELS]
        ner = self._windowed_model()
        if ner is not None:
            held = SpanIndex(taken_spans + claimed_spans)
            ents = _model_names(doc, ner, text, mentions, claimed, amounts_at, held)
        else:
            ents = [(e.start_char, e.end_char) for e in doc.ents if e.label_ == "INDICATOR"]
        if not ents:
            return doc
        taken = SpanIndex(taken_spans)
        recorded = _rule_statements(doc, text)
        for start, end in ents:
            cue = _trailing_cue().search(text, start, end)
            if cue is not None and cue.start() > start:
                end = cue.start()
            if claimed.overlaps(start, end) or taken.overlaps(start, end) \
                    or not opens_clause(text, start, end) \
                    or _qualitative().fullmatch(text, start, end) or not balanced(text[start:end]):
                continue
            value = value_after(text, amounts_at, end, claimed)
            if value is None or is_statistic(text, start, value):
                continue
            key = _statement_key(text, start, end, value.start, value.end)
            if key in recorded:   # a repeated block: the statement is recorded at its first occurrence
                continue
            recorded.add(key)
            add_mention(doc, Mention("INDICATOR", start, end, NAME_ONLY, source="model"))
            taken.add(start, end)
        return doc


@lru_cache(maxsize=1)
def _lead_chars() -> str:
    """The characters a lead from a name to its value may hold: separators, and the letters of cues and link words."""
    policy = _policy()
    return "".join(sorted(set(policy["separators"]).union(*policy["indicator_cues"], *policy["link_words"])))


@lru_cache(maxsize=1)
def _lead_ends() -> frozenset[str]:
    """Characters a lead to a qualitative value can end with: a separator, or a cue's or link word's last one."""
    policy = _policy()
    return frozenset(policy["separators"]) | {w[-1] for w in policy["indicator_cues"] + policy["link_words"]}


@lru_cache(maxsize=1)
def _any_cue() -> regex.Pattern:
    return regex.compile(_alternation(_policy()["indicator_cues"]))


def may_hold_name(text: str, window: Window, amounts_at: dict[int, Mention], claimed: SpanIndex,
                  held: SpanIndex | None = None) -> bool:
    """Whether a name inside ``window`` could pass the policy with the value the window ends at.

    The value is the one :func:`value_after` would find there.  A name overlaps no span
    the rules hold (``held``: their names, amounts and what they have read) and no clause
    punctuation.  It opens a cell or a clause, so the character before it (:func:`_opener`)
    is the one before the window or one inside it; a count in running text needs a cue
    before it (rule 4), and a cue lies in the window if anywhere.  Where no name can pass,
    the NER need not read the window: nothing it found there would be kept.
    """
    value = amounts_at.get(window.end)
    if value is not None and claimed.overlaps(value.start, value.end):
        return False                  # value_after refuses a value the rules have used
    if held is not None and all(not text[a:b].strip(_CLAUSE_CHARS)
                                for a, b in held.gaps(window.start, window.end)):
        return False                  # only held spans and punctuation: no room for a name
    openers = set(text[window.start:window.end]) - {" "}
    openers.add(_opener(text, window.start))
    if text[window.start:window.start + 1] == " ":
        openers.add("")               # spaces only since the window's start: the opener may lie far back
    count = value is not None and value.label in COUNT_LABELS
    in_prose_too = not count or _any_cue().search(text, window.start, window.end) is not None
    return not openers.isdisjoint(_accepted_openers(in_prose_too))


@lru_cache(maxsize=2)
def _accepted_openers(in_prose_too: bool) -> frozenset[str]:
    """What may stand before a kept name: a cell opener or nothing, and a clause opener unless
    the value is a count in running text without a cue (rule 4)."""
    policy = _policy()
    return frozenset(policy["cell_openers"] + (policy["prose_openers"] if in_prose_too else "")) | {""}


def _model_names(doc: Doc, ner, text: str, mentions: list[Mention], claimed: SpanIndex,
                 amounts_at: dict[int, Mention], held: SpanIndex) -> list[tuple[int, int]]:
    """The NER's INDICATOR names, read only in the windows before values it could name (windows.py).

    Windows where the policy would keep no name are not read (:func:`may_hold_name`).  The
    spans the model finds also become ``doc.ents``.
    """
    settings = _policy()["model_windows"]
    values = [(m.start, m.end) for m in mentions
              if m.label in AMOUNT_LABELS and not claimed.overlaps(m.start, m.end)]
    lead_ends = _lead_ends()
    values += [(w.start(), w.end()) for w in _qualitative().finditer(text)   # a value word in a cell of its own
               if w.start() > 0 and text[w.start() - 1] in lead_ends and _CELL_END.match(text, w.end())]
    windows = [w for w in value_windows(text, values, _CLAUSE_CHARS, settings["max_chars"], _lead_chars())
               if may_hold_name(text, w, amounts_at, claimed, held)]
    names = entities_in_windows(doc, ner, windows, settings["margin_tokens"], "INDICATOR",
                                settings["max_tokens"], settings["batch_tokens"])
    spans = [doc.char_span(s, e, label="INDICATOR") for s, e in names]
    doc.ents = [span for span in spans if span is not None]
    return names


@Language.factory("govie_entities", assigns=["doc._.mentions", "doc.spans", "doc.ents"], requires=["doc._.mentions", "doc._.indicators"],
                  default_config={"model": "ner"})
def make_entity_combiner(nlp: Language, name: str, model: str | None):
    return EntityCombiner(nlp, name, model)
