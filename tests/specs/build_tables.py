"""Builds ``tables.jsonl``: the layout zoo of self-evaluation tables.

Every case is written in the project's own words and numbers.  The contents
(projects, indicator names, figures) below are invented; the *renderers*
reproduce the layouts and flattenings seen in real reports (listed in
``SOURCES.md``): ``|`` rows with merged cells, one cell a line, tabs, runs of
spaces, glued cells, wrapped names, a block repeated across a page break, the
national budget rows, Sichuan's split comparator/value/unit columns, names
with a bracketed unit and bare cells, inline rows with the level words glued
on, and narrative wordings.  Literal cases at the end are written by hand.

The expected values are derived here from the written value texts by a small
parser of its own (it does not import govie), so that a case's text and its
expectations cannot drift apart.  Run ``python tests/specs/build_tables.py``
to rewrite ``tables.jsonl``; the test suite reads only the JSON file.
"""
from __future__ import annotations

import json
import re
from dataclasses import dataclass, field
from pathlib import Path

HERE = Path(__file__).parent
OUT = HERE / "tables.jsonl"

# --------------------------------------------------------------------------
# value texts -> expected objects
_CMP_PREFIX = [("≥", ">="), ("≧", ">="), (">=", ">="), ("≤", "<="), ("≦", "<="), ("<=", "<="),
               ("＞", ">"), (">", ">"), ("＜", "<"), ("<", "<"), ("＝", "="), ("═", "="), ("=", "="),
               ("不低于", ">="), ("不少于", ">="), ("不超过", "<="), ("不高于", "<=")]
_CMP_SUFFIX = [("以上", ">="), ("以下", "<="), ("以内", "<=")]
_NUM = re.compile(r"^-?\d+(?:,\d{3})*(?:\.\d+)?")


def value(text: str, unit: str | None = None, comparator: str | None = None,
          scale: float = 1.0) -> dict:
    """The expected object of a value cell.  ``unit``/``comparator``/``scale`` come from
    elsewhere in the table (a bracket in the name, a 度量单位 column, a 万元 header)."""
    body, cmp_ = text.strip(), comparator
    for word, c in _CMP_PREFIX:
        if body.startswith(word):
            body, cmp_ = body[len(word):].strip(), c
            break
    for word, c in _CMP_SUFFIX:
        if body.endswith(word):
            body, cmp_ = body[:-len(word)].strip(), c
            break
    m = _NUM.match(body)
    # dates and months are when, not how much: 2023年12月, 10月前, 8月
    if m:
        rest = body[m.end():].strip()
        if (len(m.group()) == 4 and rest.startswith("年")) or rest in ("月", "月前", "月底前"):
            m = None
    if not m:
        return {"text": text, "value": None, "unit": None, "comparator": None}
    number = float(m.group().replace(",", ""))
    rest = body[m.end():].strip()
    if rest in ("%", "％", "百分比") or rest.startswith(("%（", "%(")):
        rest = "%"      # 100%（百分比）: the template's unit note after the sign
    elif rest.startswith("万元"):
        number, rest = number * 1e4, "元" + rest[2:]
    elif rest.startswith("亿元"):
        number, rest = number * 1e8, "元" + rest[2:]
    elif rest.startswith("万") and len(rest) > 1:
        number, rest = number * 1e4, rest[1:]
    if not rest:
        rest = unit
        number *= scale
    if rest == "‰":
        # per mille as a percent, as the amounts guideline does for 千分之 (0.9‰ -> 0.09 %)
        number, rest = number / 10, "%"
    return {"text": text, "value": round(number, 6), "unit": rest or None, "comparator": cmp_}


def is_money(v: dict | None) -> bool:
    return bool(v) and v.get("unit") == "元" and v.get("value") is not None


# --------------------------------------------------------------------------
@dataclass
class Ind:
    level1: str
    level2: str
    name: str                 # the name as the gold gives it
    target: str | None        # the cell text
    actual: str | None
    weight: float | None = None
    score: float | None = None
    reason: str = ""
    shown: str | None = None  # the name as written when it differs (bracket, 指标1:, ★)
    unit: str | None = None   # unit the cells inherit (bracket in the name, 度量单位)
    scale: float = 1.0        # 1e4 when the inherited unit is 万元
    cmp: str | None = None    # comparator the target inherits (bracket in the name)

    @property
    def written(self) -> str:
        return self.shown or self.name

    def expected(self) -> dict:
        unit = "元" if self.scale != 1.0 else self.unit
        tgt = value(self.target, unit, self.cmp, self.scale) if self.target else None
        act = value(self.actual, unit, None, self.scale) if self.actual else None
        return {"name": self.name, "level1": self.level1, "level2": self.level2,
                "target": tgt, "actual": act, "weight": self.weight, "score": self.score}


