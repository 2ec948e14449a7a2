"""Sentence splitting for the genre.  Texts written for these tests (other cities and years)."""
import govie
from govie.reading import clean
from govie.sentences import group_items, split_sentences


def texts(text, **kw):
    return [text[s.start:s.end] for s in split_sentences(text, **kw)]


def test_chinese_and_ascii_sentence_ends():
    text = "全年完成改造 12 处。资金执行率 96.28%；满意度较高！是否达标？已达标.下一句"
    assert texts(text) == ["全年完成改造 12 处。", "资金执行率 96.28%；", "满意度较高！", "是否达标？",
                           "已达标.", "下一句"]
    ascii_text = "预算执行率 96.28%;PM2.5 年均浓度下降!是否达标?是"
    assert texts(ascii_text) == ["预算执行率 96.28%;", "PM2.5 年均浓度下降!", "是否达标?", "是"]


def test_closing_quotes_stay_with_their_sentence():
    assert texts("达到“优”等级。”下一步将巩固成果。") == ["达到“优”等级。”", "下一步将巩固成果。"]


def test_enumerations_start_sentences():
    text = "具体表现在：一是预算编制不够精细，二是绩效监控较弱；三是自评质量不高。"
    assert texts(text) == ["具体表现在：", "一是预算编制不够精细，", "二是绩效监控较弱；", "三是自评质量不高。"]
    assert [s.marker for s in split_sentences(text)] == [None, "一是", "二是", "三是"]
    # 统一是否 is no enumeration
    assert texts("统一是否纳入预算的口径。") == ["统一是否纳入预算的口径。"]


def test_numbered_items_start_sentences():
    text = "主要问题:\n1. 资金支付偏慢\n2. 指标设置偏低\n(1) 数量指标偏少\n（2）质量指标笼统\n① 时效指标缺失\n（一）原因分析"
    got = split_sentences(text)
    assert [text[s.start:s.end] for s in got] == [
        "主要问题:", "1. 资金支付偏慢", "2. 指标设置偏低", "(1) 数量指标偏少", "（2）质量指标笼统",
        "① 时效指标缺失", "（一）原因分析"]
    assert [s.marker_kind for s in got][1:] == ["item"] * 6
    inline = "全年完成 3 项任务。1. 完成绿化提升。2. 完成道路改造。"
    assert texts(inline) == ["全年完成 3 项任务。", "1. 完成绿化提升。", "2. 完成道路改造。"]


def test_decimal_numbers_are_not_items():
    assert texts("执行数 1.5 万元，完成率 96.5%。") == ["执行数 1.5 万元，完成率 96.5%。"]


def test_topic_clauses():
    text = "城市管理方面：夜间占道经营反弹；队伍力量不足。\n社区服务方面:\n服务项目较为单一。"
    got = split_sentences(text)
    assert [text[s.start:s.end] for s in got] == [
        "城市管理方面：夜间占道经营反弹；", "队伍力量不足。", "社区服务方面:\n服务项目较为单一。"]
    assert [s.topic for s in got] == ["城市管理", None, "社区服务"]
    assert text[got[0].content_start:got[0].end] == "夜间占道经营反弹；"


def test_a_topic_broken_across_lines_is_joined():
    text = "一是城区环境综合\n治理方面：保洁频次不足。"
    [s] = split_sentences(text)
    assert (s.marker, s.topic) == ("一是", "城区环境综合治理")


def test_a_sentence_broken_across_pdf_lines_is_one_sentence():
    text = "二是绩效运行监控及自评工作还需增加\n\n更多的具体抓手，以便工作更好地落\n在实处。\n三是下一条"
    assert texts(text) == ["二是绩效运行监控及自评工作还需增加\n\n更多的具体抓手，以便工作更好地落\n在实处。", "三是下一条"]


