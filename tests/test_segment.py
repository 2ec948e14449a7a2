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


# Sentences in the genre's style (not from the corpus), with the words that must come out whole.
COMPARISON = [
    ("2023年社区矫正对象再犯罪率为0%，困难群众救助覆盖率达100%。", ["覆盖率", "0", "%", "100"]),
    ("全年共开展防汛演练 12 场次，服务群众约3.6万人次。", ["12", "场次", "3.6"]),
    ("全年预算数 2,846.37 万元，执行数 2,790.15 万元，预算完成率 98.03%。", ["2,846.37", "2,790.15", "预算完成率", "98.03"]),
    ("长者饭堂就餐人次年度指标值为 5 万人次，实际完成 61208 人次。", ["年度指标值", "61208", "人次"]),
    ("一般公共预算支出 1,235.60 万元，占比 86.4%。", ["一般公共预算", "1,235.60", "86.4"]),
]


def test_pkuseg_and_jieba_agree_on_amounts_and_indicator_words():
    """The project's pkuseg model (models/pkuseg-genre) learned the jieba + dictionary conventions."""
    agree = total = 0
    for sentence, must in COMPARISON:
        jieba_words = govie.segment(sentence)
        pkuseg_words = govie.segment(sentence, segmenter="pkuseg")
        assert "".join(pkuseg_words) == "".join(jieba_words) == sentence.replace(" ", "")
        for word in must:
            assert word in jieba_words, (word, jieba_words)
            total += 1
            agree += word in pkuseg_words
    assert agree / total >= 0.8, (agree, total)


def test_pipeline_with_pkuseg_reads_amounts_the_same():
    jieba_nlp = govie.load(rules_only=True)
    pkuseg_nlp = govie.load(rules_only=True, segmenter="pkuseg")
    text = "\n".join(s for s, _ in COMPARISON)
    assert [e["text"] for e in govie.extract(text, nlp=pkuseg_nlp).entities] == \
           [e["text"] for e in govie.extract(text, nlp=jieba_nlp).entities]


def test_the_cheap_like_num_answers_as_spacys_chinese_like_num():
    import os
    import random

    import jieba
    from spacy.attrs import LIKE_NUM
    from spacy.lang.zh.lex_attrs import like_num as spacy_like_num

    from govie.segment.lexemes import like_num

    with open(os.path.join(os.path.dirname(jieba.__file__), "dict.txt"), encoding="utf-8") as fh:
        words = [line.split()[0] for line in fh if line.strip()]
    rng = random.Random(7)
    pieces = list("一二三四五六七八九十百千万亿兆拾佰仟壹贰〇零廿0123456789+-±~,.，。/ 元\n")
    words += ["".join(rng.choice(pieces) for _ in range(rng.randint(1, 8))) for _ in range(20000)]
    assert sum(map(spacy_like_num, words)) > 1000
    assert [like_num(w) for w in words] == [spacy_like_num(w) for w in words]
    assert govie.load(rules_only=True).vocab.lex_attr_getters[LIKE_NUM] is like_num
