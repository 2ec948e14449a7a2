"""Table reconstruction (govie_tables) on tables written for these tests in layouts the
seed reports do not use: ``|`` rows, aligned spaces, one cell per line, the three-level
项目支出绩效自评表, and a task table of another city repeated across a page break."""
import pytest

from govie.reading import clean
from govie.tables import BUDGET, GOALS, INDICATOR, PROJECT, TASK, compact


def tables_of(nlp, text):
    doc = nlp(clean(text).text)
    return doc, doc._.tables


def rows(table):
    return [{role: compact(cell.text) for role, cell in row.fields.items()} for row in table.rows]


PIPE = """杭州市西湖区文新街道办事处2023年度部门整体支出绩效自评表
单位：万元
| 部门资金情况 | 年初预算数 | 4,860.20 | 全年预算数 | 5,120.35 |
|  | 年度调整额 | 260.15 | 实际支出数 | 4,987.66 |
| 关键指标 | 预期实现值 | 指标完成情况 |
| --- | --- | --- |
| 居家养老服务覆盖率 | ≥95% | 97.5% |
| 垃圾分类投诉量 | 0件 | 0件 |
| 老旧小区改造数量 | 12个 | 10个 |
"""


def test_pipe_rows_and_the_budget_block(nlp):
    doc, found = tables_of(nlp, PIPE)
    assert [t.kind for t in found] == [BUDGET, INDICATOR]
    budget, table = found
    assert [(compact(r.fields["label"].text), r.fields["value"].text) for r in budget.rows] == [
        ("年初预算数", "4,860.20"), ("全年预算数", "5,120.35"), ("年度调整额", "260.15"), ("实际支出数", "4,987.66")]
    assert table.layout == "pipe" and table.unit_factor == 10000
    assert rows(table) == [
        {"name": "居家养老服务覆盖率", "target": "≥95%", "actual": "97.5%"},
        {"name": "垃圾分类投诉量", "target": "0件", "actual": "0件"},
        {"name": "老旧小区改造数量", "target": "12个", "actual": "10个"}]
    for row in table.rows:          # offsets are into the cleaned text
        for cell in row.fields.values():
            assert doc.text[cell.start:cell.end] == cell.text


PROJECT_TABLE = """2023年度项目支出绩效自评表
项目名称：社区治理专项经费
一级指标\t二级指标\t三级指标\t年度指标值\t实际完成值\t分值\t得分\t偏差原因
产出指标\t数量指标\t开展培训场次\t≥12场\t15场\t10\t10\t
\t\t培训覆盖人数\t≥500人次\t620人次\t10\t10\t
\t质量指标\t培训合格率\t≥90%\t86%\t10\t8\t部分学员未参加考核
效益指标\t社会效益指标\t安全事故发生率\t0\t0\t10\t10\t
"""


def test_three_level_project_table_carries_its_levels(nlp):
    _, found = tables_of(nlp, PROJECT_TABLE)
    (table,) = found
    assert table.kind == PROJECT
    got = rows(table)
    assert [(r["level1"], r["level2"], r["name"]) for r in got] == [
        ("产出指标", "数量指标", "开展培训场次"), ("产出指标", "数量指标", "培训覆盖人数"),
        ("产出指标", "质量指标", "培训合格率"), ("效益指标", "社会效益指标", "安全事故发生率")]
    assert got[2] == {"level1": "产出指标", "level2": "质量指标", "name": "培训合格率", "target": "≥90%",
                      "actual": "86%", "weight": "10", "score": "8", "note": "部分学员未参加考核"}


def test_columns_aligned_by_spaces(nlp):
    text = ("关键指标              预期实现值        指标完成情况\n"
            "服务企业数            200家             212家\n"
            "招商引资额                              4800万元\n"
            "企业投诉办结率        100%              98%\n")
    _, (table,) = tables_of(nlp, text)
    assert table.layout == "spaces"
    assert rows(table) == [
        {"name": "服务企业数", "target": "200家", "actual": "212家"},
        {"name": "招商引资额", "actual": "4800万元"},          # the empty target cell stays empty
        {"name": "企业投诉办结率", "target": "100%", "actual": "98%"}]


def test_one_cell_per_line_with_a_wrapped_name(nlp):
    text = ("关键指标\n\n预期实现值\n\n指标完成情况\n\n新建社区食堂\n\n3个\n\n3个\n\n"
            "城市道路保洁\n面积\n\n120万平方米\n\n118.5万平方米\n\n道路交通事故死亡人数\n\n≤2人\n\n1人\n")
    _, (table,) = tables_of(nlp, text)
    assert table.layout == "lines" and table.kind == INDICATOR
    assert rows(table) == [
        {"name": "新建社区食堂", "target": "3个", "actual": "3个"},
        {"name": "城市道路保洁面积", "target": "120万平方米", "actual": "118.5万平方米"},
        {"name": "道路交通事故死亡人数", "target": "≤2人", "actual": "1人"}]


