"""Amounts task: exact spans with the right label; values checked on the matched spans."""
from __future__ import annotations

from pathlib import Path

from ..extract import extract_file
from .gold import corpus_reports, load_gold
from .scores import PRF, compare, format_table

LABELS = ("MONEY", "PERCENT")


def _close(a, b) -> bool:
    return a is not None and b is not None and abs(a - b) <= 1e-6 * max(1.0, abs(b))


def evaluate_amounts(corpus: str | Path, nlp=None, labels=LABELS, errors: list | None = None):
    """Per-label PRF over the corpus, plus the share of matched spans whose value is right."""
    gold = load_gold(corpus, "amounts")
    per_label = {label: PRF() for label in labels}
    values_right = values_total = 0
    for rid, path in corpus_reports(corpus):
        if rid not in gold:
            continue
        report = extract_file(path, nlp=nlp)
        predicted = {(e["label"], e["start"], e["end"]): e["value"] for e in report.entities if e["label"] in labels}
        expected = {(s["label"], s["start"], s["end"]): s["value"] for s in gold[rid]["spans"] if s["label"] in labels}
        for label in labels:
            g = {k for k in expected if k[0] == label}
            p = {k for k in predicted if k[0] == label}
            per_label[label].add(compare(g, p))
        for key in expected.keys() & predicted.keys():
            values_total += 1
            values_right += _close(predicted[key], expected[key])
        if errors is not None:
            text = report.text
            errors.extend((rid, "missed", k, text[k[1]:k[2]]) for k in sorted(expected.keys() - predicted.keys()))
            errors.extend((rid, "spurious", k, text[k[1]:k[2]]) for k in sorted(predicted.keys() - expected.keys()))
    overall = PRF()
    for s in per_label.values():
        overall.add(s)
    per_label["all"] = overall
    return per_label, (values_right / values_total if values_total else 1.0)


GOLD = "amounts"


def report(corpus, nlp, show_errors: bool = False) -> str:
    errors = [] if show_errors else None
    per_label, value_accuracy = evaluate_amounts(corpus, nlp=nlp, errors=errors)
    lines = [format_table("Amounts (exact span and label)", per_label),
             f"value accuracy on matched spans: {value_accuracy:.3f}"]
    lines += [f"  {kind:<9}{rid}  {key[0]:<8}{key[1]:>6}-{key[2]:<6}{text!r}"
              for rid, kind, key, text in errors or []]
    return "\n".join(lines)
