"""govie render: a review page per report (summary, indicators, statements, audit, the text once) and an index."""
import html
from html.parser import HTMLParser

import pytest

from conftest import CORPUS, ROOT
from govie.cli import main
import re
import shutil
import subprocess

from govie.render import format_money, marked_text, render_file, render_report

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
            if name in ("src", "srcset", "action") or (value and ("url(" in value or "@import" in value)) \
                    or (name == "href" and value and ("/" in value or ":" in value)):
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
    ids = re.findall(r' id="([^"]+)"', page)
    assert len(ids) == len(set(ids))
    for target in re.findall(r'href="#([^"]+)"', page):
        assert target in ids, target
    assert '<meta charset="utf-8">' in page
    return " ".join("".join(checker.text).split())


def text_section(page: str) -> str:
    """The drawn text as a reader sees it, without the label tags."""
    drawn = page[page.index('<div class="text">') + len('<div class="text">'):page.rindex("</div>")]
    return html.unescape(re.sub(r"<[^>]+>", "", re.sub(r"<sub>[^<]*</sub>", "", drawn)))


@pytest.fixture(scope="module")
def seed(nlp):
    import govie

    return govie.extract_file(SEED, nlp=nlp), render_file(SEED, nlp=nlp)


def test_seed_page_summary_indicators_statements_and_the_text_once(seed):
    report, page = seed
    check_page(page)
    assert text_section(page) == report.text  # the whole text, exactly, once
    sentence = report.problems[0]["text"]
    assert html.unescape(re.sub(r"<[^>]+>", "", page)).count(sentence) == 2  # the list and the text
    assert format_money(report.budget["adjusted"]) in html.unescape(page)
    assert "132,594,100 元 (13,259.41 万元)" == format_money(132594100.0)
    assert f"<td>{report.grade}</td>" in page and f"{report.self_score:g}" in page
    rows = re.findall(r"<tr><td class=\"num\">\d+</td>", page)
    assert len(rows) == len(report.indicators)
    for e in report.entities:
        assert f'id="s{e["start"]}-{e["end"]}"' in page
    for label in {e["label"] for e in report.entities}:
        assert f'id="f-{label}"' in page and f"body:has(#f-{label}:not(:checked))" in page
    assert len(page) < 10 * len(report.text) + 40_000


def test_marks_nest_and_split_and_keep_the_text():
    text = "一是<预算>执行率 96.28% 偏低；二是培训 5 次。"
    spans = [(0, 14, "PROBLEM"), (7, 13, "PERCENT"), (10, 20, "INDICATOR"), (7, 13, "QUANTITY")]
    drawn = marked_text(text, spans)
    assert html.unescape(re.sub(r"<[^>]+>", "", re.sub(r"<sub>[^<]*</sub>", "", drawn))) == text
    checker = Checker()
    checker.feed(drawn)
    assert checker.errors == [] and checker.stack == []
    assert drawn.count('class="l-INDICATOR"') == 3  # crosses PERCENT's end, then PROBLEM's: three pieces
    assert drawn.count("<sub>INDICATOR</sub>") == 1
    assert "&lt;预算&gt;" in drawn


def test_indicators_problems_and_remedies_are_linked():
    text = "服务企业数年度指标值为 203 家，实际完成 212 家。\n存在问题：一是进度偏慢。\n改进措施：一是加快进度。\n"
    def at(s):
        i = text.index(s)
        return {"start": i, "end": i + len(s), "text": s}
    report = {"source": "demo.txt", "department": None, "year": 2023, "self_score": None, "grade": None,
              "budget": {"adjusted": 1234567.0, "execution_rate": 96.5},
              "entities": [{"label": "QUANTITY", **at("203 家"), "value": 203.0},
                           {"label": "QUANTITY", **at("212 家"), "value": 212.0}],
              "indicators": [{"name": "服务企业数", "start": 0, "end": 5, "section": None, "level1": "产出指标",
                              "target": {**at("203 家"), "value": 203.0, "unit": "家", "comparator": None},
                              "actual": {"text": "212 家", "value": 212.0, "unit": "家", "comparator": None},
                              "met": True}],
              "problems": [{**at("一是进度偏慢。"), "topic": None}],
              "remedies": [{**at("一是加快进度。"), "topic": None}]}
    page = render_report(report, text, findings=[{"check": "execution_rate", "message": "rate differs"}])
    check_page(page)
    assert '<a href="#s0-5">服务企业数</a>' in page and "产出指标" in page and "✓ met" in page
    assert f'<a href="#s{text.index("203 家")}-{text.index("203 家") + 5}">203 家</a>' in page
    assert "<td>212 家</td>" in page  # no offsets: shown, not linked
    assert "1,234,567 元 (123.46 万元)" in page and "96.5%" in page
    assert "rate differs" in page
    for label in ("QUANTITY", "INDICATOR", "TARGET", "PROBLEM", "REMEDY"):
        assert f"<sub>{label}</sub>" in page


