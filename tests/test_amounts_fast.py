"""``govie.amounts(text)``: the same amounts as the pipeline, at a cost linear in the text.

The cost tests compare a hostile input with an ordinary report text of the same
length, measured in the same run (CPU time and peak traced memory), so they
hold on a slow or busy machine: a ratio with slack, never a clock.
"""
import json
import time
import tracemalloc
from pathlib import Path

import pytest

import govie
from govie.evaluation.gold import corpus_reports, load_gold

AMOUNT_LABELS = ("MONEY", "PERCENT", "QUANTITY")
ROOT = Path(__file__).resolve().parent.parent
SPECS = [json.loads(line) for line in (ROOT / "tests" / "specs" / "amounts.jsonl").open(encoding="utf-8")
         if line.strip()]


def pipeline_amounts(text, nlp):
    return [e for e in govie.extract(text, nlp=nlp).entities if e["label"] in AMOUNT_LABELS]


def test_spec_cases_give_the_pipelines_amounts(nlp):
    for case in SPECS:
        assert govie.amounts(case["text"]) == pipeline_amounts(case["text"], nlp), case["id"]


def _keyed(entities):
    return {(e["label"], e["start"], e["end"]): e["value"] for e in entities if e["label"] in ("MONEY", "PERCENT")}


def test_corpus_reports_give_the_pipelines_amounts_and_its_score(corpus_dir, nlp):
    """Every amount entity equal; and so the amounts task of `govie evaluate` (exact span
    and label, value on matched spans) scores the fast path as it scores the pipeline."""
    gold = load_gold(corpus_dir, "amounts")
    scored = 0
    for rid, path in corpus_reports(corpus_dir):
        text = str(govie.read(path))
        fast_entities, pipeline_entities = govie.amounts(text), pipeline_amounts(text, nlp)
        assert fast_entities == pipeline_entities, rid
        if rid not in gold:
            continue
        fast, pipeline = _keyed(fast_entities), _keyed(pipeline_entities)
        expected = {(s["label"], s["start"], s["end"]): s["value"] for s in gold[rid]["spans"]
                    if s["label"] in ("MONEY", "PERCENT")}
        assert fast == pipeline, rid
        # Whatever the pipeline's score is, the fast path's is the same: same misses, same extras.
        assert fast.keys() - expected.keys() == pipeline.keys() - expected.keys()
        assert expected.keys() - fast.keys() == expected.keys() - pipeline.keys()
        scored += 1
    assert scored >= 1


def test_offsets_point_into_the_text_given():
    text = "<p>全年预算数 13 259.41\n\n万元，资金到位率 96. 28％，惠及群眾約2.6萬人次。</p>"
    found = govie.amounts(text)
    assert [e["label"] for e in found] == ["MONEY", "PERCENT", "QUANTITY"]
    assert [e["value"] for e in found] == [132594100.0, 96.28, 26000.0]
    for e in found:
        assert text[e["start"]:e["end"]] == e["text"]


def test_govie_amounts_is_still_the_package():
    from govie.amounts import AmountRecognizer  # noqa: F401  the package's names stay importable

    assert callable(govie.amounts) and govie.amounts("") == []
    with pytest.raises(TypeError):
        govie.amounts(b"12\xe4\xb8\x87\xe5\x85\x83")


# --------------------------------------------------------------------------- bounded cost

N = 60_000
_ORDINARY_COST = {}


