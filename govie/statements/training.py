"""Training the sentence classifier: the corpus reader of ``textcat.cfg`` and :func:`train_textcat`.

Training examples are sentences with one of three exclusive labels:

- every sentence of a gold problem or remedy item of ``corpus/annotations/sentences.jsonl``
  (PROBLEM or REMEDY), and every sentence listed there under ``other`` (OTHER);
- the sentences written for other cities and years in ``extra_sentences.jsonl``.

A sentence is read as the classifier reads it at prediction time
(:func:`~govie.statements.classifier.sentence_words`): the report is cleaned
and tokenized whole, so a word broken by a PDF line break is broken the same way.

``govie train-textcat`` runs :func:`train_textcat`: the config is spaCy's, the
training loop is spaCy's (``spacy.training.loop.train``), the seed is fixed.
"""
from __future__ import annotations

import io
from dataclasses import dataclass
from functools import lru_cache
from importlib import resources
from pathlib import Path
from typing import Callable, Iterable, List, Optional

import srsly
from spacy.language import Language
from spacy.tokens import Doc
from spacy.vocab import Vocab
from spacy.training import Example
from spacy.util import fix_random_seed, load_config, registry

from ..corpus.gold import corpus_reports, load_gold
from ..reading import clean, read_text as read
from ..segment import GenreTokenizer
from ..sentences import describe_sentence, split_sentences
from .classifier import LABEL_OF_KIND, LABELS, sentence_words

CONFIG = Path(__file__).resolve().parent / "textcat.cfg"
EXTRA = "extra_sentences.jsonl"


@dataclass(frozen=True)
class Unit:
    """One training or test sentence."""
    report: str | None       # report id; None for a written sentence
    label: str               # PROBLEM, REMEDY or OTHER
    words: tuple[str, ...]
    text: str
    in_section: bool = False


def _words(make_doc, text: str) -> tuple[str, ...]:
    cleaned = clean(text).text
    doc = make_doc(cleaned)
    s = describe_sentence(cleaned, 0, len(cleaned))
    return tuple(sentence_words(doc, s.content_start, len(cleaned)))


def _sentence_units(rid, label, doc, text, a, b, in_section, split: bool) -> list[Unit]:
    spans = [(s.content_start, s.end) for s in split_sentences(text, a, b, headings=[])] if split else \
        [(describe_sentence(text, a, b).content_start, b)]
    out = []
    for start, end in spans:
        words = tuple(sentence_words(doc, start, end))
        if words:
            out.append(Unit(rid, label, words, text[start:end], in_section))
    return out


@lru_cache(maxsize=8)
def _corpus_units(corpus: str, stamp: float, segmenter: str, pkuseg_model: str | None) -> tuple[Unit, ...]:
    make_doc = GenreTokenizer(Vocab(), segmenter, pkuseg_model)
    gold = load_gold(corpus, "sentences")
    units: list[Unit] = []
    for rid, path in corpus_reports(corpus):
        if rid not in gold:
            continue
        cleaned = clean(read(path))
        doc = make_doc(cleaned.text)
        record = gold[rid]
        for kind, label in LABEL_OF_KIND.items():
            for item in record.get(kind, []):
                a, b = cleaned.to_clean(item["start"], item["end"])
                units += _sentence_units(rid, label, doc, cleaned.text, a, b, item.get("in_section", True), True)
        for item in record.get("other", []):
            a, b = cleaned.to_clean(item["start"], item["end"])
            units += _sentence_units(rid, "OTHER", doc, cleaned.text, a, b, False, False)
    return tuple(units)


def corpus_units(corpus: str | Path, nlp: Language | None = None) -> list[Unit]:
    """The annotated sentences of the corpus, as the classifier reads them (segmented like ``nlp``)."""
    corpus = Path(corpus).resolve()
    gold = corpus / "annotations" / "sentences.jsonl"
    tokenizer = nlp.tokenizer if nlp is not None else None
    return list(_corpus_units(str(corpus), gold.stat().st_mtime, getattr(tokenizer, "segmenter", "jieba"),
                              getattr(tokenizer, "pkuseg_model", None)))


