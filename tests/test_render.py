"""govie render: one self-contained displaCy page per report."""
import html
from html.parser import HTMLParser

import pytest

from conftest import CORPUS, ROOT
from govie.cli import main
from govie.render import render_report, render_file

SEED = CORPUS / "raw" / "2022_baiyun_tongde_report.txt"
MINI = ROOT / "tests" / "fixtures" / "annotate" / "corpus"
VOID = {"area", "base", "br", "col", "embed", "hr", "img", "input", "link", "meta", "source", "track", "wbr"}


class Checker(HTMLParser):
    """Balanced tags, and every tag that could load something from elsewhere."""

    def __init__(self):
        super().__init__(convert_charrefs=True)
        self.stack, self.errors, self.external, self.text = [], [], [], []

    def handle_starttag(self, tag, attrs):
        for name, value in attrs:
            if name in ("src", "href", "srcset", "action") or (value and ("url(" in value or "@import" in value)):
                self.external.append((tag, name, value))
        if tag in ("script", "link", "iframe", "object", "img"):
            self.external.append((tag, None, None))
        if tag not in VOID:
            self.stack.append(tag)

    def handle_endtag(self, tag):
        if tag in VOID:
            return
        if not self.stack or self.stack[-1] != tag:
            self.errors.append(f"</{tag}> closes {self.stack[-1] if self.stack else 'nothing'}")
        else:
            self.stack.pop()

    def handle_data(self, data):
        self.text.append(data)


def check_page(page: str) -> str:
    assert page.lstrip().startswith("<!DOCTYPE html>")
    checker = Checker()
    checker.feed(page)
    checker.close()
    assert checker.errors == [] and checker.stack == []
    assert checker.external == []
    assert '<meta charset="utf-8">' in page
    return " ".join("".join(checker.text).split())


@pytest.fixture(scope="module")
def seed_page(nlp):
    return render_file(SEED, nlp=nlp)


def test_seed_report_page_shows_its_amounts(seed_page, nlp):
    import govie

    text = check_page(seed_page)
    report = govie.extract_file(SEED, nlp=nlp)
    assert {"MONEY", "PERCENT", "QUANTITY"} <= {e["label"] for e in report.entities}
    for label in ("MONEY", "PERCENT", "QUANTITY"):
        assert f">{label}</span>" in seed_page
    for e in report.entities:
        assert " ".join(e["text"].split()) in text
    assert html.escape("13259.41 万元") in seed_page
    assert "Amounts and entities" in text
    assert "<title>" + html.escape(str(SEED)) + "</title>" in seed_page


def test_indicators_problems_and_remedies_are_highlighted():
    text = "服务企业数年度指标值为 203 家，实际完成 212 家。\n存在问题：一是进度偏慢。\n改进措施：一是加快进度。\n"
    def at(s):
        i = text.index(s)
        return {"start": i, "end": i + len(s), "text": s}
    report = {"source": "demo.txt", "department": None, "year": 2023, "self_score": None, "grade": None,
              "budget": {}, "entities": [{"label": "QUANTITY", **at("203 家"), "value": 203.0},
                                         {"label": "QUANTITY", **at("212 家"), "value": 212.0}],
              "indicators": [{"name": "服务企业数", "start": 0, "end": 5, "section": None,
                              "target": {**at("203 家"), "value": 203.0, "unit": "家", "comparator": None},
                              "actual": {"text": "212 家", "value": 212.0, "unit": "家", "comparator": None},
                              "met": True}],
              "problems": [{**at("一是进度偏慢。"), "topic": None}],
              "remedies": [{**at("一是加快进度。"), "topic": None}]}
    page = render_report(report, text)
    check_page(page)
    for label in ("QUANTITY", "INDICATOR", "TARGET", "PROBLEM", "REMEDY"):
        assert f">{label}</span>" in page
    assert "ACTUAL" not in page  # the actual value has no offsets: nothing to draw
    assert "none found" not in page


def test_gold_annotations_page_and_overlaps_listed():
    page = render_file(MINI / "raw" / "2023_demo_jiedao_table.txt", gold=MINI)
    check_page(page)
    for label in ("MONEY", "PERCENT", "QUANTITY", "INDICATOR", "TARGET", "ACTUAL"):
        assert f">{label}</span>" in page
    assert "良好" in page and "none found" in page  # the table has no problems or remedies


def test_overlapping_spans_are_listed_not_drawn():
    text = "预算执行率 96.28%"
    report = {"source": "x.txt", "entities": [{"label": "PERCENT", "start": 6, "end": 12, "text": "96.28%"},
                                              {"label": "QUANTITY", "start": 6, "end": 11, "text": "96.28"}],
              "indicators": [], "problems": [], "remedies": []}
    page = render_report(report, text)
    check_page(page)
    assert "QUANTITY 6-11 &#x27;96.28&#x27; overlaps another span" in page


def test_render_command(tmp_path, capsys):
    out = tmp_path / "page.html"
    assert main(["render", str(SEED), "--html", str(out), "--rules-only"]) == 0
    check_page(out.read_text(encoding="utf-8"))
    assert main(["render", str(tmp_path / "missing.txt"), "--html", str(tmp_path / "x.html")]) == 1
    assert "missing.txt: no such file" in capsys.readouterr().err
    assert not (tmp_path / "x.html").exists()
