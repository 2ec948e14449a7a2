"""Each flattening of the self-evaluation tables, read by govie_tables and govie_indicators.

Tables are written for these tests (invented projects and numbers) in the layouts real
reports come in: `|` rows shortened by merged cells, spaced rows, one cell a line with
bracketed units in the names, a table on one line with single spaces, cells closed by a
bar, glued cells, and the budget block of both national templates.  Components are also
run alone on spacy.blank("zh") docs.
"""
import pytest
import spacy

import govie
from govie.amounts.table_money import TableMoneyRecognizer
from govie.reading import clean
from govie.tables import TableReader, compact
from govie.tables.layouts.glued import split_digits
from govie.tables.units import Units, bracketed_unit, budget_blocks, unit_scopes


@pytest.fixture(scope="module")
def nlp():
    return govie.load(rules_only=True)


def report(nlp, text):
    return govie.extract(text, nlp=nlp).to_dict()


def triples(rep):
    return [(i["name"], i["target"] and i["target"]["text"], i["actual"] and i["actual"]["text"])
            for i in rep["indicators"]]


MERGED_PIPE = """| 一级指标 | 二级指标 | 三级指标 | 年初目标值(A) | 实际完成值(B) | 得分 |
| 产出指标 | 数量指标 | 修缮公厕座数 | 14座 | 14座 | 15 |
| 新装路灯盏数 | ≥260盏 | 275盏 | 15 |
| 质量指标 | 工程验收合格率 | 100% | 100% | 20 |
| 效益指标 | 社会效益指标 | 夜间出行投诉件数 | ≤6件 | 4件 | 20 |
"""


def test_pipe_rows_shortened_by_merged_cells_carry_their_levels(nlp):
    rep = report(nlp, MERGED_PIPE)
    got = [(i["name"], i["level1"], i["level2"], i["target"]["value"], i["actual"]["value"], i["score"],
            i["table_layout"]) for i in rep["indicators"]]
    assert got == [("修缮公厕座数", "产出指标", "数量指标", 14, 14, 15, "pipe"),
                   ("新装路灯盏数", "产出指标", "数量指标", 260, 275, 15, "pipe"),
                   ("工程验收合格率", "产出指标", "质量指标", 100, 100, 20, "pipe"),
                   ("夜间出行投诉件数", "效益指标", "社会效益指标", 6, 4, 20, "pipe")]
    assert rep["indicators"][1]["target"]["comparator"] == ">="


BRACKETED_LINES = """一级指标

二级指标

三级指标

年初目标值(A)

实际完成值(B)

得分

产出指标(40分)

数量指标

鸡舍面积(≥**平方米)

480

512

6

饲料仓容量(≥吨)

35

35

4
"""


def test_one_cell_a_line_with_the_unit_in_the_name(nlp):
    rep = report(nlp, BRACKETED_LINES)
    got = {i["name"]: (i["target"]["value"], i["target"]["unit"], i["target"]["comparator"],
                       i["actual"]["value"], i["actual"]["unit"], i["level1"]) for i in rep["indicators"]}
    assert got == {"鸡舍面积": (480, "平方米", ">=", 512, "平方米", "产出指标"),
                   "饲料仓容量": (35, "吨", ">=", 35, "吨", "产出指标")}
    assert all(i["table_layout"] == "lines" for i in rep["indicators"])


def test_spaced_rows_that_are_not_padded_into_columns(nlp):
    text = ("一级指标   二级指标   三级指标   分值   年度指标值   全年实际值   得分\n"
            "产出指标   数量指标   发放助学金人数   20   ≥320人   336人   20\n"
            "时效指标   资金发放时间   10   11月前   10月   10\n"
            "满意度指标   服务对象满意度指标   受助学生满意度   10   ≥92%   97%   10\n")
    rep = report(nlp, text)
    assert triples(rep) == [("发放助学金人数", "≥320人", "336人"), ("资金发放时间", "11月前", "10月"),
                            ("受助学生满意度", "≥92%", "97%")]
    assert [i["weight"] for i in rep["indicators"]] == [20, 10, 10]


