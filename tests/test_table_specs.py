"""The layout zoo (tests/specs/tables.jsonl) through govie.extract, and a property test that
renders tables of known content in every flattening of the zoo and reads them back.

The floors below are what the code achieved when they were last set (measured, in-sample
for nobody: the cases were written apart from the reader).  Where a floor is below the
target of issue 12 the line says so; raise a floor whenever the reader improves.
"""
from __future__ import annotations

import sys
from pathlib import Path

import pytest
from hypothesis import HealthCheck, Phase, given, settings
from hypothesis import strategies as st

import govie
from govie.evaluation.specs import evaluate_specs, field_right, value_right

SPECS = Path(__file__).parent / "specs"
sys.path.insert(0, str(SPECS))
import build_tables as zoo  # noqa: E402  (the flatteners and value parser of the zoo)

# issue 12 targets: indicator P >= 0.95, R >= 0.90, budget >= 0.95, table MONEY F1 >= 0.97
FLOORS = {
    "indicator_precision": 0.94,  # measured 0.953 on 199 cases: meets the target (0.95), floor a little under it
    "indicator_recall": 0.90,     # measured 0.912: meets the target (0.90)
    "budget": 0.92,               # BELOW the target (0.95); measured 0.933
    "money_f1": 0.955,            # BELOW the target (0.97); measured 0.967
    "self_score": 0.97,           # measured 0.985 (no target in the issue)
}


@pytest.fixture(scope="module")
def zoo_nlp():
    # the pipeline `govie evaluate --task specs` uses (trained parts included when shipped)
    return govie.load()


@pytest.fixture(scope="module")
def zoo_scores(zoo_nlp):
    return evaluate_specs(SPECS / "tables.jsonl", nlp=zoo_nlp)


def test_spec_file_is_well_formed():
    cases = [c for c in (zoo.json.loads(line) for line in (SPECS / "tables.jsonl").open(encoding="utf-8"))]
    assert len(cases) >= 150
    assert len({c["id"] for c in cases}) == len(cases)
    for c in cases:
        assert c["layout"] and c["notes"]
        for m in c["money"]:
            assert m["text"] in c["text"], c["id"]
        for ind in c["indicators"]:
            for part in ("target", "actual"):
                if ind[part]:
                    assert ind[part]["text"] in c["text"], (c["id"], ind["name"])


def test_zoo_indicators_floor(zoo_scores):
    total = zoo_scores["all"]
    assert total.indicators.precision >= FLOORS["indicator_precision"]
    assert total.indicators.recall >= FLOORS["indicator_recall"]


def test_zoo_budget_floor(zoo_scores):
    right, stated = zoo_scores["all"].budget
    assert right / stated >= FLOORS["budget"]
    right, stated = zoo_scores["all"].self_score
    assert right / stated >= FLOORS["self_score"]


def test_zoo_money_floor(zoo_scores):
    assert zoo_scores["all"].money.f1 >= FLOORS["money_f1"]


# --------------------------------------------------------------------------- property test
# Tables of known content, rendered in every flattening of the zoo, must read back.

NAME_HEADS = ["巡查", "培训", "改造", "救助", "检测", "宣传", "维修", "走访", "建设", "清运"]
NAME_TAILS = [("覆盖率", "%"), ("合格率", "%"), ("人次", "人次"), ("户数", "户"), ("里程", "公里"),
              ("场次", "场"), ("数量", "个"), ("成本", "万元")]
LEVELS = [("产出指标", "数量指标"), ("产出指标", "质量指标"), ("产出指标", "成本指标"),
          ("效益指标", "社会效益指标"), ("满意度指标", "服务对象满意度指标")]


@st.composite
def indicator_rows(draw):
    n = draw(st.integers(min_value=2, max_value=5))
    heads = draw(st.lists(st.sampled_from(NAME_HEADS), min_size=n, max_size=n, unique=True))
    rows = []
    for head in heads:
        tail, unit = draw(st.sampled_from(NAME_TAILS))
        level1, level2 = draw(st.sampled_from(LEVELS))
        cmp_ = draw(st.sampled_from(["", "≥", "≤"]))
        if unit == "%":
            target = draw(st.integers(min_value=80, max_value=100))
            actual = draw(st.integers(min_value=80, max_value=100))
        else:
            target = draw(st.integers(min_value=2, max_value=900))
            actual = target + draw(st.integers(min_value=0, max_value=40))
        weight = draw(st.sampled_from([5, 10, 15, 20]))
        rows.append(zoo.Ind(level1, level2, head + tail, f"{cmp_}{target}{unit}", f"{actual}{unit}",
                            float(weight), float(weight)))
    rows.sort(key=lambda r: LEVELS.index((r.level1, r.level2)))
    return rows