@dataclass
class Budget:
    initial: str | None
    adjusted: str | None
    spent: str | None
    weight: str | None
    rate: str | None
    score: str | None
    own: str | None = None      # 其中：当年财政拨款 row (adjusted, spent) repeats; None = no row
    scale: float = 1e4          # 万元 unless the header says 元

    def expected(self) -> dict:
        out = {}
        for key in ("initial", "adjusted", "spent"):
            cell = getattr(self, key)
            if cell:
                out[key] = round(float(cell.replace(",", "")) * self.scale, 2)
        if self.rate:
            out["execution_rate"] = float(self.rate.rstrip("%"))
        if self.weight:
            out["weight"] = float(self.weight)
        if self.score:
            out["score"] = float(self.score)
        return out

    def money_cells(self) -> list[str]:
        cells = [c for c in (self.initial, self.adjusted, self.spent) if c]
        return cells * (2 if self.own else 1)


@dataclass
class Project:
    title: str
    indicators: list[Ind]
    budget: Budget | None = None
    total: str | None = None      # 总分 cell
    head: str = ""               # free lines before the table

    def money(self) -> list[dict]:
        out = []
        if self.budget:
            for cell in self.budget.money_cells():
                out.append({"text": cell, "value": round(float(cell.replace(",", "")) * self.budget.scale, 2)})
        for ind in self.indicators:
            for v in (ind.target, ind.actual):
                if v:
                    exp = value(v, "元" if ind.scale != 1.0 else ind.unit, ind.cmp, ind.scale)
                    if is_money(exp):
                        out.append({"text": v, "value": round(exp["value"], 2)})
        return out


CASES: list[dict] = []


def add(cid: str, layout: str, text: str, notes: str, indicators: list[dict], budget: dict,
        self_score: float | None, money: list[dict]) -> None:
    for m in money:
        assert m["text"] in text, (cid, m)
    for ind in indicators:
        for part in (ind["target"], ind["actual"]):
            if part:
                assert part["text"] in text, (cid, part)
    CASES.append({"id": cid, "layout": layout, "text": text, "indicators": indicators,
                  "budget": budget, "self_score": self_score, "money": money, "notes": notes})


# --------------------------------------------------------------------------
# budget blocks, in the two national templates and local variants

def budget_rows(b: Budget, style: str) -> list[list[str]]:
    unit = "元" if b.scale == 1.0 else "万元"
    dash = "—"
    if style == "mof":        # 项目资金(万元) 年初预算数 全年预算数 全年执行数 分值 执行率 得分
        rows = [[f"项目资金（{unit}）", "年初预算数", "全年预算数", "全年执行数", "分值", "执行率", "得分"],
                ["年度资金总额", b.initial or "", b.adjusted or "", b.spent or "", b.weight or "", b.rate or "", b.score or ""]]
        if b.own:
            rows.append(["其中：当年财政拨款", b.initial or "", b.adjusted or "", b.spent or "", dash, b.rate or "", dash])
            rows.append(["上年结转资金", "", "", "", dash, "", dash])
            rows.append(["其他资金", "", "", "", dash, "", dash])
        return rows
    if style == "ab":         # 全年预算数(A) 全年执行数(B) 分值 执行率(B/A) 得分
        rows = [[f"资金情况（{unit}）", "年初预算数", "全年预算数（A）", "全年执行数（B）", "分值", "执行率（B/A）", "得分"],
                ["年度资金总额：", b.initial or "", b.adjusted or "", b.spent or "", b.weight or "", b.rate or "", b.score or ""]]
        if b.own:
            rows.append(["其中：本年财政拨款", b.initial or "", b.adjusted or "", b.spent or "", dash, dash, dash])
            rows.append(["其他资金", dash, dash, dash, dash, dash, dash])
        return rows
    if style == "county":     # 预算执行情况(万元)(20分) 预算数(A) 执行数(B) 执行率(B/A) 得分(20分*执行率)
        w = b.weight or "20"
        return [[f"预算执行情况（{unit}）（{w}分）", "预算数（A）", "执行数（B）", "执行率（B/A）", f"得分（{w}分*执行率）"],
                ["年度财政资金总额", b.adjusted or "", b.spent or "", b.rate or "", b.score or ""]]
    if style == "sichuan":    # 年度预算数(万元) 年初预算 调整后预算数 预算执行数 预算执行率 权重 得分 原因
        rows = [[f"预算执行情况（{b.weight or '10'}分）", f"年度预算数（{unit}）", "年初预算", "调整后预算数", "预算执行数", "预算执行率", "权重", "得分", "原因"],
                ["总额", b.initial or "", b.adjusted or "", b.spent or "", b.rate or "", b.weight or "", b.score or "", ""]]
        if b.own:
            rows.append(["其中：财政资金", b.initial or "", b.adjusted or "", b.spent or "", b.rate or "", "/", "/"])
            rows.append(["其他资金", "", "", "", "", "/", "/"])
        return rows
    raise ValueError(style)


