"""The spaCy tokenizer of govie's pipeline.

Segmentation is jieba's: its dictionary, its maximum-probability route and its
HMM for unknown words, run by jieba-rs (the ``rjieba`` binding), which cuts
the same words some twenty times faster than the Python jieba that spaCy's
own Chinese tokenizer drives.  govie keeps a private instance loaded with
the genre's dictionary, so importing govie changes nothing for other users
of jieba.  Numbers and the units
after them are cut by rule before segmentation (``96.28%`` → ``96.28`` +
``%``, ``2022年`` → ``2022`` + ``年``), because amount spans start and end there.
"""
from __future__ import annotations

import os
from functools import lru_cache
from importlib import resources
from pathlib import Path

import regex
import spacy
from spacy.tokens import Doc

from ..doctext import remember_text
from .lexemes import use_fast_getters

DOMAIN_DICT = "domain_dict.txt"
# Where `govie train-segmenter` puts the project's pkuseg model (see govie/models/README.md).
DEFAULT_PKUSEG_MODEL = Path(__file__).resolve().parents[1] / "models" / "pkuseg-genre"


class SegmenterError(ValueError):
    """A segmenter that cannot be used as asked (unknown name, missing model)."""


@lru_cache(maxsize=1)
def _jieba():
    import rjieba

    tokenizer = rjieba.Jieba()
    text = resources.files(__package__).joinpath(DOMAIN_DICT).read_text(encoding="utf-8")
    for line in text.splitlines():   # jieba's user-dictionary lines: word [frequency] [tag]
        word, *rest = line.split()[:3] or [None]
        if word:
            freq = int(rest[0]) if rest and rest[0].isdigit() else None
            tag = rest[-1] if rest and not rest[-1].isdigit() else None
            tokenizer.add_word(word, freq, tag)
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


@lru_cache(maxsize=1)
def _amount_pieces() -> regex.Pattern:
    """A number with the multiplier and unit right after it: kept out of the segmenter's hands."""
    from ..numbers.grammar import lexicon

    lx = lexicon()
    units = list(lx["currencies"]) + lx["quantity_units"] + lx["percent_signs"]
    def alternation(words):
        return "|".join(regex.escape(w) for w in sorted(set(words), key=len, reverse=True))
    return regex.compile(rf"(?P<number>\d+(?:[.,]\d+)*)(?P<space>[ \t]*)"
                         rf"(?P<mult>{alternation(lx['multipliers'])})?(?P<unit>{alternation(units)})?")


def _segment_plain(text: str, segmenter: str, model):
    if not text:
        return
    if segmenter == "jieba":
        yield from _jieba().cut(text, True)   # with the HMM, as jieba's default
    else:
        yield from _pkuseg_words(_pkuseg(resolve_pkuseg_model(model)), text)


def segment_words(text: str, segmenter: str = "jieba", model=None) -> list[str]:
    """The words of ``text``, whitespace included.

    Numbers (``2,846.37``) and the unit after them (``万`` ``元``, ``场次``) are
    cut by rule before the segmenter sees the rest, so jieba and pkuseg agree
    on every amount and an amount's span always starts and ends on a token.
    A multiplier stays with its unit (``万元``, ``万人次``).
    """
    if segmenter not in ("jieba", "pkuseg"):
        raise SegmenterError(f"unknown segmenter {segmenter!r}: use 'jieba' or 'pkuseg'")
    words, last = [], 0
    for m in _amount_pieces().finditer(text):
        words.extend(_segment_plain(text[last:m.start()], segmenter, model))
        unit = (m.group("mult") or "") + (m.group("unit") or "")  # 万元 and 万人次 read as one word
        words.extend(piece for piece in (m.group("number"), m.group("space"), unit) if piece)
        last = m.end()
    words.extend(_segment_plain(text[last:], segmenter, model))
    return words


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


# A run of whitespace is at most this many tokens: the rest of a longer run (a
# page of blank lines, 50,000 spaces) joins the last one, so the models' time and
# memory, which go by tokens, follow the text and not its padding.
MAX_SPACE_TOKENS = 8


def _words_and_spaces(words: list[str]) -> tuple[list[str], list[bool]]:
    """spaCy's words/spaces: a single space after a word becomes its trailing space.

    The segmenters return every character of the text, so this is a single pass
    (spaCy's general get_words_and_spaces aligns against the text and is slower).
    """
    out, spaces = [], []
    run, tail = 0, []  # whitespace tokens in a row; the pieces of the last one beyond the limit
    for word in words:
        if word == " " and out and not spaces[-1] and not out[-1].isspace():
            spaces[-1] = True
        elif run >= MAX_SPACE_TOKENS and word.isspace():
            tail.append(word)
        else:
            if tail:
                out[-1] = out[-1] + "".join(tail)
                tail = []
            out.append(word)
            spaces.append(False)
            run = run + 1 if word.isspace() else 0
    if tail:
        out[-1] = out[-1] + "".join(tail)
    return out, spaces


class GenreTokenizer:
    """spaCy tokenizer: jieba (or pkuseg) + genre dictionary + number/unit splitting."""

    def __init__(self, vocab, segmenter: str = "jieba", pkuseg_model: str | None = None):
        self.vocab = vocab
        use_fast_getters(vocab)      # the lexemes of a text's new words are made here
        self.segmenter = segmenter
        self.pkuseg_model = pkuseg_model
        if segmenter == "pkuseg":
            resolve_pkuseg_model(pkuseg_model)  # fail now, not on the first document
        elif segmenter != "jieba":
            raise SegmenterError(f"unknown segmenter {segmenter!r}: use 'jieba' or 'pkuseg'")

    def __call__(self, text: str) -> Doc:
        words = segment_words(text, self.segmenter, self.pkuseg_model)
        doc = Doc(self.vocab, *_words_and_spaces(words))
        if "".join(words) == text:     # the segmenters return every character; then the Doc's text is this one
            remember_text(doc, text)
        return doc

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
