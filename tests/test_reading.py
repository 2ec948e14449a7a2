"""Reading files, decoding and the cleaned view: offsets always point into the original."""
import os

import pytest

import govie
from govie.reading import ReadError, clean, decode, read, read_text

SAMPLE = "２０２３年部门全年预算数　４,５２７.３６ 万元，执行率９８.２％。"


@pytest.mark.parametrize("encoding", ["utf-8", "utf-8-sig", "gb18030", "gbk"])
def test_decodes_common_encodings(tmp_path, encoding):
    path = tmp_path / "r.txt"
    path.write_bytes(SAMPLE.encode(encoding))
    document = read(path)
    assert document.text == SAMPLE and read_text(path) == SAMPLE
    assert document.format == "text" and document.tables == [] and document.page_at(0) is None


def test_binary_is_refused_with_the_file_name():
    with pytest.raises(ReadError, match="x.bin: binary"):
        decode(b"\x7fELF\x00\x01\x02" * 50, "x.bin")


def test_pdf_bytes_are_not_decoded_as_text():
    with pytest.raises(ReadError, match="x.txt: a PDF"):
        decode(b"%PDF-1.4\n1 0 obj << /Type /Catalog >> endobj\n" * 20, "x.txt")


def test_an_uncompressed_pdf_is_read_as_a_pdf_not_text(tmp_path):
    # Plain-ASCII PDF: no NUL, no control bytes, so only the %PDF mark tells it from text.
    path = tmp_path / "plain.txt"
    path.write_bytes(b"%PDF-1.4\n1 0 obj << /Type /Catalog >> endobj\ntrailer << >>\n%%EOF\n")
    with pytest.raises(ReadError, match="plain.txt: damaged or unreadable PDF|plain.txt: damaged PDF"):
        read(path)


@pytest.mark.skipif(not hasattr(os, "mkfifo"), reason="no FIFOs here")
def test_a_fifo_is_refused_without_being_opened(tmp_path):
    fifo = tmp_path / "pipe.txt"
    os.mkfifo(fifo)  # opening it for reading would block until a writer comes
    with pytest.raises(ReadError, match="pipe.txt: a FIFO"):
        read(fifo)


@pytest.mark.skipif(not os.path.exists("/dev/zero"), reason="no /dev/zero")
def test_a_device_is_refused_without_being_read():
    with pytest.raises(ReadError, match="/dev/zero: a character device"):
        read("/dev/zero")


def test_a_directory_is_refused(tmp_path):
    with pytest.raises(ReadError, match="is a directory"):
        read(tmp_path)


def test_undecodable_bytes_name_the_file():
    with pytest.raises(ReadError, match="bad.txt"):
        decode(b"\x81\x30\x81" * 3 + b"\xff\xff\xff", "bad.txt")


def test_missing_file_names_it(tmp_path):
    with pytest.raises(ReadError, match="nope.txt: no such file"):
        read(tmp_path / "nope.txt")


@pytest.mark.parametrize("original, inside", [
    ("共服务群众约 23.6\n\n万人次，", "23.6万人次"),
    ("<p>年度资金</p>\t<p>1,208.55</p>\r\n", "1,208.55\n"),
    ("完成率 97. 35%。", "97.35%"),
    ("总额 21 406.35万元", "21406.35万元"),
    ("预算数４,５２７.３６万元", "4,527.36万元"),
])
def test_clean_view_maps_back(original, inside):
    view = clean(original)
    start = view.text.index(inside)
    s, e = view.to_original(start, start + len(inside))
    assert clean(original[s:e]).text == inside
    assert view.to_clean(s, e) == (start, start + len(inside))


def test_a_table_cell_then_a_label_stays_two_lines():
    # 1692.09 is a funding cell; 人员保洁面积 is the next row's label, not a unit.
    assert "1692.09\n\n人员" in clean("1692.09\n\n人员保洁面积 990万平方米").text


def test_extracted_spans_are_original_text():
    original = "文化站改造投入约１２.５\n万元，覆盖率达<b>９６％</b>；\r\n单位：万元\n年度预算数\t3,208.40\n"
    report = govie.extract(original)
    amounts = [e for e in report.entities if e["label"] in ("MONEY", "PERCENT", "QUANTITY")]
    assert [e["label"] for e in amounts] == ["MONEY", "PERCENT", "MONEY"]
    for e in report.entities:
        assert original[e["start"]:e["end"]] == e["text"]
    assert amounts[0]["value"] == 125000.0 and amounts[0]["approximate"]
    assert amounts[2]["value"] == 32084000.0