def indicator_header(style: str) -> list[str]:
    return {
        "mof": ["一级指标", "二级指标", "三级指标", "年度指标值", "实际完成值", "分值", "得分", "偏差原因分析及改进措施"],
        "ab": ["一级指标", "二级指标", "三级指标", "年初目标值（A）", "实际完成值（B）", "分值", "得分"],
        "weight_first": ["一级指标", "二级指标", "三级指标", "分值", "年度指标值", "全年实际值", "得分", "未完成原因及拟采取的改进措施"],
        "county": ["一级指标", "二级指标", "三级指标", "年初目标值（A）", "实际完成值（B）", "得分"],
    }[style]


def indicator_row(ind: Ind, style: str) -> list[str]:
    w = "" if ind.weight is None else fmt(ind.weight)
    s = "" if ind.score is None else fmt(ind.score)
    t, a = ind.target or "", ind.actual or ""
    if style == "mof":
        return [ind.level1, ind.level2, ind.written, t, a, w, s, ind.reason]
    if style == "ab":
        return [ind.level1, ind.level2, ind.written, t, a, w, s]
    if style == "weight_first":
        return [ind.level1, ind.level2, ind.written, w, t, a, s, ind.reason]
    if style == "county":
        return [ind.level1, ind.level2, ind.written, t, a, s]
    raise ValueError(style)


def fmt(x: float) -> str:
    return str(int(x)) if float(x).is_integer() else str(x)


def table_rows(p: Project, bstyle: str, istyle: str, merged: bool) -> list[list[str]]:
    rows: list[list[str]] = []
    if p.budget:
        rows += budget_rows(p.budget, bstyle)
    rows.append(["绩效指标"] + indicator_header(istyle))
    last1 = last2 = None
    for ind in p.indicators:
        row = indicator_row(ind, istyle)
        if merged:
            # a merged level cell is written once: later rows of the block lose it
            if ind.level1 == last1 and ind.level2 == last2:
                row = row[2:]
            elif ind.level1 == last1:
                row = row[1:]
        last1, last2 = ind.level1, ind.level2
        rows.append(row)
    if p.total:
        rows.append(["总分", "100", p.total])
    return rows


# --------------------------------------------------------------------------
# flattenings

def flat_pipe(rows, trailing: int = 0) -> str:
    return "\n".join("| " + " | ".join(r) + " |" + "|" * trailing for r in rows)


def flat_tabs(rows) -> str:
    return "\n".join("\t".join(r) for r in rows)


def flat_spaces(rows, gap: str = "  ") -> str:
    return "\n".join(gap.join(c for c in r if c) for r in rows)


def flat_one_line(rows) -> str:
    return " ".join(c for r in rows for c in r if c)


def flat_cells(rows, blank: int = 1, bar: bool = False) -> str:
    sep = "\n" * (blank + 1)
    out = []
    for r in rows:
        for c in r:
            out.append(c + (" |" if bar else ""))
    return sep.join(out)


def flat_glued(rows) -> str:
    # each row is one line; its cells are run together (some PDF/DOCX text layers)
    return "\n".join("".join(r) for r in rows)


def wrap_cell(text: str, at: int) -> str:
    return text[:at] + "\n" + text[at:] if len(text) > at + 1 else text


# --------------------------------------------------------------------------
# the projects (invented)

