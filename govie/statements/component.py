"""``govie_statements``: the sentences that state problems and remedies.

Inside a problems, remedies or mixed section (``govie_sections``) the section
decides: every item of its text — an enumerated item 一是…, a numbered item,
a topic clause ``X方面:…`` (topic X), or else a sentence — is a statement of
the section's kind.  A section that says only 暂无, 无 or / gives nothing; a
lead-in that ends with a colon before the items is not a statement.  In a mixed
section (偏差原因分析及改进措施) sub-labels and remedy cues (``cues.json``)
tell problems from remedies.

Outside those sections the trained classifier (``models/textcat-statements``)
reads each narrative sentence; only a PROBLEM or REMEDY it scores at least
``threshold`` is added.  It never sees the text of a section, so it can never
override one.  Without a model the component says so once and keeps to the
sections.
"""
from __future__ import annotations

from bisect import bisect_left, bisect_right
from dataclasses import dataclass

import regex
from spacy.language import Language
from spacy.tokens import Doc

from ..sections import find_sections, heading_ranges, statement_sections
from ..sentences import Sentence, group_items, split_sentences
from .classifier import KIND_OF_LABEL, decide, load_classifier, sentence_words
from .rules import statement_rules

_HAN = regex.compile(r"\p{Han}")


@dataclass
class Statement:
    kind: str                 # "problems" or "remedies"
    start: int                # offsets into the cleaned text (doc.text)
    end: int
    topic: str | None = None
    source: str = "section"   # "section" or "classifier"
    score: float | None = None

    def to_dict(self, locate) -> dict:
        return {**locate.span(self.start, self.end), "topic": self.topic}


def _within(sentences: list[Sentence], starts: list[int], a: int, b: int) -> list[Sentence]:
    i = bisect_left(starts, a)
    out = []
    while i < len(sentences) and sentences[i].start < b:
        if sentences[i].end <= b:
            out.append(sentences[i])
        i += 1
    return out


def section_statements(text: str, sentences: list[Sentence], kind: str) -> list[Statement]:
    """Statements of one section's sentences (in order); ``kind`` is problems, remedies or mixed."""
    rules = statement_rules()
    items = group_items(sentences)
    out = []
    mode = None  # in a mixed section: the kind the last sub-label named
    for i, item in enumerate(items):
        opener = item.opener
        body = text[item.start:item.end]
        content = text[opener.content_start:item.end]
        if kind == "mixed":
            head = text[opener.content_start:opener.end]
            if rules.problem_label.match(head):
                mode = "problems"
            elif rules.remedy_label.match(head):
                mode = "remedies"
        if rules.says_nothing(content):
            continue
        is_last = i == len(items) - 1
        if not is_last and rules.lead_in_end.search(body.rstrip()) and len(item.sentences) == 1:
            continue  # 具体表现在: — the items follow
        if kind == "mixed":
            if mode is not None:
                item_kind = mode
            else:
                item_kind = "remedies" if rules.remedy_cue.match(content.lstrip()) else "problems"
        else:
            item_kind = kind
        out.append(Statement(item_kind, item.start, item.end, item.topic))
    return out


class StatementExtractor:
    def __init__(self, name: str = "govie_statements", model: str | None = None,
                 threshold: float = 0.9, min_chars: int = 8, batch_size: int = 256):
        self.name = name
        self.model = model
        self.threshold = threshold
        self.min_chars = min_chars
        self.batch_size = batch_size
        self.classify = True          # False: sections only
        self._classifier = None
        self._loaded = False

    @property
    def classifier(self):
        if not self._loaded:
            self._classifier, self._loaded = load_classifier(self.model), True
        return self._classifier

    def use_classifier(self, classifier) -> None:
        """Swap in another classifier (a model trained elsewhere, or None for sections only)."""
        self._classifier, self._loaded = classifier, True

    def __call__(self, doc: Doc) -> Doc:
        text = doc.text
        sections = doc._.sections if doc._.sections is not None else find_sections(text)
        sentences = doc._.sentences
        if sentences is None:
            sentences = split_sentences(text, headings=heading_ranges(text, sections),
                                        breaks=[s.end for s in sections])
        starts = [s.start for s in sentences]
        found: list[Statement] = []
        decided = []
        for section, ranges in statement_sections(sections):
            decided.append((section.start, section.end))
            own = [s for a, b in ranges for s in _within(sentences, starts, a, b)]
            found.extend(section_statements(text, own, section.kind))
        if self.classify and self.classifier is not None:
            found.extend(self._classified(doc, text, sentences, decided))
        found.sort(key=lambda s: s.start)
        doc._.problems = [s for s in found if s.kind == "problems"]
        doc._.remedies = [s for s in found if s.kind == "remedies"]
        return doc

    def candidates(self, text: str, sentences: list[Sentence], decided: list[tuple[int, int]]) -> list[Sentence]:
        """Narrative sentences: outside every problems/remedies section, not headings, long enough."""
        decided = sorted(decided)
        ends, begins = [b for _, b in decided], [a for a, _ in decided]
        out = []
        for s in sentences:
            i = bisect_right(begins, s.start) - 1
            if i >= 0 and s.start < ends[i]:
                continue
            if s.heading or s.topic_only:
                continue
            if len(_HAN.findall(text, s.content_start, s.end)) < self.min_chars:
                continue
            out.append(s)
        return out

    def _classified(self, doc: Doc, text: str, sentences, decided) -> list[Statement]:
        chosen = self.candidates(text, sentences, decided)
        if not chosen:
            return []
        words = [sentence_words(doc, s.content_start, s.end) for s in chosen]
        out = []
        for s, scores in zip(chosen, self.classifier.scores(words, self.batch_size)):
            label = decide(scores, self.threshold)
            if label in KIND_OF_LABEL:
                out.append(Statement(KIND_OF_LABEL[label], s.start, s.end, s.topic, "classifier", scores[label]))
        return out


@Language.factory("govie_statements", default_config={
    "model": "models/textcat-statements", "threshold": 0.9, "min_chars": 8, "batch_size": 256})
def make_statement_extractor(nlp: Language, name: str, model: str | None, threshold: float,
                             min_chars: int, batch_size: int):
    return StatementExtractor(name, model, threshold, min_chars, batch_size)