def test_a_whole_table_on_one_line(nlp):
    text = ("一级指标 二级指标 三级指标 年度指标值 实际完成值 分值 得分 偏差原因分析及改进措施 "
            "产出指标 数量指标 配送图书册数 ≥5000册 5230册 20 20 "
            "产出指标 时效指标 配送完成时间 2年 2年 10 10 "
            "满意度指标 服务对象满意度指标 读者满意度 ≥90% 93% 10 10\n")
    rep = report(nlp, text)
    assert triples(rep) == [("配送图书册数", "≥5000册", "5230册"), ("配送完成时间", "2年", "2年"),
                            ("读者满意度", "≥90%", "93%")]
    assert {i["table_layout"] for i in rep["indicators"]} == {"words"}


def test_cells_closed_by_a_bar_one_a_line(nlp):
    text = "".join(f"{c} |\n" for c in ["三级指标", "年度指标值", "实际完成值", "分值", "得分",
                                        "巡查河道公里数", "≥86公里", "91公里", "30", "30", "",
                                        "水质达标率", "≥95%", "96%", "30", "28", ""])
    rep = report(nlp, text)
    assert triples(rep) == [("巡查河道公里数", "≥86公里", "91公里"), ("水质达标率", "≥95%", "96%")]
    assert [(i["weight"], i["score"]) for i in rep["indicators"]] == [(30, 30), (30, 28)]


def test_glued_cells_split_by_the_rows_expected_sequence(nlp):
    text = ("一级指标二级指标三级指标年度指标值实际完成值分值得分\n"
            "产出指标数量指标改造农村户厕≥140户146户2020\n"
            "质量指标户厕验收合格率100%98%1512\n"
            "时效指标完工时间2023年10月2023年9月55\n")
    rep = report(nlp, text)
    assert triples(rep) == [("改造农村户厕", "≥140户", "146户"), ("户厕验收合格率", "100%", "98%"),
                            ("完工时间", "2023年10月", "2023年9月")]
    assert [(i["level2"], i["weight"], i["score"]) for i in rep["indicators"]] == [
        ("数量指标", 20, 20), ("质量指标", 15, 12), ("时效指标", 5, 5)]
    assert all(i["table_layout"] == "glued" for i in rep["indicators"])


@pytest.mark.parametrize("digits,parts,expected", [
    ("1010", 2, ["10", "10"]), ("32.9", 2, ["3", "2.9"]), ("105", 2, ["10", "5"]), ("44", 2, ["4", "4"]),
    ("2018.5", 2, ["20", "18.5"]), ("7", 1, ["7"]), ("0101", 2, None)])
def test_glued_weight_and_score_digits(digits, parts, expected):
    assert split_digits(digits, parts) == expected


def test_level_words_glued_to_the_name_in_an_inline_row(nlp):
    text = ("三级指标\t年度指标值\t实际完成值\t分值\t得分\n"
            "产出指标数量指标慰问困难党员人数\t≥60人\t64人\t10\t10\n")
    (ind,) = report(nlp, text)["indicators"]
    assert (ind["name"], ind["level1"], ind["level2"]) == ("慰问困难党员人数", "产出指标", "数量指标")


# -- the budget block ---------------------------------------------------------------------------

PROJECT_BUDGET = """| 项目资金（万元） | 年初预算数 | 全年预算数 | 全年执行数 | 分值 | 执行率 | 得分 |
| 年度资金总额 | 120 | 132.5 | 126.4 | 10 | 95.4% | 9.54 |
| 其中：当年财政拨款 | 120 | 120 | 114.4 | — | 95.33% | — |
| 上年结转资金 |  | 12.5 | 12 | — | 96% | — |
| 总分 | 100 | 96.2 |
"""


def test_project_template_budget_row(nlp):
    rep = report(nlp, PROJECT_BUDGET)
    b = rep["budget"]
    assert (b["initial"], b["adjusted"], b["spent"], b["execution_rate"], b["weight"], b["score"]) == (
        1200000.0, 1325000.0, 1264000.0, 95.4, 10.0, 9.54)
    assert rep["self_score"] == 96.2
    money = [(e["text"], e["value"]) for e in rep["entities"] if e["label"] == "MONEY"]
    assert ("132.5", 1325000.0) in money and ("12", 120000.0) in money
    assert not any(e["text"] in ("10", "9.54", "100", "96.2") for e in rep["entities"] if e["label"] == "MONEY")