def I(l1, l2, name, t, a, w=None, s=None, **kw) -> Ind:
    return Ind(l1, l2, name, t, a, w, s, **kw)


P = "产出指标"
E = "效益指标"
S = "满意度指标"

PROJECTS: list[tuple[str, Project]] = [
    ("安徽 乡镇 委托业务", Project("青石镇2023年度工程审价委托业务项目", [
        I(P, "数量指标", "工程审价委托项目数量", "≥42个", "45个", 10, 10),
        I(P, "质量指标", "审价报告合格率", "100%", "100%", 10, 10),
        I(P, "成本指标", "项目总成本", "≤75万元", "73.6万元", 10, 10),
        I(E, "社会效益指标", "工程造价纠纷发生次数", "≤2次", "1次", 20, 20),
        I(S, "服务对象满意度指标", "委托单位满意度", "≥90%", "93.5%", 10, 10)],
        Budget("75", "75", "73.6", "10", "98.13%", "9.81", own="yes"), total="99.81")),
    ("云南 林草 收容所", Project("2024年白岩林场野生动物救护站建设项目", [
        I(P, "数量指标", "救护站建筑面积", "≥180平方米", "186.5平方米", 10, 10),
        I(P, "数量指标", "防护围栏长度", "≥150米", "152米", 10, 10),
        I(P, "时效指标", "项目完工时限", "2024年11月", "2024年10月", 15, 15),
        I(P, "质量指标", "竣工验收合格率", "100%", "100%", 15, 15),
        I(E, "经济效益指标", "务工人员人均增收", "≥6500元", "6800元", 10, 10),
        I(S, "服务对象满意度指标", "周边农户满意度", "≥92%", "95%", 10, 10)],
        Budget("", "28.6", "27.95", "10", "97.73%", "9.77", own="yes"), total="99.77")),
    ("湖北 医院 院区建设", Project("2023年度城北院区建设补助项目", [
        I(P, "数量指标", "新增床位数", "300张", "312张", 10, 10),
        I(P, "成本指标", "财政补助资金", "800万元", "800万元", 10, 10),
        I(P, "时效指标", "主体工程完工时间", "1年", "1年", 10, 10),
        I(E, "经济效益指标", "院区医疗收入", "3亿元", "3.42亿元", 10, 10),
        I(S, "服务对象满意度指标", "就诊患者满意度", "≥90%", "94%", 10, 10)],
        Budget(None, "800", "800", "20", "100%", "20"), total="100")),
    ("宁夏 学校 公用经费", Project("第三中学2022年初中公用经费项目", [
        I(P, "数量指标", "保障在校学生人数", "1860人", "1860人", 10, 10),
        I(P, "成本指标", "日常办公成本", "12万元", "12万元", 4, 4),
        I(P, "成本指标", "水电及绿化成本", "9.6万元", "9.6万元", 3, 3),
        I(P, "时效指标", "经费拨付完成时间", "2022年12月", "2022年12月", 5, 5),
        I(S, "服务对象满意度指标", "学生和家长满意度", "≥90%", "96%", 10, 10)],
        Budget("52.4", "52.4", "52.4", "10", "100%", "10"), total="98")),
    ("四川 县 工资性支出", Project("县司法局2023年工资性支出项目", [
        I(P, "数量指标", "工资发放覆盖率", "=100%", "100%", 60, 60),
        I(E, "社会效益指标", "社保足额缴纳率", "=100%", "100%", 30, 30)],
        Budget("186.42", "193.07", "193.07", "10", "100.00%", "10", own="yes"), total="100")),
    ("安徽 乡镇 种养补贴", Project("河东村特色种养补贴到户项目", [
        I(P, "数量指标", "补助特色果蔬种植面积", "31.5亩", "31.5亩", 20, 20),
        I(P, "数量指标", "补助禽类养殖数量", "260只", "260只", 10, 10),
        I(P, "质量指标", "果蔬苗木成活率", "95%", "97%", 5, 5),
        I(E, "经济效益指标", "受益农户增加收入", "≥10.8万元", "11.6万元", 20, 20),
        I(E, "社会效益指标", "受益群众人数", "84人", "84人", 10, 10)],
        Budget(None, "10.26", "10.26", "10", "100%", "10", own="yes"), total="100")),
    ("河北 学校 暖通改造", Project("教学楼及食堂供暖改造经费", [
        I(P, "数量指标", "改造工程资金金额", "51.8万元", "46.3万元", 10, 9, reason="剩余质保金未付，下一步提高预算测算精度"),
        I(P, "质量指标", "工程验收合格率", "100%", "100%", 10, 10),
        I(P, "时效指标", "项目完成及时率", "100%", "100%", 10, 10),
        I(E, "可持续影响指标", "设施使用年限", "≥15年", "15年", 10, 10),
        I(S, "服务对象满意度指标", "师生满意度", "≥90%", "92%", 10, 10)],
        Budget("51.8", "51.8", "46.3", "10", "89.38%", "8.94", own="yes"), total="97.94")),
    ("云南 乡村振兴 冷库", Project("乡村振兴示范园果蔬冷链仓储建设项目", [
        I(P, "数量指标", "冷库仓储建设面积", "≥960平方米", "968平方米", 10, 10),
        I(P, "数量指标", "配套变压器数量", "2台", "2台", 10, 10),
        I(P, "质量指标", "设备安装验收合格率", "≥98%", "100%", 10, 10),
        I(P, "时效指标", "任务完成时限", "10个月", "10个月", 10, 10),
        I(E, "经济效益指标", "带动农户增收", "≥32万元", "35.5万元", 10, 10)],
        Budget("640", "640", "640", "10", "100%", "10", own="yes"), total="100")),
    ("湖南 城管 数字城管", Project("数字城管信息采集服务项目", [
        I(P, "数量指标", "采集上报问题数", "≥18000件", "19264件", 10, 10),
        I(P, "质量指标", "问题按期结案率", "≥95%", "96.8%", 10, 10),
        I(P, "时效指标", "信息采集服务覆盖时间", "12个月", "12个月", 10, 10),
        I(E, "社会效益指标", "城市管理问题发现率", "≥90%", "93%", 15, 15),
        I(S, "服务对象满意度指标", "市民满意度", "≥85%", "88%", 10, 10)],
        Budget("96", "96", "94.2", "10", "98.13%", "9.81"), total="99.81")),
    ("山西 卫生院 公卫", Project("2023年度国家基本公共卫生服务项目（镇卫生院）", [
        I(P, "数量指标", "居民电子健康档案建档人数", "31200人", "30476人", 3, 2.9, reason="外出务工人员较多，下一步入户补建"),
        I(P, "数量指标", "健康教育讲座次数", "12次", "18次", 1, 1),
        I(P, "质量指标", "适龄儿童疫苗接种率", "≥95%", "97.4%", 2, 2),
        I(P, "数量指标", "高血压患者规范管理人数", "2860人", "2611人", 2, 1.8),
        I(P, "数量指标", "老年人健康体检人数", "4120人", "3655人", 2, 1.8)],
        Budget(None, "165.38", "165.38", "10", "100%", "10", own="yes"), total="96.5")),
    ("北京 街道 道路保洁", Project("街道自管道路清扫保洁外包工作经费", [
        I(P, "数量指标", "外包保洁道路条数", "16条", "16条", 12.5, 12.5),
        I(P, "质量指标", "道路保洁检查达标率", "≥95%", "97%", 12.5, 12.5),
        I(P, "时效指标", "保洁服务按期完成率", "100%", "100%", 12.5, 12.5),
        I(E, "社会效益指标", "居民投诉办结率", "100%", "100%", 15, 15)],
        Budget("268.4", None, "201.3", "10", "75%", "7.5"), total="95.5")),
    ("湖南 县 高标准农田", Project("2023年度高标准农田建设项目", [
        I(P, "数量指标", "新建高标准农田面积", "≥8200亩", "8236亩", 10, 10),
        I(P, "数量指标", "新修田间道路里程", "≥36公里", "37.2公里", 10, 10),
        I(P, "质量指标", "工程验收合格率", "100%", "100%", 10, 10),
        I(P, "成本指标", "亩均财政补助", "≤1500元", "1480元", 10, 10),
        I(E, "经济效益指标", "年新增粮食产能", "≥420吨", "438吨", 10, 10),
        I(S, "服务对象满意度指标", "受益农户满意度", "≥95%", "96.3%", 10, 10)],
        Budget("1230", "1230", "1186.5", "10", "96.46%", "9.65", own="yes"), total="99.65")),
    ("河南 交通 通村道路", Project("农村公路通村道路建设项目", [
        I(P, "数量指标", "新建村内连通道路", "≥28.4公里", "28.4公里", 10, 10),
        I(P, "质量指标", "工程质量鉴定合格率", "100%", "100%", 10, 10),
        I(P, "成本指标", "每公里建设成本", "≤60万元", "58.7万元", 10, 10),
        I(E, "社会效益指标", "受益脱贫人口数", "≥5200人", "5630人", 10, 10),
        I(S, "服务对象满意度指标", "受益群众满意度", "≥95%", "97%", 10, 10)],
        Budget("1705", "1705", "1653.8", "10", "97%", "9.7", own="yes"), total="99.7")),
    ("重庆 街道 社区养老", Project("社区居家养老服务中心运营补贴项目", [
        I(P, "数量指标", "助餐服务人次", "≥2.4万人次", "2.61万人次", 10, 10),
        I(P, "数量指标", "上门服务老人数", "≥320人", "347人", 10, 10),
        I(P, "质量指标", "服务质量抽查合格率", "≥95%", "98%", 10, 10),
        I(E, "社会效益指标", "老年人意外事件发生次数", "0次", "0次", 10, 10),
        I(S, "服务对象满意度指标", "老年人及家属满意度", "≥90%", "94.6%", 10, 10)],
        Budget("86", "92.5", "92.5", "10", "100%", "10"), total="100")),
    ("广东 水务 水库加固", Project("小型水库除险加固工程", [
        I(P, "数量指标", "完成除险加固水库数", "9座", "9座", 10, 10),
        I(P, "质量指标", "单位工程验收合格率", "100%", "100%", 10, 10),
        I(P, "时效指标", "主体工程完工时间", "2023年6月", "2023年5月", 10, 10),
        I(E, "社会效益指标", "保护下游耕地面积", "≥3600亩", "3820亩", 10, 10),
        I(E, "可持续影响指标", "工程设计使用年限", "≥30年", "30年", 10, 10)],
        Budget("2480", "2480", "2212.6", "10", "89.22%", "8.92", own="yes"), total="96.92")),
    ("云南 学校 营养改善", Project("义务教育学生营养改善计划专项资金（明德中学）", [
        I(P, "数量指标", "受助学生人次", "≥812人次", "812人次", 10, 10),
        I(P, "质量指标", "营养膳食覆盖率", "100%", "100%", 10, 10),
        I(P, "时效指标", "资金到位及时率", "100%", "92%", 10, 7, reason="第四季度资金到位较晚"),
        I(E, "社会效益指标", "政策知晓率", "100%", "98%", 10, 9),
        I(S, "服务对象满意度指标", "家长满意度", "≥95%", "99%", 10, 10)],
        Budget(None, "416238.50", "416238.50", "10", "100%", "10", scale=1.0), total="96")),
    ("安徽 县 美丽乡村", Project("2023年度美丽乡村建设服务中心部门整体支出", [
        I(P, "数量指标", "美丽乡村精品村创建数", "≤5个", "5个", 10, 10),
        I(P, "数量指标", "宜居自然村整治个数", "≥180个", "186个", 10, 10),
        I(P, "数量指标", "农村改厕户数", "≥2400户", "2713户", 10, 10),
        I(P, "质量指标", "改厕验收通过率", "≥95%", "99%", 5, 5),
        I(P, "时效指标", "宜居村庄验收完成时间", "10月前", "8月", 5, 5)],
        Budget("412.6", "412.6", "421.35", "10", "102.12%", "10", own="yes"), total="98")),
    ("四川 县 市场监管 宣传", Project("放心消费创建及文明城市宣传专项经费", [
        I(P, "数量指标", "集中宣传活动次数", "≥3次", "4次", 20, 20),
        I(P, "成本指标", "宣传项目成本", "≤8万元", "7.85万元", 20, 20),
        I(E, "社会效益指标", "消费投诉按期办结率", "≥95%", "98.2%", 20, 20),
        I(S, "服务对象满意度指标", "群众满意度", "≥90%", "92%", 10, 10)],
        Budget("8", "8", "7.85", "10", "98.13%", "9.81", own="yes"), total="99.81")),
    ("湖南 政协 委员活动", Project("政协委员履职活动经费", [
        I(P, "数量指标", "组织委员视察调研次数", "≥6次", "8次", 15, 15),
        I(P, "数量指标", "形成调研报告篇数", "≥5篇", "6篇", 15, 15),
        I(P, "质量指标", "提案立案办结率", "100%", "100%", 10, 10),
        I(S, "服务对象满意度指标", "委员满意度", "≥95%", "97%", 10, 10)],
        Budget("42.3", "42.3", "41.06", "10", "97.07%", "9.71"), total="99.71")),
    ("云南 供销 合作社 仓储", Project("供销社农资仓储配送中心建设项目", [
        I(P, "数量指标", "仓储库房建筑面积", "≥1200平方米", "1216平方米", 10, 10),
        I(P, "数量指标", "购置配送车辆", "3辆", "3辆", 10, 10),
        I(P, "质量指标", "工程验收合格率", "100%", "100%", 10, 10),
        I(E, "经济效益指标", "年农资配送额", "≥1500万元", "1632万元", 10, 10),
        I(S, "服务对象满意度指标", "社员满意度", "≥90%", "93%", 10, 10)],
        Budget("360", "360", "348.8", "10", "96.89%", "9.69", own="yes"), total="99.69")),
    ("四川 农技 种子检验", Project("种子质量监督抽检工作经费", [
        I(P, "数量指标", "抽检种子样品批次", "≥150批次", "163批次", 20, 20),
        I(P, "质量指标", "检验报告准确率", "100%", "100%", 20, 20),
        I(P, "时效指标", "检验结果出具时限", "≤15天", "12天", 20, 20),
        I(E, "社会效益指标", "假劣种子案件查处率", "100%", "100%", 20, 20)],
        Budget("18.5", "18.5", "18.5", "10", "100%", "10"), total="100")),
    ("安徽 水利 防汛", Project("水旱灾害防御工作经费", [
        I(P, "数量指标", "完成灌区节水改造项目数量", "2个", "2个", 10, 10),
        I(P, "数量指标", "防汛物资储备仓库数", "4个", "4个", 10, 10),
        I(P, "时效指标", "年度资金支付完成率", "100%", "100%", 10, 10),
        I(E, "社会效益指标", "汛期人员伤亡数", "0人", "0人", 10, 10),
        I(S, "服务对象满意度指标", "服务对象满意度", "90%", "100%", 10, 10)],
        Budget("760", "760", "760", "10", "100%", "10", own="yes"), total="100")),
    ("云南 教育 专项", Project("第二示范小学教育专项工作经费", [
        I(P, "数量指标", "专项经费保障学生数", "1426人", "1426人", 20, 20),
        I(P, "时效指标", "资金到位率", "100%", "100%", 20, 20),
        I(E, "可持续影响指标", "学校正常运转保障率", "100%", "100%", 20, 20),
        I(S, "服务对象满意度指标", "教师满意度", "≥95%", "97%", 20, 20)],
        Budget("13.8", "13.8", "13.8", "20", "100%", "20"), total="100")),
    ("重庆 镇 村道维修", Project("镇村道路日常养护项目", [
        I(P, "数量指标", "养护村道里程", "≥64公里", "66.3公里", 15, 15),
        I(P, "质量指标", "路面完好率", "≥90%", "92.5%", 15, 15),
        I(P, "成本指标", "养护成本", "≤48万元", "46.9万元", 10, 10),
        I(E, "社会效益指标", "群众出行便利度提升", "明显提升", "明显提升", 10, 10),
        I(S, "服务对象满意度指标", "沿线群众满意度", "≥90%", "95%", 10, 10)],
        Budget("48", "48", "46.9", "10", "97.71%", "9.77", own="yes"), total="99.77")),
]

