"""The written statement specs (tests/specs/statements.jsonl) against the issue's targets.

The specs were written for this project in its own words; they reproduce layouts and wordings
seen in real reports (tests/specs/SOURCES.md).  The figures are in-sample: the rules were
developed with these cases in view.
"""
import pytest

import govie
from govie.evaluation.statements import evaluate_specs, load_specs

SPECS = load_specs()


def test_there_are_enough_specs_of_every_kind():
    assert len(SPECS) >= 60
    kinds = {case["id"].split("-")[1] for case in SPECS}
    assert {"runon", "wording", "table", "page", "prompt", "none", "narrative", "identity"} <= kinds
    for case in SPECS:
        for kind in ("problems", "remedies"):
            assert all(s in case["text"] for s in case[kind]), case["id"]


@pytest.fixture(scope="module")
def results():
    errors = []
    return evaluate_specs(govie.load(), SPECS, errors), errors


def test_problems_and_remedies_recall(results):
    res, errors = results
    for kind in ("problems", "remedies"):
        assert res["recall"][kind].recall >= 0.95, [e for e in errors if e[1] == "missed"]


def test_strays(results):
    res, errors = results
    assert res["strays"] <= 1, [e for e in errors if e[1] == "stray"]
    assert res["strays_in_none"] == 0, [e for e in errors if e[1] == "stray"]


def test_department_and_year(results):
    res, errors = results
    for field in ("department", "year"):
        right, total = res[field]
        assert total >= 10 and right / total >= 0.95, [e for e in errors if e[2] == field]


def test_offsets_point_into_the_text():
    for case in SPECS[:20]:
        report = govie.extract(case["text"])
        for kind in ("problems", "remedies"):
            for x in getattr(report, kind):
                assert case["text"][x["start"]:x["end"]] == x["text"]
