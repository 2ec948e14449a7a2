import pytest

import govie
from govie.segment import SegmenterError


def test_domain_words_and_numbers_apart_from_units():
    words = govie.segment("2023年一般公共预算完成率为98.6%，来穗人员登记率达95%。")
    assert "一般公共预算" in words and "来穗人员" in words
    assert "98.6" in words and "%" in words and "2023" in words


def test_pkuseg_without_a_model_is_a_clear_error(tmp_path):
    with pytest.raises(SegmenterError, match="no pkuseg model"):
        govie.segment("预算完成率", segmenter="pkuseg", model=tmp_path / "none")


def test_unknown_segmenter():
    with pytest.raises(SegmenterError, match="unknown segmenter"):
        govie.segment("预算", segmenter="thulac")


def test_pipeline_tokens_cover_the_text(nlp):
    text = "全年预算数 13259.41 万元\n\n执行数 12766.32 万元"
    doc = nlp(text)
    assert doc.text == text
    assert "13259.41" in [t.text for t in doc]
