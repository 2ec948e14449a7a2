"""PDF, DOCX, XLSX and HTML give what their plain-text version gives.

The fixtures are made by tests/fixtures/formats/make_fixtures.py: an invented
narrative report and an invented 项目支出绩效自评表, each in five formats.
"""
import json
import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

import govie
from conftest import ROOT
from govie.reading import ReadError, read
from govie.reading.spreadsheet import format_number

FIXTURES = Path(__file__).resolve().parent / "fixtures" / "formats"
FORMATS = ["pdf", "docx", "xlsx", "html"]
REPORTS = ["narrative", "selfeval"]
# Every fixture but the text versions; XLS only for the table (a narrative is not kept in XLS).
VERSIONS = [(name, fmt) for name in REPORTS for fmt in FORMATS] + [("selfeval", "xls")]

sys.path.insert(0, str(FIXTURES))
import make_fixtures  # noqa: E402  (the grid the fixtures were made from)


@pytest.fixture(scope="module")
def extracted(nlp):
    cache = {}

    def get(name, fmt):
        if (name, fmt) not in cache:
            cache[name, fmt] = govie.extract_file(FIXTURES / f"{name}.{fmt}", nlp=nlp)
        return cache[name, fmt]
    return get


def _shown(span):
    """The text a span claims to cover (an indicator's is its name)."""
    return span["text"] if "text" in span else span["name"]


def _value(side):
    return None if side is None else (side["value"], side["unit"], side["comparator"])


def findings(report):
    """What a reader of the report gets, without offsets (those differ by design across texts)."""
    return {
        "amounts": [(e["label"], e["value"], e["unit"], e["comparator"]) for e in report.entities
                    if e["label"] in ("MONEY", "PERCENT", "QUANTITY")],
        "indicators": [(i["name"], i.get("section"), _value(i["target"]), _value(i["actual"]), i["met"])
                       for i in report.indicators],
        "budget": dict(report.budget),
        "fields": (report.department, report.year, report.self_score, report.grade),
        "problems": [p["text"] for p in report.problems],
        "remedies": [r["text"] for r in report.remedies],
    }


@pytest.mark.parametrize("name, fmt", VERSIONS)
def test_each_format_is_read_to_the_plain_text_version(name, fmt):
    document = read(FIXTURES / f"{name}.{fmt}")
    assert document.format == fmt
    assert document.warnings == []
    assert document.text == (FIXTURES / f"{name}.txt").read_text(encoding="utf-8")


@pytest.mark.parametrize("name, fmt", VERSIONS)
def test_each_format_extracts_what_the_text_version_does(extracted, name, fmt):
    expected = findings(extracted(name, "txt"))
    assert expected["amounts"] and expected["indicators"]  # the comparison is not between two empties
    assert findings(extracted(name, fmt)) == expected


@pytest.mark.parametrize("fmt", FORMATS + ["xls"])
def test_table_cells_come_from_the_file_with_merged_cells_empty(fmt):
    document = read(FIXTURES / f"selfeval.{fmt}")
    assert len(document.tables) == 1
    table = document.tables[0]
    assert table.values() == [["" if v is None else v for v in row] for row in make_fixtures.TABLE_GRID]
    covered = make_fixtures.covered()
    for r, row in enumerate(table.rows):
        for c, cell in enumerate(row):
            assert document.text[cell.start:cell.end] == cell.text
            assert cell.merged == ((r, c) in covered)
    assert document.text[table.start:table.end].startswith("| 项目名称 |")
    # The captions above the grid are lines of text, not table rows.
    assert document.text.index("单位：万元") < table.start


def test_pdf_spans_carry_their_page(extracted):
    report = extracted("narrative", "pdf")
    spans = report.entities + report.indicators + report.problems + report.remedies
    assert spans
    for span in spans:
        assert report.text[span["start"]:span["end"]] == _shown(span)
        assert span["page"] == (2 if span["start"] >= report.text.index("三、存在的主要问题") else 1)
    assert {p["page"] for p in report.problems} == {2}
    assert {e["page"] for e in report.entities if e["label"] == "MONEY"} == {1}


