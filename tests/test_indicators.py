"""Indicators (govie_indicators): narrative forms and tables written for these tests in the
genre's style for other cities and years, the met rules, and the corpus gold."""
import re

import pytest

import govie
from govie.indicators import Value, met

from test_tables import PIPE, PROJECT_TABLE, TASKS_BY_LINE


def indicators(nlp, text):
    report = govie.extract(text, nlp=nlp)
    for ind in report.indicators:        # every offset points into the text as given
        assert re.sub(r"\s+", "", text[ind["start"]:ind["end"]]) == re.sub(r"\s+", "", ind["name"])
        for side in ("target", "actual", "task_amount"):
            v = ind[side]
            if v is not None:
                assert text[v["start"]:v["end"]] == v["text"]
    return report.indicators


def brief(ind):
    def value(v):
        return None if v is None else (v["value"], v["unit"], v["comparator"]) if v["value"] is not None else v["text"]
    return ind["name"], value(ind["target"]), value(ind["actual"]), ind["met"]


def by_name(found):
    return {i["name"]: brief(i)[1:] for i in found}


# -------------------------------------------------------------------- narrative

def test_target_and_actual_in_one_sentence(nlp):
    text = ("1. 就业服务。城镇新增就业人数年度指标值为 1200 人，实际完成 1356 人；零就业家庭动态清零率年初目标值为100%，"
            "经过全年努力，实际完成值为100%；门诊服务人次年度指标值为10万人次，实际完成12.6 万人次；"
            "外出招商活动次数年度指标\n\n值为 6 次，实际完成 4 次。")
    assert by_name(indicators(nlp, text)) == {
        "城镇新增就业人数": ((1200, "人", None), (1356, "人", None), True),
        "零就业家庭动态清零率": ((100, "%", None), (100, "%", None), True),
        "门诊服务人次": ((100000, "人次", None), (126000, "人次", None), True),     # 10万人次 → 100000
        "外出招商活动次数": ((6, "次", None), (4, "次", None), False)}


def test_the_actual_clause_may_repeat_the_name(nlp):
    text = "引进注册资本 500 万的企业数年度指标值为 2 家，实际完成引进注册资本 800 万的企业数 3 家。"
    (found,) = indicators(nlp, text)
    assert brief(found) == ("引进注册资本500万的企业数", (2, "家", None), (3, "家", None), True)


GOALS = """成都市武侯区卫生健康局2023年度部门整体支出绩效自评报告

一、部门基本情况
（一）年度绩效目标
医院改造工程完工率达到90%，家庭医生签约服务覆盖率不低于60%，院内感染发生率控制在1%以内。
（二）部门整体收支情况
2023年，本部门年初预算5216.3万元，调整后全年预算为5629.15万元，全年执行数5480.27万元，预算执行率为97.36%。
二、绩效目标完成情况
1.医疗服务能力。医院改造工程完工率达95%，家庭医生签约服务覆盖率为58.3%，院内感染发生率为0.6%。
2.公共卫生。共开展健康讲座 86 场，居民健康知识知晓率达 88.6%。全年完成年度任务的 103.5%。各项补助达成率分别为100%、95%。
三、绩效目标完成情况（摘要）
医院改造工程完工率达95%，家庭医生签约服务覆盖率为58.3%。
"""


def test_goals_paragraph_gives_targets_met_by_later_results(nlp):
    found = by_name(indicators(nlp, GOALS))
    assert found["医院改造工程完工率"] == ((90, "%", ">="), (95, "%", None), True)      # 达到 in a goal: ≥
    assert found["家庭医生签约服务覆盖率"] == ((60, "%", ">="), (58.3, "%", None), False)
    assert found["院内感染发生率"] == ((1, "%", "<="), (0.6, "%", None), True)          # 以内, a reverse rate
    assert found["居民健康知识知晓率"] == (None, (88.6, "%", None), None)                 # an actual only
    assert found["全年完成年度任务"] == (None, (103.5, "%", None), None)
    # The budget's execution rate is no indicator, a list of rates is none either, and the
    # summary that repeats two results adds nothing.
    assert "预算执行率" not in found and "各项补助达成率" not in found
    assert len(found) == 5 and len(indicators(nlp, GOALS)) == 5


def test_actuals_only_and_a_repeated_paragraph(nlp):
    paragraph = "综治维稳。全年共调解矛盾纠纷 312 宗，调解成功 305 宗，调解成功率达 97.8%，接种率 91%。\n"
    text = "一、基本情况\n" + paragraph + "二、综合评价\n" + paragraph.replace(" ", "")
    found = indicators(nlp, text)
    assert [brief(i) for i in found] == [("调解成功率", None, (97.8, "%", None), None),
                                         ("接种率", None, (91, "%", None), None)]