@st.composite
def projects(draw):
    adjusted = draw(st.integers(min_value=1000, max_value=99999)) / 100
    spent = round(adjusted * draw(st.integers(min_value=70, max_value=100)) / 100, 2)
    rate = round(spent / adjusted * 100, 2)
    budget = zoo.Budget(f"{adjusted:.2f}", f"{adjusted:.2f}", f"{spent:.2f}", "10", f"{rate}%",
                        zoo.fmt(round(min(10.0, rate / 10), 2)))
    return zoo.Project("专项工作经费", draw(indicator_rows()), budget, total=None)


FLATTENINGS = [r[0] for r in zoo.RENDERINGS]
STYLE = {r[0]: r[1:5] for r in zoo.RENDERINGS}

# flattenings whose content the reader does not yet give back, by check (measured; BELOW issue 12)
NOT_YET = {
    "indicators": {"glued"},   # cells glued with no separator: not all rows split back yet
    "budget": set(),
    "money": set(),
}


def read_back(project: zoo.Project, layout: str, nlp) -> dict:
    bstyle, istyle, merged, flattening = STYLE[layout]
    return govie.extract(zoo.render(project, flattening, bstyle, istyle, merged), nlp=nlp).to_dict()


def check_indicators(project, layout, report):
    istyle = STYLE[layout][1]
    for want in zoo.expected_indicators(project, istyle):
        got = [i for i in report["indicators"] if "".join((i.get("name") or "").split()) == want["name"]]
        assert got, f"{want['name']} not read"
        assert value_right(want["target"], got[0].get("target")), (want["name"], got[0].get("target"))
        assert value_right(want["actual"], got[0].get("actual")), (want["name"], got[0].get("actual"))
        assert field_right("score", want["score"], got[0].get("score"))
        assert field_right("weight", want["weight"], got[0].get("weight"))
        assert got[0].get("level1") == want["level1"] and got[0].get("level2") == want["level2"]


def check_budget(project, layout, report):
    for name, want in zoo.expected_budget(project, STYLE[layout][0]).items():
        assert field_right(name, want, report["budget"].get(name)), (name, want, report["budget"].get(name))


def check_money(project, layout, report):
    got = sorted((e["text"], round(e["value"], 1)) for e in report["entities"]
                 if e["label"] == "MONEY" and e.get("value") is not None)
    want = sorted((m["text"], round(m["value"], 1)) for m in zoo.expected_money(project, STYLE[layout][0]))
    assert got == want


CHECKS = {"indicators": check_indicators, "budget": check_budget, "money": check_money}


def _param(check, layout):
    marks = [pytest.mark.xfail(reason="not yet read: below issue 12's target", strict=False)] \
        if layout in NOT_YET[check] else []
    return pytest.param(check, layout, marks=marks, id=f"{check}-{layout}")


@pytest.mark.parametrize("check,layout", [_param(c, f) for c in CHECKS for f in FLATTENINGS])
def test_known_content_reads_back(check, layout, zoo_nlp):
    # fixed seed, a few examples, no shrinking: each example is a whole pipeline run
    @settings(max_examples=3, derandomize=True, deadline=None, database=None,
              phases=[Phase.explicit, Phase.generate],
              suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow])
    @given(projects())
    def run(project):
        CHECKS[check](project, layout, read_back(project, layout, zoo_nlp))

    run()


# --------------------------------------------------------------------------- the scorer itself

def _case():
    return {"id": "x", "layout": "pipe", "text": "", "self_score": 96.0,
            "indicators": [{"name": "培训人次", "level1": "产出指标", "level2": "数量指标",
                            "target": zoo.value("≥300人次"), "actual": zoo.value("320人次"),
                            "weight": 10.0, "score": 10.0}],
            "budget": {"spent": 1250000.0, "initial": None},
            "money": [{"text": "125", "value": 1250000.0}]}


def test_scorer_counts_a_perfect_report_right():
    from govie.evaluation.specs import score_case
    case = _case()
    report = {"indicators": [dict(case["indicators"][0], name="培训 人次")],
              "budget": {"spent": 1250000.2, "initial": None}, "self_score": 96.0,
              "entities": [{"label": "MONEY", "text": "125", "value": 1250000.0}]}
    t = score_case(case, report)
    assert (t.indicators.tp, t.indicators.fp, t.indicators.fn) == (1, 0, 0)
    assert t.budget == [2, 2] and t.self_score == [1, 1]
    assert (t.money.tp, t.money.fp, t.money.fn) == (1, 0, 0)


def test_scorer_counts_shifted_and_missing_values_wrong():
    from govie.evaluation.specs import score_case
    case = _case()
    shifted = dict(case["indicators"][0], target=zoo.value("320人次"), actual=None)
    report = {"indicators": [shifted], "budget": {"spent": None, "initial": 1250000.0},
              "self_score": None, "entities": [{"label": "MONEY", "text": "125", "value": 125.0}]}
    t = score_case(case, report)
    assert (t.indicators.tp, t.indicators.fp, t.indicators.fn) == (0, 1, 1)
    assert t.names.tp == 1            # the name was found, its values were not
    assert t.budget == [0, 2] and t.self_score == [0, 1]
    assert (t.money.tp, t.money.fp, t.money.fn) == (0, 1, 1)