DEPARTMENT_LINES = """预算执行情况（万元）（20分）

预算数（A）

执行数（B）

执行率（B/A）

得分（20分*执行率）

年度财政资金总额

2,340.00

2,152.80

92%

18.4
"""


def test_department_template_budget_one_cell_a_line(nlp):
    b = report(nlp, DEPARTMENT_LINES)["budget"]
    assert (b["adjusted"], b["spent"], b["execution_rate"], b["weight"], b["score"]) == (
        23400000.0, 21528000.0, 92.0, 20.0, 18.4)


def test_budget_row_on_one_line_aligned_on_the_rate():
    # The empty 年初预算数 was dropped by the flattening: the rate anchors the figures.
    text = "项目资金（万元） 年初预算数 全年预算数 全年执行数 分值 执行率 得分 年度资金总额 64 60 10 93.75% 9.4"
    figures, blocks = budget_blocks(text)
    assert [(text[f.start:f.end], f.role) for f in figures] == [
        ("64", "adjusted"), ("60", "spent"), ("10", "weight"), ("93.75%", "execution_rate"), ("9.4", "score")]
    assert blocks[0][2] == 10000


@pytest.mark.parametrize("text,field,value", [
    ("全年实际支出255.10万元，年终预算执行率为88.6%。", "execution_rate", 88.6),
    ("项目下达资金40万元，实际使用38.2万元。", "spent", 382000.0),
    ("项目下达资金40万元，实际使用38.2万元。", "adjusted", 400000.0),
    ("教育经费拨付使用12.30万元。", "spent", 123000.0),
])
def test_narrative_budget_wordings(nlp, text, field, value):
    assert report(nlp, text)["budget"][field] == pytest.approx(value)


@pytest.mark.parametrize("text,score", [
    ("我局开展绩效评分93分，自评为良。", 93.0), ("经综合评定，该项目自评得分91，等级为优。", 91.0),
    ("| 总分 | 100 | 94.5 |", 94.5), ("总分10088.5", 88.5)])
def test_self_score_is_the_reports_total(nlp, text, score):
    assert report(nlp, text)["self_score"] == score


# -- units with a scope ---------------------------------------------------------------------------

def test_a_unit_in_a_column_header_governs_that_column_only():
    nlp = spacy.blank("zh")
    nlp.add_pipe("govie_amounts")
    nlp.add_pipe("govie_table_money")
    text = ("任务名称\t计划安排资金（万元）\t完成数量\t得分\n"
            "道路修补\t45.5\t12\t9\n"
            "其后的说明\t共计 18 处\n")
    doc = nlp(text)
    money = [(doc.text[m.start:m.end], m.measure.value) for m in doc._.mentions if m.label == "MONEY"]
    assert money == [("45.5", 455000.0)]
    assert unit_scopes(text) == []        # no 单位 line: nothing is declared for the whole text


def test_a_row_label_unit_governs_its_row_and_the_numbers_below_it():
    text = "资金投入（万元）\n年初预算数\n全年预算数\n86.5\n90\n绩效指标说明：完成 12 项。\n"
    units = Units(text)
    assert units.row_unit(text.index("86.5")) == 10000
    assert units.row_unit(text.index("90")) == 10000
    assert units.row_unit(text.index("12")) is None


def test_bracketed_unit():
    assert bracketed_unit("年度预算数（万元）") == 10000
    assert bracketed_unit("猪舍面积(≥**平方米)") is None
    assert bracketed_unit("项目资金(亿元)") == 1e8


def test_components_alone_on_a_blank_pipeline():
    nlp = spacy.blank("zh")
    for name in ("govie_amounts", "govie_table_money", "govie_sections", "govie_sentences", "govie_tables"):
        nlp.add_pipe(name)
    doc = nlp(clean(MERGED_PIPE).text)
    (table,) = doc._.tables
    assert table.kind == "project" and table.layout == "pipe"
    assert [compact(r.fields["name"].text) for r in table.rows] == ["修缮公厕座数", "新装路灯盏数", "工程验收合格率",
                                                                    "夜间出行投诉件数"]
    for row in table.rows:
        for cell in row.fields.values():
            assert doc.text[cell.start:cell.end] == cell.text


