"""Problems and remedies: from their sections, from narrative sentences, and on the corpus.

The texts are written for these tests in the genre's style (other cities and
years); none is taken from the corpus.
"""
import json
import logging

import pytest

import govie
from govie.statements import StatementExtractor

NARRATIVE = """2023年昆明市五华区某街道办事处部门整体支出绩效自评报告

一、基本情况
全年完成老旧小区改造 6 个，惠及居民 2100 户。

三、存在的主要问题
从全年的整体支出情况来看，本部门在预算编制及绩效运行
监控等方面还存在一些不足，具体表现在：一是预算编制不够精细，部分项目
测算依据不足。二是绩效运行监控手段较少，监控结果运用不充分。

四、下一步改进措施
（一）预算管理方面：细化项目测算，提高预算编制的准确性。
（二）绩效监控方面：每季度通报绩效目标完成情况。
对进度滞后的项目及时督促。

五、附件
部门整体支出绩效自评表
"""


def records(report, kind):
    return [(x["text"], x["topic"]) for x in getattr(report, kind)]


def check_offsets(text, report):
    for kind in ("problems", "remedies"):
        for x in getattr(report, kind):
            assert set(x) == {"text", "start", "end", "topic"}
            assert text[x["start"]:x["end"]] == x["text"]


def test_items_of_numbered_sections_with_topics():
    report = govie.extract(NARRATIVE)
    check_offsets(NARRATIVE, report)
    assert records(report, "problems") == [
        ("一是预算编制不够精细，部分项目\n测算依据不足。", None),
        ("二是绩效运行监控手段较少，监控结果运用不充分。", None)]   # the lead-in (具体表现在：) is not one
    assert records(report, "remedies") == [
        ("（一）预算管理方面：细化项目测算，提高预算编制的准确性。", "预算管理"),
        ("（二）绩效监控方面：每季度通报绩效目标完成情况。\n对进度滞后的项目及时督促。", "绩效监控")]


@pytest.mark.parametrize("nothing", ["暂无", "无", "/", "无。", "暂无。"])
def test_sections_that_say_nothing_give_nothing(nothing):
    narrative = f"三、存在的主要问题\n\n{nothing}\n\n四、下一步工作计划\n\n{nothing}\n"
    table = f"存在问题\t{nothing}\t\t\t\n改进措施\t{nothing}\t\t\t\n"
    cells = f"存在问题\n\n{nothing}\n\n改进措施或下一步计划\n\n{nothing}\n"
    for text in (narrative, table, cells):
        report = govie.extract(text)
        assert report.problems == [] and report.remedies == [], text


TABLE = (
    "单位：万元\n"
    "部门名称\t\t合肥市蜀山区某街道办事处\t\t\n"
    "主要任务\t预期目标\t目标完成情况\t关键指标\t指标完成情况\t任务涉及资金\n"
    "社区治理\t提升治理水平\t已完成\t调解成功率\t98%\t320.50\n"
    "存在问题\t一是绩效指标设置不够全面，难以反映工作成效。二是部分项目资金支付进度偏慢。\t\t\t\t\n"
    "改进措施\t一是完善绩效指标体系；二是加快资金支付进度。\t\t\t\t\n"
)


def test_table_rows():
    report = govie.extract(TABLE)
    check_offsets(TABLE, report)
    assert records(report, "problems") == [("一是绩效指标设置不够全面，难以反映工作成效。", None),
                                           ("二是部分项目资金支付进度偏慢。", None)]
    assert records(report, "remedies") == [("一是完善绩效指标体系；", None), ("二是加快资金支付进度。", None)]


def test_pipe_separated_rows():
    text = ("| 部门名称 | 西安市雁塔区某街道办事处 |\n"
            "| 存在问题 | 一是部分指标偏低；二是资金支付进度偏慢。 |\n"
            "| 改进措施 | 一是合理设置指标值；二是加快支付进度。 |\n"
            "| 自评得分 | 95 |\n")
    report = govie.extract(text)
    check_offsets(text, report)
    assert records(report, "problems") == [("一是部分指标偏低；", None), ("二是资金支付进度偏慢。", None)]
    assert records(report, "remedies") == [("一是合理设置指标值；", None), ("二是加快支付进度。", None)]
    assert govie.extract("|存在问题|暂无|\n|改进措施|/|\n").problems == []


CELLS = """部门整体绩效

一、抓好基层党建
二、优化营商环境

存在问题

社区治理方面：网格员流动性大，事件上报质量
参差不齐。
民生保障方面：
长者饭堂覆盖面不足；助餐服务
时间较短。

改进措施或下一步计划

一是着眼基层治理，加强网格员培训。完善考核机制。
二是着眼民生保障，扩大助餐服务覆盖面。
"""


