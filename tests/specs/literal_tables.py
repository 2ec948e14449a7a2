"""Hand-written cases of the layout zoo (see build_tables.py).  Invented names and
figures; each reproduces a layout, a flattening or a wording listed in SOURCES.md."""
from __future__ import annotations


def build(add, value, Ind, Budget, Project, render, table_rows, flat_cells, flat_pipe, flat_spaces):
    def ind(name, l1, l2, t, a, w=None, s=None, met=None):
        out = {"name": name, "level1": l1, "level2": l2, "target": t, "actual": a, "weight": w, "score": s}
        if met is not None:     # only where the table states it (完成 / 未完成, 是 / 否)
            out["met"] = met
        return out

    def money(*pairs):
        return [{"text": t, "value": float(v)} for t, v in pairs]

    P, E, S = "产出指标", "效益指标", "满意度指标"

    # ---------------------------------------------------------------- Sichuan template
    # 指标性质 / 指标值 / 度量单位 in three cells: the comparator and the unit live apart
    text = (
        "部门预算项目支出绩效自评表（2023年度）\n"
        "| 项目名称 | 2023年全县政务终端替换补助资金项目 | ||||||||\n"
        "| 主管部门 | 县档案馆 | 实施单位 | 县档案馆 | |||||||\n"
        "| 预算执行情况（10分） | 年度预算数（万元） | 年初预算 | 调整后预算数 | 预算执行数 | 预算执行率 | 权重 | 得分 | 原因 | ||\n"
        "| 总额 | 0.00 | 4.82 | 4.82 | 100.00% | 10 | 10 | 预算执行率未达到90%的需说明原因 | |||\n"
        "| 其中：财政资金 | 0.00 | 4.82 | 4.82 | 100.00% | / | / | ||||\n"
        "| 其他资金 | / | / | ||||||||\n"
        "| 绩效指标（90分） | 一级指标 | 二级指标 | 三级指标 | 指标性质 | 指标值 | 度量单位 | 完成值 | 权重 | 得分 | 未完成原因分析 |\n"
        "| 产出指标 | 数量指标 | 购置国产办公终端 | ≥ | 16 | 台 | 16 | 30 | 30 | ||\n"
        "| 产出指标 | 成本指标 | 终端采购成本 | ≤ | 4.82 | 万元 | 4.82 | 30 | 30 | ||\n"
        "| 效益指标 | 社会效益指标 | 终端正常运行率 | ≥ | 98 | % | 100 | 30 | 30 | ||\n"
        "| 合计 | 100 | |||||||||\n")
    add("tables-sichuan-pipe-01", "sichuan_split", text,
        "Sichuan 部门预算项目支出绩效自评表: `|` rows with trailing empty cells; comparator, value and unit in separate cells (指标性质/指标值/度量单位); 总额 row with 0.00 年初预算 (Sichuan Daying page); 0.00 is no money",
        [ind("购置国产办公终端", P, "数量指标", value("16", "台", ">="), value("16", "台"), 30.0, 30.0),
         ind("终端采购成本", P, "成本指标", value("4.82", "元", "<=", 1e4), value("4.82", "元", None, 1e4), 30.0, 30.0),
         ind("终端正常运行率", E, "社会效益指标", value("98", "%", ">="), value("100", "%"), 30.0, 30.0)],
        {"adjusted": 48200.0, "spent": 48200.0, "execution_rate": 100.0, "weight": 10.0, "score": 10.0},
        None,
        # 4.82 appears twice in each of 总额 and 其中 rows, and twice in the indicator row
        money(("4.82", 48200), ("4.82", 48200), ("4.82", 48200), ("4.82", 48200), ("4.82", 48200), ("4.82", 48200)))

    cells = ["部门预算项目支出绩效自评表（2024年度）", "项目名称", "人员类项目-离退休人员生活补助", "主管部门", "县农业农村局",
             "预算执行情况（10分）", "年度预算数（万元）", "年初预算", "调整后预算数", "预算执行数", "预算执行率", "权重", "得分", "原因",
             "总额", "57.30", "61.44", "61.44", "100.00%", "10", "10", "",
             "其中：财政资金", "57.30", "61.44", "61.44", "100.00%", "/", "/",
             "绩效指标（90分）", "一级指标", "二级指标", "三级指标", "指标性质", "指标值", "度量单位", "完成值", "权重", "得分", "未完成原因分析",
             "产出指标", "数量指标", "补助发放覆盖率", "=", "100", "%", "100", "45", "45", "",
             "效益指标", "社会效益指标", "补助按月足额到位率", "=", "100", "%", "100", "45", "45", "",
             "合计", "100", "100", "", "评价结论", "项目自评总分100分，补助及时足额发放。"]
    text = "\n".join(c + " |" for c in cells) + "\n"
    add("tables-sichuan-bar-01", "sichuan_split", text,
        "one cell a line, every line ending in ` |` (Sichuan Qingshen page); split comparator/value/unit cells; 合计 row and narrative 自评总分",
        [ind("补助发放覆盖率", P, "数量指标", value("100", "%", "="), value("100", "%"), 45.0, 45.0),
         ind("补助按月足额到位率", E, "社会效益指标", value("100", "%", "="), value("100", "%"), 45.0, 45.0)],
        {"initial": 573000.0, "adjusted": 614400.0, "spent": 614400.0, "execution_rate": 100.0, "weight": 10.0, "score": 10.0},
        100.0, money(("57.30", 573000), ("61.44", 614400), ("61.44", 614400),
                     ("57.30", 573000), ("61.44", 614400), ("61.44", 614400)))

    text = (
        "2023年度项目支出绩效自评表 | 部门：县第二中学 |\n|\n|\n"
        "| 项目名称 | 农村学生营养膳食补助资金 | 主管部门 | 县教育体育局 | 实施单位 | 县第二中学 | 项目资金 （元） |\n"
        "| 年初预算数 | 全年预算数 | 全年执行数 | 分值 | 执行率 | 得分 | 年度资金总额 |\n"
        "| 502316.80 | 502316.80 | 10 | 100% | 10 | 其中：当年财政 拨款 |\n"
        "| 502316.80 | 502316.80 | — |\n"
        "| 绩效指标 | 年度指标值 | 实际完成值 | 分值 | 得分 | 偏差原因分析及改进措施 | 一级指标 | 二级指标 | 三级指标 | 指标性质 | 指标值 | 度量单位 | "
        "产出指标 | 数量指标 | 受助学生人次 | ≧ | 964 | 人次 | 964 | 10 | 10 |\n"
        "| 质量指标 | 膳食补助覆盖率 | ≧ | 100 | % | 100% | 10 | 10 |\n"
        "| 时效指标 | 资金到位及时率 | ≧ | 100 | % | 100% | 10 | 8 |\n"
        "| 效益指标 | 社会效益 指标 | 政策知晓率 | ═ | 100 | % | 97% | 10 | 9 |\n"
        "| 满意度指标 | 服务对象满意度指标等 | 家长满意度 | ≧ | 95 | % | 100% | 10 | 10 |\n"
        "| 其他需要说明事项 | 无 | 总分 | 100 | 97 | 优 |\n")
    add("tables-sichuan-mixed-01", "sichuan_split", text,
        "Yunnan Yongde page: header cells of two header rows run into one, 项目资金（元） so money cells are yuan, the 年度资金总额 label after its values, ≧/═ comparators in their own cell, 总分 100 97 优",
        [ind("受助学生人次", P, "数量指标", value("964", "人次", ">="), value("964", "人次"), 10.0, 10.0),
         ind("膳食补助覆盖率", P, "质量指标", value("100", "%", ">="), value("100%"), 10.0, 10.0),
         ind("资金到位及时率", P, "时效指标", value("100", "%", ">="), value("100%"), 10.0, 8.0),
         ind("政策知晓率", E, "社会效益指标", value("100", "%", "="), value("97%"), 10.0, 9.0),
         ind("家长满意度", S, "服务对象满意度指标", value("95", "%", ">="), value("100%"), 10.0, 10.0)],
        {"adjusted": 502316.8, "spent": 502316.8, "execution_rate": 100.0, "weight": 10.0, "score": 10.0},
        97.0, money(("502316.80", 502316.8), ("502316.80", 502316.8), ("502316.80", 502316.8), ("502316.80", 502316.8)))

    text = (
        "绩效指标 | 一级指标 | 二级指标 | 三级指标 | 指标性质 | 指标值 | 度量单位 | 完成值 | 权重 | 得分 | 未完成原因分析 |\n"
        "产出指标 | 数量指标 | 培训基层调解员 | ≥ | 260 | 人次 | 274 | 20 | 20 | ||\n"
        "| 质量指标 | 调解协议履行率 | ≥ | 95 | % | 96.4 | 20 | 20 | ||\n"
        "| 成本指标 | 培训人均成本 | ≤ | 420 | 元 | 398 | 20 | 20 | ||\n"
        "效益指标 | 社会效益指标 | 矛盾纠纷化解率 | ≥ | 90 | % | 93 | 20 | 20 | ||\n"
        "合计 | 90 | 90 | |||||||||\n")
    add("tables-sichuan-pipe-02", "sichuan_split", text,
        "Sichuan split columns in `|` rows without the leading bar; merged 一级指标 leaves rows starting with `|`; bare 完成值 cells take the 度量单位 of their row; 元 unit makes the cost money",
        [ind("培训基层调解员", P, "数量指标", value("260", "人次", ">="), value("274", "人次"), 20.0, 20.0),
         ind("调解协议履行率", P, "质量指标", value("95", "%", ">="), value("96.4", "%"), 20.0, 20.0),
         ind("培训人均成本", P, "成本指标", value("420", "元", "<="), value("398", "元"), 20.0, 20.0),
         ind("矛盾纠纷化解率", E, "社会效益指标", value("90", "%", ">="), value("93", "%"), 20.0, 20.0)],
        {}, None, money(("420", 420), ("398", 398)))

    # ---------------------------------------------------------------- bracketed unit in the name, bare cells
    rows = [["预算执行情况（万元）", "（20分）", "预算数（A）", "执行数（B）", "执行率（B/A）", "得分", "（20分*执行率）"],
            ["年度财政资金总额", "60", "45", "75", "15"],
            ["年度绩效目标", "（80分）", "一级指标", "二级指标", "三级指标", "年初目标值（A）", "实际完成值（B）", "得分"],
            ["产出指标（40分）", "数量指标", "母猪舍（≥**平方米）", "160", "160", "4"],
            ["育肥舍（≥**平方米）", "210", "210", "4"],
            ["化粪池（≥**立方米）", "72", "72", "2"],
            ["饲料粉碎机（≥台）", "2", "2", "2"],
            ["种母猪（≥头）", "24", "24", "3"]]
    text = "2023年度项目支出绩效自评表\n\n单位名称：县供销合作社联合社\n\n项目名称\n\n生态养猪场建设项目\n\n" + flat_cells(rows, blank=9) + "\n"
    add("tables-bracket-cells-01", "bracket_unit", text,
        "Yunnan Changning page: one cell a line with about ten blank lines between; names carry unit and comparator in brackets (≥**平方米, ≥台, ≥头) and the cells are bare numbers; county budget row 60 45 75 15",
        [ind("母猪舍", "产出指标", "数量指标", value("160", "平方米", ">="), value("160", "平方米"), None, 4.0),
         ind("育肥舍", "产出指标", "数量指标", value("210", "平方米", ">="), value("210", "平方米"), None, 4.0),
         ind("化粪池", "产出指标", "数量指标", value("72", "立方米", ">="), value("72", "立方米"), None, 2.0),
         ind("饲料粉碎机", "产出指标", "数量指标", value("2", "台", ">="), value("2", "台"), None, 2.0),
         ind("种母猪", "产出指标", "数量指标", value("24", "头", ">="), value("24", "头"), None, 3.0)],
        {"adjusted": 600000.0, "spent": 450000.0, "execution_rate": 75.0, "weight": 20.0, "score": 15.0},
        None, money(("60", 600000), ("45", 450000)))

    text = (
        "2022年度项目支出绩效自评表\n单位名称： 县农业农村局   填报日期： 2023年7月10日\n"
        "项目名称 黑山羊保种场建设项目\n"
        "预算执行情况（万元）\n（20分）\n预算数（A） 执行数（B） 执行率（B/A）\n"
        "年度财政资金总额 1200 310.5  25.88% \n"
        "年度绩效目标\n（80分）\n一级\n指标\n二级指标 三级指标 年初目标值（A） 实际完成值（B） 得分\n"
        "产出指标 数量指标 标准化羊舍面积（平方米） 4200\n"
        "饲草料加工用房面积（平方米） 360\n"
        "保种核心群数量（只） 450\n"
        "质量指标 工程合格率（%） 95\n"
        "时效指标 项目竣工时间 2024.10\n"
        " 成本指标 投入资金（≥万元） 1200\n"
        "效益指标 年新增畜牧产值 （万元） 380\n"
        "满意度指标  服务对象满意度指标 项目业主满意度（%） 95\n"
        "总分\n偏差大或\n目标未完成\n原因分析\n用地手续尚未办结，工程未形成实物工作量，资金支付滞后。\n")
    add("tables-bracket-spaces-01", "bracket_unit", text,
        "Yunnan Shidian page: space-separated lines, unit in the name's bracket ((平方米), (只), (%), (≥万元)), targets only (no actuals), wrapped level label 一级\\n指标, 偏差原因 label wrapped over four lines; (≥万元) and (万元) rows make money",
        [ind("标准化羊舍面积", P, "数量指标", value("4200", "平方米"), None),
         ind("饲草料加工用房面积", P, "数量指标", value("360", "平方米"), None),
         ind("保种核心群数量", P, "数量指标", value("450", "只"), None),
         ind("工程合格率", P, "质量指标", value("95", "%"), None),
         ind("项目竣工时间", P, "时效指标", {"text": "2024.10", "value": None, "unit": None, "comparator": None}, None),
         ind("投入资金", P, "成本指标", value("1200", "元", ">=", 1e4), None),
         ind("年新增畜牧产值", E, None, value("380", "元", None, 1e4), None),
         ind("项目业主满意度", S, "服务对象满意度指标", value("95", "%"), None)],
        {"adjusted": 12000000.0, "spent": 3105000.0, "execution_rate": 25.88},
        None, money(("1200", 12000000), ("310.5", 3105000), ("1200", 12000000), ("380", 3800000)))

    rows = [["一级指标", "二级指标", "三级指标", "年度指标值", "实际完成值", "分值", "得分"],
            ["产出指标", "数量指标", "新建蓄水池（≥座）", "6", "6", "15", "15"],
            ["产出指标", "数量指标", "铺设引水管道（≥公里）", "8.5", "8.7", "15", "15"],
            ["产出指标", "成本指标", "工程建设投资（≤万元）", "96", "94.3", "10", "10"],
            ["效益指标", "社会效益指标", "解决饮水困难人口（≥人）", "1350", "1402", "20", "20"]]
    add("tables-bracket-pipe-01", "bracket_unit", flat_pipe(rows) + "\n",
        "`|` rows with the unit and comparator inside the name's bracket and bare value cells (layout of the Yunnan county pages); the (≤万元) row is money",
        [ind("新建蓄水池", P, "数量指标", value("6", "座", ">="), value("6", "座"), 15.0, 15.0),
         ind("铺设引水管道", P, "数量指标", value("8.5", "公里", ">="), value("8.7", "公里"), 15.0, 15.0),
         ind("工程建设投资", P, "成本指标", value("96", "元", "<=", 1e4), value("94.3", "元", None, 1e4), 10.0, 10.0),
         ind("解决饮水困难人口", E, "社会效益指标", value("1350", "人", ">="), value("1402", "人"), 20.0, 20.0)],
        {}, None, money(("96", 960000), ("94.3", 943000)))

    rows = [["一级指标", "二级指标", "三级指标", "年度指标值", "实际完成值", "分值", "得分"],
            ["产出指标", "数量指标", "改造农村危房（户）", "38", "38", "20", "20"],
            ["", "质量指标", "竣工验收合格率（%）", "100", "100", "20", "20"],
            ["", "成本指标", "户均补助标准（万元）", "2.6", "2.6", "10", "10"],
            ["满意度指标", "服务对象满意度指标", "改造户满意度（%）", "≥95", "98", "10", "10"]]
    add("tables-bracket-tabs-01", "bracket_unit", "\t".join(["危房改造项目绩效自评表"]) + "\n" + "\n".join("\t".join(r) for r in rows) + "\n",
        "tab-separated, empty merged cells kept as empty tabs, unit in brackets after the name ((户), (%), (万元)); the (万元) row's bare cells are money",
        [ind("改造农村危房", P, "数量指标", value("38", "户"), value("38", "户"), 20.0, 20.0),
         ind("竣工验收合格率", P, "质量指标", value("100", "%"), value("100", "%"), 20.0, 20.0),
         ind("户均补助标准", P, "成本指标", value("2.6", "元", None, 1e4), value("2.6", "元", None, 1e4), 10.0, 10.0),
         ind("改造户满意度", S, "服务对象满意度指标", value("≥95", "%"), value("98", "%"), 10.0, 10.0)],
        {}, None, money(("2.6", 26000), ("2.6", 26000)))

    # ---------------------------------------------------------------- level words glued to inline rows
    text = ("产出指标数量指标工资发放覆盖率=100% 25 预算调整次数≤6次 25 时效指标按月发放率=100% 20 "
            "效益指标经济效益指标资金结余率≤3% 20 合计90 评价结论工资按月足额发放。存在问题无改进措施无\n")
    add("tables-inline-levels-01", "inline_levels", text,
        "Sichuan media page: the 申报 part of a table flattened into one line, level words glued to the name, comparator and target glued to it, then the weight; no actuals",
        [ind("工资发放覆盖率", P, "数量指标", value("=100%"), None, 25.0),
         ind("预算调整次数", P, "数量指标", value("≤6次"), None, 25.0),
         ind("按月发放率", P, "时效指标", value("=100%"), None, 20.0),
         ind("资金结余率", E, "经济效益指标", value("≤3%"), None, 20.0)],
        {}, None, [])

    text = ("产出指标数量指标困难群众救助人次≥1800人次 25 临时救助审批时限≤10天 25 质量指标救助资金发放准确率=100% 20 "
            "满意度指标服务对象满意度指标救助对象满意度≥90% 20 合计90\n")
    add("tables-inline-levels-02", "inline_levels", text,
        "inline glued rows: 一级+二级 words glued to the first name of each group, weight after each target",
        [ind("困难群众救助人次", P, "数量指标", value("≥1800人次"), None, 25.0),
         ind("临时救助审批时限", P, "数量指标", value("≤10天"), None, 25.0),
         ind("救助资金发放准确率", P, "质量指标", value("=100%"), None, 20.0),
         ind("救助对象满意度", S, "服务对象满意度指标", value("≥90%"), None, 20.0)],
        {}, None, [])

    text = ("绩效指标 产出指标数量指标河道保洁里程≥42公里 43.5公里 20 20 质量指标水面漂浮物清理率≥95% 97% 20 20 "
            "成本指标保洁服务费≤36万元 35.2万元 10 10 效益指标生态效益指标河道水质达标率≥90% 92% 20 20\n")
    add("tables-inline-levels-03", "inline_levels", text,
        "inline rows with level words glued to the name and both target and actual, weight and score (a DOCX text layer)",
        [ind("河道保洁里程", P, "数量指标", value("≥42公里"), value("43.5公里"), 20.0, 20.0),
         ind("水面漂浮物清理率", P, "质量指标", value("≥95%"), value("97%"), 20.0, 20.0),
         ind("保洁服务费", P, "成本指标", value("≤36万元"), value("35.2万元"), 10.0, 10.0),
         ind("河道水质达标率", E, "生态效益指标", value("≥90%"), value("92%"), 20.0, 20.0)],
        {}, None, money(("≤36万元", 360000), ("35.2万元", 352000)))

    # ---------------------------------------------------------------- glued cells (hard)
    text = ("项目支出绩效自评表\n预算执行情况 （万元） （20分）预算数（A）执行数（B）执行率（B/A）得分（20分*执行率）"
            "年度财政 资金总额15001500100%20\n"
            "一级指标二级指标三级指标年初目标值 （A）实际完成值 （B）得分产出 指标数量指标新增门诊诊室12间12间10"
            "质量指标设备验收合格率100%100%10成本每年财政补助1500万元1500万元10\n")
    add("tables-glued-docx-01", "glued", text,
        "Hubei Xiangyang DOCX text: all cells glued; the budget row 15001500100%20 must split into 1500, 1500, 100%, 20 by the header's sequence; the 产出 指标 level cell broken by a space",
        [ind("新增门诊诊室", P, "数量指标", value("12间"), value("12间"), None, 10.0),
         ind("设备验收合格率", P, "质量指标", value("100%"), value("100%"), None, 10.0),
         ind("每年财政补助", P, "成本", value("1500万元"), value("1500万元"), None, 10.0)],
        {"adjusted": 15000000.0, "spent": 15000000.0, "execution_rate": 100.0, "weight": 20.0, "score": 20.0},
        None, money(("1500", 15000000), ("1500", 15000000), ("1500万元", 15000000), ("1500万元", 15000000)))

    text = ("项目资金（万元）年度资金总额年初预算数调整预算数（A）全年执行数（B）执行率（B/A）38.638.637.998.19%\n"
            "一级指标二级指标三级指标分值指标值（A）全年实际值（B）得分\n"
            "数量指标（10分）保障学生人数101580人1580人10\n"
            "成本指标（10分）办公所需成本48.5万元8.5万元4维修所需成本36万元6万元3\n")
    add("tables-glued-ocr-01", "glued", text,
        "Ningxia Yinchuan OCR of a DOCX: weight cell glued before the target (101580人 = weight 10 + 1580人), two rows glued on one line; budget 38.638.637.998.19%",
        [ind("保障学生人数", None, "数量指标", value("1580人"), value("1580人"), 10.0, 10.0),
         ind("办公所需成本", None, "成本指标", value("8.5万元"), value("8.5万元"), 4.0, 4.0),
         ind("维修所需成本", None, "成本指标", value("6万元"), value("6万元"), 3.0, 3.0)],
        {"initial": 386000.0, "adjusted": 386000.0, "spent": 379000.0, "execution_rate": 98.19},
        None, money(("38.6", 386000), ("38.6", 386000), ("37.9", 379000),
                    ("8.5万元", 85000), ("8.5万元", 85000), ("6万元", 60000), ("6万元", 60000)))

    text = ("项目资金（万元）年初预算数（A）全年执行数（B）分值（10分）执行率（B/A）得分得分计算方法"
            "年度资金总额：286.4214.81075%7.5执行率*该指标分值，最高不得超过分值上限。\n"
            "绩效指标一级指标二级指标三级指标分值年度指标值（A）全年实际值（B）得分\n"
            "产出指标（50分）数量指标外包清扫道路条数12.518条18条12.5质量指标保洁作业达标率12.5≥95%96%12.5\n")
    add("tables-glued-doc-01", "glued", text,
        "Beijing Haidian DOC text: 年度资金总额：286.4214.81075%7.5 glued (286.4, 214.8, 10, 75%, 7.5), the 分值 cell before 年度指标值 and glued to it (12.518条)",
        [ind("外包清扫道路条数", P, "数量指标", value("18条"), value("18条"), 12.5, 12.5),
         ind("保洁作业达标率", P, "质量指标", value("≥95%"), value("96%"), 12.5, 12.5)],
        {"initial": 2864000.0, "spent": 2148000.0, "execution_rate": 75.0, "weight": 10.0, "score": 7.5},
        None, money(("286.4", 2864000), ("214.8", 2148000)))

    text = ("产出指标 数量指标 数据采集准确率100%100%44 接口调用成功率≥99%99.6%44 设备购置成本≤312万元298万元44 "
            "运维服务成本≤48万元46.5万元44\n")
    add("tables-glued-cells-01", "glued", text,
        "cells glued inside a space-separated row: target, actual, weight and score run together (100%100%44), level words once",
        [ind("数据采集准确率", P, "数量指标", value("100%"), value("100%"), 4.0, 4.0),
         ind("接口调用成功率", P, "数量指标", value("≥99%"), value("99.6%"), 4.0, 4.0),
         ind("设备购置成本", P, "数量指标", value("≤312万元"), value("298万元"), 4.0, 4.0),
         ind("运维服务成本", P, "数量指标", value("≤48万元"), value("46.5万元"), 4.0, 4.0)],
        {}, None, money(("≤312万元", 3120000), ("298万元", 2980000), ("≤48万元", 480000), ("46.5万元", 465000)))

    # ---------------------------------------------------------------- page break, block repeated
    head = "| 一级指标 | 二级指标 | 三级指标 | 年度指标值 | 实际完成值 | 分值 | 得分 |"
    r1 = "| 产出指标 | 数量指标 | 举办就业招聘会场次 | ≥12场 | 15场 | 10 | 10 |"
    r2 = "| 产出指标 | 数量指标 | 职业技能培训人次 | ≥900人次 | 936人次 | 10 | 10 |"
    r3 = "| 产出指标 | 质量指标 | 培训合格率 | ≥85% | 91% | 10 | 10 |"
    r4 = "| 效益指标 | 社会效益指标 | 城镇新增就业人数 | ≥1600人 | 1725人 | 20 | 20 |"
    text = "\n".join([head, r1, r2, "", "— 3 —", "", head, r2, r3, r4]) + "\n"
    add("tables-pagebreak-pipe-01", "page_break", text,
        "a `|` table broken by a page footer: the header and the last row of page 3 are repeated at the top of page 4; each indicator counts once",
        [ind("举办就业招聘会场次", P, "数量指标", value("≥12场"), value("15场"), 10.0, 10.0),
         ind("职业技能培训人次", P, "数量指标", value("≥900人次"), value("936人次"), 10.0, 10.0),
         ind("培训合格率", P, "质量指标", value("≥85%"), value("91%"), 10.0, 10.0),
         ind("城镇新增就业人数", E, "社会效益指标", value("≥1600人"), value("1725人"), 20.0, 20.0)],
        {}, None, [])

    block = ["产出指标", "数量指标", "完成林地巡护里程", "≥5200公里", "5318公里", "10", "10",
             "质量指标", "森林火灾受害率", "≤0.9‰", "0", "10", "10"]
    rest = ["时效指标", "火情处置到场时间", "≤40分钟", "32分钟", "10", "10",
            "效益指标", "生态效益指标", "森林覆盖率", "≥61.5%", "61.8%", "10", "10"]
    header = ["一级指标", "二级指标", "三级指标", "年度指标值", "实际完成值", "分值", "得分"]
    text = "\n\n".join(header + block) + "\n\n第 2 页，共 3 页\n\n" + "\n\n".join(header + block[7:] + rest) + "\n"
    add("tables-pagebreak-cells-01", "page_break", text,
        "one cell a line; a page footer, then the header block and the last row repeated (as PDF text extraction of a table continued on the next page gives it)",
        [ind("完成林地巡护里程", P, "数量指标", value("≥5200公里"), value("5318公里"), 10.0, 10.0),
         ind("森林火灾受害率", P, "质量指标", value("≤0.9‰"), value("0", "‰"), 10.0, 10.0),
         ind("火情处置到场时间", P, "时效指标", value("≤40分钟"), value("32分钟"), 10.0, 10.0),
         ind("森林覆盖率", E, "生态效益指标", value("≥61.5%"), value("61.8%"), 10.0, 10.0)],
        {}, None, [])

    text = ("年度资金总额  96.00  96.00  95.12  10  99.08%  9.91\n"
            "产出指标  数量指标  配送应急物资批次  ≥24批次  26批次  15  15\n"
            "产出指标  质量指标  物资验收合格率  100%  100%  15  15\n"
            "                                   第1页\n"
            "产出指标  质量指标  物资验收合格率  100%  100%  15  15\n"
            "效益指标  社会效益指标  受灾群众转移安置率  100%  100%  20  20\n"
            "总分  100  99.91\n")
    add("tables-pagebreak-spaces-01", "page_break", "项目资金（万元）  年初预算数  全年预算数  全年执行数  分值  执行率  得分\n" + text,
        "runs of spaces; a page number line and one row repeated after it",
        [ind("配送应急物资批次", P, "数量指标", value("≥24批次"), value("26批次"), 15.0, 15.0),
         ind("物资验收合格率", P, "质量指标", value("100%"), value("100%"), 15.0, 15.0),
         ind("受灾群众转移安置率", E, "社会效益指标", value("100%"), value("100%"), 20.0, 20.0)],
        {"initial": 960000.0, "adjusted": 960000.0, "spent": 951200.0, "execution_rate": 99.08, "weight": 10.0, "score": 9.91},
        99.91, money(("96.00", 960000), ("96.00", 960000), ("95.12", 951200)))

    # ---------------------------------------------------------------- wrapped names and headers
    cells = ["一级指标", "二级指标", "三级指标", "年度\n指标值", "实际\n完成值", "分值", "得分", "偏差原因分析及改进措施",
             "产出指标", "数量指标", "指标1：老旧小区雨污\n分流改造户数", "≥1450户", "1462户", "10", "10", "",
             "质量指标", "指标1：管网工程验收\n合格率", "100%", "100%", "10", "10", "",
             "效益指标", "可持续影\n响指标", "指标1：管网设计使用\n年限", "≥30年", "30年", "10", "10", ""]
    add("tables-wrapped-cells-01", "wrapped", "\n\n".join(cells) + "\n",
        "one cell a line with names and header words wrapped inside their cell (年度\\n指标值, 可持续影\\n响指标), 指标1： numbering before the names (Hebei Langfang, Anhui Tianchang pages)",
        [ind("老旧小区雨污分流改造户数", P, "数量指标", value("≥1450户"), value("1462户"), 10.0, 10.0),
         ind("管网工程验收合格率", P, "质量指标", value("100%"), value("100%"), 10.0, 10.0),
         ind("管网设计使用年限", E, "可持续影响指标", value("≥30年"), value("30年"), 10.0, 10.0)],
        {}, None, [])

    text = ("    年度绩效指标完成情况 一级\n    指标\n    二级指标 三级指标 年度指标值 实际完成值 分值 得分 偏差原因分析及改进措施\n\n\n"
            "    （50分）\n    数量指标 指标1：完成小型农田水利设施\n    维修数量 14处 14处 10 10\n"
            "    质量指标 指标1：维修工程质量合格率 100% 100% 10 10\n"
            "    （30分）\n    社会效益\n    指标\n    指标1：受益灌溉面积 ≥2600亩 2640亩 10 10\n"
            "    满意度指标\n    （10分）\n    服务对象\n    满意度指标\n    指标1：受益农户满意度 90% 98% 10 10\n"
            "    总分 100 100\n")
    add("tables-wrapped-indented-01", "wrapped", text,
        "Anhui Tianchang page: indented space-separated lines, the 一级指标 cell reduced to its weight (（50分）), level labels wrapped over lines, a name wrapped onto the next line before its values",
        [ind("完成小型农田水利设施维修数量", None, "数量指标", value("14处"), value("14处"), 10.0, 10.0),
         ind("维修工程质量合格率", None, "质量指标", value("100%"), value("100%"), 10.0, 10.0),
         ind("受益灌溉面积", None, "社会效益指标", value("≥2600亩"), value("2640亩"), 10.0, 10.0),
         ind("受益农户满意度", S, "服务对象满意度指标", value("90%"), value("98%"), 10.0, 10.0)],
        {}, 100.0, [])

    text = ("| 一级指标 | 二级指标 | 三级指标 | 指标值 | 实施进度 |\n"
            "| 项目产出\n        | 数量指标\n        | 普法宣传活动\n       场次\n        | 至少全年开展4次\n        | 已完成100%\n        | |\n"
            "质量指标\n        | 宣传资料发放数量\n        | ≥3000份\n        | 已完成100%\n        | ||\n"
            "成本指标\n        | 宣传经费\n        | 6万元\n        | 已完成100%\n        | ||\n")
    add("tables-wrapped-pipe-01", "wrapped", text,
        "Sichuan Daying page: `|` cells broken over lines with indentation, a name wrapped inside its cell, 实施进度 column giving a completion share",
        [ind("普法宣传活动场次", "项目产出", "数量指标", value("至少全年开展4次"), value("已完成100%")),
         ind("宣传资料发放数量", "项目产出", "质量指标", value("≥3000份"), value("已完成100%")),
         ind("宣传经费", "项目产出", "成本指标", value("6万元"), value("已完成100%"))],
        {}, None, money(("6万元", 60000)))

    # ---------------------------------------------------------------- unit in a row label or header
    text = ("部门整体支出绩效自评表\n（2023年度）\n部门名称 县退役军人事务局\n"
            "预算执行情况（万元） 年初预算数 全年预算数 全年执行数 分值 执行率 得分\n"
            "年度资金总额 812.40 868.75 851.36 10 98.00% 9.8\n"
            "其中：基本支出 356.20 371.05 371.05 — 100% —\n"
            "项目支出 456.20 497.70 480.31 — 96.51% —\n"
            "总分 100 98.3\n")
    add("tables-unit-label-01", "unit_label", text,
        "部门整体支出绩效自评表 with the unit in the row label 预算执行情况（万元）, no 单位 line; 基本支出/项目支出 sub-rows are money too",
        [], {"initial": 8124000.0, "adjusted": 8687500.0, "spent": 8513600.0, "execution_rate": 98.0, "weight": 10.0, "score": 9.8},
        98.3, money(("812.40", 8124000), ("868.75", 8687500), ("851.36", 8513600), ("356.20", 3562000), ("371.05", 3710500),
                    ("371.05", 3710500), ("456.20", 4562000), ("497.70", 4977000), ("480.31", 4803100)))

    text = ("计划安排资金 （万元）\n\n145.6\n\n实际到位资金（万元）\n\n145.6\n\n实际使用资金（万元）\n\n139.82\n\n资金使用率\n\n96.03%\n")
    add("tables-unit-label-02", "unit_label", text,
        "one cell a line: each label carries its unit ((万元)), the bare number follows on the next line; a share is no money",
        [], {"adjusted": 1456000.0, "spent": 1398200.0, "execution_rate": 96.03}, None,
        money(("145.6", 1456000), ("145.6", 1456000), ("139.82", 1398200)))

    text = ("项目金额（万元）\n|\n年度资金总额\n|\n2279.048 万元\n|\n其中：财政投款\n|\n2279.048 万元\n|\n其他资金\n|\n|\n")
    add("tables-unit-label-03", "unit_label", text,
        "Anhui Mengcheng page: one cell a line with a `|` line after each; the cells repeat the unit with a space (2279.048 万元) under a (万元) label — no double scaling",
        [], {"adjusted": 22790480.0}, None, money(("2279.048 万元", 22790480), ("2279.048 万元", 22790480)))

    text = ("单位：亿元\n\n收入\n\n年初预算\n\n调整预算\n\n决算数\n\n总计\n\n62.35\n\n60.18\n\n66.92\n\n"
            "一、本级收入\n\n31.40\n\n30.25\n\n30.77\n\n税收收入\n\n19.86\n\n17.92\n\n18.03\n")
    add("tables-unit-line-yi-01", "unit_line", text,
        "Chongqing Bishan budget report: `单位：亿元` above a one-cell-a-line table, every bare cell is money in 亿元; a government budget, not a department's self-evaluation, so no budget fields are asked",
        [], {}, None, money(("62.35", 6235000000), ("60.18", 6018000000), ("66.92", 6692000000), ("31.40", 3140000000),
                            ("30.25", 3025000000), ("30.77", 3077000000), ("19.86", 1986000000), ("17.92", 1792000000),
                            ("18.03", 1803000000)))

    text = ("金额单位：元\n项目\t年初预算数\t全年预算数\t全年执行数\n"
            "年度资金总额\t1,286,400.00\t1,342,150.00\t1,318,902.36\n"
            "其中：财政拨款\t1,286,400.00\t1,342,150.00\t1,318,902.36\n"
            "执行率\t98.27%\n")
    add("tables-unit-line-yuan-01", "unit_line", text,
        "金额单位：元 line over a tab table, thousands separators, money in yuan as written",
        [], {"initial": 1286400.0, "adjusted": 1342150.0, "spent": 1318902.36, "execution_rate": 98.27}, None,
        money(("1,286,400.00", 1286400), ("1,342,150.00", 1342150), ("1,318,902.36", 1318902.36),
              ("1,286,400.00", 1286400), ("1,342,150.00", 1342150), ("1,318,902.36", 1318902.36)))

    text = ("单位：万元\n年度资金总额 | 年初预算数 | 全年预算数 | 全年执行数 | 分值 | 执行率 | 得分\n"
            "年度资金总额 | 64.5 | 64.5 | 63.9 | 10 | 99.07% | 9.9\n"
            "一级指标 | 二级指标 | 三级指标 | 年度指标值 | 实际完成值 | 分值 | 得分\n"
            "产出指标 | 数量指标 | 新建村级便民服务站 | ≥8 | 8 | 20 | 20\n"
            "产出指标 | 数量指标 | 配备服务终端 | 16 | 16 | 10 | 10\n"
            "产出指标 | 时效指标 | 服务站建成时间 | 9月前 | 8月 | 10 | 10\n")
    add("tables-unit-scope-01", "unit_scope", text,
        "the 单位：万元 line governs the budget block only: the bare indicator counts (≥8, 8, 16) are no money (Anhui Jinzhai page shape)",
        [ind("新建村级便民服务站", P, "数量指标", value("≥8"), value("8"), 20.0, 20.0),
         ind("配备服务终端", P, "数量指标", value("16"), value("16"), 10.0, 10.0),
         ind("服务站建成时间", P, "时效指标", value("9月前"), value("8月"), 10.0, 10.0)],
        {"initial": 645000.0, "adjusted": 645000.0, "spent": 639000.0, "execution_rate": 99.07, "weight": 10.0, "score": 9.9},
        None, money(("64.5", 645000), ("64.5", 645000), ("63.9", 639000)))

    # ---------------------------------------------------------------- narrative budget and score
    narr = [
        ("narr-exec-rate-01", "2023年本单位年初预算安排482.60万元，年中追加36.00万元，调整后预算518.60万元。全年实际支出370.04万元，年终预算执行率为71.35%。",
         {"initial": 4826000.0, "adjusted": 5186000.0, "spent": 3700400.0, "execution_rate": 71.35}, None,
         [("482.60万元", 4826000), ("36.00万元", 360000), ("518.60万元", 5186000), ("370.04万元", 3700400)],
         "narrative budget: 年终预算执行率为 wording"),
        ("narr-used-01", "该项目下达资金140.00万元，截至12月31日实际使用132.60万元，资金使用率94.71%。",
         {"adjusted": 1400000.0, "spent": 1326000.0, "execution_rate": 94.71}, None,
         [("140.00万元", 1400000), ("132.60万元", 1326000)], "narrative: 实际使用 wording for spent; 资金使用率 as the execution rate"),
        ("narr-paid-01", "本年度图书购置项目财政资金总额18.40万元，均由县级财政安排，年内拨付使用18.40万元，预算执行率100%。",
         {"adjusted": 184000.0, "spent": 184000.0, "execution_rate": 100.0}, None,
         [("18.40万元", 184000), ("18.40万元", 184000)], "Yunnan Changning school report: 财政资金总额 / 拨付使用 wording"),
        ("narr-appropriation-01", "本年度财政拨款支出合计1865.20万元，占全年支出的80.69%。",
         {"spent": 18652000.0, "execution_rate": None}, None,
         [("1865.20万元", 18652000)], "narrative: 财政拨款支出合计 is the spent figure; a share of the total is no execution rate"),
        ("narr-score-grade-01", "按照部门整体支出绩效评价指标体系，我局开展绩效评分96分，自评为优。",
         {}, 96.0, [], "narrative score wording 开展绩效评分N分，自评为优"),
        ("narr-score-02", "经自评小组综合评定，该项目自评得分97，评价等级为优秀。",
         {}, 97.0, [], "narrative score with no 分 after the number"),
        ("narr-score-03", "一、自评结论\n（一）自评得分\n经学校自评小组逐项打分，该专项经费项目自评得分99.5分，结果为“优秀”。",
         {}, 99.5, [], "Yunnan school report: the score under its own heading"),
        ("narr-score-04", "（一）自评得分98分\n（二）绩效目标完成情况\n1.执行率情况。\n该项目年初预算260万元，实际预算260万元；截至年底全年执行255.32万元，执行率98.2%，预算执行自评分19.64分。",
         {"initial": 2600000.0, "adjusted": 2600000.0, "spent": 2553200.0, "execution_rate": 98.2, "score": 19.64}, 98.0,
         [("260万元", 2600000), ("260万元", 2600000), ("255.32万元", 2553200)],
         "school self-evaluation result (bidding site copy): 实际预算 for adjusted, 全年执行 for spent, 自评分 of the budget row after the rate"),
        ("narr-dept-01", "全年部门决算收入681.35万元（财政拨款收入672.11万元），支出688.90万元，按经济分类为人员经费401.26万元、公用经费61.54万元、项目支出226.10万元。部门整体支出绩效自评总分92.5分。",
         {}, 92.5,
         [("681.35万元", 6813500), ("672.11万元", 6721100), ("688.90万元", 6889000), ("401.26万元", 4012600),
          ("61.54万元", 615400), ("226.10万元", 2261000)],
         "Hunan Nanxian 政协 report: revenue and expenditure by kind, 自评总分"),
        ("narr-henan-01", "衔接资金合计1968万元，到年底已完成拨付1889.28万元，资金执行率96%。",
         {"adjusted": 19680000.0, "spent": 18892800.0, "execution_rate": 96.0}, None,
         [("1968万元", 19680000), ("1889.28万元", 18892800)], "Henan Xiping report: 已完成拨付 wording"),
        ("narr-yunnan-01", "本中心年初批复预算742万元（共6个项目），经调整后项目预算为698.35万元，年内实际到位资金512.40万元，实际支出498.66万元。",
         {"initial": 7420000.0, "adjusted": 6983500.0, "spent": 4986600.0}, None,
         [("742万元", 7420000), ("698.35万元", 6983500), ("512.40万元", 5124000), ("498.66万元", 4986600)],
         "Yunnan Honghe report: 年初批复预算 / 调整预算后项目预算 / 实际到位资金 / 实际支出"),
        ("narr-anhui-01", "预拨的2946万元（其中中央资金2310万元、省级资金636万元）已按时下达各服务机构，考核后清算的98万元随后拨付，全年3044万元资金全部执行到位，预算执行率100%。",
         {"spent": 30440000.0, "execution_rate": 100.0}, None,
         [("2946万元", 29460000), ("2310万元", 23100000), ("636万元", 6360000), ("98万元", 980000), ("3044万元", 30440000)],
         "Anhui Zongyang report: 全部执行到位 as spent, shares of the funds in brackets"),
        ("narr-trad-01", "該村道工程總投資23萬元，資金由涉農整合資金按進度撥付，自評得分95分。",
         {}, 95.0, [("23萬元", 230000)], "Jiangxi township page in traditional characters: 萬元, 自評得分"),
        ("narr-total-01", "| 评价结论 | 项目自评总分98.6分，资金使用规范。 |\n| 总分 | 100 | 98.6 |",
         {}, 98.6, [], "the total in both a 总分 row and a 评价结论 sentence (Sichuan template)"),
        ("narr-trap-01", "2023年全县地区生产总值增长6.2%，一般公共预算收入完成18.6亿元，同比增长4.1%。",
         {"execution_rate": None, "spent": None}, None, [("18.6亿元", 1860000000)],
         "trap: county economy figures are no budget block of the unit"),
    ]
    for cid, txt, bud, score, mon, notes in narr:
        add(f"tables-{cid}", "narrative", txt + "\n", notes, [], bud, score, money(*mon))

    # ---------------------------------------------------------------- narrative indicators and goals
    text = ("A产出指标（自评分19分）\n（1）数量指标：\n校舍维修改造资金，年初目标值260万元，实际完成值260万元。\n"
            "（2）时效指标\n维修项目按期完成率，年初目标值100%，实际完成值100%。\n"
            "C满意度指标\n学生对维修改造项目的满意度，年初目标值≥95%，实际完成值96.12%。\n"
            "家长对维修改造项目的满意度，年初目标值≥95%，实际完成值94.30%，扣1分。\n")
    add("tables-narr-indicators-01", "narrative_indicators", text,
        "school self-evaluation result: each indicator as a sentence 名称，年初目标值X，实际完成值Y",
        [ind("校舍维修改造资金", P, "数量指标", value("260万元"), value("260万元")),
         ind("维修项目按期完成率", P, "时效指标", value("100%"), value("100%")),
         ind("学生对维修改造项目的满意度", S, None, value("≥95%"), value("96.12%")),
         ind("家长对维修改造项目的满意度", S, None, value("≥95%"), value("94.30%"))],
        {}, None, money(("260万元", 2600000), ("260万元", 2600000)))

    text = ("（二）绩效目标：组内道路硬化≥1.24km；工程验收合格率≥100%；受益群众满意度≥95%；受益脱贫人口≥46人。\n")
    add("tables-goals-01", "goals", text,
        "Jiangxi township report: the goals line lists targets separated by ；, no actuals",
        [ind("组内道路硬化", None, None, value("≥1.24km"), None),
         ind("工程验收合格率", None, None, value("≥100%"), None),
         ind("受益群众满意度", None, None, value("≥95%"), None),
         ind("受益脱贫人口", None, None, value("≥46人"), None)],
        {}, None, [])

    text = "年度绩效目标：一、完成固定资产增加8%；二、校舍改造工程完工率达到95%；三、教师培训覆盖率达到100%。\n"
    add("tables-goals-02", "goals", text,
        "goals numbered 一、二、三 with 达到 introducing the target (达到 sets >=, as in the amounts guideline)",
        [ind("固定资产增加", None, None, value("8%"), None),
         ind("校舍改造工程完工率", None, None, value("95%", None, ">="), None),
         ind("教师培训覆盖率", None, None, value("100%", None, ">="), None)],
        {}, None, [])

    rows = ["绩效指标", "一级指标", "二级指标", "三级指标", "指标值", "产出指标", "数量指标", "脱贫村道路硬化里程", "≥86公里",
            "脱贫户供水设施数量", "≥24座", "质量指标", "项目（工程）验收合格率", "100%", "成本指标", "财政资金亩均补助", "1450元/亩",
            "效益指标", "社会效益\n\n指标", "受益脱贫人口数", "≥620人"]
    add("tables-goals-declare-01", "goals", "绩效目标申报表（基础设施建设类）\n\n" + "\n\n".join(rows) + "\n",
        "Hunan Yueyang county 绩效目标申报表: one cell a line, a single 指标值 column gives targets only; 1450元/亩 keeps its per-mu unit on the indicator and its amount is money",
        [ind("脱贫村道路硬化里程", P, "数量指标", value("≥86公里"), None),
         ind("脱贫户供水设施数量", P, "数量指标", value("≥24座"), None),
         ind("项目（工程）验收合格率", P, "质量指标", value("100%"), None),
         ind("财政资金亩均补助", P, "成本指标", value("1450元/亩"), None),
         ind("受益脱贫人口数", E, "社会效益指标", value("≥620人"), None)],
        {}, None, money(("1450元", 1450)))

    text = "（三）满意度指标：家长满意度高于年度指标值≥92%。\n①数量指标：本年度学校收到图书购置专项经费13.20万元。\n"
    add("tables-goals-03", "goals", text,
        "Yunnan school report: 高于年度指标值≥92% gives a target without an actual; the received funds sentence is money, not an indicator pair",
        [ind("家长满意度", S, None, value("≥92%"), None)],
        {}, None, money(("13.20万元", 132000)))

    # ---------------------------------------------------------------- sub-rows and 分值-first
    text = ("| 资金情况 （万元） |\n| 全年预算数（A） | 全年执行数（B） | 分值 | 执行率（B/A） | 得分 | |||||\n"
            "| 年度资金总额： | 12.36 | 12.36 | 10 | 100% | 10 | |||||\n"
            "| 其中：本年财政拨款 | 12.36 | 12.36 | 10 | 100% | 10 | |||||\n"
            "| 二级指标 | 三级指标 | 分值 | 年度指标值 | 全年实际值 | 得分 | 未完成原因及拟采取的改进措施 | ||\n"
            "| 数量指标 | ★补助特色种植面积 | 20 | 36亩 | 36亩 | 20 | ||||\n"
            "| 其中茶叶种植面积 | 12亩 | 12亩 | ||||||||\n"
            "| 其中蔬菜种植面积 | 24亩 | 24亩 | ||||||||\n"
            "| ★补助家畜养殖数量 | 10 | 140头 | 140头 | 10 | ||||||\n"
            "| 质量指标 | ||||||||||\n"
            "| 畜禽存栏成活率 | 5 | 95% | 98% | 5 | ||||||\n")
    add("tables-subrows-pipe-01", "weight_first", text,
        "Anhui Xiaoxian page: 分值 before the values, ★ marks on core indicators, 其中… sub-rows with no weight, a 质量指标 row with no cells; the 其中 sub-rows are indicators of their own",
        [ind("补助特色种植面积", None, "数量指标", value("36亩"), value("36亩"), 20.0, 20.0),
         ind("其中茶叶种植面积", None, "数量指标", value("12亩"), value("12亩")),
         ind("其中蔬菜种植面积", None, "数量指标", value("24亩"), value("24亩")),
         ind("补助家畜养殖数量", None, "数量指标", value("140头"), value("140头"), 10.0, 10.0),
         ind("畜禽存栏成活率", None, "质量指标", value("95%"), value("98%"), 5.0, 5.0)],
        {"adjusted": 123600.0, "spent": 123600.0, "execution_rate": 100.0, "weight": 10.0, "score": 10.0},
        None, money(("12.36", 123600), ("12.36", 123600), ("12.36", 123600), ("12.36", 123600)))

    text = ("项目支出绩效自评表 (2022年度) 项目名称 防疫物资储备项目 主管部门 县卫生健康委员会 实施单位 县疾病预防控制中心 "
            "项目资金 (万元) 年初预算数 全年预算数 全年执行数 分值 执行率 得分 年度资金总额: 0 0 0 10 0 0 "
            "其中:本年财政拨款 46 45.825 45.825 上年结转资金 其他资金 年度总体目标 预期目标 实际完成情况 "
            "储备应急防疫物资，保障突发疫情处置。 完成储备任务。 绩效指标 一级指标 二级指标 三级指标 年度指标值 实际完成值 分值 得分 偏差原因分析及改进措施 "
            "产出指标(50分) 数量指标 储备防护服数量 ≥2000套 2000 10 10 质量指标 物资抽检合格率 ≥100百分比 100 10 10 "
            "时效指标 物资到位及时性 在规定时限内完成 达成预期指标 10 10 成本指标 储备总成本 ≤46万元 45.825 10 10 "
            "满意度指标(10分) 满意度指标 使用单位满意度 ≥90% 95 10 10 总分 100 100\n")
    add("tables-one-line-attach-01", "one_line", text,
        "Anhui Chizhou attachment: a DOCX table as one line; the 年度资金总额 row filled with zeros while the real figures sit in 其中:本年财政拨款 (46 45.825 45.825, no rate or score); ≥100百分比; bare actuals take the target's unit",
        [ind("储备防护服数量", P, "数量指标", value("≥2000套"), value("2000", "套"), 10.0, 10.0),
         ind("物资抽检合格率", P, "质量指标", value("≥100百分比"), value("100", "%"), 10.0, 10.0),
         ind("物资到位及时性", P, "时效指标", value("在规定时限内完成"), value("达成预期指标"), 10.0, 10.0),
         ind("储备总成本", P, "成本指标", value("≤46万元"), value("45.825", "元", None, 1e4), 10.0, 10.0),
         ind("使用单位满意度", S, "满意度指标", value("≥90%"), value("95", "%"), 10.0, 10.0)],
        {"initial": 460000.0, "adjusted": 458250.0, "spent": 458250.0, "weight": 10.0}, 100.0,
        money(("46", 460000), ("45.825", 458250), ("45.825", 458250), ("≤46万元", 460000), ("45.825", 458250)))

    # a bare actual under a target with a unit takes that unit (more of the same)
    rows = [["一级指标", "二级指标", "三级指标", "年度指标值", "实际完成值", "分值", "得分"],
            ["产出指标", "数量指标", "入户走访困难家庭", "≥450户", "463", "15", "15"],
            ["产出指标", "质量指标", "救助信息录入准确率", "≥98%", "99.2", "15", "15"],
            ["产出指标", "成本指标", "走访工作经费", "≤5.5万元", "5.32", "10", "10"],
            ["满意度指标", "服务对象满意度指标", "困难家庭满意度", "≥90%", "96", "10", "10"]]
    add("tables-bare-actual-spaces-01", "bare_actual", flat_spaces(rows, "  ") + "\n",
        "runs of spaces; the actual cells are bare numbers taking the unit of the target in the same row (Anhui Chizhou and Jinzhai pages)",
        [ind("入户走访困难家庭", P, "数量指标", value("≥450户"), value("463", "户"), 15.0, 15.0),
         ind("救助信息录入准确率", P, "质量指标", value("≥98%"), value("99.2", "%"), 15.0, 15.0),
         ind("走访工作经费", P, "成本指标", value("≤5.5万元"), value("5.32", "元", None, 1e4), 10.0, 10.0),
         ind("困难家庭满意度", S, "服务对象满意度指标", value("≥90%"), value("96", "%"), 10.0, 10.0)],
        {}, None, money(("≤5.5万元", 55000), ("5.32", 53200)))

    # ---------------------------------------------------------------- more level cells and headers
    text = ("| 一级指标 | 二级指标 | 三级指标 | 年度指标值 | 实际完成值 | 分值 | 得分 | 偏差原因分析及改进措施 |\n"
            "| 产出指标（50分） | 数量指标 | 维修校舍面积 | ≥2600平方米 | 2675平方米 | 15 | 15 | 无 |\n"
            "| 时效指标 | 维修工程完工时间 | 2023年8月 | 2023年8月 | 10 | 10 | 无 |\n"
            "| 效益指标（30分） | 社会效益指标 | 消除校舍安全隐患处数 | 14处 | 12处 | 15 | 12.9 | 两处待汛后施工，已列入下年计划 |\n"
            "| 满意度指标（10分） | 服务对象满意度指标 | 师生满意度 | ≥90% | 93% | 10 | 10 | 无 |\n")
    add("tables-level-weights-pipe-01", "pipe_merged", text,
        "`|` rows where the 一级指标 cell carries its weight (产出指标（50分）, Yunnan Nanhua and Anhui Chizhou pages), a merged level missing on the second row, a deviation reason in the last cell",
        [ind("维修校舍面积", P, "数量指标", value("≥2600平方米"), value("2675平方米"), 15.0, 15.0),
         ind("维修工程完工时间", P, "时效指标", value("2023年8月"), value("2023年8月"), 10.0, 10.0),
         ind("消除校舍安全隐患处数", E, "社会效益指标", value("14处"), value("12处"), 15.0, 12.9),
         ind("师生满意度", S, "服务对象满意度指标", value("≥90%"), value("93%"), 10.0, 10.0)],
        {}, None, [])

    text = ("一级指标\t二级指标\t三级指标\t指标值\t完成值\t权重\t得分\t未完成原因分析\n"
            "产出指标\t数量指标\t开展食品安全抽检批次\t≥480批次\t512批次\t25\t25\t\n"
            "\t质量指标\t抽检问题产品处置率\t100%\t100%\t25\t25\t\n"
            "效益指标\t社会效益指标\t重大食品安全事故发生数\t0起\t0起\t20\t20\t\n"
            "满意度指标\t服务对象满意度指标\t群众满意度\t≥85%\t83.6%\t20\t18.5\t宣传覆盖不足，下一步加大进社区宣传\n"
            "合计\t\t\t\t\t90\t88.5\t\n")
    add("tables-tabs-weights-01", "tabs", text,
        "tab-separated DOCX copy with the short header words 指标值 / 完成值 / 权重, a merged level kept as an empty tab, a reason in the last cell; 合计 is the indicators' total, not the report's score",
        [ind("开展食品安全抽检批次", P, "数量指标", value("≥480批次"), value("512批次"), 25.0, 25.0),
         ind("抽检问题产品处置率", P, "质量指标", value("100%"), value("100%"), 25.0, 25.0),
         ind("重大食品安全事故发生数", E, "社会效益指标", value("0起"), value("0起"), 20.0, 20.0),
         ind("群众满意度", S, "服务对象满意度指标", value("≥85%"), value("83.6%"), 20.0, 18.5)],
        {}, None, [])

    text = ("项目支出绩效自评表 (2023年度) 项目名称 乡村医生补助 主管部门 县卫生健康局 年初预算 数 0 项目资金 (万元) "
            "年度资金总额 实施单位 镇卫生院 全年预算数 全年执行数 分值 执行率 得分 0 38.64 10 100% 10 38.64 — 100% — "
            "其中:当年财政拨款 上年结转资金 其他资金\n")
    add("tables-xlsx-interleaved-01", "one_line", text,
        "Shanxi Jishan XLSX text: header cells interleaved with values in one line (年初预算 数 0 … 全年预算数 全年执行数 分值 执行率 得分 0 38.64 10 100% 10 38.64); hard case, the money figures are 38.64 (全年执行数) and the 年初 cell is 0",
        [], {"spent": 386400.0, "execution_rate": 100.0, "weight": 10.0, "score": 10.0}, None,
        money(("38.64", 386400), ("38.64", 386400)))

    narr2 = [
        ("narr-dept-score-01", "经综合评价，2023年度部门整体支出绩效自评总分为95.6分，评价等级为“优”。预算执行率为99.12%。",
         {"execution_rate": 99.12}, 95.6, [], "部门整体支出 narrative: 自评总分为 wording and the execution rate after it"),
        ("narr-budget-02", "2023年部门全年预算数为1268.45万元，其中年初预算1196.20万元，年中追加72.25万元；全年执行数1251.30万元，预算执行率98.65%。",
         {"initial": 11962000.0, "adjusted": 12684500.0, "spent": 12513000.0, "execution_rate": 98.65}, None,
         [("1268.45万元", 12684500), ("1196.20万元", 11962000), ("72.25万元", 722500), ("1251.30万元", 12513000)],
         "narrative: adjusted before initial, 年中追加 between them"),
        ("narr-score-table-01", "项目支出绩效自评表\n…\n总分\t100\t94.5\t良\n", {}, 94.5, [],
         "a 总分 row with the grade after the score, tab-separated"),
    ]
    for cid, txt, bud, score, mon, notes in narr2:
        add(f"tables-{cid}", "narrative", txt + "\n", notes, [], bud, score, money(*mon))

    # ---------------------------------------------------------------- second round of sources
    text = ("县民政局2023年度预算项目绩效自评表\n"
            "一、基本情况 项目名称： 百岁老人长寿补贴 是否为专项资金： 实施（主管）单位 县民政局机关 金额单位： 万元\n"
            "二、预算执行情况 预算安排情况（调整后） 资金到位情况 资金执行情况 预算执行进度（%）\n"
            "预算数 9.36 到位数 9.36 执行数 9.12 97.44\n"
            "其中：财政资金 9.36 其中：财政资金 9.36 其中：财政资金 9.12\n"
            "四、年度绩效指标完成情况 一级指标 二级指标 三级指标 指标分值 预期指标值 单项指标实际完成值 单项指标完成情况 自评得分\n"
            "符号 单位（文字描述） 单项指标得分 权重占比（%） 单项指标折算得分\n"
            "产出指标 质量指标 符合条件对象覆盖率 享受补贴人数占符合条件对象总数的比例 >= 97 %（百分比） 100% 完成 30.00 30.00 9.00\n"
            "时效指标 按月发放率 每月按时发放补贴的比例（百分比） >= 95 %（百分比） 100% 完成 30.00 30.00 9.00\n"
            "满意度指标 服务对象满意度指标 服务对象满意度 补贴对象对发放工作的满意程度 >= 90 %（百分比） 98% 完成 10.00 10.00 1.00\n")
    add("tables-hebei-progress-01", "split_symbol", text,
        "Hebei Chengan 预算项目绩效自评表: 金额单位：万元 in the header line, 预算数 / 到位数 / 执行数 pairs and 预算执行进度(%) as a bare percent; indicators with a description cell, then 符号 (>=), value and 单位 %(百分比) apart; 指标分值 then the score cells",
        [ind("符合条件对象覆盖率", P, "质量指标", value("97", "%", ">="), value("100%"), 30.0, 30.0, met=True),
         ind("按月发放率", P, "时效指标", value("95", "%", ">="), value("100%"), 30.0, 30.0, met=True),
         ind("服务对象满意度", S, "服务对象满意度指标", value("90", "%", ">="), value("98%"), 10.0, 10.0, met=True)],
        {"adjusted": 93600.0, "spent": 91200.0, "execution_rate": 97.44}, None,
        money(("9.36", 93600), ("9.36", 93600), ("9.12", 91200), ("9.36", 93600), ("9.36", 93600), ("9.12", 91200)))

    text = ("区林业局2023年度部门整体绩效自评表\n主管部门 区林业局 自评总分（分） 96.85\n"
            "年初预算数 全年（调整）预算数 全年执行数 执行率 执行率权重 执行率得分\n"
            "年度总金额 2864.17 3102.56 2995.30 96.54% 10 9.65\n"
            "绩效指标 指标名称 计量单位 指标性质 指标值 指标权重（分） 全年完成值 指标得分（分） 说明\n"
            "公益林管护任务完成率 % ≥ 95 10 100 10\n"
            "森林抚育面积 万亩 ≥ 1.6 10 1.72 10\n"
            "林业有害生物成灾率 ‰ ≤ 3.5 10 1.2 10\n"
            "森林火灾受害率 ‰ ≤ 0.9 10 0 10\n")
    add("tables-dept-unit-first-01", "split_symbol", text,
        "Chongqing Liangping 部门整体绩效自评表 (DOCX copy, spaces): 自评总分 in the head row; 执行率权重 / 执行率得分; indicator columns 指标名称 / 计量单位 / 指标性质 / 指标值 / 指标权重 / 全年完成值 / 指标得分, the unit before the comparator; 万亩 counts are no money",
        [ind("公益林管护任务完成率", None, None, value("95", "%", ">="), value("100", "%"), 10.0, 10.0),
         ind("森林抚育面积", None, None, {"text": "1.6", "value": 16000.0, "unit": "亩", "comparator": ">="},
             {"text": "1.72", "value": 17200.0, "unit": "亩", "comparator": None}, 10.0, 10.0),
         ind("林业有害生物成灾率", None, None, value("3.5", "‰", "<="), value("1.2", "‰"), 10.0, 10.0),
         ind("森林火灾受害率", None, None, value("0.9", "‰", "<="), value("0", "‰"), 10.0, 10.0)],
        {"initial": 28641700.0, "adjusted": 31025600.0, "spent": 29953000.0, "execution_rate": 96.54, "weight": 10.0, "score": 9.65},
        96.85, money(("2864.17", 28641700), ("3102.56", 31025600), ("2995.30", 29953000)))

    text = ("年度绩效目标进一步提高纪念馆运行效率和免费开放服务水平一级指标二级指标三级指标指标目标值"
            "产出指标数量指标免费开放天数=310天质量指标讲解服务考核达标率=100百分比时效指标各项工作完成及时率%=98百分比"
            "效益指标社会效益指标免费开放接待观众人数=42000人次满意度指标服务对象满意度服务对象满意度%=96百分比\n")
    add("tables-gansu-goals-glued-01", "inline_levels", text,
        "Gansu Jiayuguan 绩效目标表 text: everything glued, level words before each name, `=` targets with 百分比, and a `%` left over from the name's unit glued before the comparator (完成及时率%=98百分比); targets only",
        [ind("免费开放天数", P, "数量指标", value("=310天"), None),
         ind("讲解服务考核达标率", P, "质量指标", value("=100百分比"), None),
         ind("各项工作完成及时率", P, "时效指标", value("=98百分比"), None),
         ind("免费开放接待观众人数", E, "社会效益指标", value("=42000人次"), None),
         ind("服务对象满意度", S, "服务对象满意度", value("=96百分比"), None)],
        {}, None, [])

    text = ("2023年度区级河道保洁专项经费项目绩效自评表\n单位名称：区水务和湖泊局 填报日期：2024年3月20日\n"
            "预算执行情况（万元）资金来源预算数（A）执行数（B）执行率（B/A）一般预算内拨款4848100%合计4848100%\n"
            "年度绩效目标完成情况一级指标二级指标三级指标年初目标值实际完成值未完成原因及改进措施"
            "产出指标产出数量保洁河道长度不低于120公里达成预期指标产出质量河面垃圾清理率不低于95%达成预期指标"
            "产出成本成本控制数（万元）48达成预期指标效益指标社会效益重大水污染事件0起达成预期指标\n")
    add("tables-glued-wuhan-01", "glued", text,
        "Hubei Wuhan (Caidian) DOCX text: glued 预算数(A)/执行数(B)/执行率(B/A) by 资金来源 with a 合计 row (4848100%); indicators with 不低于 targets and the actual 达成预期指标; the (万元) name makes its bare 48 money",
        [ind("保洁河道长度", P, "产出数量", value("不低于120公里"), value("达成预期指标")),
         ind("河面垃圾清理率", P, "产出质量", value("不低于95%"), value("达成预期指标")),
         ind("成本控制数", P, "产出成本", value("48", "元", None, 1e4), value("达成预期指标")),
         ind("重大水污染事件", E, "社会效益", value("0起"), value("达成预期指标"))],
        {"adjusted": 480000.0, "spent": 480000.0, "execution_rate": 100.0}, None,
        money(("48", 480000), ("48", 480000), ("48", 480000), ("48", 480000), ("48", 480000)))

    cells = ["项目名称", "森林防火宣传专项", "计划安排资金", "（万元）", "38", "实际到位资金", "（万元）", "38",
             "实际支出", "（万元）", "36.5", "结余（万元）", "1.5", "二、项目支出明细情况", "支出内容", "实际支出数", "备注",
             "防火宣传资料印制", "86000", "", "扑火队员补助", "279000", "", "支出合计", "365000", ""]
    add("tables-unit-label-split-01", "unit_label", "\n\n".join(cells) + "\n",
        "Hunan Yueyang county report: one cell a line, the (万元) of each label on its own line below it; the expense detail that follows gives bare yuan with no declared unit, which is no money",
        [], {"adjusted": 380000.0, "spent": 365000.0}, None, money(("38", 380000), ("38", 380000), ("36.5", 365000), ("1.5", 15000)))

    narr3 = [
        ("narr-zhejiang-01", "本项目全年预算数为1286万元，当年执行数为1271.5万元，完成全年预算的98.87%。",
         {"adjusted": 12860000.0, "spent": 12715000.0, "execution_rate": 98.87}, None,
         [("1286万元", 12860000), ("1271.5万元", 12715000)], "Zhejiang Dongyang page: 全年预算数为 / 执行数为 / 完成预算的 wording"),
        ("narr-trad-yuan-01", "一、自評結論\n（一）自評得分\n該項目自評得分88分\n（二）績效目標完成情況\n1.執行率情況。\n本年度財政安排預算資金總額96000元，年內實際到位72000元，已實際支付72000元，到位資金執行率100%。",
         {"adjusted": 96000.0, "spent": 72000.0, "execution_rate": 100.0}, 88.0,
         [("96000元", 96000), ("72000元", 72000), ("72000元", 72000)],
         "Yunnan Longling township page in traditional characters: money in 元, the rate of the funds received"),
        ("narr-score-nextline-01", "一、自评结论\n\n（一）自评得分\n\n98分。\n\n（二）绩效目标完成情况\n\n1.产出指标完成情况\n\n数量指标：举办少儿阅读推广活动12场，完成率100%。",
         {}, 98.0, [], "Yunnan Baoshan library report: the score alone on the line after its heading; 指标完成率 is no budget rate"),
        ("narr-arrived-01", "财政部门年内下达护林防火补助经费82.40万元，已全部到位，该项经费2023年度执行率为100%。",
         {"adjusted": 824000.0, "execution_rate": 100.0}, None, [("82.40万元", 824000)],
         "Yunnan Baoshan forestry report: 下达 … 全部到位 and the rate in its own sentence"),
    ]
    for cid, txt, bud, score, mon, notes in narr3:
        add(f"tables-{cid}", "narrative", txt + "\n", notes, [], bud, score, money(*mon))

    text = ("附件: 项目支出绩效自评表 (2023年度) 项目名称 村级组织运转经费 主管部门 镇人民政府 实施单位 镇人民政府 "
            "项目资金 (万元) 年初预算数 全年预算数 全年执行数 分值 执行率 得分 年度资金总额: 186.40 171.25 171.25 10 100% 10 "
            "绩效指标 一级指标 二级指标 三级指标 年度指标值 实际完成值 分值 得分 偏差原因分析及改进措施 "
            "产出指标(50分) 数量指标 补助村（社区）数量 =9个 9 10 10 保障村干部人数 =47人 47 10 10 "
            "成本指标 项目总成本 ≤186.4万元 171.25 10 10 时效指标 补助经费到位及时性 及时 达成预期指标 10 10\n")
    add("tables-one-line-equals-01", "one_line", text,
        "Anhui Chizhou attachment (村级补助): one line of single spaces, `=9个` targets with bare actuals, a 万元 cost target with a bare actual",
        [ind("补助村（社区）数量", P, "数量指标", value("=9个"), value("9", "个"), 10.0, 10.0),
         ind("保障村干部人数", P, "数量指标", value("=47人"), value("47", "人"), 10.0, 10.0),
         ind("项目总成本", P, "成本指标", value("≤186.4万元"), value("171.25", "元", None, 1e4), 10.0, 10.0),
         ind("补助经费到位及时性", P, "时效指标", value("及时"), value("达成预期指标"), 10.0, 10.0)],
        {"initial": 1864000.0, "adjusted": 1712500.0, "spent": 1712500.0, "execution_rate": 100.0, "weight": 10.0, "score": 10.0},
        None, money(("186.40", 1864000), ("171.25", 1712500), ("171.25", 1712500), ("≤186.4万元", 1864000), ("171.25", 1712500)))

    # ---------------------------------------------------------------- empty template rows, reasons with figures
    cells = ["一级指标", "二级指标", "三级指标", "年度\n指标值", "实际\n完成值", "分值", "得分", "偏差原因分析及改进措施",
             "产出指标", "数量指标", "指标1：新增监控点位", "36个", "36个", "10", "10", "",
             "指标2：", "", "", "", "", "",
             "……", "", "", "", "", "",
             "质量指标", "指标1：监控设备在线率", "≥95%", "97.5%", "10", "10", "",
             "指标2：", "", "", "", "", "",
             "效益指标", "生态效益\n指标", "指标1：", "/", "/", "/", "",
             "社会效益\n指标", "指标1：治安案件发案下降率", "≥5%", "3.8%", "10", "7.6", "受外来人口增长影响，下降2.1个百分点后回升，下一步加密巡查"]
    add("tables-empty-rows-cells-01", "wrapped", "\n\n".join(cells) + "\n",
        "Hebei Langfang / Anhui Tianchang pages: empty template rows (指标2：, ……, / / /) that are no indicators; wrapped header and level words; a deviation reason holding figures that are no actual",
        [ind("新增监控点位", P, "数量指标", value("36个"), value("36个"), 10.0, 10.0),
         ind("监控设备在线率", P, "质量指标", value("≥95%"), value("97.5%"), 10.0, 10.0),
         ind("治安案件发案下降率", E, "社会效益指标", value("≥5%"), value("3.8%"), 10.0, 7.6)],
        {}, None, [])

    text = ("| 绩效指标（90分） | 一级指标 | 二级指标 | 三级指标 | 指标性质 | 指标值 | 度量单位 | 完成值 | 权重 | 得分 | 未完成原因分析 |\n"
            "| 产出指标 | 经济成本指标 | 设备采购成本 | ≤ | 26 | 万元 | 完成 | 45 | 45 | ||\n"
            "| 产出指标 | 质量指标 | 设备验收合格率 | = | 100 | % | 100 | 45 | 45 | ||\n"
            "| 合计 | 100 | |||||||||\n"
            "| 评价结论 | 按管理办法将资金支付给供货单位。 | |||||||||\n")
    add("tables-sichuan-pipe-03", "sichuan_split", text,
        "Sichuan Daying page: a cost row whose 完成值 is the word 完成, not a figure; split comparator/value/unit; `合计 | 100` is the weights' total",
        [ind("设备采购成本", P, "经济成本指标", value("26", "元", "<=", 1e4), value("完成"), 45.0, 45.0),
         ind("设备验收合格率", P, "质量指标", value("100", "%", "="), value("100", "%"), 45.0, 45.0)],
        {}, None, money(("26", 260000)))

    text = ("部门整体支出绩效自评表（2023年度）\n"
            "| 部门名称 | 县文化和旅游局 | ||||\n"
            "| 预算资金（万元） | 年初预算数 | 全年预算数 | 全年执行数 | 分值 | 执行率 | 得分 |\n"
            "| 年度资金总额 | 1456.20 | 1533.84 | 1502.17 | 10 | 97.94% | 9.79 |\n"
            "| 其中：基本支出 | 812.60 | 826.45 | 826.45 | — | — | — |\n"
            "| 项目支出 | 643.60 | 707.39 | 675.72 | — | — | — |\n"
            "| 一级指标 | 二级指标 | 三级指标 | 年度指标值 | 实际完成值 | 分值 | 得分 | 偏差原因分析及改进措施 |\n"
            "| 产出指标 | 数量指标 | 送戏下乡场次 | ≥150场 | 163场 | 15 | 15 | |\n"
            "| 产出指标 | 数量指标 | 新建村级文化活动室 | 24个 | 22个 | 15 | 13.75 | 2个因选址调整顺延，下一步加快建设 |\n"
            "| 效益指标 | 社会效益指标 | 公共文化服务参与人次 | ≥18万人次 | 19.6万人次 | 20 | 20 | |\n"
            "| 总分 | 100 | 97.54 | |\n")
    add("tables-dept-pipe-01", "pipe", text,
        "部门整体支出绩效自评表 in `|` rows: 预算资金（万元） row label, 基本支出 / 项目支出 sub-rows, 万人次 targets, a reason with a count in it",
        [ind("送戏下乡场次", P, "数量指标", value("≥150场"), value("163场"), 15.0, 15.0),
         ind("新建村级文化活动室", P, "数量指标", value("24个"), value("22个"), 15.0, 13.75),
         ind("公共文化服务参与人次", E, "社会效益指标", value("≥18万人次"), value("19.6万人次"), 20.0, 20.0)],
        {"initial": 14562000.0, "adjusted": 15338400.0, "spent": 15021700.0, "execution_rate": 97.94, "weight": 10.0, "score": 9.79},
        97.54, money(("1456.20", 14562000), ("1533.84", 15338400), ("1502.17", 15021700), ("812.60", 8126000),
                     ("826.45", 8264500), ("826.45", 8264500), ("643.60", 6436000), ("707.39", 7073900), ("675.72", 6757200)))

    # ---------------------------------------------------------------- third round: thin layouts
    head = "一级指标\t二级指标\t三级指标\t年度指标值\t实际完成值\t分值\t得分"
    rows1 = ["产出指标\t数量指标\t发放助学金人次\t≥640人次\t652人次\t20\t20",
             "产出指标\t质量指标\t资助对象认定准确率\t100%\t100%\t20\t20"]
    rows2 = ["产出指标\t质量指标\t资助对象认定准确率\t100%\t100%\t20\t20",
             "产出指标\t时效指标\t资金发放及时率\t100%\t100%\t10\t10",
             "满意度指标\t服务对象满意度指标\t受助学生满意度\t≥95%\t97.6%\t10\t10"]
    text = "\n".join([head] + rows1 + ["", "第 5 页", "", head] + rows2) + "\n"
    add("tables-pagebreak-tabs-01", "page_break", text,
        "tab-separated rows; a page number, then the header repeated and the last row of the page repeated",
        [ind("发放助学金人次", P, "数量指标", value("≥640人次"), value("652人次"), 20.0, 20.0),
         ind("资助对象认定准确率", P, "质量指标", value("100%"), value("100%"), 20.0, 20.0),
         ind("资金发放及时率", P, "时效指标", value("100%"), value("100%"), 10.0, 10.0),
         ind("受助学生满意度", S, "服务对象满意度指标", value("≥95%"), value("97.6%"), 10.0, 10.0)],
        {}, None, [])

    brow = "| 年度资金总额 | 58.20 | 61.70 | 60.95 | 10 | 98.78% | 9.88 |"
    bhead = "| 项目资金（万元） | 年初预算数 | 全年预算数 | 全年执行数 | 分值 | 执行率 | 得分 |"
    text = "\n".join([bhead, brow, "", "— 1 —", "", bhead, brow,
                      "| 一级指标 | 二级指标 | 三级指标 | 年度指标值 | 实际完成值 | 分值 | 得分 |",
                      "| 产出指标 | 数量指标 | 改造路灯数量 | ≥420盏 | 436盏 | 20 | 20 |",
                      "| 效益指标 | 社会效益指标 | 夜间照明覆盖率 | ≥95% | 98% | 20 | 20 |"]) + "\n"
    add("tables-pagebreak-budget-01", "page_break", text,
        "the budget block itself repeated after a page number: the fields are read once; the money amounts are entities at each of their places in the text",
        [ind("改造路灯数量", P, "数量指标", value("≥420盏"), value("436盏"), 20.0, 20.0),
         ind("夜间照明覆盖率", E, "社会效益指标", value("≥95%"), value("98%"), 20.0, 20.0)],
        {"initial": 582000.0, "adjusted": 617000.0, "spent": 609500.0, "execution_rate": 98.78, "weight": 10.0, "score": 9.88},
        None, money(("58.20", 582000), ("61.70", 617000), ("60.95", 609500)) * 2)

    cells = ["二级指标", "三级指标", "分值", "年度指标值", "全年实际值", "得分", "未完成原因及拟采取的改进措施",
             "数量指标", "★改造农村户厕", "20", "420户", "420户", "20", "",
             "质量指标", "改厕验收合格率", "10", "≥95%", "96%", "10", "",
             "效益指标", "农村卫生厕所普及率", "10", "≥90%", "88.5%", "9.8", "部分偏远自然村未完成，下一步继续推进"]
    add("tables-weight-first-cells-01", "weight_first", "\n\n".join(cells) + "\n",
        "one cell a line with 分值 before 年度指标值 / 全年实际值 (Anhui Xiaoxian order), ★ on a core name, a reason with no figure",
        [ind("改造农村户厕", None, "数量指标", value("420户"), value("420户"), 20.0, 20.0),
         ind("改厕验收合格率", None, "质量指标", value("≥95%"), value("96%"), 10.0, 10.0),
         ind("农村卫生厕所普及率", None, "效益指标", value("≥90%"), value("88.5%"), 10.0, 9.8)],
        {}, None, [])

    text = ("三级指标\t分值\t年度指标值（A）\t全年实际值（B）\t得分\t得分计算方法\n"
            "开展消防安全检查次数\t15\t≥24次\t26次\t15\t完成值达到指标值，记满分\n"
            "火灾隐患整改率\t15\t≥98%\t97%\t14.85\t未达到指标值，按B/A*该指标分值记分\n"
            "消防宣传覆盖人数\t10\t≥1.5万人\t1.62万人\t10\t完成值达到指标值，记满分\n")
    add("tables-weight-first-tabs-01", "weight_first", text,
        "Beijing Haidian template with 分值 first and a 得分计算方法 column whose text holds B/A and no figures to read",
        [ind("开展消防安全检查次数", None, None, value("≥24次"), value("26次"), 15.0, 15.0),
         ind("火灾隐患整改率", None, None, value("≥98%"), value("97%"), 15.0, 14.85),
         ind("消防宣传覆盖人数", None, None, value("≥1.5万人"), value("1.62万人"), 10.0, 10.0)],
        {}, None, [])

    text = ("单位：万元\n项目\t年初预算数\t全年预算数\t全年执行数\n年度资金总额\t210.00\t236.50\t229.82\n"
            "一级指标\t二级指标\t三级指标\t年度指标值\t实际完成值\n"
            "产出指标\t数量指标\t新修机耕道\t12\t12.4\n"
            "产出指标\t成本指标\t机耕道每公里造价\t≤18万元\t17.6万元\n"
            "效益指标\t社会效益指标\t受益农户\t860\t874\n")
    add("tables-unit-scope-02", "unit_scope", text,
        "a 单位：万元 line over both blocks: the budget cells are money, the bare lengths and counts of the indicators are not, the cost written with 万元 is",
        [ind("新修机耕道", P, "数量指标", value("12"), value("12.4")),
         ind("机耕道每公里造价", P, "成本指标", value("≤18万元"), value("17.6万元")),
         ind("受益农户", E, "社会效益指标", value("860"), value("874"))],
        {"initial": 2100000.0, "adjusted": 2365000.0, "spent": 2298200.0}, None,
        money(("210.00", 2100000), ("236.50", 2365000), ("229.82", 2298200), ("≤18万元", 180000), ("17.6万元", 176000)))

    text = ("| 项目资金（万元） | 年初预算数 | 全年预算数 | 全年执行数 | 分值 | 执行率 | 得分 |\n"
            "| 年度资金总额 | 35 | 35 | 33.6 | 10 | 96% | 9.6 |\n"
            "| 年度总体目标 | 完成12个村的饮水管网维修，保障3600人饮水安全。 | 完成12个村管网维修，保障3655人饮水安全。 |\n"
            "| 产出指标 | 数量指标 | 维修饮水管网村数 | 12个 | 12个 | 20 | 20 |\n"
            "| 效益指标 | 社会效益指标 | 保障饮水安全人数 | ≥3600人 | 3655人 | 20 | 20 |\n")
    add("tables-unit-scope-03", "unit_scope", text,
        "a (万元) row label governs its budget row only: the goals text below it holds counts (12个村, 3600人) that are no money",
        [ind("维修饮水管网村数", P, "数量指标", value("12个"), value("12个"), 20.0, 20.0),
         ind("保障饮水安全人数", E, "社会效益指标", value("≥3600人"), value("3655人"), 20.0, 20.0)],
        {"initial": 350000.0, "adjusted": 350000.0, "spent": 336000.0, "execution_rate": 96.0, "weight": 10.0, "score": 9.6},
        None, money(("35", 350000), ("35", 350000), ("33.6", 336000)))

    text = ("| 一级指标 | 二级指标 | 三级指标 | 年度指标值 | 实际完成值 | 分值 | 得分 |\n"
            "| 产出指标 | 数量指标 | 培训新型职业农民 | ≥300人 | 316 | 20 | 20 |\n"
            "| 产出指标 | 质量指标 | 培训考核合格率 | ≥90% | 94.5 | 20 | 20 |\n"
            "| 产出指标 | 成本指标 | 人均培训成本 | ≤2000元 | 1860 | 10 | 10 |\n")
    add("tables-bare-actual-pipe-01", "bare_actual", text,
        "`|` rows whose actual cells are bare numbers taking the target's unit (人, %, 元)",
        [ind("培训新型职业农民", P, "数量指标", value("≥300人"), value("316", "人"), 20.0, 20.0),
         ind("培训考核合格率", P, "质量指标", value("≥90%"), value("94.5", "%"), 20.0, 20.0),
         ind("人均培训成本", P, "成本指标", value("≤2000元"), value("1860", "元"), 10.0, 10.0)],
        {}, None, money(("≤2000元", 2000), ("1860", 1860)))

    text = ("产出指标数量指标慢病患者随访人次≥5200人次 20 家庭医生签约人数≥9800人 20 时效指标随访按时完成率≥95% 20 "
            "满意度指标服务对象满意度指标签约居民满意度≥90% 20 合计80\n")
    add("tables-inline-levels-04", "inline_levels", text,
        "inline glued rows (Sichuan media page shape), one 二级 level carried over two names",
        [ind("慢病患者随访人次", P, "数量指标", value("≥5200人次"), None, 20.0),
         ind("家庭医生签约人数", P, "数量指标", value("≥9800人"), None, 20.0),
         ind("随访按时完成率", P, "时效指标", value("≥95%"), None, 20.0),
         ind("签约居民满意度", S, "服务对象满意度指标", value("≥90%"), None, 20.0)],
        {}, None, [])

    text = ("一级指标  二级指标  三级指标  年度指标值  实际完成值  分值  得分\n"
            "产出指标  数量指标  城乡居民医保参保缴费\n          人数  ≥52000人  52890人  20  20\n"
            "产出指标  质量指标  医保基金监管检查覆盖率  100%  100%  20  20\n"
            "效益指标  社会效益指标  住院费用政策范围内\n          报销比例  ≥70%  71.6%  20  20\n")
    add("tables-wrapped-spaces-01", "wrapped", text,
        "runs of spaces; a long name wrapped with its tail indented on the next line before the values",
        [ind("城乡居民医保参保缴费人数", P, "数量指标", value("≥52000人"), value("52890人"), 20.0, 20.0),
         ind("医保基金监管检查覆盖率", P, "质量指标", value("100%"), value("100%"), 20.0, 20.0),
         ind("住院费用政策范围内报销比例", E, "社会效益指标", value("≥70%"), value("71.6%"), 20.0, 20.0)],
        {}, None, [])

    text = ("| 一级指标 | 二级指标 | 三级指标 | 指标分值 | 预期指标值 | | 单项指标实际完成值 | 单项指标完成情况 | 自评得分 |\n"
            "| | | | | 符号 | 单位 | | | |\n"
            "| 产出指标 | 数量指标 | 救助困难群众人次 | 30.00 | >= | 1200人次 | 1268人次 | 完成 | 30.00 |\n"
            "| 产出指标 | 质量指标 | 救助资金发放准确率 | 30.00 | = | 100%（百分比） | 100% | 完成 | 30.00 |\n"
            "| 满意度指标 | 服务对象满意度指标 | 救助对象满意度 | 10.00 | >= | 90%（百分比） | 95% | 完成 | 10.00 |\n")
    add("tables-split-symbol-pipe-01", "split_symbol", text,
        "the Hebei template in `|` rows with a two-line header (符号 / 单位 under 预期指标值): the comparator sits in the cell before the value",
        [ind("救助困难群众人次", P, "数量指标", value("1200人次", None, ">="), value("1268人次"), 30.0, 30.0, met=True),
         ind("救助资金发放准确率", P, "质量指标", value("100%（百分比）", "%", "="), value("100%"), 30.0, 30.0, met=True),
         ind("救助对象满意度", S, "服务对象满意度指标", value("90%（百分比）", "%", ">="), value("95%"), 10.0, 10.0, met=True)],
        {}, None, [])
