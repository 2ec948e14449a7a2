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
