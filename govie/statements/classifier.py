"""The trained sentence classifier (PROBLEM / REMEDY / OTHER) for narrative sentences.

The model is a spaCy ``textcat`` pipeline trained by ``govie train-textcat``
and saved in ``models/textcat-statements``.  It reads the *words* of a
sentence: the tokens the main pipeline already made (jieba + the genre
dictionary), whitespace dropped, the item number and ``X方面:`` left out — so a
sentence is never segmented twice, and training sees exactly what prediction
sees (:func:`sentence_words` serves both).
"""
from __future__ import annotations

import logging
from pathlib import Path

import spacy
from spacy.tokens import Doc

from .. import segment as _segment  # noqa: F401  (registers the tokenizer the model's config names)

LABELS = ("PROBLEM", "REMEDY", "OTHER")
KIND_OF_LABEL = {"PROBLEM": "problems", "REMEDY": "remedies"}
LABEL_OF_KIND = {"problems": "PROBLEM", "remedies": "REMEDY"}
PACKAGE_ROOT = Path(__file__).resolve().parents[1]
DEFAULT_MODEL = PACKAGE_ROOT / "models" / "textcat-statements"

log = logging.getLogger("govie")
_warned: set[str] = set()


def resolve_model_path(model: str | Path | None) -> Path:
    """An absolute path, a path relative to the working directory, or one relative to the package (``models/…``)."""
    if model is None:
        return DEFAULT_MODEL
    path = Path(model)
    if path.is_absolute() or path.exists():
        return path
    return PACKAGE_ROOT / path


def sentence_words(doc: Doc, start: int, end: int) -> list[str]:
    """The words the classifier reads for ``doc.text[start:end]``."""
    span = doc.char_span(start, end, alignment_mode="expand")
    if span is None:
        return []
    return [t.text for t in span if not t.is_space and t.text.strip()]


class StatementClassifier:
    """A loaded textcat model: words in, scores per label out."""

    def __init__(self, path: str | Path):
        self.path = Path(path)
        self.nlp = spacy.load(self.path)
        self.textcat = self.nlp.get_pipe("textcat")

    @classmethod
    def from_nlp(cls, nlp) -> "StatementClassifier":
        self = cls.__new__(cls)
        self.path, self.nlp, self.textcat = None, nlp, nlp.get_pipe("textcat")
        return self

    def scores(self, word_lists: list[list[str]], batch_size: int = 256) -> list[dict[str, float]]:
        docs = [Doc(self.nlp.vocab, words=words or ["。"]) for words in word_lists]
        return [dict(doc.cats) for doc in self.textcat.pipe(docs, batch_size=batch_size)]


def load_classifier(model: str | Path | None) -> StatementClassifier | None:
    """The classifier at ``model``, or None (with one warning per path) when there is none."""
    path = resolve_model_path(model)
    if not (path / "config.cfg").exists():
        if str(path) not in _warned:
            _warned.add(str(path))
            log.warning("govie_statements: no sentence classifier at %s; narrative sentences are not "
                        "classified (train one with `govie train-textcat`). Sections still give "
                        "problems and remedies.", path)
        return None
    return StatementClassifier(path)


def decide(scores: dict[str, float], threshold: float) -> str:
    """PROBLEM or REMEDY when that label is the best and scores at least ``threshold``, else OTHER."""
    label = max(scores, key=scores.get)
    if label in KIND_OF_LABEL and scores[label] >= threshold:
        return label
    return "OTHER"
