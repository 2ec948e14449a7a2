"""NER task for ``govie evaluate``: the shipped model against the rules.

Without ``--cross-validate`` it compares rules-only and the shipped pipeline
on INDICATOR names of the held-out specs (``tests/specs/indicators.jsonl``,
written apart from the rules, the gold and the training data) — quick.  With
it, it retrains the NER once per report and prints the leave-one-report-out
table of rules only, model only and combined (a few minutes on two cores),
with each fold's model also scored on the specs (row ``INDICATOR specs``).
"""
from __future__ import annotations

from pathlib import Path

from ..pipeline import DEFAULT_MODEL, load
from .crossval import cross_validate as run_cross_validation
from .crossval import format_cross_validation, score_indicator_specs
from .scores import format_table

GOLD = "amounts"
SPECS = Path(__file__).resolve().parents[2] / "tests" / "specs" / "indicators.jsonl"


def report(corpus, nlp, show_errors: bool = False, cross_validate: bool = False) -> str:
    parts = []
    if SPECS.exists() and DEFAULT_MODEL.exists():
        scores = score_indicator_specs(SPECS, {"rules": load(rules_only=True),
                                                    "combined": nlp if "ner" in nlp.pipe_names else load()})
        parts.append(format_table(f"INDICATOR names on held-out specs ({SPECS.name}, exact span)", scores))
    if cross_validate:
        parts.append(format_cross_validation(run_cross_validation(corpus, specs=SPECS if SPECS.exists() else None)))
    else:
        parts.append("ner: leave-one-report-out needs --cross-validate (retrains the NER five times)")
    return "\n".join(parts)