def test_cell_per_line_layout_with_topic_clauses():
    report = govie.extract(CELLS)
    check_offsets(CELLS, report)
    assert records(report, "problems") == [
        ("社区治理方面：网格员流动性大，事件上报质量\n参差不齐。", "社区治理"),
        ("民生保障方面：\n长者饭堂覆盖面不足；助餐服务\n时间较短。", "民生保障")]
    assert records(report, "remedies") == [("一是着眼基层治理，加强网格员培训。完善考核机制。", None),
                                           ("二是着眼民生保障，扩大助餐服务覆盖面。", None)]


def test_a_sentence_of_a_section_without_items_is_a_statement():
    text = "存在问题\t党建工作仍需加强，项目管理还不够规范，\t\t\t\n改进措施\t我们将正视问题。党建工作继续深化；项目管理进一步规范。\t\n"
    report = govie.extract(text)
    assert [t for t, _ in records(report, "problems")] == ["党建工作仍需加强，项目管理还不够规范，"]
    assert [t for t, _ in records(report, "remedies")] == ["我们将正视问题。", "党建工作继续深化；", "项目管理进一步规范。"]


def test_mixed_sections_tell_problems_from_remedies():
    text = ("偏差原因分析及改进措施\t偏差原因：受汛期影响，2 个工程延期开工。"
            "改进措施：下一步将提前做好施工组织。\t\t\n")
    report = govie.extract(text)
    # the sub-labels inside the cell are headings of their own (run into the line): their text is the statement
    assert [t for t, _ in records(report, "problems")] == ["受汛期影响，2 个工程延期开工。"]
    assert [t for t, _ in records(report, "remedies")] == ["下一步将提前做好施工组织。"]
    cues = "六、偏差原因分析及改进措施\n1. 部分指标未达预期，主要因人员不足。\n2. 下一步将充实工作力量。\n"
    report = govie.extract(cues)
    assert [t for t, _ in records(report, "problems")] == ["1. 部分指标未达预期，主要因人员不足。"]
    assert [t for t, _ in records(report, "remedies")] == ["2. 下一步将充实工作力量。"]


# Narrative parts: only a sentence with an explicit cue is a candidate, and the classifier ranks it.
NARRATIVE_ONLY = """二、部门整体绩效情况
全年共开展消防安全宣传活动 45 场，受众 1.2 万人次。
本部门 2023 年全年预算数 6,213.40 万元，执行数 6,002.18 万元。
负责辖区内的城市管理和环境卫生工作。
部分绩效指标设置不够科学，难以全面反映工作成效。
工作中还存在绩效指标设置不够科学的问题，难以全面反映工作成效。
下一步，我街将加快推进老旧小区改造，提升居民生活品质。
为加强项目绩效目标管理，切实提高财政资金使用效益，制定本方案。
"""


def test_the_classifier_ranks_only_sentences_with_an_explicit_cue():
    report = govie.extract(NARRATIVE_ONLY)
    check_offsets(NARRATIVE_ONLY, report)
    # 不够科学 alone states no problem; 还存在…的问题 does
    assert records(report, "problems") == [("工作中还存在绩效指标设置不够科学的问题，难以全面反映工作成效。", None)]
    assert records(report, "remedies") == [("下一步，我街将加快推进老旧小区改造，提升居民生活品质。", None)]


def test_without_the_cue_gate_the_classifier_reads_every_narrative_sentence():
    nlp = govie.load()
    component = nlp.get_pipe("govie_statements")
    component.cue_gate = False
    report = govie.extract(NARRATIVE_ONLY, nlp=nlp)
    assert "部分绩效指标设置不够科学，难以全面反映工作成效。" in [t for t, _ in records(report, "problems")]


def test_inside_a_section_the_section_decides():
    # reads like a problem, but it is the text of a remedies section: it stays a remedy, once
    text = "四、下一步改进措施\n部分绩效指标设置不够科学，难以全面反映工作成效。\n五、附件\n"
    report = govie.extract(text)
    assert records(report, "problems") == []
    assert records(report, "remedies") == [("部分绩效指标设置不够科学，难以全面反映工作成效。", None)]


def test_without_a_model_the_sections_still_work(tmp_path, caplog):
    nlp = govie.load(rules_only=True)
    component = nlp.get_pipe("govie_statements")
    saved = (component._classifier, component._loaded, component.model)
    try:
        component.model, component._loaded = str(tmp_path / "missing"), False
        with caplog.at_level(logging.WARNING, logger="govie"):
            first = govie.extract(NARRATIVE_ONLY + NARRATIVE, nlp=nlp)
            govie.extract(NARRATIVE_ONLY, nlp=nlp)
        assert sum("no sentence classifier" in r.getMessage() for r in caplog.records) == 1
        assert [t for t, _ in records(first, "problems")] == [
            "一是预算编制不够精细，部分项目\n测算依据不足。", "二是绩效运行监控手段较少，监控结果运用不充分。"]
    finally:
        component._classifier, component._loaded, component.model = saved


def test_threshold_comes_from_the_config(nlp):
    component = nlp.get_pipe("govie_statements")
    assert isinstance(component, StatementExtractor)
    assert 0.5 <= component.threshold <= 1.0


