"""The sectionizer: every heading form of the genre, its level and where its section ends.

The texts are written for these tests in the genre's style (other cities and
years); none is taken from the corpus.
"""
import pytest

from govie.sections import find_headings, find_sections, statement_sections

NARRATIVE = """2023年南宁市青秀区某街道办事处部门整体支出绩效自评报告

一、基本情况
（一）部门概况
本街道内设机构 7 个，下辖社区居委会 12 个。
1. 主要职责
1、负责辖区公共服务工作，统筹社区发展，协助有关部门做好社会救助工作。
（二）年度总体工作
全年调解矛盾纠纷 312 宗，调解成功率 97%。
二、综合评价分析
经自评，本部门整体支出绩效自评得分 93 分。
三、存在的主要问题
具体表现在：一是预算编制不够精细。二是绩效监控手段较少。
四、下一步改进措施
（一）强化预算编制
1. 细化项目支出测算。
2. 做好项目前期论证。
（二）完善绩效监控
定期通报执行进度。
五、意见建议
建议区财政部门加强业务培训。
六、其他需要说明的问题
无。
"""


def by_title(sections):
    return {s.title: s for s in sections}


def test_numbered_headings_have_kinds_and_levels():
    s = by_title(find_sections(NARRATIVE))
    assert (s["基本情况"].kind, s["基本情况"].level) == ("other", 1)
    assert (s["部门概况"].kind, s["部门概况"].level) == ("other", 2)
    assert (s["主要职责"].kind, s["主要职责"].level) == ("other", 3)
    assert (s["存在的主要问题"].kind, s["存在的主要问题"].level) == ("problems", 1)
    assert (s["下一步改进措施"].kind, s["下一步改进措施"].level) == ("remedies", 1)
    assert (s["意见建议"].kind, s["意见建议"].level) == ("remedies", 1)
    assert (s["强化预算编制"].kind, s["强化预算编制"].level) == ("other", 2)
    # 其他需要说明的问题 names 问题 but is not a problems section
    assert s["其他需要说明的问题"].kind == "other"


def test_a_numbered_paragraph_is_not_a_heading():
    titles = [h.title for h in find_headings(NARRATIVE)]
    assert not any(t.startswith("负责辖区公共服务工作") for t in titles)
    assert "细化项目支出测算" in titles  # a short numbered line is (a run-in heading)


def test_a_section_ends_at_the_next_heading_of_the_same_or_a_higher_level():
    s = by_title(find_sections(NARRATIVE))
    text = NARRATIVE
    problems = s["存在的主要问题"]
    assert text[problems.start:problems.body_start].strip() == "三、存在的主要问题"
    assert text[problems.body_start:problems.end].strip() == "具体表现在：一是预算编制不够精细。二是绩效监控手段较少。"
    remedies = s["下一步改进措施"]
    assert text[remedies.end:].startswith("\n五、意见建议")   # the (一) (二) and 1. 2. inside do not end it
    assert text[remedies.body_start:remedies.end].strip().endswith("定期通报执行进度。")
    assert text[s["意见建议"].body_start:s["意见建议"].end].strip() == "建议区财政部门加强业务培训。"
    assert s["强化预算编制"].end == s["完善绩效监控"].start - 1
    assert s["其他需要说明的问题"].end == len(text.rstrip())


@pytest.mark.parametrize("heading,kind,level", [
    ("三、存在的主要问题", "problems", 1),
    ("（二）存在问题及原因分析", "problems", 2),
    ("(二) 存在问题及原因分析", "problems", 2),
    ("2. 主要问题", "problems", 3),
    ("（1）存在的不足", "problems", 4),
    ("四、改进措施", "remedies", 1),
    ("四、下一步改进措施", "remedies", 1),
    ("五、下一步工作计划", "remedies", 1),
    ("（三）改进措施或下一步计划", "remedies", 2),
    ("五、意见建议", "remedies", 1),
    ("① 整改措施", "remedies", 5),
    ("六、偏差原因分析及改进措施", "mixed", 1),
    ("四、存在问题及改进措施", "mixed", 1),
    ("四、问题与建议", "mixed", 1),
    ("一、基本情况", "other", 1),
    ("七、附件", "other", 1),
])
def test_heading_forms(heading, kind, level):
    sections = find_sections(f"{heading}\n正文一句。\n")
    assert [(s.kind, s.level) for s in sections] == [(kind, level)]
    assert sections[0].body_start == len(heading)