# which budget style and indicator header each rendering uses
RENDERINGS = [
    # (layout tag, budget style, indicator style, merged, flattening, notes)
    ("pipe", "mof", "mof", False, "pipe", "web-page table turned into text, `|` between cells, every cell present (Yunnan Lincang/Nanhua pages)"),
    ("pipe_merged", "mof", "mof", True, "pipe_trailing", "`|` rows where merged level cells leave later rows shorter, trailing empty cells `||||` (Yunnan Nanhua, Anhui Xiaoxian pages)"),
    ("cell_per_line", "county", "county", True, "cells", "one cell a line with blank lines between, header block first, county template 预算数(A)/执行数(B)/执行率(B/A)/得分(20分*执行率) (Yunnan Changning, Hebei Langfang pages)"),
    ("cell_per_line_bar", "sichuan", "mof", True, "cells_bar", "one cell a line each ending in ` |` (Sichuan Qingshen page), Sichuan budget row 年初预算/调整后预算数/预算执行数/预算执行率/权重/得分"),
    ("tabs", "ab", "ab", True, "tabs", "tab-separated cells from a DOCX copy, (A)/(B) headers, merged level cells dropped"),
    ("spaces", "ab", "weight_first", True, "spaces", "runs of spaces between cells, 分值 column before 年度指标值/全年实际值 (Anhui Tianchang, Beijing Haidian tables)"),
    ("one_line", "mof", "mof", False, "one_line", "the whole table on one line with single spaces, as a DOCX/XLS text layer gives it (Anhui Chizhou attachment)"),
    ("glued", "county", "ab", True, "glued", "cells glued with no separator, one row a line (Hubei Xiangyang DOCX, Ningxia Yinchuan OCR)"),
]