def extra_units(path: str | Path | None, nlp: Language) -> list[Unit]:
    """The written sentences (JSONL with ``text`` and ``label``)."""
    if path is None:
        with resources.as_file(resources.files(__package__).joinpath(EXTRA)) as p:
            rows = list(srsly.read_jsonl(p))
    else:
        rows = list(srsly.read_jsonl(path))
    units = []
    for row in rows:
        if row["label"] not in LABELS:
            raise ValueError(f"{path or EXTRA}: unknown label {row['label']!r} (use {', '.join(LABELS)})")
        words = _words(nlp.make_doc, row["text"])
        if words:
            units.append(Unit(None, row["label"], words, row["text"]))
    return units


def select(units: list[Unit], include=None, exclude=()) -> list[Unit]:
    return [u for u in units if (include is None or u.report in include) and u.report not in set(exclude)]


def example(nlp: Language, unit: Unit) -> Example:
    doc = Doc(nlp.vocab, words=list(unit.words))
    return Example.from_dict(doc, {"cats": {label: float(label == unit.label) for label in LABELS}})


@registry.readers("govie.statement_examples.v1")
def statement_examples(corpus: str, extra: Optional[str] = None, use_extra: bool = True,
                       include: Optional[List[str]] = None,
                       exclude: List[str] = []) -> Callable[[Language], Iterable[Example]]:  # noqa: B006
    """Examples from the corpus gold (the reports in ``include``, none in ``exclude``) and the written sentences."""
    cache: dict = {}

    def read_examples(nlp: Language) -> Iterable[Example]:
        if "units" not in cache:
            units = select(corpus_units(corpus, nlp), include, exclude)
            if use_extra:
                units += extra_units(extra, nlp)
            cache["units"] = units
        for unit in cache["units"]:
            yield example(nlp, unit)

    return read_examples


def train_textcat(out: str | Path | None = None, corpus: str | Path = "corpus", extra: str | Path | None = None,
                  seed: int = 0, exclude: Iterable[str] = (), config: str | Path = CONFIG,
                  overrides: dict | None = None, log: io.TextIOBase | None = None,
                  progress: bool = False) -> Language:
    """Train the classifier (reproducibly: ``seed`` fixes every random choice); save it to ``out`` if given.

    ``exclude`` leaves reports out of training (leave-one-report-out); they become the dev set.
    ``progress`` draws a bar over the training steps on stderr.  The model is
    written to a folder beside ``out`` and moved into place when complete.
    """
    from spacy.training.initialize import init_nlp
    from spacy.training.loop import train as train_loop

    exclude = list(exclude)
    settings = {"paths.corpus": str(corpus), "paths.extra": str(extra) if extra else None,
                "system.seed": seed, "corpora.train.exclude": exclude,
                "corpora.dev.include": exclude or None}
    settings.update(overrides or {})
    cfg = load_config(config, overrides=settings, interpolate=False)
    if progress:
        from ..progress import with_progress

        cfg = with_progress(cfg, "sentence classifier")
    if out is not None:
        from ..progress import prepare_out

        prepare_out(out)  # before training, not after
    fix_random_seed(seed)
    nlp = init_nlp(cfg, use_gpu=-1)
    fix_random_seed(seed)
    sink = log if log is not None else io.StringIO()
    nlp, _ = train_loop(nlp, None, stdout=sink, stderr=sink)
    from .. import __version__
    nlp.meta.update({
        "name": "textcat_statements", "version": __version__,
        "description": "govie_statements' sentence classifier (PROBLEM / REMEDY / OTHER), trained by "
                       "`govie train-textcat`. 'performance' is measured on the corpus sentences it was "
                       "trained on; `govie evaluate --task statements --cross-validate` measures it "
                       "leave-one-report-out."})
    if out is not None:
        from ..progress import atomic_dir

        with atomic_dir(out) as tmp:
            nlp.to_disk(tmp)
    return nlp