@pytest.mark.parametrize("label,kind", [
    ("存在问题", "problems"), ("改进措施", "remedies"), ("下一步改进措施", "remedies"),
    ("下一步工作计划", "remedies"), ("改进措施或下一步计划", "remedies"),
    ("偏差原因分析及改进措施", "mixed"), ("存在问题及原因分析", "problems"),
])
def test_labels_alone_on_a_line_and_as_first_cells(label, kind):
    alone = find_sections(f"{label}\n\n部分项目进度偏慢。\n")
    assert [(s.kind, s.level, s.row) for s in alone] == [(kind, 0, False)]
    row = find_sections(f"{label}\t部分项目进度偏慢。\t\t\n")
    assert [(s.kind, s.level, s.row) for s in row] == [(kind, 0, True)]
    assert row[0].body_start == len(label) + 1


def test_a_run_in_heading_keeps_its_text_on_the_line():
    text = "三、存在的主要问题：预算执行进度偏慢。\n四、下一步计划\n加快支付进度。"
    p, r = find_sections(text)
    assert (p.kind, p.title) == ("problems", "存在的主要问题")
    assert text[p.body_start:p.end] == "预算执行进度偏慢。"
    assert (r.kind, text[r.body_start:r.end].strip()) == ("remedies", "加快支付进度。")


def test_words_at_the_start_of_a_sentence_are_not_a_label():
    assert find_sections("存在问题较多的是老旧小区。\n主要问题是资金不足。\n") == []


TABLE_ROWS = (
    "部门名称\t\t杭州市某区某街道办事处\t\t\n"
    "年度关键指标\t关键指标\t预期实现值\t指标完成情况\t\n"
    "\t垃圾分类知晓率\t≥90%\t95%\t\n"
    "存在问题\t一是部分指标设置偏低。\t\t\t\n"
    "\t二是项目资金支付进度偏慢。\t\t\t\n"
    "改进措施\t一是合理设置指标值；二是加快支付进度。\t\t\t\n"
    "自评得分\t94\t评价等级\t优\t\n"
)


def test_table_row_labels_end_at_the_next_row_label():
    s = by_title(find_sections(TABLE_ROWS))
    problems, remedies = s["存在问题"], s["改进措施"]
    assert problems.row and problems.level == 0
    body = TABLE_ROWS[problems.body_start:problems.end]
    assert "一是部分指标设置偏低" in body and "二是项目资金支付进度偏慢" in body   # the continuation row stays
    assert "合理设置" not in body
    assert TABLE_ROWS[remedies.body_start:remedies.end].strip() == "一是合理设置指标值；二是加快支付进度。"
    assert s["自评得分"].kind == "other"


CELL_PER_LINE = """部门整体绩效

一、抓好基层党建促进街道工作提质增效
二、全力稳增长服务保障企业

存在问题

一、部分项目前期论证不够充分
二、资金支付进度偏慢

改进措施或下一步计划

一是加强项目前期论证。
二是加快资金支付进度。
"""


def test_numbered_lines_inside_a_label_section_do_not_end_it():
    s = by_title(find_sections(CELL_PER_LINE))
    problems = s["存在问题"]
    body = CELL_PER_LINE[problems.body_start:problems.end]
    assert "部分项目前期论证不够充分" in body and "资金支付进度偏慢" in body
    assert problems.end == s["改进措施或下一步计划"].start - 2
    remedies = s["改进措施或下一步计划"]
    assert remedies.end == len(CELL_PER_LINE.rstrip())
    assert s["部门整体绩效"].end == problems.start - 2


def test_a_known_numbered_heading_ends_a_label_section():
    text = "存在问题\n预算编制不够细。\n五、附件\n自评表\n"
    problems = find_sections(text)[0]
    assert text[problems.body_start:problems.end].strip() == "预算编制不够细。"


def test_nested_sections_decide_their_own_text():
    text = "四、问题与建议\n（一）存在问题\n资金支付偏慢。\n（二）改进建议\n加快支付进度。\n五、附件\n"
    decided = {s.title: [text[a:b].strip() for a, b in ranges] for s, ranges in statement_sections(find_sections(text))}
    assert decided["存在问题"] == ["资金支付偏慢。"]
    assert decided["改进建议"] == ["加快支付进度。"]
    assert all(not piece for piece in decided["问题与建议"])