def render(p: Project, flattening: str, bstyle: str, istyle: str, merged: bool) -> str:
    rows = table_rows(p, bstyle, istyle, merged)
    if flattening == "pipe":
        body = flat_pipe(rows)
    elif flattening == "pipe_trailing":
        body = flat_pipe(rows, trailing=3)
    elif flattening == "cells":
        body = flat_cells(rows, blank=1)
    elif flattening == "cells_bar":
        body = flat_cells(rows, blank=0, bar=True)
    elif flattening == "tabs":
        body = flat_tabs(rows)
    elif flattening == "spaces":
        body = flat_spaces(rows, "   ")
    elif flattening == "one_line":
        body = flat_one_line(rows)
    elif flattening == "glued":
        body = flat_glued(rows)
    else:
        raise ValueError(flattening)
    return f"项目支出绩效自评表\n（2023年度）\n项目名称：{p.title}\n{body}\n"


def expected_indicators(p: Project, istyle: str) -> list[dict]:
    out = []
    for ind in p.indicators:
        e = ind.expected()
        if istyle == "county":
            e["weight"] = None      # the county template has no 分值 column
        out.append(e)
    return out


def expected_budget(p: Project, bstyle: str) -> dict:
    if not p.budget:
        return {}
    b = p.budget.expected()
    if bstyle == "county":
        b.pop("initial", None)      # the county row has no 年初预算数 cell
        return b
    # an empty cell must stay empty (the next value may not slide into it)
    for key in ("initial", "adjusted"):
        if getattr(p.budget, key) in ("", None) and bstyle in ("mof", "ab", "sichuan"):
            b[key] = None
    return b


