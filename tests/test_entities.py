"""The rules + model combination policy (govie/entities/combine.py), with a stand-in NER."""
import regex
import pytest
from spacy.language import Language

import govie
from govie import entities as _entities  # noqa: F401  (registers govie_entities)


@Language.component("stand_in_ner")
def stand_in_ner(doc):
    """Marks what a trained NER might: indicator names, amounts, and some mistakes."""
    spans = []
    for m in regex.finditer(r"垃圾分类知晓率|7\.5万元|1,250\.40|86\.2|第3名|1200", doc.text):
        label = {"垃圾分类知晓率": "INDICATOR", "第3名": "QUANTITY", "86.2": "PERCENT"}.get(m.group(), "MONEY")
        span = doc.char_span(*m.span(), label=label, alignment_mode="expand")
        if span is not None:
            spans.append(span)
    doc.ents = spans
    return doc


@pytest.fixture(scope="module")
def combined():
    nlp = govie.load(rules_only=True)
    nlp.add_pipe("stand_in_ner", first=True)
    if "govie_entities" not in nlp.pipe_names:
        nlp.add_pipe("govie_entities")
    return nlp


def test_policy(combined):
    text = ("垃圾分类知晓率达86.2，补助7.5万元，全区排名第3名，接待1200人。\n"
            "单位：万元\n项目资金\t1,250.40\n")
    report = govie.extract(text, nlp=combined)
    got = {(e["label"], e["text"]): e for e in report.entities}
    # 1. the rule reading of 7.5万元 stands, once
    assert [k for k in got if k[1] == "7.5万元"] == [("MONEY", "7.5万元")]
    # 2. a model INDICATOR is added, with no value
    assert got[("INDICATOR", "垃圾分类知晓率")]["value"] is None
    # 3. model amounts must read as their kind: 86.2 without % is not a percentage, 第3名 is no quantity,
    #    a bare 1200 outside a unit scope is no money; inside 单位：万元 the rule already has 1,250.40
    assert ("PERCENT", "86.2") not in got and ("QUANTITY", "第3名") not in got and ("MONEY", "1200") not in got
    assert got[("MONEY", "1,250.40")]["value"] == 12504000.0
    assert ("QUANTITY", "1200人") in got


def test_rules_only_entities_are_the_rule_findings():
    """Without a model, INDICATOR entities are exactly the indicator names the rules found."""
    text = "垃圾分类知晓率年度指标值为90%，实际完成93.5%；入户宣传开展次数年度指标值为 40 次，实际完成 52 次。"
    report = govie.extract(text, nlp=govie.load(rules_only=True))
    names = sorted((i["start"], i["end"]) for i in report.indicators)
    assert names and sorted((e["start"], e["end"]) for e in report.entities if e["label"] == "INDICATOR") == names
    assert [e["label"] for e in report.entities if e["label"] != "INDICATOR"] == ["PERCENT"] * 2 + ["QUANTITY"] * 2