TASKS_BY_LINE = """佛山市南海区桂城街道办事处部门整体支出绩效自评表

单位：万元

主要
任务

预期目标 目标完成情况 关键指标 指标完成情况
任务涉及

资金

社区环境综合
整治

开展背街小巷环境整治，改
善居民出行条件。

完成背街小巷整治12条，居
民满意度明显提升。

背街小巷整治数量 12条

860.40

居民满意度 92%

长者服务

为辖内长者提供助餐服务，
提升服务水平。

助餐服务覆盖率100%，长者
满意度达95%以上。

助餐服务人次 2.3万人次

420.00

长者服务覆盖率 100%



长者服务

为辖内长者提供助餐服务，
提升服务水平。

助餐服务覆盖率100%，长者
满意度达95%以上。

长者服务满意度 95%

420.00

服务投诉量 0件

存在问题

部分项目进度偏慢。
"""


def test_task_table_one_cell_per_line(nlp):
    doc, found = tables_of(nlp, TASKS_BY_LINE)
    (table,) = [t for t in found if t.kind == TASK]
    assert [h.plain for h in table.header] == ["主要任务", "预期目标", "目标完成情况", "关键指标", "指标完成情况",
                                               "任务涉及资金"]
    names = [compact(t.name.text) for t in table.tasks]
    assert names == ["社区环境综合整治", "长者服务"]        # 城区环境综合\n治理 is one cell
    env, elders = table.tasks
    assert env.funding_value == pytest.approx(8604000) and elders.funding_value == pytest.approx(4200000)
    assert [compact(r.fields["name"].text) for r in env.rows] == ["背街小巷整治数量", "居民满意度"]
    # The block printed twice across the page break is one task; its rows are read once.
    assert elders.repeats == 1
    assert [(compact(r.fields["name"].text), r.fields["actual"].text) for r in elders.rows] == [
        ("助餐服务人次", "2.3万人次"), ("长者服务覆盖率", "100%"), ("长者服务满意度", "95%"), ("服务投诉量", "0件")]
    # The funding figure is the task's amount, never an indicator's value.
    values = [r.fields["actual"].text for t in table.tasks for r in t.rows]
    assert "860.40" not in values and "420.00" not in values
    # The narrative cells are a region of their own; the repeated copy is skipped.
    assert len([r for r in table.regions if r.task is elders]) == 1 and len(table.skipped) == 1
    assert "存在问题" not in doc.text[table.start:table.end]


def test_tab_task_table_with_packed_cells_and_a_lost_tab(nlp):
    text = ("主要任务\t预期目标\t目标完成情况\t关键指标\t指标完成情况\t任务涉及资金\n"
            "智慧社区建设\t建成智慧平台\t平台上线运行\t平台接入社区数 居民注册率\t12个 85%\t326.50\n"
            "\t\t\t数量指标\t完成智慧安防改造小区8个\t\n"
            "\t\t质量指标\t系统故障及时修复率100%\t\t\n")
    _, (table,) = tables_of(nlp, text)
    (task,) = table.tasks
    got = [(compact(r.fields["name"].text), compact(r.fields["actual"].text), r.level_as_name) for r in task.rows]
    assert got == [("平台接入社区数", "12个", False), ("居民注册率", "85%", False),
                   ("数量指标", "完成智慧安防改造小区8个", True),
                   ("质量指标", "系统故障及时修复率100%", True)]
    assert task.funding.text == "326.50"


def test_goals_table_gives_narrative_regions(nlp):
    text = ("年度整体目标\t年度整体目标\t\t整体目标完成情况\t\n"
            "\t全年完成老旧小区改造12个。\t\t完成老旧小区改造10个，居民满意度达92%。\t\n")
    doc, (table,) = tables_of(nlp, text)
    assert table.kind == GOALS
    assert [(r.role, doc.text[r.start:r.end]) for r in table.regions] == [
        ("goal", "全年完成老旧小区改造12个。"), ("result", "完成老旧小区改造10个,居民满意度达92%。")]  # cleaned view


def test_no_table_in_plain_narrative(nlp):
    _, found = tables_of(nlp, "2023 年本部门全年预算数 4,527.36 万元，执行数 4,410.02 万元。\n关键指标完成情况良好。\n")
    assert found == []


def test_header_vocabulary_is_data(nlp):
    from govie.tables import vocabulary

    vocab = vocabulary()
    assert vocab.header_role("关键指标") == "name"
    assert vocab.header_role("项目资金（万元）") == "funding"
    assert vocab.unit_factor("项目资金（万元）", {"万": 10000}) == 10000
    assert vocab.header_role("部门整体支出的预期目标") == "goal"
    assert vocab.header_role("服务企业数") is None