def test_a_rate_with_several_values_is_no_indicator(nlp):
    assert indicators(nlp, "开展小组10个，达成率分别是100%、118%；开展活动8个，达成率114%、171%。") == []


# -------------------------------------------------------------------- tables

def test_pipe_table_indicators(nlp):
    assert by_name(indicators(nlp, PIPE)) == {
        "居家养老服务覆盖率": ((95, "%", ">="), (97.5, "%", None), True),
        "垃圾分类投诉量": ((0, "件", None), (0, "件", None), True),            # reverse, met at 0
        "老旧小区改造数量": ((12, "个", None), (10, "个", None), False)}


def test_project_table_sections_and_scores(nlp):
    found = indicators(nlp, PROJECT_TABLE)
    assert [(i["name"], i["section"], i["met"], i["reported_met"]) for i in found] == [
        ("开展培训场次", "产出指标/数量指标", True, True),
        ("培训覆盖人数", "产出指标/数量指标", True, True),
        ("培训合格率", "产出指标/质量指标", False, False),      # 8 of 10 points: the table says so too
        ("安全事故发生率", "效益指标/社会效益指标", True, True)]


def test_task_table_indicators_carry_the_task_and_its_amount(nlp):
    found = indicators(nlp, TASKS_BY_LINE)
    table = [i for i in found if i["source"] == "table"]
    assert [(i["name"], i["section"], i["task_amount"]["value"]) for i in table] == [
        ("背街小巷整治数量", "社区环境综合整治", 8604000.0), ("居民满意度", "社区环境综合整治", 8604000.0),
        ("助餐服务人次", "长者服务", 4200000.0), ("长者服务覆盖率", "长者服务", 4200000.0),
        ("长者服务满意度", "长者服务", 4200000.0), ("服务投诉量", "长者服务", 4200000.0)]
    assert table[2]["actual"]["value"] == 23000.0 and table[0]["target"] is None
    # The result text of the 长者服务 cells states two rates, read once though printed twice.
    narrative = [brief(i) for i in found if i["source"] == "narrative"]
    assert narrative == [("助餐服务覆盖率", None, (100, "%", None), None),
                         ("长者满意度", None, (95, "%", ">="), None)]


def test_goal_and_result_text_run_together_pair_by_name(nlp):
    text = ("主要任务 预期目标 目标完成情况 关键指标 指标完成情况 任务涉及资金\n\n出租屋管理\n\n出租屋纳管率达90%，来\n"
            "穗人员登记率达90%。\n\n出租屋纳管率达95%，来\n穗人员登记率达88%。\n\n出租屋巡查次数 24次\n\n"
            "120.00\n\n存在问题\n")
    found = by_name(indicators(nlp, "单位：万元\n" + text))
    assert found["出租屋纳管率"] == ((90, "%", None), (95, "%", None), True)
    assert found["来穗人员登记率"] == ((90, "%", None), (88, "%", None), False)
    assert found["出租屋巡查次数"] == (None, (24, "次", None), None)


def test_free_text_under_a_level(nlp):
    text = ("主要任务\t预期目标\t目标完成情况\t关键指标\t指标完成情况\t任务涉及资金\n"
            "平安建设\t提升安全感\t安全感提升\t数量指标\t开展消防检查120次，整改隐患36处\t88.00\n"
            "\t\t\t质量指标\t隐患整改率达100%\t\n")
    found = indicators(nlp, text)
    assert [brief(i) for i in found] == [
        ("数量指标", None, "开展消防检查120次，整改隐患36处", None),     # the level names free text
        ("隐患整改率", None, (100, "%", None), None)]                      # one statement names itself


# -------------------------------------------------------------------- met

def v(value, unit, comparator=None, text="x"):
    return Value(0, 0, text, value, unit, comparator)


@pytest.mark.parametrize("name, target, actual, expected", [
    ("服务企业数", v(203, "家"), v(212, "家"), True),
    ("服务企业数", v(203, "家"), v(190, "家"), False),
    ("经费支出", v(90e4, "元", "<="), v(85e4, "元"), True),            # ≤90万元
    ("经费支出", v(90e4, "元", "<="), v(95e4, "元"), False),
    ("办理时限", v(5, "天", "<="), v(3, "天"), True),                   # 5天以内
    ("群众投诉量", v(10, "件"), v(8, "件"), True),                       # reverse, no comparator
    ("群众投诉量", v(10, "件"), v(12, "件"), False),
    ("安全事故数", v(0, "起"), v(0, "起"), True),
    ("重大社会治安事件发生率", v(0, "%"), v(0.5, "%"), False),
    ("满意度", v(90, "%", ">="), v(90, "%", ">="), True),             # 90%以上 on both sides
    ("就餐人次", v(1e5, "人次"), v(112848, "次"), True),                # 人次 and 次 compare
    ("完成率", v(100, "%"), v(1, None), None),                          # 1 without a unit
    ("覆盖数", v(3, "个"), v(3, "%"), None),
    ("服务质量", v(None, None, text="优"), v(None, None, text="优"), True),
    ("服务质量", v(None, None, text="优"), v(None, None, text="良"), None),
    ("服务质量", v(None, None, text="优"), v(95, "%"), None),
    ("服务质量", None, v(95, "%"), None),
])
def test_met(name, target, actual, expected):
    assert met(name, target, actual) is expected