# The corpus: targets of issue 4.
def test_section_based_problems_and_remedies_on_the_corpus(corpus_dir, nlp):
    from govie.evaluation.statements import evaluate_statements

    views = evaluate_statements(corpus_dir, nlp)
    for kind in ("problems", "remedies"):
        assert views["section"][kind].recall >= 0.95
        assert views["section"][kind].precision >= 0.90
        assert views["overall"][kind].f1 >= 0.90
    assert views["topic_accuracy"] >= 0.95


def test_gold_sentences_are_original_text(corpus_dir):
    from govie.evaluation.gold import corpus_reports, load_gold

    gold = load_gold(corpus_dir, "sentences")
    for rid, path in corpus_reports(corpus_dir):
        text = path.read_text(encoding="utf-8")
        record = gold[rid]
        assert record["schema_version"] == "1.0" and record["file"] == f"raw/{rid}.txt"
        for kind in ("problems", "remedies", "other"):
            for span in record[kind]:
                assert text[span["start"]:span["end"]] == span["text"]
                if kind != "other":
                    assert "topic" in span


def test_the_written_sentences_are_not_copied_from_the_corpus(corpus_dir):
    from importlib import resources

    corpus = "".join(p.read_text(encoding="utf-8") for p in (corpus_dir / "raw").glob("*.txt"))
    rows = [json.loads(line) for line in
            resources.files("govie.statements").joinpath("extra_sentences.jsonl").read_text("utf-8").splitlines()]
    assert len(rows) >= 300 and {r["label"] for r in rows} == {"PROBLEM", "REMEDY", "OTHER"}
    for row in rows:
        text = row["text"]
        assert not any(text[k:k + 15] in corpus for k in range(len(text) - 14)), text


# Training: reproducible with a seed.  A tiny corpus, a few epochs: a few seconds.
TINY_REPORTS = {
    "2020_a_report": "三、存在问题\n一是资金支付进度偏慢。二是指标设置不够科学。\n四、改进措施\n一是加快支付进度。\n"
                     "全年完成道路改造 3 条。\n",
    "2020_b_report": "存在问题\t人员力量不足，巡查覆盖不全。\t\n改进措施\t下一步将充实巡查力量。\t\n"
                     "全年开展巡查 120 次。\n",
}


def _tiny_corpus(root):
    (root / "raw").mkdir(parents=True)
    (root / "annotations").mkdir()
    lines = []
    for rid, text in TINY_REPORTS.items():
        (root / "raw" / f"{rid}.txt").write_text(text, encoding="utf-8")
        rec = {"id": rid, "file": f"raw/{rid}.txt", "schema_version": "1.0", "annotator": "test",
               "problems": [], "remedies": [], "other": []}
        for kind, piece in (("problems", "一是资金支付进度偏慢。"), ("problems", "二是指标设置不够科学。"),
                            ("problems", "人员力量不足，巡查覆盖不全。"), ("remedies", "一是加快支付进度。"),
                            ("remedies", "下一步将充实巡查力量。"), ("other", "全年完成道路改造 3 条。"),
                            ("other", "全年开展巡查 120 次。")):
            i = text.find(piece)
            if i >= 0:
                rec[kind].append({"start": i, "end": i + len(piece), "text": piece, "topic": None})
        lines.append(json.dumps(rec, ensure_ascii=False))
    (root / "annotations" / "sentences.jsonl").write_text("\n".join(lines) + "\n", encoding="utf-8")
    extra = root / "extra.jsonl"
    extra.write_text("".join(json.dumps(r, ensure_ascii=False) + "\n" for r in [
        {"text": "部分项目绩效目标设置较为笼统。", "label": "PROBLEM"},
        {"text": "下一步将细化绩效目标。", "label": "REMEDY"},
        {"text": "全年调解矛盾纠纷 312 宗。", "label": "OTHER"}]), encoding="utf-8")
    return extra


def test_training_is_reproducible(tmp_path):
    from govie.statements import StatementClassifier
    from govie.statements.training import train_textcat

    extra = _tiny_corpus(tmp_path / "corpus")
    probe = [["预算", "执行", "进度", "偏慢"], ["下一步", "将", "加快", "进度"], ["全年", "完成", "巡查"]]
    scores = []
    for run in range(2):
        nlp = train_textcat(tmp_path / f"model{run}", corpus=tmp_path / "corpus", extra=extra, seed=7,
                            overrides={"training.max_epochs": 4})
        scores.append(StatementClassifier.from_nlp(nlp).scores(probe))
    assert scores[0] == scores[1]
    assert (tmp_path / "model0" / "textcat" / "model").read_bytes() == \
        (tmp_path / "model1" / "textcat" / "model").read_bytes()
    reloaded = StatementClassifier(tmp_path / "model0").scores(probe)
    for again, first in zip(reloaded, scores[0]):
        assert again == pytest.approx(first)