def expected_money(p: Project, bstyle: str) -> list[dict]:
    money = p.money()
    if bstyle == "county" and p.budget:
        # only 预算数(A) and 执行数(B) are written, once
        b = p.budget
        cells = [c for c in (b.adjusted, b.spent) if c]
        budget_money = [{"text": c, "value": round(float(c) * b.scale, 2)} for c in cells]
        n = len(b.money_cells())
        money = budget_money + money[n:]
    return money


def build_rendered() -> None:
    n = 0
    for tag, (src, p) in enumerate(PROJECTS):
        for k, (layout, bstyle, istyle, merged, flattening, notes) in enumerate(RENDERINGS):
            # each project in five of the eight renderings, rotating, so every rendering
            # meets many projects and no project is read in every way
            if (tag + k) % 8 >= 5:
                continue
            n += 1
            text = render(p, flattening, bstyle, istyle, merged)
            total = float(p.total) if p.total else None
            add(f"tables-{layout}-{tag:02d}", layout, text,
                f"{notes}; content invented ({src} kind of project)",
                expected_indicators(p, istyle), expected_budget(p, bstyle), total,
                expected_money(p, bstyle))


if __name__ == "__main__":
    import literal_tables  # noqa: F401  (hand-written cases, appended to CASES)
    build_rendered()
    literal_tables.build(add, value, Ind, Budget, Project, render, table_rows, flat_cells, flat_pipe, flat_spaces)
    ids = [c["id"] for c in CASES]
    assert len(ids) == len(set(ids)), "duplicate ids"
    with OUT.open("w", encoding="utf-8") as fh:
        for case in CASES:
            fh.write(json.dumps(case, ensure_ascii=False) + "\n")
    print(f"{len(CASES)} cases -> {OUT}")