def test_gold_annotations_page():
    page = render_file(MINI / "raw" / "2023_demo_jiedao_table.txt", gold=MINI)
    check_page(page)
    for label in ("MONEY", "PERCENT", "QUANTITY", "INDICATOR", "TARGET", "ACTUAL"):
        assert f"<sub>{label}</sub>" in page
    assert "良好" in page and "None found." in page  # the table has no problems or remedies


def test_render_command_one_page(tmp_path, capsys):
    out = tmp_path / "page.html"
    assert main(["render", str(SEED), "--html", str(out), "--rules-only"]) == 0
    check_page(out.read_text(encoding="utf-8"))
    assert main(["render", str(tmp_path / "missing.txt"), "--html", str(tmp_path / "x.html")]) == 1
    assert "missing.txt: no such file" in capsys.readouterr().err
    assert not (tmp_path / "x.html").exists()


def test_render_command_a_corpus_with_an_index(tmp_path):
    corpus = tmp_path / "c"
    for sub in ("a", "b"):  # the same file name in two folders gives two pages
        (corpus / "raw" / sub).mkdir(parents=True)
        shutil.copy(SEED, corpus / "raw" / sub / SEED.name)
    out = tmp_path / "site"
    assert main(["render", str(corpus), "--html", str(out), "--rules-only"]) == 0
    index = (out / "index.html").read_text(encoding="utf-8")
    check_page(index)
    links = re.findall(r'href="([^"]+)"', index)
    assert sorted(links) == sorted(p.name for p in out.iterdir() if p.name != "index.html")
    assert len(links) == 2
    for link in links:
        page = (out / link).read_text(encoding="utf-8")
        check_page(page)
        assert '<a href="index.html">' in page


# ---------------------------------------------------------------- in a real browser

CHROMIUM = next((p for p in ("/usr/bin/chromium", "/usr/bin/chromium-browser", "/usr/bin/google-chrome")
                 if shutil.which(p)), None)


def chromium(tmp_path, *args):
    if CHROMIUM is None:
        pytest.skip("no Chromium installed (apt-get install chromium): the browser check is skipped")
    flags = ["--headless", "--no-sandbox", "--disable-gpu", "--disable-background-networking",
             "--disable-component-update", "--no-first-run", f"--user-data-dir={tmp_path / 'profile'}",
             "--hide-scrollbars"]
    return subprocess.run([CHROMIUM, *flags, *args], capture_output=True, text=True, timeout=120)


def test_chromium_reads_the_page_as_written(seed, tmp_path):
    report, page = seed
    path = tmp_path / "page.html"
    path.write_text(page, encoding="utf-8")
    r = chromium(tmp_path, "--dump-dom", path.as_uri())
    assert r.returncode == 0, r.stderr[-1000:]
    dom = r.stdout
    assert dom.count("<mark ") == page.count("<mark ")  # the parser kept every mark
    assert text_section(dom).replace("\r", "") == report.text.replace("\r", "")
    assert dom.count("<tr><td class=\"num\">") == page.count("<tr><td class=\"num\">")


def test_chromium_the_label_filter_hides_a_label(tmp_path):
    """A screenshot with MONEY shown has MONEY's colour; with its box unticked it has none."""
    from matplotlib.image import imread

    text = "全年预算数 4,527.36 万元。" * 3
    spans = [{"label": "MONEY", "start": 6 + 18 * k, "end": 17 + 18 * k, "text": "4,527.36 万元"} for k in range(3)]
    page = render_report({"source": "x.txt", "entities": spans, "indicators": [], "problems": [], "remedies": []},
                         text)
    money = next(v for v in [labels_colour("MONEY")])
    seen = {}
    for shown in (True, False):
        html_page = page if shown else page.replace('id="f-MONEY" checked', 'id="f-MONEY"')
        path = tmp_path / f"filter-{shown}.html"
        path.write_text(html_page, encoding="utf-8")
        png = tmp_path / f"filter-{shown}.png"
        r = chromium(tmp_path, f"--screenshot={png}", "--window-size=900,1400", path.as_uri())
        assert png.exists(), r.stderr[-1000:]
        pixels = (imread(png)[..., :3] * 255).round().astype(int).reshape(-1, 3)
        seen[shown] = int((abs(pixels - money).sum(axis=1) <= 6).sum())
    assert seen[True] > 200 and seen[False] < seen[True] / 20, seen


def labels_colour(label):
    from govie.corpus.records import labels

    colour = labels()[label]["color"].lstrip("#")
    return [int(colour[i:i + 2], 16) for i in (0, 2, 4)]
