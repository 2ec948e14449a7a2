"""Training govie's NER and assembling the shipped pipeline (``govie train``).

Training data, all on the cleaned view the pipeline reads:

- gold: the corpus annotations (MONEY and PERCENT spans, INDICATOR name spans);
- silver: QUANTITY spans found by the rules in the same reports (the gold does
  not annotate quantities), where they do not overlap a gold span;
- generated: examples from :mod:`govie.training.generate`, seeded.

Spans that do not fall on token boundaries are counted and reported, not
silently dropped (see :class:`DocBinReport`).
"""
from __future__ import annotations

import logging
import shutil
import tempfile
from dataclasses import dataclass, field
from importlib import resources
from pathlib import Path

import spacy
from spacy import util
from spacy.tokens import DocBin

from ..corpus.gold import corpus_reports, load_gold
from ..progress import atomic_dir, with_progress
from ..reading import clean, read_text as read
from .generate import generate

log = logging.getLogger(__name__)
LABELS = ("MONEY", "PERCENT", "QUANTITY", "INDICATOR")
PIECE_CHARS = 400


@dataclass
class LabelledText:
    text: str
    spans: list[tuple[int, int, str]]
    source: str = ""


@dataclass
class DocBinReport:
    docs: int = 0
    spans: int = 0
    misaligned: list[tuple[str, int, int, str]] = field(default_factory=list)


def indicator_name_spans(record: dict) -> list[tuple[int, int]]:
    """Name spans of a gold indicators record (see corpus/README.md, the schema)."""
    spans = []
    for ind in record.get("indicators", []):
        name = ind.get("name")
        if isinstance(name, dict) and name.get("start") is not None:
            spans.append((name["start"], name["end"]))
        elif ind.get("start") is not None and ind.get("end", 0) > ind["start"]:
            spans.append((ind["start"], ind["end"]))
    return spans


def _overlaps(a: tuple[int, int], spans) -> bool:
    return any(a[0] < s[1] and s[0] < a[1] for s in spans)


def corpus_texts(corpus: str | Path, ids: set[str] | None = None, nlp=None) -> list[LabelledText]:
    """The corpus reports as labelled cleaned texts cut into pieces."""
    from ..extract import extract

    amounts = load_gold(corpus, "amounts")
    try:
        indicators = load_gold(corpus, "indicators")
    except FileNotFoundError:
        indicators = {}
    out = []
    for rid, path in corpus_reports(corpus):
        if ids is not None and rid not in ids:
            continue
        original = read(path)
        spans = [(s["start"], s["end"], s["label"]) for s in amounts.get(rid, {}).get("spans", [])
                 if s["label"] in LABELS]
        spans += [(s, e, "INDICATOR") for s, e in indicator_name_spans(indicators.get(rid, {}))
                  if not _overlaps((s, e), spans)]
        for ent in extract(original, nlp=nlp).entities:
            if ent["label"] == "QUANTITY" and not _overlaps((ent["start"], ent["end"]), spans):
                spans.append((ent["start"], ent["end"], "QUANTITY"))
        view = clean(original)
        cleaned = [(*view.to_clean(s, e), label) for s, e, label in spans]
        out.extend(_pieces(view.text, cleaned, rid))
    return out


def _pieces(text: str, spans, source: str) -> list[LabelledText]:
    """Cut a long text at line breaks that no span crosses, about PIECE_CHARS at a time."""
    spans = sorted(set(spans))
    pieces, start = [], 0
    while start < len(text):
        end = min(len(text), start + PIECE_CHARS)
        if end < len(text):
            cut = text.rfind("\n", start + 1, end)
            while cut > start and any(s < cut < e for s, e, _ in spans):
                cut = text.rfind("\n", start + 1, cut)
            end = cut + 1 if cut > start else end
        inside = [(s - start, e - start, label) for s, e, label in spans if start <= s and e <= end]
        if text[start:end].strip():
            pieces.append(LabelledText(text[start:end], inside, source))
        start = end
    return pieces


def generated_texts(n: int, seed: int) -> list[LabelledText]:
    out = []
    for ex in generate(n, seed=seed):
        view = clean(ex.text)
        out.append(LabelledText(view.text, [(*view.to_clean(s, e), label) for s, e, label in ex.spans], "generated"))
    return out


def to_docbin(texts: list[LabelledText], tokenizer) -> tuple[DocBin, DocBinReport]:
    """Docs with ``ents``; a span that does not fit the tokens is reported and left out."""
    db, report = DocBin(store_user_data=False), DocBinReport()
    for item in texts:
        doc = tokenizer(item.text)
        ents = []
        for s, e, label in sorted(item.spans):
            span = doc.char_span(s, e, label=label, alignment_mode="strict")
            if span is None:
                report.misaligned.append((item.source, s, e, item.text[s:e]))
                continue
            if ents and span.start < ents[-1].end:
                continue
            ents.append(span)
        doc.ents = ents
        report.docs += 1
        report.spans += len(ents)
        db.add(doc)
    return db, report


def config_path() -> Path:
    return Path(str(resources.files(__package__).joinpath("ner.cfg")))


def train_ner(out_dir: str | Path, train_texts: list[LabelledText], dev_texts: list[LabelledText],
              seed: int = 0, max_steps: int | None = None) -> tuple[Path, DocBinReport]:
    """Train the NER on the given texts; returns the trained pipeline's folder."""
    from spacy.cli.train import train as spacy_train

    from ..pipeline import load

    tokenizer = load(rules_only=True).tokenizer
    out_dir = Path(out_dir)
    with tempfile.TemporaryDirectory() as tmp:
        train_db, report = to_docbin(train_texts, tokenizer)
        dev_db, _ = to_docbin(dev_texts, tokenizer)
        train_db.to_disk(Path(tmp) / "train.spacy")
        dev_db.to_disk(Path(tmp) / "dev.spacy")
        overrides = {"paths.train": str(Path(tmp) / "train.spacy"), "paths.dev": str(Path(tmp) / "dev.spacy"),
                     "system.seed": seed}
        if max_steps is not None:
            overrides["training.max_steps"] = max_steps
            overrides["training.eval_frequency"] = max(10, max_steps // 4)
        config = with_progress(util.load_config(config_path(), overrides=overrides, interpolate=False), "NER")
        config.to_disk(Path(tmp) / "ner.cfg")
        spacy_train(Path(tmp) / "ner.cfg", out_dir, use_gpu=-1)
    if report.misaligned:
        log.warning("%d gold spans do not fit the tokens and were left out of training, e.g. %s",
                    len(report.misaligned), report.misaligned[:3])
    return out_dir / "model-last", report


def assemble(ner_dir: str | Path, out: str | Path) -> Path:
    """The shipped pipeline: the rule pipeline with the trained NER, which govie_entities runs on windows.

    The NER is kept disabled, so ``nlp(text)`` does not run it over the whole
    text; govie_entities runs it where its names can be used (entities/windows.py).
    """
    from ..pipeline import load

    nlp = load(rules_only=True)
    trained = spacy.load(ner_dir)
    nlp.add_pipe("ner", source=trained, before="govie_entities")
    nlp.disable_pipe("ner")
    with atomic_dir(out) as tmp:
        nlp.to_disk(tmp)
    return Path(out)