# -------------------------------------------------------------------- the corpus

def test_indicators_on_the_corpus_gold(corpus_dir, nlp):
    from govie.evaluation.indicators import evaluate_indicators

    rows, met_accuracy, matched = evaluate_indicators(corpus_dir, nlp=nlp)
    assert rows["all"].recall >= 0.90
    assert rows["all"].precision >= 0.85
    assert met_accuracy >= 0.90 and matched >= 250


def test_gold_indicator_offsets_are_original_text(corpus_dir):
    from govie.evaluation.gold import corpus_reports, load_gold

    gold = load_gold(corpus_dir, "indicators")
    for rid, path in corpus_reports(corpus_dir):
        text = path.read_text(encoding="utf-8")
        assert gold[rid]["schema_version"] == "1.0"
        for ind in gold[rid]["indicators"]:
            assert re.sub(r"\s+", "", text[ind["start"]:ind["end"]]) == re.sub(r"\s+", "", ind["name"])
            for side in ("target", "actual"):
                if ind[side] is not None:
                    assert text[ind[side]["start"]:ind[side]["end"]] == ind[side]["text"]


def test_corpus_indicator_offsets_are_original_text(corpus_dir, nlp):
    from govie.evaluation.gold import corpus_reports

    for _, path in corpus_reports(corpus_dir):
        text = path.read_text(encoding="utf-8")
        for ind in govie.extract_file(path, nlp=nlp).indicators:
            assert re.sub(r"\s+", "", text[ind["start"]:ind["end"]]) == re.sub(r"\s+", "", ind["name"])
            for side in ("target", "actual", "task_amount"):
                if ind[side] is not None:
                    assert text[ind[side]["start"]:ind[side]["end"]] == ind[side]["text"]


def test_bare_numbers_after_cue_words_and_full_width_digits(nlp):
    text = "社区矫正对象再犯罪率：年度指标值为0，实际完成0。群众满意度计划值为９０％，实际值为９２．５％。"
    assert by_name(indicators(nlp, text)) == {
        "社区矫正对象再犯罪率": ((0, None, None), (0, None, None), True),
        "群众满意度": ((90, "%", None), (92.5, "%", None), True)}


def test_project_table_one_cell_per_line(nlp):
    text = ("一级指标\n二级指标\n三级指标\n年度指标值\n实际完成值\n分值\n得分\n"
            "产出指标\n数量指标\n改造老旧小区\n≥8个\n9个\n20\n20\n质量指标\n工程验收合格率\n100%\n100%\n20\n20\n"
            "效益指标\n社会效益指标\n居民投诉量\n≤5件\n7件\n10\n6\n")
    found = indicators(nlp, text)
    assert [(brief(i), i["section"], i["reported_met"]) for i in found] == [
        (("改造老旧小区", (8, "个", ">="), (9, "个", None), True), "产出指标/数量指标", True),
        (("工程验收合格率", (100, "%", None), (100, "%", None), True), "产出指标/质量指标", True),
        (("居民投诉量", (5, "件", "<="), (7, "件", None), False), "效益指标/社会效益指标", False)]


def test_a_header_with_a_column_the_vocabulary_does_not_know(nlp):
    text = ("| 指标类型 | 绩效指标 | 指标值 | 实际值 | 得分 |\n|---|---|---|---|---|\n"
            "| 产出 | 培训人次 | 2000人次 | 2150人次 | 10 |\n| 效果 | 就业率 | ≥85% | 83% | 8 |\n")
    assert by_name(indicators(nlp, text)) == {
        "培训人次": ((2000, "人次", None), (2150, "人次", None), True),
        "就业率": ((85, "%", ">="), (83, "%", None), False)}


def test_a_counted_goal_finds_its_result_by_name(nlp):
    text = ("年度绩效目标：培训基层医务人员人数达到500人次，医院改造工程完工率达到90%。\n二、目标完成情况\n"
            "培训基层医务人员人数达到620人次，医院改造工程完工率达95%。")
    assert by_name(indicators(nlp, text)) == {
        "培训基层医务人员人数": ((500, "人次", ">="), (620, "人次", None), True),
        "医院改造工程完工率": ((90, "%", ">="), (95, "%", None), True)}