# ---------------------------------------------------------------- the document model
from govie.reading.document import DocumentBuilder, cell_text, join_wrapped  # noqa: E402


@pytest.mark.parametrize("wrapped, joined", [
    ("城区环境综合\n治理", "城区环境综合治理"),
    ("≥500\n人次", "≥500人次"),
    ("Total\nbudget", "Total budget"),
    ("偏差原因\n\n 分析 ", "偏差原因分析"),
])
def test_a_wrapped_cell_is_one_line(wrapped, joined):
    assert join_wrapped(wrapped) == joined


def test_a_separator_inside_a_cell_cannot_split_it():
    assert cell_text("A|B") == "A｜B" and cell_text(None) == "" and cell_text(12.5) == "12.5"


def test_a_grid_becomes_rows_with_offsets_and_captions_become_lines():
    build = DocumentBuilder("t", "test")
    build.line("前言")
    build.table([["项目支出绩效自评表", None, None],
                 ["一级指标", "三级指标", None],
                 ["产出指标", "培训人次", None],
                 [None, "合格率", None],
                 ["填表人：张三", None, None]], merged={(3, 0)})
    doc = build.build()
    assert doc.text == ("前言\n项目支出绩效自评表\n| 一级指标 | 三级指标 |\n| 产出指标 | 培训人次 |\n"
                        "|  | 合格率 |\n填表人：张三\n")
    (table,) = doc.tables
    assert table.values() == [["一级指标", "三级指标"], ["产出指标", "培训人次"], ["", "合格率"]]
    assert table.rows[2][0].merged and not table.rows[2][1].merged
    assert all(doc.text[c.start:c.end] == c.text for row in table.rows for c in row)
    assert doc.text[table.start:table.end] == "| 一级指标 | 三级指标 |\n| 产出指标 | 培训人次 |\n|  | 合格率 |"


def test_page_at_maps_offsets_to_pages():
    build = DocumentBuilder("t", "pdf")
    build.new_page()
    build.line("第一页")
    build.new_page()
    build.line("第二页")
    doc = build.build()
    assert [doc.page_at(i) for i in range(len(doc.text))] == [1] * 4 + [2] * 4


def test_an_empty_file_is_an_empty_text_document(tmp_path):
    path = tmp_path / "empty.txt"
    path.write_bytes(b"")
    assert read(path).text == "" and read(path).format == "text"


# ---------------------------------------------------------------- HTML details
def _page(tmp_path, body, head="<meta charset='utf-8'>", name="p.html", codec="utf-8"):
    path = tmp_path / name
    path.write_bytes(f"<!DOCTYPE html><html><head>{head}</head><body>{body}</body></html>".encode(codec))
    return read(path)


def test_html_rowspan_and_colspan_give_empty_cells(tmp_path):
    doc = _page(tmp_path, "<table><tr><td rowspan='2'>产出指标</td><td colspan='2'>数量指标</td></tr>"
                          "<tr><td>培训人次</td><td>≥500人次</td></tr></table>")
    assert doc.tables[0].values() == [["产出指标", "数量指标", ""], ["", "培训人次", "≥500人次"]]
    assert [c.merged for c in doc.tables[0].rows[1]] == [True, False, False]


def test_a_layout_table_is_read_as_running_text(tmp_path):
    article = "".join(f"<p>第{i}段：本年度完成社区服务项目若干，群众满意度持续提升，资金使用规范。</p>" for i in range(12))
    doc = _page(tmp_path, f"<table><tr><td><a href='/'>首页</a></td></tr><tr><td>{article}"
                          "<table><tr><td>指标</td><td>95%</td></tr></table></td></tr></table>")
    assert "第0段：本年度" in doc.text and "\n第1段：" in doc.text
    assert doc.tables[0].values() == [["指标", "95%"]]


def test_utf16_html_is_parsed_as_html(tmp_path):
    doc = _page(tmp_path, "<p>全年预算数 100 万元</p>", head="", codec="utf-16")
    assert doc.format == "html" and doc.text == "全年预算数 100 万元\n"


def test_a_far_away_cell_does_not_make_a_huge_sheet(tmp_path):
    import openpyxl

    book = openpyxl.Workbook()
    book.active["A1"] = "全年预算数"
    book.active.cell(row=900_000, column=300, value="x")
    path = tmp_path / "wide.xlsx"
    book.save(path)
    doc = read(path)
    assert doc.text == "" and "spans 900000×300 cells: not read" in doc.warnings[0]
