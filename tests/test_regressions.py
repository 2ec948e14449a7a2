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
