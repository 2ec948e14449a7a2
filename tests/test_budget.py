"""Report-level fields (govie_report_fields): department, year, score, grade and the budget
block, from tables and from narrative written for these tests."""
import pytest

import govie
from govie.budget import department, grade, self_score, year

from test_tables import PIPE, TASKS_BY_LINE


def fields(nlp, text):
    rep = govie.extract(text, nlp=nlp).to_dict()
    return {k: rep[k] for k in ("department", "year", "self_score", "grade")}, rep["budget"]


def test_narrative_budget_score_and_grade(nlp):
    text = ("成都市武侯区卫生健康局2023年度部门整体支出绩效自评报告\n\n"
            "2023年，本部门年初预算5216.3万元，年中追加预算412.85万元，调整后全年预算为5629.15万元，"
            "全年执行数5480.27万元，预算执行率为97.36%。其中财政拨款全年预算数 5100.00 万元，完成率 97.2%。"
            "决算收入 5502.10 万元，比上年决算增加 120.00 万元；决算支出 5480.27 万元。\n"
            "经综合评价，2023年度部门整体支出绩效自评得分为92.5分，其中管理效能得分38分，评价等级为“优”。\n")
    head, budget = fields(nlp, text)
    assert head == {"department": "成都市武侯区卫生健康局", "year": 2023, "self_score": 92.5, "grade": "优"}
    assert budget == pytest.approx({"initial": 52163000.0, "adjustment": 4128500.0, "adjusted": 56291500.0,
                                    "spent": 54802700.0, "execution_rate": 97.36, "general_public": None,
                                    "adjustment_rate": None, "final_revenue": 55021000.0,
                                    "final_expenditure": 54802700.0, "weight": None, "score": None})


def test_table_budget_block_and_department_cell(nlp):
    text = ("南京市鼓楼区部门整体支出绩效自评表 (2023年度)\n单位：万元\n"
            "部门名称\t\t南京市鼓楼区人民政府宁海路街道办事处\t\t\n"
            "部门资金情况\t整体支出年度预算数\t2,400.00\t整体支出年初预算数\t2,200.00\n"
            "\t实际支出数\t2,280.00\t年度调整额\t200.00\n"
            "\t其中: 一般公共预算\t2,100.00\t\t\n"
            "\t预算完成率\t95.00%\t预算调整率\t9.09%\n")
    head, budget = fields(nlp, text)
    assert head == {"department": "南京市鼓楼区人民政府宁海路街道办事处", "year": 2023, "self_score": None, "grade": None}
    assert budget == pytest.approx({"adjusted": 24e6, "initial": 22e6, "spent": 22.8e6, "adjustment": 2e6,
                                    "general_public": 21e6, "execution_rate": 95.0, "adjustment_rate": 9.09,
                                    "final_revenue": None, "final_expenditure": None, "weight": None, "score": None})


def test_pipe_budget_block(nlp):
    head, budget = fields(nlp, PIPE)
    assert head["department"] == "杭州市西湖区文新街道办事处" and head["year"] == 2023
    assert (budget["initial"], budget["adjusted"], budget["adjustment"], budget["spent"]) == pytest.approx(
        (48602000.0, 51203500.0, 2601500.0, 49876600.0))


def test_one_cell_per_line_header_fields(nlp):
    text = ("部门整体支出绩效自评表\n\n单位：万元\n\n部门名称（汇总） 佛山市南海区人民政府桂城街道办事处 被评价年度 2023年\n\n"
            "部门资\n金情况\n\n部门调整预算收入 3350.50 部门年初预算收入 3200.00\n\n实际支出数 3301.20\n\n"
            "年度预算调整数 150.50 \n\n预算完成率 98.53% 预算调整率 4.70%\n\n") + TASKS_BY_LINE
    head, budget = fields(nlp, text)
    assert head["department"] == "佛山市南海区人民政府桂城街道办事处" and head["year"] == 2023
    assert budget["adjusted"] == pytest.approx(33505000.0) and budget["adjustment"] == pytest.approx(1505000.0)
    assert budget["execution_rate"] == 98.53 and budget["adjustment_rate"] == 4.7


@pytest.mark.parametrize("text, expected", [
    ("2022年整体支出绩效自评结果为98分，达到“优”等级。", (98.0, "优")),
    ("部门绩效自评得分 88.51 分，其中管理效能分值 40 分，自评得分 31.5 分。", (88.51, None)),
    ("综合评分为 79.5 分，自评等级为良好。", (79.5, "良好")),
    ("公共服务中心工作效率等级\t良好\t良好", (None, None)),          # an indicator, not the grade
    ("我街被评为2021年优秀等次单位。", (None, None)),
])
def test_score_and_grade(text, expected):
    assert (self_score(text), grade(text)) == expected


@pytest.mark.parametrize("text, expected", [
    ("2022年广州市白云区人民政府同德街道办事处 整体支出绩效自评报告\n", ("广州市白云区人民政府同德街道办事处", 2022)),
    ("广州市增城区人民政府荔城街道办事处 2021 年部门整体支出绩效自评报告\n", ("广州市增城区人民政府荔城街道办事处", 2021)),
    ("深圳市福田区教育局2024年度部门整体支出绩效自评报告\n", ("深圳市福田区教育局", 2024)),
    ("部门整体支出绩效自评表\n部门名称 武汉市江岸区民政局\n评价年度：2023\n", ("武汉市江岸区民政局", 2023)),
])
def test_department_and_year(text, expected):
    assert (department(text), year(text)) == expected


def test_budget_on_the_corpus_gold(corpus_dir, nlp):
    from govie.evaluation.budget import evaluate_budget

    counts = evaluate_budget(corpus_dir, nlp=nlp)
    right, total = counts["all"]
    assert right / total >= 0.95
    right, total = counts["stated"]
    assert right / total >= 0.95
