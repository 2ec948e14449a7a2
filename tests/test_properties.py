"""Property tests: govie.extract on random genre text and on mutated corpus reports.

For every example: no exception; every span of every kind points into the text
that was given (``text == original[start:end]``); every number is finite; the
report serialises to strict JSON; the same input gives the same report twice.

Profiles are in conftest.py (``HYPOTHESIS_PROFILE=long`` for a longer local run).
"""
from __future__ import annotations

import json
import math
import os
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

import govie
from govie.indicators.model import plain

RAW = Path(__file__).resolve().parent.parent / "corpus" / "raw"

# Pieces of the genre: numbers in every script, units, comparators, separators,
# headings and table header words, so that random strings look like (broken) reports.
DIGITS = "0123456789０１２３４５６７８９"
CHINESE_NUMERALS = "零一二三四五六七八九十百千万亿两〇壹贰叁肆伍陆柒捌玖拾佰仟点"
SYMBOLS = "%％.,，。；;：:、（）()≥≤≧≦><=＞＜-−~～至/|\t\n \u3000"
WORDS = [
    "万", "亿", "元", "万元", "亿元", "千元", "美元", "%", "％", "百分之", "千分之", "≥", "≤",
    "以上", "以下", "以内", "不低于", "不高于", "约", "近", "余", "多", "左右", "个", "人次", "家",
    "平方米", "宗", "分", "分/月", "单位：万元", "单位：元", "存在问题", "存在的主要问题",
    "改进措施", "下一步改进措施", "下一步计划", "一、", "二、", "（一）", "(二)", "1.", "一是", "二是",
    "一级指标", "二级指标", "三级指标", "年度指标值", "实际完成值", "分值", "得分", "预期实现值",
    "指标完成情况", "年初预算", "调整预算", "全年预算数", "实际支出", "执行数", "预算完成率",
    "自评得分", "等级", "优", "良好", "达标", "暂无", "无", "<p>", "</p>", "关键指标", "任务涉及资金",
    "年度资金总额", "偏差原因分析及改进措施", "总分", "\r\n", "\n\n", " | ", "\t", "方面：",
]
ALPHABET = DIGITS + CHINESE_NUMERALS + SYMBOLS + "项目资金绩效目标完成率满意度街道办事处服务企业数"

genre_piece = st.one_of(
    st.sampled_from(WORDS),
    st.text(alphabet=ALPHABET, min_size=1, max_size=8),
    st.integers(min_value=0, max_value=10**12).map(str),
    st.decimals(min_value=0, max_value=10**9, places=2, allow_nan=False).map(str),
    st.text(alphabet="0123456789", min_size=13, max_size=60),  # longer than any amount
    # A little of anything Unicode, lone surrogates and controls included.
    st.text(alphabet=st.characters(blacklist_categories=()), min_size=1, max_size=3),
    st.characters(min_codepoint=0xD800, max_codepoint=0xDFFF),
)
genre_text = st.lists(genre_piece, max_size=60).map("".join)


def _corpus_lines() -> list[list[str]]:
    return [p.read_text(encoding="utf-8").splitlines(keepends=True) for p in sorted(RAW.glob("*.txt"))]


CORPUS_LINES = _corpus_lines()
MAX_CHUNK_LINES = 200 if settings().max_examples > 500 else 40


@st.composite
def mutated_report(draw) -> str:
    """A chunk of a corpus report with lines deleted, duplicated, shuffled and noise inserted."""
    lines = draw(st.sampled_from(CORPUS_LINES))
    start = draw(st.integers(0, max(0, len(lines) - 1)))
    size = draw(st.integers(1, MAX_CHUNK_LINES))
    chunk = list(lines[start:start + size])
    for _ in range(draw(st.integers(0, 6))):
        if not chunk:
            break
        i = draw(st.integers(0, len(chunk) - 1))
        op = draw(st.sampled_from(["delete", "duplicate", "swap", "noise", "cut"]))
        if op == "delete":
            del chunk[i]
        elif op == "duplicate":
            chunk.insert(i, chunk[i])
        elif op == "swap":
            j = draw(st.integers(0, len(chunk) - 1))
            chunk[i], chunk[j] = chunk[j], chunk[i]
        elif op == "noise":
            chunk.insert(i, draw(genre_text))
        else:  # cut a line anywhere, as a chunk boundary or a PDF would
            line = chunk[i]
            k = draw(st.integers(0, len(line)))
            chunk[i] = line[:k] if draw(st.booleans()) else line[k:]
    if draw(st.booleans()):
        draw(st.randoms(use_true_random=False)).shuffle(chunk)
    return "".join(chunk)


def _walk_spans(obj, original: str, where: str = "") -> None:
    """Every dict with start/end points into the original; its text (or name) is that slice."""
    if isinstance(obj, dict):
        if "start" in obj and "end" in obj:
            s, e = obj["start"], obj["end"]
            assert isinstance(s, int) and isinstance(e, int), where
            assert 0 <= s <= e <= len(original), (where, s, e, len(original))
            if "text" in obj:
                assert obj["text"] == original[s:e], (where, obj)
            if "name" in obj and plain(original[s:e]):
                assert obj["name"] == plain(original[s:e]), (where, obj)
        for key, value in obj.items():
            _walk_spans(value, original, f"{where}.{key}")
    elif isinstance(obj, list):
        for i, value in enumerate(obj):
            _walk_spans(value, original, f"{where}[{i}]")


def _walk_numbers(obj, where: str = "") -> None:
    if isinstance(obj, float):
        assert math.isfinite(obj), where
    elif isinstance(obj, dict):
        for key, value in obj.items():
            _walk_numbers(value, f"{where}.{key}")
    elif isinstance(obj, list):
        for i, value in enumerate(obj):
            _walk_numbers(value, f"{where}[{i}]")


def check_report(text: str) -> dict:
    """The properties every extraction must have; returns the report's dict."""
    if os.environ.get("GOVIE_PROPERTY_LOG"):  # a long local run counts its examples here
        with open(os.environ["GOVIE_PROPERTY_LOG"], "a", encoding="utf-8") as log:
            log.write(f"{len(text)}\n")
    first = govie.extract(text).to_dict()
    _walk_spans(first, text)
    _walk_numbers(first)
    json.dumps(first, allow_nan=False, ensure_ascii=False)
    assert govie.extract(text).to_dict() == first, "same input, different output"
    return first


@given(genre_text)
def test_random_genre_text(text):
    check_report(text)


@given(mutated_report())
def test_mutated_corpus_reports(text):
    check_report(text)


@pytest.mark.parametrize("path", sorted(RAW.glob("*.txt")), ids=lambda p: p.name)
def test_corpus_reports_whole(path):
    check_report(path.read_text(encoding="utf-8"))
