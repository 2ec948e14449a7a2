"""``govie_statements``: the sentences that state problems and remedies.

It reads what earlier components left on the Doc and finds no heading or
sentence end itself: ``doc._.sections`` (``govie_sections``) and
``doc._.sentences`` (``govie_sentences``).

Inside a problems, remedies or mixed section the section decides: every item of
its text — an enumerated item 一是…, a numbered item, a topic clause ``X方面:…``
(topic X), or else a sentence — is a statement of the section's kind.  A
section that says only 暂无, 无 or / gives nothing, nor does a form's printed
prompt (``（简要说明…）``); a lead-in that ends with a colon before the items is
not a statement.  In a mixed section (偏差原因分析及改进措施, 存在问题及整改情况)
sub-labels (``问题：``, ``整改情况：``) start a statement of their kind, and
remedy cues (``cues.json``) tell the others apart.

Outside those sections a sentence is a candidate only when it carries an
explicit cue of its own (``存在…问题``, ``下一步将…``, ``建议…``; ``cues.json``),
and the trained classifier (``models/textcat-statements``) ranks the candidates:
only a PROBLEM or REMEDY of a cued kind scored at least ``threshold`` is added.
It never sees the text of a section, so it can never override one.  Without a
model the component says so once and keeps to the sections.  ``cue_gate=False``
lets the classifier read every narrative sentence, which is how the strays it
would add are measured (``govie evaluate --task statement-specs``).
"""
from __future__ import annotations

from bisect import bisect_left, bisect_right
from dataclasses import dataclass

import regex
from spacy.language import Language
from spacy.tokens import Doc

from ..doctext import text_of
from ..sections import statement_sections
from ..sentences import Sentence, group_items
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


def _skip_prompt(text: str, start: int, end: int, rules) -> int:
    """``start``, or where the text goes on after a form's printed prompt (（简要说明…）) at ``start``."""
    m = rules.prompt.match(text, start, end)
    if m is None:
        return start
    pos = m.end()
    while pos < end and text[pos].isspace():
        pos += 1
    return pos


def _pieces(text: str, items, kind: str, rules):
    """(start, end, topic, content_start, sub-label kind) per statement candidate of a section.

    In a mixed section a sentence that opens with a sub-label (整改情况：) starts
    a piece of its own even inside an item (1.问题：… 整改情况：…).
    """
    for item in items:
        piece = None
        for k, s in enumerate(item.sentences):
            label = None
            if kind == "mixed":
                head = text[s.content_start:s.end]
                if rules.problem_label.match(head):
                    label = "problems"
                elif rules.remedy_label.match(head):
                    label = "remedies"
            if piece is None or (k > 0 and label is not None):
                if piece is not None:
                    yield piece
                piece = [s.start, s.end, item.topic, s.content_start, label, 1]
            else:
                piece[1] = s.end
                piece[5] += 1
        if piece is not None:
            yield piece


def section_statements(text: str, sentences: list[Sentence], kind: str) -> list[Statement]:
    """Statements of one section's sentences (in order); ``kind`` is problems, remedies or mixed."""
    rules = statement_rules()
    pieces = list(_pieces(text, group_items(sentences), kind, rules))
    out = []
    mode = None  # in a mixed section: the kind the last sub-label named
    for i, (start, end, topic, content_start, label, n_sentences) in enumerate(pieces):
        mode = label or mode
        skipped = _skip_prompt(text, content_start, end, rules)
        if skipped > content_start:
            start = content_start = skipped   # the statement starts after the printed prompt
        content = text[content_start:end]
        if rules.says_nothing(content):
            continue
        is_last = i == len(pieces) - 1
        if not is_last and n_sentences == 1 and rules.lead_in_end.search(text[start:end].rstrip()):
            continue  # 具体表现在: — the items follow
        if kind == "mixed":
            if mode is not None:
                item_kind = mode
            else:
                item_kind = "remedies" if rules.remedy_cue.match(content.lstrip()) else "problems"
        else:
            item_kind = kind
        out.append(Statement(item_kind, start, end, topic))
    return out


class StatementExtractor:
    def __init__(self, name: str = "govie_statements", model: str | None = None,
                 threshold: float = 0.9, min_chars: int = 8, batch_size: int = 256, cue_gate: bool = True):
        self.name = name
        self.cue_gate = cue_gate
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
        sections, sentences = doc._.sections, doc._.sentences
        if sections is None or sentences is None:
            raise ValueError("govie_statements reads doc._.sections and doc._.sentences: add govie_sections and "
                             "govie_sentences before it in the pipeline (see govie/pipeline.cfg)")
        text = text_of(doc)
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
        """Narrative sentences: outside every problems/remedies section, not headings, long enough, and (with
        ``cue_gate``) carrying an explicit problem or remedy cue."""
        rules = statement_rules()
        decided = sorted(decided)
        ends, begins = [b for _, b in decided], [a for a, _ in decided]
        out = []
        for s in sentences:
            i = bisect_right(begins, s.start) - 1
            if i >= 0 and s.start < ends[i]:
                continue
            if s.heading or s.topic_only:
                continue
            # the cue gate first (one search of all the cues): it turns most sentences away
            if self.cue_gate and rules.any_stated.search(text[s.content_start:s.end]) is None:
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
        rules = statement_rules()
        out = []
        for s, scores in zip(chosen, self.classifier.scores(words, self.batch_size)):
            label = decide(scores, self.threshold)
            if self.cue_gate and KIND_OF_LABEL.get(label) not in rules.stated_kinds(text[s.content_start:s.end]):
                continue   # the classifier ranks a candidate only as the kind its cue states
            if label in KIND_OF_LABEL:
                out.append(Statement(KIND_OF_LABEL[label], s.start, s.end, s.topic, "classifier", scores[label]))
        return out


@Language.factory("govie_statements", default_config={
    "model": "models/textcat-statements", "threshold": 0.9, "min_chars": 8, "batch_size": 256, "cue_gate": True},
    assigns=["doc._.problems", "doc._.remedies"], requires=["doc._.sections", "doc._.sentences"])
def make_statement_extractor(nlp: Language, name: str, model: str | None, threshold: float,
                             min_chars: int, batch_size: int, cue_gate: bool):
    return StatementExtractor(name, model, threshold, min_chars, batch_size, cue_gate)