def test_the_component_sets_doc_sections(nlp):
    doc = nlp(NARRATIVE.replace("，", ",").replace("：", ":"))
    kinds = [s.kind for s in doc._.sections]
    assert "problems" in kinds and "remedies" in kinds


def test_the_closing_of_a_report_ends_the_last_section():
    text = "四、下一步改进措施\n一是加快支付进度。\n二是完善绩效指标。\n\n某市某区某街道办事处\n2024年3月15日\n"
    remedies = find_sections(text)[0]
    assert text[remedies.body_start:remedies.end].strip() == "一是加快支付进度。\n二是完善绩效指标。"
    text = "存在问题\n\n资金支付偏慢。\n特此报告。\n"
    problems = find_sections(text)[0]
    assert text[problems.body_start:problems.end].strip() == "资金支付偏慢。"


def test_pipe_separated_rows():
    text = "| 存在问题 | 一是指标偏低。 |\n| | 二是支付偏慢。 |\n| 改进措施 | 加快支付。 |\n"
    s = by_title(find_sections(text))
    assert s["存在问题"].row and "二是支付偏慢" in text[s["存在问题"].body_start:s["存在问题"].end]
    assert "加快支付" not in text[s["存在问题"].body_start:s["存在问题"].end]


# Headings inside a line (issue 10). Texts written for these tests.
def kinds_and_bodies(text):
    return [(s.kind, text[s.body_start:s.end]) for s in find_sections(text) if s.kind != "other"]


def test_labels_run_into_the_line_before_them():
    text = "经评价，自评得分91分，存在的问题：台账更新偏慢。下一步改进措施：每月核对一次台账。\n"
    assert kinds_and_bodies(text) == [("problems", "台账更新偏慢。"), ("remedies", "每月核对一次台账。")]


def test_a_label_needs_punctuation_before_it_and_a_colon_or_nothing_word_after_it():
    assert kinds_and_bodies("针对存在的问题：我们制定了方案。\n") == []
    assert kinds_and_bodies("会议听取了存在问题的汇报。\n") == []
    assert kinds_and_bodies("评价结论\t良\t存在问题\t暂无\t改进措施\t暂无\n") == [
        ("problems", "暂无"), ("remedies", "暂无")]


def test_a_numbered_title_run_into_its_text_ends_at_the_next_number_of_its_style():
    text = "五、存在问题暂无问题六、几点建议资金应提前下达。七、其他事项无\n"
    s = by_title(find_sections(text))
    assert text[s["存在问题"].body_start:s["存在问题"].end] == "暂无问题"
    assert text[s["几点建议"].body_start:s["几点建议"].end] == "资金应提前下达。"
    assert any(h.start == text.index("七、") for h in find_sections(text))


def test_a_numbered_item_that_starts_with_a_title_word_is_not_a_heading():
    text = "四、存在问题\n1.问题是资金到位晚。\n2.建议加快拨付。\n"
    assert [s.title for s in find_sections(text) if s.kind != "other"] == ["存在问题"]


def test_statement_columns_of_a_table_header():
    text = "存在问题\t\t改进措施\t\n资金到位较晚。\t\t提前申请拨付。\t\n"
    assert kinds_and_bodies(text) == [("problems", "资金到位较晚。"), ("remedies", "提前申请拨付。")]
    # a row label with a short answer is not a header
    assert kinds_and_bodies("存在问题\t资金不足\t\n") == [("problems", "资金不足")]


@pytest.mark.parametrize("number, value", [("六", 6), ("十二", 12), ("二十", 20), ("７", 7), ("㈢", 3), ("⑸", 5),
                                           ("④", 4)])
def test_numbering_values(number, value):
    from govie.sections.rules import numbering

    assert numbering().value(number) == value


def test_decimal_numbers_open_headings_only_before_known_titles():
    assert [s.kind for s in find_sections("5.2 存在绩效问题\n验收不规范。\n")] == ["problems"]
    assert find_sections("5.2 万元用于设备采购\n") == []


def test_a_list_of_numbers_is_not_the_next_heading():
    text = "三、存在问题：部分工程受天气影响进度偏慢。四、五月份降雨偏多，停工12天。\n"
    problems = find_sections(text)[0]
    assert text[problems.body_start:problems.end].endswith("停工12天。")
