"""The rules + model combination policy (govie/entities/combine.py), with a stand-in NER."""
import regex
import pytest
from spacy.language import Language

import govie
from govie import entities as _entities  # noqa: F401  (registers govie_entities)


@Language.component("stand_in_ner")
def stand_in_ner(doc):
    """Marks what a trained NER might: indicator names (good and bad) and amounts."""
    labels = {"垃圾分类知晓率": "INDICATOR", "社区志愿服务时长": "INDICATOR", "服务质量": "INDICATOR",
              "86.2": "PERCENT", "1200": "MONEY", "入户宣传次数": "INDICATOR"}
    spans = []
    for m in regex.finditer("|".join(labels), doc.text):
        span = doc.char_span(*m.span(), label=labels[m.group()], alignment_mode="expand")
        if span is not None:
            spans.append(span)
    doc.ents = spans
    return doc


@pytest.fixture(scope="module")
def combined():
    nlp = govie.load(rules_only=True)
    nlp.add_pipe("stand_in_ner", first=True)
    return nlp


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
