"""Inputs that once made govie.extract fail, found by the property tests or by hand.

Each test is plain (no hypothesis) so that it stays after the strategies change.
"""
from __future__ import annotations

import json

import govie


def spans_hold(report, text):
    for e in report.entities:
        assert e["text"] == text[e["start"]:e["end"]]
    for kind in (report.problems, report.remedies):
        for s in kind:
            assert s["text"] == text[s["start"]:s["end"]]
    json.dumps(report.to_dict(), allow_nan=False)


def test_lone_surrogate_is_read_as_a_replacement_character():
    # spaCy encodes its text as UTF-8; a lone surrogate used to raise UnicodeEncodeError.
    assert govie.extract("\ud800").entities == []
    text = "预算\udc00资金 12万元，完成率 96%\ud83d。"
    report = govie.extract(text)
    spans_hold(report, text)
    assert [(e["label"], e["value"]) for e in report.entities] == [("MONEY", 120000.0), ("PERCENT", 96.0)]
    # The span text is the original's, surrogate and all, not the cleaned view's.
    assert report.entities[1]["text"] == "96%"


def test_a_number_longer_than_any_amount_is_not_an_amount():
    # 35 digits overflowed the normaliser's decimal context (decimal.InvalidOperation).
    for text in ("1" + "0" * 34, "1" + "0" * 34 + "\n", "9" * 35 + "万元", "支出" + "8" * 40 + "元。"):
        report = govie.extract(text)
        spans_hold(report, text)
        assert all(e["value"] is None or e["value"] < 1e18 for e in report.entities)
    assert govie.parse_number("1" * 35) is None
    assert govie.parse_number("NaN") is None
    # A large but real amount still reads.
    assert govie.parse_number("1234567890123.45") == 1234567890123.45


def test_a_long_whitespace_run_is_a_few_tokens(nlp):
    # 200,000 line breaks were 200,000 tokens: the NER model's memory went by them (2.7 GB).
    for text in ("\n" * 5000, "预算" + " " * 5000 + "资金", "\n \n" * 2000):
        doc = nlp.make_doc(text)
        assert doc.text == text
        assert len(doc) <= 20


def test_an_enumeration_after_a_long_space_run_still_starts_a_sentence():
    from govie.sentences import split_sentences

    # The opener's space run is bounded (it was rescanned from every position of a run);
    # a long run still ends in a sentence start at 一是.
    text = "主要问题如下：" + " " * 200 + "一是资金使用不规范。二是进度偏慢。"
    starts = [s.start for s in split_sentences(text)]
    assert text.index("一是") in starts and text.index("二是") in starts


def test_nested_statement_sections_keep_their_own_text():
    from govie.sections import find_sections
    from govie.sections.sectionizer import statement_sections

    # The sections nested in one are now found by bisection instead of a scan of all.
    text = ("四、存在的问题和改进措施\n总体情况良好。\n（一）存在问题\n资金支出进度偏慢。\n"
            "（二）改进措施\n加快支出进度。\n五、其他\n无。\n")
    decided = {s.title: "".join(text[a:b] for a, b in ranges)
               for s, ranges in statement_sections(find_sections(text))}
    assert "资金支出进度偏慢" in decided["存在问题"] and "加快支出进度" in decided["改进措施"]
    outer = decided["存在的问题和改进措施"]
    assert "总体情况良好" in outer and "资金支出进度偏慢" not in outer and "加快支出进度" not in outer


def test_the_combiners_overlap_index_agrees_with_a_scan():
    import random

    from govie.entities.combine import SpanIndex

    # The combiner tested each candidate against every span (quadratic on a long table).
    rng = random.Random(14)
    for _ in range(200):
        spans = [(a, a + rng.randint(0, 30)) for a in (rng.randint(0, 200) for _ in range(rng.randint(0, 12)))]
        index = SpanIndex(spans)
        for _ in range(20):
            start = rng.randint(0, 230)
            end = start + rng.randint(0, 20)
            assert index.overlaps(start, end) == any(s < end and start < e for s, e in spans)
