"""Every encoding read right or refused by name, never decoded into mojibake (issue 14, item 4)."""
import codecs
import subprocess
import sys

import pytest

from conftest import ROOT
from govie.reading import ReadError, decode, read

SIMPLIFIED = ("2023年本街道全年预算数 2,486.30 万元，实际支出 2,391.75 万元，预算完成率 96.20%。\n"
              "一、存在的主要问题\n一是资金支付进度偏慢；二是绩效指标不够细化。\n"
              "二、改进措施\n加强项目前期论证，按月跟踪资金支付进度。\n")
TRADITIONAL = ("本部門全年預算數 4,527.36 萬元，執行數 4,410.02 萬元，預算執行率 97.41%。\n"
               "存在問題：部分項目進度落後，資金撥付不夠及時。\n改進措施：加強績效監控，定期檢查執行情況。\n")
JAPANESE = "令和5年度の予算額は 1,200 万円であり、執行率は 95.5% となりました。\n課題と改善策をまとめます。\n"


def _write(tmp_path, data: bytes, name="r.txt"):
    path = tmp_path / name
    path.write_bytes(data)
    return path


@pytest.mark.parametrize("bom, codec", [
    (codecs.BOM_UTF8, "utf-8"), (codecs.BOM_UTF16_LE, "utf-16-le"), (codecs.BOM_UTF16_BE, "utf-16-be"),
    (codecs.BOM_UTF32_LE, "utf-32-le"), (codecs.BOM_UTF32_BE, "utf-32-be"),
])
def test_a_byte_order_mark_decides(tmp_path, bom, codec):
    document = read(_write(tmp_path, bom + SIMPLIFIED.encode(codec)))
    assert document.text == SIMPLIFIED  # the mark itself is not part of the text
    assert document.encoding == codec


@pytest.mark.parametrize("codec", ["utf-16-le", "utf-16-be"])
def test_utf16_without_a_mark_is_told_by_its_nul_bytes(tmp_path, codec):
    document = read(_write(tmp_path, SIMPLIFIED.encode(codec)))
    assert document.text == SIMPLIFIED and document.encoding == codec


@pytest.mark.parametrize("codec", ["gb18030", "gbk", "gb2312"])
def test_gb_encodings(tmp_path, codec):
    document = read(_write(tmp_path, SIMPLIFIED.encode(codec)))
    assert document.text == SIMPLIFIED and document.encoding == "gb18030"


def test_big5_gives_the_right_text(tmp_path):
    # Big5 bytes are also valid GBK; read as GBK they give rare characters, which is refused.
    data = TRADITIONAL.encode("big5")
    assert data.decode("gb18030") != TRADITIONAL
    document = read(_write(tmp_path, data))
    assert document.text == TRADITIONAL and document.encoding == "big5"


def test_shift_jis_gives_the_right_text(tmp_path):
    document = read(_write(tmp_path, JAPANESE.encode("shift_jis")))
    assert document.text == JAPANESE and document.encoding == "shift_jis"


def test_what_cannot_be_told_is_an_error_naming_the_file_and_the_encodings_tried(tmp_path):
    # Kanji-only Shift-JIS: no kana to show it is Japanese, and as GB18030 or Big5 it is mojibake.
    path = _write(tmp_path, "予算執行状況報告書\n".encode("shift_jis") * 5, "kanji.txt")
    with pytest.raises(ReadError) as err:
        read(path)
    message = str(err.value)
    assert message.startswith(f"{path}: could not decode")
    for name in ("UTF-8", "GB18030", "Big5", "Shift-JIS", "--encoding"):
        assert name in message


def test_latin1_is_refused_not_read_as_chinese(tmp_path):
    with pytest.raises(ReadError, match="could not decode"):
        read(_write(tmp_path, "Budget exécuté: 97 % - résumé des problèmes\n".encode("latin-1") * 3))


def test_forcing_an_encoding(tmp_path):
    path = _write(tmp_path, "予算執行状況報告書\n".encode("shift_jis"))
    assert read(path, encoding="shift_jis").text == "予算執行状況報告書\n"
    with pytest.raises(ReadError, match=r"r\.txt: not valid utf-8"):
        read(path, encoding="utf-8")
    with pytest.raises(ReadError, match="unknown encoding"):
        read(path, encoding="no-such-codec")


def test_forcing_utf16_drops_the_mark(tmp_path):
    path = _write(tmp_path, codecs.BOM_UTF16_LE + SIMPLIFIED.encode("utf-16-le"))
    assert read(path, encoding="utf-16").text == SIMPLIFIED


def test_gb18030_html_declared_in_its_meta(tmp_path):
    page = f'<html><head><meta charset="gb2312"><title>t</title></head><body><p>{SIMPLIFIED}</p></body></html>'
    document = read(_write(tmp_path, page.encode("gb18030"), "page.html"))
    assert document.format == "html" and "预算完成率 96.20%" in document.text


def test_binary_with_nuls_on_both_sides_is_not_utf16():
    with pytest.raises(ReadError, match="binary"):
        decode(bytes(range(256)) * 40, "blob")


def test_cli_encoding_option(tmp_path):
    path = _write(tmp_path, "予算執行状況報告書 予算額 1,200 万円\n".encode("shift_jis"))
    run = [sys.executable, "-m", "govie", "extract", "--format", "json"]
    refused = subprocess.run([*run, str(path)], capture_output=True, text=True, cwd=ROOT)
    assert refused.returncode == 1 and f"{path}: could not decode" in refused.stderr
    forced = subprocess.run([*run, "--encoding", "shift_jis", str(path)], capture_output=True, text=True, cwd=ROOT)
    assert forced.returncode == 0, forced.stderr