def test_a_lone_full_stop_on_its_own_line_belongs_to_the_sentence():
    assert texts("积极做好疫情防控工作\n\n。\n按时支付场地租金。") == ["积极做好疫情防控工作\n\n。", "按时支付场地租金。"]


def test_table_cells_are_not_joined():
    text = "提升绿化管养水平。\n\n全年清理乱张贴数量 1600处\n\n1692.09\n\n人员保洁 辖内保洁全覆盖\n\n开展爱国卫生运动，着力改\n善人居环境。"
    assert texts(text) == ["提升绿化管养水平。", "全年清理乱张贴数量 1600处", "1692.09", "人员保洁 辖内保洁全覆盖",
                           "开展爱国卫生运动，着力改\n善人居环境。"]
    assert texts("存在问题\t资金支付偏慢\t\t\n") == ["存在问题", "资金支付偏慢"]


def test_headings_are_sentences_of_their_own():
    text = "三、存在的主要问题\n\n绩效目标设置还需完善。\n四、下一步改进措施\n一是细化目标。"
    got = split_sentences(text)
    assert [text[s.start:s.end] for s in got] == ["三、存在的主要问题", "绩效目标设置还需完善。", "四、下一步改进措施",
                                                  "一是细化目标。"]
    assert [s.heading for s in got] == [True, False, True, False]


def test_offsets_into_a_range():
    text = "前言。三是第三句。四是第四句。"
    got = split_sentences(text, 3, len(text))
    assert [text[s.start:s.end] for s in got] == ["三是第三句。", "四是第四句。"]


def test_items_gather_their_sentences_and_topics():
    text = ("从全年情况看，主要有以下问题：一是预算编制不细。部分项目测算依据不足。二是监控不力。\n"
            "社区服务方面:\n1. 项目单一。\n2. 人手不足。")
    items = group_items(split_sentences(text))
    assert [text[i.start:i.end] for i in items] == [
        "从全年情况看，主要有以下问题：", "一是预算编制不细。部分项目测算依据不足。", "二是监控不力。",
        "1. 项目单一。", "2. 人手不足。"]
    assert [i.topic for i in items] == [None, None, None, "社区服务", "社区服务"]


def test_the_component_sets_sentences_and_spacy_sentence_starts(nlp):
    doc = nlp("全年完成改造 12 处。下一步将加快进度。")
    assert [doc.text[s.start:s.end] for s in doc._.sentences] == ["全年完成改造 12 处。", "下一步将加快进度。"]
    assert [s.text for s in doc.sents] == ["全年完成改造 12 处。", "下一步将加快进度。"]


def test_offsets_map_back_to_the_original_text():
    original = "存在问题\n\n一是预算编制不够精细，部分项目测算依据\n\n不足。二是监控不力。\n"
    cleaned = clean(original)
    for s in split_sentences(cleaned.text):
        a, b = cleaned.to_original(s.start, s.end)
        assert "".join(original[a:b].split()).replace("，", ",") == "".join(cleaned.text[s.start:s.end].split())
    report = govie.extract(original)
    assert [p["text"] for p in report.problems] == ["一是预算编制不够精细，部分项目测算依据\n\n不足。", "二是监控不力。"]


def test_a_page_number_inside_a_sentence_does_not_split_it():
    text = "二是部分项目在年初编制预算时对实施范围估计不足，未能对\n17\n项目实施对象逐户核实。三是其他。"
    assert texts(text) == ["二是部分项目在年初编制预算时对实施范围估计不足，未能对\n17\n项目实施对象逐户核实。", "三是其他。"]
    # a bare number between short cells is a table cell
    assert texts("指标值\n15\n实际完成") == ["指标值", "15", "实际完成"]
    # the - 8 - and 第 3 页 forms
    for page in ("- 8 -", "第 3 页", "3/20"):
        t = f"部分老旧小区改造项目施工期间与居民沟通不够充分，引发\n{page}\n个别投诉。"
        assert texts(t) == [t]