def test_a_block_repeated_across_a_page_break_is_read_once(nlp):
    header = "| 三级指标 | 年度指标值 | 实际完成值 | 分值 | 得分 |\n"
    rows = ["| 清运垃圾吨数 | ≥800吨 | 860吨 | 20 | 20 |\n", "| 分类投放准确率 | ≥80% | 83% | 20 | 20 |\n"]
    text = header + rows[0] + rows[1] + "\n- 5 -\n\n" + header + rows[1] + "| 群众满意度 | ≥90% | 95% | 10 | 10 |\n"
    names = [i["name"] for i in report(nlp, text)["indicators"]]
    assert names == ["清运垃圾吨数", "分类投放准确率", "群众满意度"]


def test_glued_budget_row_split_by_the_templates_arithmetic(nlp):
    # 41.35 ÷ 44.2 = 93.55%: the one split of the glued run that agrees with its own rate.
    text = ("预算执行情况（万元）（10分）预算数（A）执行数（B）执行率（B/A）得分（10分*执行率）\n"
            "年度财政资金总额44.241.3593.55%9.36\n")
    rep = report(nlp, text)
    b = rep["budget"]
    assert (b["adjusted"], b["spent"], b["execution_rate"], b["weight"], b["score"]) == (
        442000.0, 413500.0, 93.55, 10.0, 9.36)
    assert sorted(e["text"] for e in rep["entities"] if e["label"] == "MONEY") == ["41.35", "44.2"]


def test_inline_rows_with_glued_level_words_and_no_header(nlp):
    text = ("产出指标数量指标补贴发放户数≥410户 22 质量指标补贴发放准确率=100% 18 "
            "效益指标社会效益指标补助政策知晓率（知晓人数/调查人数）≥85% 20 合计60\n")
    rep = report(nlp, text)
    got = [(i["name"], i["level1"], i["level2"], i["target"]["value"], i["target"]["comparator"], i["weight"],
            i["table_layout"]) for i in rep["indicators"]]
    assert got == [("补贴发放户数", "产出指标", "数量指标", 410, ">=", 22, "inline"),
                   ("补贴发放准确率", "产出指标", "质量指标", 100, "=", 18, "inline"),
                   ("补助政策知晓率", "效益指标", "社会效益指标", 85, ">=", 20, "inline")]


def test_a_weight_glued_to_the_rate_is_split():
    # The space between 分值 10 and 执行率 98% lost in cleaning: 1098% is no rate.
    text = "项目资金（万元） 年初预算数 全年预算数 全年执行数 分值 执行率 得分 年度资金总额 50 50 49 1098% 9.8"
    figures, _ = budget_blocks(text)
    assert [(text[f.start:f.end], f.role) for f in figures] == [
        ("50", "initial"), ("50", "adjusted"), ("49", "spent"), ("10", "weight"), ("98%", "execution_rate"),
        ("9.8", "score")]


def test_header_words_level_words_and_names_wrapped_inside_their_cells(nlp):
    text = ("一级指标\n\n二级指标\n\n三级指标\n\n年度\n指标值\n\n实际\n完成值\n\n分值\n\n得分\n\n"
            "效益指标\n\n可持续影\n响指标\n\n指标1：公园绿地养护\n面积\n\n≥12公顷\n\n12.6公顷\n\n10\n\n10\n\n"
            "指标2：\n\n/\n\n/\n\n")
    rep = report(nlp, text)
    assert [(i["name"], i["level2"], i["target"]["value"], i["actual"]["value"]) for i in rep["indicators"]] == [
        ("公园绿地养护面积", "可持续影响指标", 12, 12.6)]


def test_a_goals_list_gives_targets(nlp):
    text = "年度绩效目标：一、完成校园围墙修缮长度320米；二、食堂改造工程完工率达到100%；三、师生就餐满意度≥90%。\n"
    got = {i["name"]: (i["target"]["value"], i["actual"]) for i in report(nlp, text)["indicators"]}
    assert got == {"完成校园围墙修缮长度": (320, None), "食堂改造工程完工率": (100, None), "师生就餐满意度": (90, None)}


