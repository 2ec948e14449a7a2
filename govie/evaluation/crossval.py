"""Leave-one-report-out evaluation of the NER: rules only, model only, combined.

For each report, the NER is trained on the other reports (gold and silver)
plus generated examples, and all three systems are scored on the held-out
report's gold: MONEY and PERCENT spans (amounts.jsonl) and INDICATOR name
spans (indicators.jsonl).  QUANTITY has no gold, so it is not scored.
Each fold's model can also be scored on held-out spec cases (see
``cross_validate``).
"""
from __future__ import annotations

import contextlib
import io
import json
import tempfile
from pathlib import Path

import spacy
from tqdm import tqdm

from ..extract import extract
from ..pipeline import load
from ..reading import clean, read_text as read
from ..training.ner import assemble, corpus_texts, generated_texts, indicator_name_spans, train_ner
from .gold import corpus_reports, load_gold
from .scores import PRF, compare, format_table

SCORED = ("MONEY", "PERCENT", "INDICATOR")
SYSTEMS = ("rules", "model", "combined")
SPEC_LABEL = "INDICATOR specs"


def gold_spans(corpus, rid: str) -> set[tuple[str, int, int]]:
    spans = {(s["label"], s["start"], s["end"]) for s in load_gold(corpus, "amounts").get(rid, {}).get("spans", [])
             if s["label"] in SCORED}
    with contextlib.suppress(FileNotFoundError):
        record = load_gold(corpus, "indicators").get(rid, {})
        spans |= {("INDICATOR", s, e) for s, e in indicator_name_spans(record)}
    return spans


def model_spans(ner_nlp, text: str) -> set[tuple[str, int, int]]:
    view = clean(text)
    doc = ner_nlp(view.text)
    return {(ent.label_, *view.to_original(ent.start_char, ent.end_char)) for ent in doc.ents}


def entity_spans(report) -> set[tuple[str, int, int]]:
    return {(e["label"], e["start"], e["end"]) for e in report.entities}


def cross_validate(corpus="corpus", n_generated: int = 1500, seed: int = 0, max_steps: int = 800,
                   quiet: bool = True, specs=None, progress: bool = True) -> dict[str, dict[str, PRF]]:
    """Scores per system and label; with ``specs``, each fold's model is also scored on them.

    The rules were written while reading the corpus, so on its gold they are
    in-sample however the folds fall; the specs are text neither the rules nor
    any model saw, and their pooled row (``INDICATOR specs``, summed over the
    folds) is where the trained model can show what it adds.
    """
    rules = load(rules_only=True)
    reports = corpus_reports(corpus)
    labels = SCORED + ((SPEC_LABEL,) if specs else ())
    scores = {system: {label: PRF() for label in labels} for system in SYSTEMS}
    cases = spec_cases(specs) if specs else []
    generated = generated_texts(n_generated, seed)
    dev = generated_texts(200, seed + 1)
    for rid, path in tqdm(reports, desc="cross-validation", unit="fold", disable=not progress):
        others = {r for r, _ in reports if r != rid}
        with tempfile.TemporaryDirectory() as tmp:
            sink = io.StringIO() if quiet else None
            with contextlib.redirect_stdout(sink) if quiet else contextlib.nullcontext():
                ner_dir, _ = train_ner(Path(tmp) / "ner", corpus_texts(corpus, others, nlp=rules) + generated,
                                       dev, seed=seed, max_steps=max_steps)
                combined = spacy.load(assemble(ner_dir, Path(tmp) / "combined"))
                ner_only = spacy.load(ner_dir)
        systems = {"rules": lambda t: entity_spans(extract(t, nlp=rules)),
                   "model": lambda t: model_spans(ner_only, t),
                   "combined": lambda t: entity_spans(extract(t, nlp=combined))}
        text = read(path)
        gold = gold_spans(corpus, rid)
        for system, spans_of in systems.items():
            spans = spans_of(text)
            for label in SCORED:
                scores[system][label].add(compare({g for g in gold if g[0] == label},
                                                  {p for p in spans if p[0] == label}))
            for case in cases:
                found = {p for p in spans_of(case["text"]) if p[0] == "INDICATOR"}
                scores[system][SPEC_LABEL].add(compare(spec_name_spans(case), found))
    return scores


def format_cross_validation(scores: dict[str, dict[str, PRF]]) -> str:
    labels = list(next(iter(scores.values())))
    rows = {f"{label} {system}": scores[system][label] for label in labels for system in SYSTEMS}
    return format_table("NER, leave-one-report-out (exact span and label)", rows)


def spec_cases(path) -> list[dict]:
    with open(path, encoding="utf-8") as fh:
        return [json.loads(line) for line in fh if line.strip()]


def spec_name_spans(case: dict) -> set[tuple[str, int, int]]:
    """Gold INDICATOR name spans of one case of tests/specs/indicators.jsonl."""
    spans = set()
    for ind in case["indicators"]:
        start = -1
        for _ in range(ind.get("occurrence", 0) + 1):
            start = case["text"].index(ind["name"], start + 1)
        spans.add(("INDICATOR", start, start + len(ind["name"])))
    return spans


def score_indicator_specs(path, systems: dict) -> dict[str, PRF]:
    """INDICATOR names on held-out spec cases (written apart from the rules and the gold)."""
    scores = {name: PRF() for name in systems}
    for case in spec_cases(path):
        gold = spec_name_spans(case)
        for name, nlp in systems.items():
            found = {s for s in entity_spans(extract(case["text"], nlp=nlp)) if s[0] == "INDICATOR"}
            scores[name].add(compare(gold, found))
    return scores