def _ordinary(corpus_dir, n):
    """Report text (narrative and tables) repeated to n characters."""
    text = "".join(str(govie.read(p)) for _, p in corpus_reports(corpus_dir))
    return (text * (n // len(text) + 1))[:n]


def _cost(text, repeat=3):
    """Best CPU time of a few runs, and the peak memory traced during one."""
    best = float("inf")
    for _ in range(repeat):
        t0 = time.process_time()
        govie.amounts(text)
        best = min(best, time.process_time() - t0)
    tracemalloc.start()
    try:
        govie.amounts(text)
        peak = tracemalloc.get_traced_memory()[1]
    finally:
        tracemalloc.stop()
    return best, peak


HOSTILE = {
    "a run of digits": "1" * N,
    "spaces between a number and 万元": "5" + " " * (N // 2) + "万元" + "的" * (N // 2 - 3),
    "tabs between a number and 万元": "5" + "\t" * (N // 2) + "万元" + "的" * (N // 2 - 3),
    "万 repeated": "万" * N,
    "一 repeated": "一" * N,
    "约 repeated": "约" * N,
    "≥ repeated": "≥" * N,
    "百分之 without a number, repeated": ("百分之的" * N)[:N],
    "% and brackets repeated": ("%(（" * N)[:N],
    "newlines after a number": "5" + "\n" * (N - 3) + "万元",
    "a 35-digit number in every line": ("流水号" + "9" * 35 + "，\n") * (N // 40),
}


@pytest.mark.parametrize("name", HOSTILE)
def test_hostile_input_costs_what_an_ordinary_text_costs(name, corpus_dir):
    govie.amounts("热身：5万元，96%。")
    text = HOSTILE[name]
    if len(text) not in _ORDINARY_COST:
        _ORDINARY_COST[len(text)] = _cost(_ordinary(corpus_dir, len(text)))
    ordinary_time, ordinary_peak = _ORDINARY_COST[len(text)]
    hostile_time, hostile_peak = _cost(text)
    assert hostile_time <= 4 * ordinary_time + 0.01, (name, hostile_time, ordinary_time)
    assert hostile_peak <= 3 * ordinary_peak + 1_000_000, (name, hostile_peak, ordinary_peak)


def test_cost_per_character_does_not_grow_with_the_document(corpus_dir):
    one = _ordinary(corpus_dir, 40_000)
    govie.amounts(one)
    t1, _ = _cost(one)
    t8, _ = _cost(one * 8)
    assert t8 / 8 <= 2 * t1 + 0.001, (t1, t8)


def test_over_long_numbers_are_refused_not_raised():
    assert govie.amounts("1" * 35 + "万元") == []
    assert govie.amounts("1" * 100_000) == []
    assert govie.amounts("0." + "1" * 40 + "%") == []
    found = govie.amounts("资金" + "9" * 20 + "万亿元")        # the longest number still read
    assert len(found) == 1 and found[0]["value"] == pytest.approx(float("9" * 20) * 1e12)


# --------------------------------------------------------------------------- any text at all

from hypothesis import given, settings, strategies as st  # noqa: E402

GENRE_PIECES = st.sampled_from([
    "1", "9", "0", "12", "3.5", "1,096.47", "-", "−", "负", ".", ",", "，", "１", "２", "。", "：",
    "一", "两", "十", "百", "千", "万", "亿", "萬", "億", "点", "元", "圓", "美元", "台币", "%", "％", "‰",
    "百分之", "千分之", "万分之", "百 分 之", "个百分点", "個百分點", "成", "成本", "半",
    "≥", "≤", "以上", "以内", "不低于", "约", "近", "余", "多", "左右", "至", "~", "(", ")", "（", "）",
    "$", "￥", "US$", "人次", "个", "家", "平方米", "分/月", "单位：万元", "资金", "预算数",
    " ", "  ", "\t", "\n", "\r\n", "|", "<p>", "</td>", "\u3000", "\ud800", "年", "第",
])


@settings(max_examples=200, deadline=None, derandomize=True)
@given(st.lists(st.one_of(GENRE_PIECES, st.text(max_size=3)), max_size=40).map("".join))
def test_any_text_gives_sound_amounts(text):
    import math

    found = govie.amounts(text)
    assert found == govie.amounts(text)
    for e in found:
        assert text[e["start"]:e["end"]] == e["text"] and e["start"] < e["end"]
        assert e["label"] in AMOUNT_LABELS
        assert math.isfinite(e["value"]) and (e.get("value_max") is None or math.isfinite(e["value_max"]))
    json.dumps(found, ensure_ascii=False)