def test_a_level_word_of_either_rank(nlp):
    # 成本指标 stands under 产出指标 here (it is a first-rank level in other templates).
    text = ("| 一级指标 | 二级指标 | 三级指标 | 年度指标值 | 实际完成值 |\n"
            "| 产出指标 | 数量指标 | 采购课桌椅套数 | 400套 | 400套 |\n"
            "| 成本指标 | 课桌椅单价 | ≤520元 | 498元 |\n")
    rep = report(nlp, text)
    assert [(i["name"], i["level1"], i["level2"]) for i in rep["indicators"]] == [
        ("采购课桌椅套数", "产出指标", "数量指标"), ("课桌椅单价", "产出指标", "成本指标")]


def test_an_empty_pipe_cell_keeps_its_budget_column(nlp):
    text = ("| 项目资金（万元） | 年初预算数 | 全年预算数 | 全年执行数 | 分值 | 执行率 | 得分 |\n"
            "| 年度资金总额 | 50 |  | 45 | 10 | 90% | 9 |\n")
    budget = report(nlp, text)["budget"]
    assert budget["initial"] == 500000 and budget["spent"] == 450000
    assert budget["weight"] == 10 and budget["score"] == 9 and budget["execution_rate"] == 90


def test_figures_one_space_apart_stay_separate_cells():
    # a one-line table row: 520 then 498.6, 10 then 100%, never 520498.6 or 10100%
    row = "年度资金总额 520 520 498.6 10 95.88% 9.59 合计 700 700 10 100% 20"
    assert clean(row).text == row
    # a number grouped by a space in running text is still one number
    assert clean("共支出13 259.41万元").text == "共支出13259.41万元"


def test_traditional_characters_in_budget_wordings_and_headers(nlp):
    from govie.tables import vocabulary
    assert vocabulary().header_role("執行率") == "execution_rate"
    assert vocabulary().header_role("全年預算數") == "adjusted"
    rep = report(nlp, "本年度財政安排預算資金總額54000元，實際支付50000元。該項目自評得分91分。\n")
    assert rep["self_score"] == 91


def test_weight_and_score_of_the_execution_rate_columns(nlp):
    text = ("年初预算数 全年预算数 全年执行数 执行率 执行率权重 执行率得分\n"
            "年度资金总额 80.5 90 85.5 95% 10 9.5\n")
    budget = report(nlp, text)["budget"]
    assert budget["weight"] == 10 and budget["score"] == 9.5


def test_a_figure_under_a_budget_column_is_not_read_again_by_a_label_before_it(nlp):
    # 资金总额 is a narrative label of the adjusted budget; here it is the row label, and 64 sits
    # under 年初预算数 while 全年预算数 was left empty
    text = ("| 项目资金（万元） | 年初预算数 | 全年预算数 | 全年执行数 | 分值 | 执行率 | 得分 |\n"
            "| 年度资金总额 | 64 |  | 60.8 | 10 | 95% | 9.5 |\n")
    budget = report(nlp, text)["budget"]
    assert budget["initial"] == 640000 and budget["adjusted"] is None and budget["spent"] == 608000


def test_budget_labels_with_their_unit_in_brackets_before_the_figure(nlp):
    # a label, its bracketed unit on a line of its own, then the bare figure (one cell a line)
    text = "计划安排资金\n\n（万元）\n\n52\n\n实际使用资金\n\n（万元）\n\n49.4\n"
    budget = report(nlp, text)["budget"]
    assert budget["adjusted"] == 520000 and budget["spent"] == 494000


def test_a_share_of_the_whole_years_budget_is_the_execution_rate(nlp):
    rep = report(nlp, "本项目全年预算数为250万元，当年执行数为240万元，完成全年预算的96%。\n")
    assert rep["budget"]["execution_rate"] == 96


def test_a_money_unit_in_a_name_makes_the_rows_bare_values_money(nlp):
    # the name cell follows a level cell; its bracket holds a comparator before the unit
    text = ("一级指标\t二级指标\t三级指标\t年度指标值\t实际完成值\t分值\t得分\n"
            "产出指标\t成本指标\t设备采购成本（≤万元）\t35\t33.6\t10\t10\n"
            "\t数量指标\t采购设备台数（台）\t12\t12\t10\t10\n")
    money = sorted((e["text"], e["value"]) for e in report(nlp, text)["entities"] if e["label"] == "MONEY")
    assert money == [("33.6", 336000), ("35", 350000)]