@pytest.mark.parametrize("fmt", ["docx", "xlsx", "xls", "html", "txt"])
def test_spans_point_into_the_text_read_and_have_no_page_outside_pdf(extracted, fmt):
    report = extracted("selfeval", fmt)
    for span in report.entities + report.indicators:
        assert report.text[span["start"]:span["end"]] == _shown(span)
        assert "page" not in span


def test_a_scanned_pdf_warns_naming_its_pages(extracted):
    document = read(FIXTURES / "scanned.pdf")
    assert document.text == ""
    assert len(document.warnings) == 1 and "no text layer on page 1, 2" in document.warnings[0]
    assert "scanned.pdf" in document.warnings[0]
    report = extracted("scanned", "pdf")
    assert report.entities == [] and report.warnings == document.warnings


def test_an_encrypted_pdf_is_a_clear_error():
    with pytest.raises(ReadError, match=r"encrypted\.pdf: an encrypted PDF that needs a password"):
        read(FIXTURES / "encrypted.pdf")


def test_cid_codes_are_a_warning_and_never_amounts(nlp):
    document = read(FIXTURES / "garbled.pdf")
    assert "(cid:" not in document.text
    assert any("page 1 gives (cid:…) codes" in w for w in document.warnings)
    assert govie.extract(document, nlp=nlp).entities == []


@pytest.mark.parametrize("fmt", FORMATS + ["xls"])
def test_the_format_is_told_by_content_not_name(tmp_path, fmt):
    disguised = tmp_path / "report.txt"
    shutil.copy(FIXTURES / f"selfeval.{fmt}", disguised)
    assert read(disguised).format == fmt


def test_a_text_file_named_pdf_is_text(tmp_path):
    path = tmp_path / "notes.pdf"
    path.write_text("全年预算数 100 万元。\n", encoding="utf-8")
    assert read(path).format == "text"


@pytest.mark.parametrize("data, message", [
    (b"PK\x03\x04" + b"\x00" * 40, "damaged ZIP"),
    (b"\x89PNG\r\n\x1a\n" + b"\x00" * 40, "an image"),
    (b"{\\rtf1\\ansi hello}", "an RTF file"),
    (b"%PDF-1.7\n" + b"\x00garbage" * 20, "damaged PDF"),
])
def test_unreadable_formats_name_the_file(tmp_path, data, message):
    path = tmp_path / "odd.bin"
    path.write_bytes(data)
    with pytest.raises(ReadError, match=f"odd.bin: {message}"):
        read(path)


def test_html_navigation_scripts_and_footer_are_left_out():
    text = read(FIXTURES / "narrative.html").text
    for outside in ("首页", "政务公开", "var stats", "1,000 万元", "分享到", "主办单位", "当前位置"):
        assert outside not in text


@pytest.mark.parametrize("value, number_format, shown", [
    (1096.47, "#,##0.00", "1,096.47"),
    (0.9628, "0.00%", "96.28%"),
    (360, "0.00", "360.00"),
    (12.0, "General", "12"),
    (9.65, "General", "9.65"),
    (-5.5, '#,##0.0;[Red]-#,##0.0', "-5.5"),
])
def test_spreadsheet_numbers_are_shown_as_their_format_says(value, number_format, shown):
    assert format_number(value, number_format) == shown


def govie_cli(*args):
    return subprocess.run([sys.executable, "-m", "govie", *args], capture_output=True, text=True, cwd=ROOT,
                          env={**os.environ, "PYTHONPATH": str(ROOT)})


