"""Shared input/expected specs (tests/specs/amounts.jsonl): sentences written in the
genre's style for other cities and years.  Each case lists every amount it holds."""
import json
from pathlib import Path

import pytest

import govie

AMOUNT_LABELS = ("MONEY", "PERCENT", "QUANTITY")  # the specs cover amounts; INDICATOR names are tested elsewhere
SPECS = [json.loads(line) for line in (Path(__file__).parent / "specs" / "amounts.jsonl").open(encoding="utf-8")
         if line.strip()]


def _expected_offsets(case, ent):
    k, start = ent.get("occurrence", 0), -1
    for _ in range(k + 1):
        start = case["text"].index(ent["text"], start + 1)
    return start, start + len(ent["text"])


@pytest.mark.parametrize("case", SPECS, ids=[c["id"] for c in SPECS])
def test_spec(case, nlp):
    report = govie.extract(case["text"], nlp=nlp)
    found = {(e["label"], e["start"], e["end"]): e for e in report.entities if e["label"] in AMOUNT_LABELS}
    expected = {(x["label"], *_expected_offsets(case, x)): x for x in case["entities"]}
    assert sorted(found) == sorted(expected), case.get("notes")
    for key, want in expected.items():
        got = found[key]
        assert got["value"] == pytest.approx(want["value"], rel=1e-9), key
        for field in ("unit", "currency", "comparator", "approximate", "value_max"):
            if field in want:
                assert got.get(field) == want[field], (key, field)
