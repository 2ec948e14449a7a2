"""The rules + model combination policy (govie/entities/combine.py), with a stand-in NER."""
import regex
import pytest
from spacy.language import Language

import govie
from govie import entities as _entities  # noqa: F401  (registers govie_entities)


@Language.factory("stand_in_ner", default_config={"labels": {}})
def make_stand_in_ner(nlp, name, labels):
    """Marks what a trained NER might: the given strings, wherever they occur, with their labels."""
    def stand_in_ner(doc):
        spans = []
        for m in regex.finditer("|".join(map(regex.escape, labels)), doc.text):
            span = doc.char_span(*m.span(), label=labels[m.group()], alignment_mode="expand")
            if span is not None:
                spans.append(span)
        doc.ents = spans
        return doc
    return stand_in_ner


def pipeline_with(labels):
    nlp = govie.load(rules_only=True)
    nlp.add_pipe("stand_in_ner", first=True, config={"labels": labels})
    return nlp


@pytest.fixture(scope="module")
def combined():
    return pipeline_with({"垃圾分类知晓率": "INDICATOR", "社区志愿服务时长": "INDICATOR", "服务质量": "INDICATOR",
                          "86.2": "PERCENT", "1200": "MONEY", "入户宣传次数": "INDICATOR"})


def test_policy(combined):
    text = ("垃圾分类知晓率达86.2，接待1200人。\n"
            "社区志愿服务时长\t良好\n"
            "服务质量提升明显，群众普遍认可。\n"
            "入户宣传次数年度指标值为 40 次，实际完成 52 次。\n")
    report = govie.extract(text, nlp=combined)
    got = {(e["label"], e["text"]) for e in report.entities}
    # 1. amounts are the rules' alone: 86.2 without % is no percentage, and 1200 is people, not money
    assert ("PERCENT", "86.2") not in got and ("MONEY", "1200") not in got and ("QUANTITY", "1200人") in got
    # 2. the rules' indicator name stands once, though the model marked it too
    assert sorted(t for label, t in got if label == "INDICATOR").count("入户宣传次数") == 1
    # 3. model names are added only where a value follows: 良好 in its own cell does; 提升 inside
    #    the prose 服务质量提升明显 does not; 86.2 was refused as an amount, so 垃圾分类知晓率 has no value
    assert ("INDICATOR", "社区志愿服务时长") in got
    assert ("INDICATOR", "服务质量") not in got and ("INDICATOR", "垃圾分类知晓率") not in got


def test_rules_only_entities_are_the_rule_findings():
    """Without a model, INDICATOR entities are exactly the indicator names the rules found."""
    text = "垃圾分类知晓率年度指标值为90%，实际完成93.5%；入户宣传开展次数年度指标值为 40 次，实际完成 52 次。"
    report = govie.extract(text, nlp=govie.load(rules_only=True))
    names = sorted((i["start"], i["end"]) for i in report.indicators)
    assert names and sorted((e["start"], e["end"]) for e in report.entities if e["label"] == "INDICATOR") == names
    assert [e["label"] for e in report.entities if e["label"] != "INDICATOR"] == ["PERCENT"] * 2 + ["QUANTITY"] * 2


def test_policy_on_statistics_repeats_and_value_words():
    nlp = pipeline_with({name: "INDICATOR" for name in ("共清理违规广告牌", "居民投诉处理时效", "绿化养护面积", "及时",
                                                        "生活垃圾回收利用率目标为", "效益指标(")})
    text = ("二、绩效目标完成情况\n本年度组织市容专项整治，共清理违规广告牌 326 块。"
            "居民投诉处理时效目标为及时，实际为及时；生活垃圾回收利用率目标为 35%，实际达到 37.2%。\n"
            "关键指标\t指标完成情况\n\t绿化养护面积\t3.5万平方米\n— 3 —\n\t绿化养护面积\t3.5万平方米\n"
            "\t及时\t及时\n"
            "绩效指标\t一级指标\t二级指标\t三级指标\t年度指标值\t实际完成值\t分值\t得分\n"
            "\t效益指标（30分）\t社会效益指标\t居民参与积极性\t有效提升\t有效提升\t15\t14\n")
    names = [e["text"] for e in govie.extract(text, nlp=nlp).entities if e["label"] == "INDICATOR"]
    # 4. a count in running text without a cue is a statistic; a cue and a link word may precede a value
    assert "共清理违规广告牌" not in names and "居民投诉处理时效" in names
    # 5. a row printed again after a page break is one indicator, not two
    assert names.count("绿化养护面积") == 1
    # 6. a cue the model took in is cut off; a value word or a name with an open bracket is no name
    assert "生活垃圾回收利用率" in names
    assert "及时" not in names and "效益指标（" not in names