def test_one_batch_reads_every_format_and_names_the_bad_files():
    files = sorted(str(p) for p in FIXTURES.iterdir() if p.suffix in (".txt", ".pdf", ".docx", ".xlsx", ".xls", ".html"))
    r = govie_cli("extract", "--format", "json", *files)
    assert r.returncode == 1  # the encrypted PDF failed, the others went on
    assert "encrypted.pdf: an encrypted PDF" in r.stderr
    assert "scanned.pdf: no text layer" in r.stderr
    reports = json.loads(r.stdout)
    assert [rep["source"] for rep in reports] == [f for f in files if not f.endswith("encrypted.pdf")]
    for rep in reports:
        text = read(rep["source"]).text
        for span in rep["entities"] + rep["indicators"] + rep["problems"] + rep["remedies"]:
            assert text[span["start"]:span["end"]] == _shown(span)


def test_out_saves_the_text_of_a_pdf_beside_its_json(tmp_path):
    r = govie_cli("extract", "--out", str(tmp_path), str(FIXTURES / "selfeval.pdf"))
    assert r.returncode == 0, r.stderr
    rep = json.loads((tmp_path / "selfeval.json").read_text(encoding="utf-8"))
    text = (tmp_path / "selfeval.txt").read_text(encoding="utf-8")
    assert text == read(FIXTURES / "selfeval.pdf").text
    assert rep["entities"] and all(text[e["start"]:e["end"]] == e["text"] for e in rep["entities"])
    assert all(e["page"] == 1 for e in rep["entities"])


def _numbered_docx(path):
    """Headings numbered by Word (一、 （一）), not typed: the numbers are only in numbering.xml."""
    import docx
    from docx.oxml import parse_xml

    w = 'xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"'
    document = docx.Document()
    numbering = document.part.numbering_part.element
    numbering.append(parse_xml(
        f'<w:abstractNum {w} w:abstractNumId="90">'
        '<w:lvl w:ilvl="0"><w:start w:val="1"/><w:numFmt w:val="chineseCounting"/>'
        '<w:lvlText w:val="%1、"/><w:suff w:val="nothing"/></w:lvl>'
        '<w:lvl w:ilvl="1"><w:start w:val="1"/><w:numFmt w:val="chineseCounting"/>'
        '<w:lvlText w:val="（%2）"/></w:lvl></w:abstractNum>'))
    numbering.append(parse_xml(f'<w:num {w} w:numId="90"><w:abstractNumId w:val="90"/></w:num>'))
    for level, text in [(0, "部门基本情况"), (0, "存在的主要问题"), (1, "资金支付进度偏慢"),
                        (1, "指标不够细化"), (0, "改进措施"), (1, "加强前期论证")]:
        p = document.add_paragraph(text)
        p._p.get_or_add_pPr().append(parse_xml(
            f'<w:numPr {w}><w:ilvl w:val="{level}"/><w:numId w:val="90"/></w:numPr>'))
    document.add_paragraph("全年预算数 100 万元。")
    document.save(path)


def test_docx_list_numbers_are_written_before_their_headings(tmp_path):
    path = tmp_path / "numbered.docx"
    _numbered_docx(path)
    assert read(path).text == ("一、部门基本情况\n二、存在的主要问题\n（一）资金支付进度偏慢\n（二）指标不够细化\n"
                               "三、改进措施\n（一）加强前期论证\n全年预算数 100 万元。\n")


def test_out_into_the_inputs_folder_never_rewrites_an_input(tmp_path):
    source = tmp_path / "gbk.txt"
    data = "全年预算数 100 万元，执行率 96.5%。\n".encode("gb18030")
    source.write_bytes(data)
    r = govie_cli("extract", "--out", str(tmp_path), str(source))
    assert r.returncode == 0, r.stderr
    assert source.read_bytes() == data and (tmp_path / "gbk.json").exists()


def test_a_frame_around_the_page_is_not_a_table():
    document = read(FIXTURES / "framed.pdf")
    assert document.tables == []
    assert document.text == "".join(line + "\n" for line in make_fixtures.NARRATIVE_PAGES[0])
