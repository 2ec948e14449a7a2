"""The spaCy tokenizer of govie's pipeline.

spaCy's own Chinese tokenizer drives the global ``jieba`` module; govie keeps
a private ``jieba.Tokenizer`` loaded with the genre's dictionary, so importing
govie changes nothing for other users of jieba.  After segmentation, digits
are split from whatever the segmenter glued to them (``96.28%`` → ``96.28`` +
``%``, ``2022年`` → ``2022`` + ``年``), because amount spans start and end there.
"""
from __future__ import annotations

import logging
import os
from functools import lru_cache
from importlib import resources
from pathlib import Path

import regex
import spacy
from spacy.tokens import Doc
from spacy.util import get_words_and_spaces

DOMAIN_DICT = "domain_dict.txt"
# Where `govie train-segmenter` puts the project's pkuseg model (see models/README.md).
DEFAULT_PKUSEG_MODEL = Path(__file__).resolve().parents[2] / "models" / "pkuseg-genre"
_NUMBER_SPLIT = regex.compile(r"\d+(?:[.,]\d+)*|\D+")


class SegmenterError(ValueError):
    """A segmenter that cannot be used as asked (unknown name, missing model)."""


@lru_cache(maxsize=1)
def _jieba():
    import jieba

    jieba.setLogLevel(logging.WARNING)
    tokenizer = jieba.Tokenizer()
    with resources.as_file(resources.files(__package__).joinpath(DOMAIN_DICT)) as path:
        tokenizer.load_userdict(str(path))
    return tokenizer


@lru_cache(maxsize=4)
def _pkuseg(model_dir: str):
    import spacy_pkuseg

    return spacy_pkuseg.pkuseg(model_name=model_dir)


def resolve_pkuseg_model(model: str | os.PathLike | None) -> str:
    path = Path(model) if model else DEFAULT_PKUSEG_MODEL
    if not (path / "features.msgpack").exists() and not (path / "features.pkl").exists():
        raise SegmenterError(
            f"no pkuseg model at {path}: pretrained pkuseg models cannot be downloaded here; "
            "train the project's model with `govie train-segmenter` or pass model=PATH")
    return str(path)


def _split_numbers(words):
    for word in words:
        if any(ch.isdigit() for ch in word) and not word.isspace():
            yield from _NUMBER_SPLIT.findall(word)
        else:
            yield word


def segment_words(text: str, segmenter: str = "jieba", model=None) -> list[str]:
    """The words of ``text``, whitespace included, numbers kept apart from their units."""
    if segmenter == "jieba":
        words = _jieba().cut(text, HMM=True)
    elif segmenter == "pkuseg":
        seg = _pkuseg(resolve_pkuseg_model(model))
        words = _pkuseg_words(seg, text)
    else:
        raise SegmenterError(f"unknown segmenter {segmenter!r}: use 'jieba' or 'pkuseg'")
    return list(_split_numbers(words))


def _pkuseg_words(seg, text: str):
    # pkuseg drops whitespace; cut line by line and put the whitespace back.
    for piece in regex.split(r"(\s+)", text):
        if not piece:
            continue
        if piece.isspace():
            yield piece
        else:
            yield from seg.cut(piece)


def segment(text: str, segmenter: str = "jieba", model=None) -> list[str]:
    """Words of ``text`` for people: whitespace dropped.  ``segmenter`` is jieba or pkuseg."""
    return [w for w in segment_words(text, segmenter, model) if not w.isspace()]


class GenreTokenizer:
    """spaCy tokenizer: jieba (or pkuseg) + genre dictionary + number/unit splitting."""

    def __init__(self, vocab, segmenter: str = "jieba", pkuseg_model: str | None = None):
        self.vocab = vocab
        self.segmenter = segmenter
        self.pkuseg_model = pkuseg_model
        if segmenter == "pkuseg":
            resolve_pkuseg_model(pkuseg_model)  # fail now, not on the first document
        elif segmenter != "jieba":
            raise SegmenterError(f"unknown segmenter {segmenter!r}: use 'jieba' or 'pkuseg'")

    def __call__(self, text: str) -> Doc:
        words = segment_words(text, self.segmenter, self.pkuseg_model)
        words, spaces = get_words_and_spaces(words, text)
        return Doc(self.vocab, words=words, spaces=spaces)

    # Settings live in the config; there is no state of its own to save.
    def to_bytes(self, **kwargs) -> bytes:
        return b""

    def from_bytes(self, data: bytes, **kwargs) -> "GenreTokenizer":
        return self

    def to_disk(self, path, **kwargs) -> None:
        Path(path).mkdir(parents=True, exist_ok=True)

    def from_disk(self, path, **kwargs) -> "GenreTokenizer":
        return self


@spacy.registry.tokenizers("govie.tokenizer.v1")
def create_tokenizer(segmenter: str = "jieba", pkuseg_model: str | None = None):
    def make(nlp):
        return GenreTokenizer(nlp.vocab, segmenter, pkuseg_model)
    return make
