"""The consistency audit: planted inconsistencies are found, a consistent report is clean."""
import json
import govie

from conftest import CORPUS
from test_tables import PROJECT_TABLE

CONSISTENT = """南京市鼓楼区宁海路街道办事处部门整体支出绩效自评表 (2023年度)
单位：万元
部门名称\t\t南京市鼓楼区人民政府宁海路街道办事处\t\t
部门资金情况\t整体支出年度预算数\t2,400.00\t整体支出年初预算数\t2,200.00
\t实际支出数\t2,280.00\t年度调整额\t200.00
\t其中: 一般公共预算\t2,100.00\t\t
\t预算完成率\t95.00%\t预算调整率\t9.09%
年度关键指标\t关键指标\t预期实现值\t指标完成情况\t
\t社区医疗服务覆盖率\t≥95%\t98%\t
\t群众满意度\t≥90%\t93%\t
主要任务\t预期目标\t目标完成情况\t关键指标\t指标完成情况\t任务涉及资金
社区治理\t提升治理水平\t完成年度目标\t网格事件办结率\t99%\t1,200.00
平安建设\t提升群众安全感\t完成年度目标\t安全事故发生数\t0次\t1,100.00
"""

PLANTED = (CONSISTENT.replace("\t95.00%", "\t99.10%")          # spent ÷ adjusted is 95.00%
           .replace("\t200.00", "\t150.00")                      # adjusted − initial is 200.00
           .replace("9.09%", "9.50%")                            # 150 ÷ 2200 is 6.82%
           .replace("\t2,100.00\t", "\t2,600.00\t")              # more than the whole budget
           .replace("\t98%", "\t112%")                           # a coverage above 100%
           .replace("1,200.00", "1,600.00"))                     # tasks 1600 + 1100 > 2400


def checks(findings):
    return sorted(f["check"] for f in findings)


def test_a_consistent_report_has_no_findings(nlp):
    assert govie.extract(CONSISTENT, nlp=nlp).audit() == []


def test_planted_inconsistencies_are_found(nlp):
    report = govie.extract(PLANTED, nlp=nlp)
    findings = report.audit()
    assert checks(findings) == ["adjustment", "adjustment_rate", "execution_rate", "general_public",
                                "percent_over_100", "task_amounts"]
    by_check = {f["check"]: f for f in findings}
    rate = by_check["execution_rate"]
    assert rate["figures"] == {"execution_rate": 99.1, "spent": 22800000.0, "adjusted": 24000000.0}
    assert rate["expected"] == 95.0 and 0 < rate["tolerance"] < 0.01
    assert {s["text"] for s in rate["spans"]} == {"99.10%", "2,280.00", "2,400.00"}
    for f in findings:                       # every figure is located in the text as given
        for s in f["spans"]:
            assert PLANTED[s["start"]:s["end"]] == s["text"]
    assert by_check["adjustment"]["expected"] == 2000000.0 and by_check["adjustment"]["tolerance"] < 200
    assert by_check["task_amounts"]["figures"]["tasks"] == 27000000.0
    assert by_check["percent_over_100"]["figures"] == {"actual": 112.0}


def test_rounding_is_tolerated(nlp):
    # 18,570.21 ÷ 19,206.99 = 96.685 %: written as 96.68 % it is within half a unit of the last digit.
    text = ("单位：万元\n部门资金情况\t整体支出年度预算数\t19,206.99\t整体支出年初预算数\t18,847.80\n"
            "\t实际支出数\t18,570.21\t年度调整额\t359.19\n\t预算完成率\t96.68%\t预算调整率\t1.91%\n")
    assert govie.extract(text, nlp=nlp).audit() == []
    assert checks(govie.extract(text.replace("96.68%", "96.60%"), nlp=nlp).audit()) == ["execution_rate"]


def test_an_indicator_scored_as_met_that_is_not(nlp):
    table = PROJECT_TABLE.replace("\t10\t8\t部分学员未参加考核", "\t10\t10\t")   # full marks for 86 % of ≥90 %
    findings = govie.extract(table, nlp=nlp).audit()
    assert checks(findings) == ["met"]
    assert [s["text"] for s in findings[0]["spans"]] == ["培训合格率", "≥90%", "86%"]
    assert govie.extract(PROJECT_TABLE, nlp=nlp).audit() == []


def test_a_share_above_100_in_free_text(nlp):
    findings = govie.extract("排水单元达标率110%，河涌保洁完成率100%，招商任务完成度达到120%。", nlp=nlp).audit()
    assert [(f["check"], f["figures"]) for f in findings] == [("percent_over_100", {"actual": 110.0})]


def test_the_audit_command(tmp_path, nlp, monkeypatch, capsys):
    from govie.cli import main

    monkeypatch.setattr("govie.commands.audit.load", lambda **kw: nlp)   # the session's pipeline
    bad = tmp_path / "bad.txt"
    bad.write_text(PLANTED, encoding="utf-8")
    good = tmp_path / "good.txt"
    good.write_text(CONSISTENT, encoding="utf-8")
    assert main(["audit", "--format", "json", str(bad), str(good)]) == 0
    out = json.loads(capsys.readouterr().out)
    assert [(x["source"], len(x["findings"])) for x in out] == [(str(bad), 6), (str(good), 0)]
    assert main(["audit", str(good), str(tmp_path / "missing.txt")]) == 1
    captured = capsys.readouterr()
    assert "good.txt: 0 findings" in captured.out and "missing.txt" in captured.err
    assert main(["audit", "--strict", str(bad)]) == 3
    assert "execution_rate: 预算完成率 99.1% but 实际支出 ÷ 调整后预算 = 95.00%" in capsys.readouterr().out


def test_the_corpus_reports_only_shares_above_100(nlp):
    findings = {}
    for path in sorted((CORPUS / "raw").glob("*.txt")):
        findings[path.stem] = checks(govie.extract_file(path, nlp=nlp).audit())
    # 覆盖率 168 %, 151 %, 达标率 110 %; 空岗信息发布完成率 308 % is over-fulfilment, not an error
    assert findings["2021_huangpu_wenchong_table"] == ["percent_over_100"] * 3
    assert all(not f for rid, f in findings.items() if rid != "2021_huangpu_wenchong_table")


def test_a_completion_rate_may_pass_100(nlp):
    """完成率 measures work against its target; 106% is a task done beyond it, not a reporting error."""
    text = "违法建设拆除任务完成率为106%，户籍人口疫苗接种覆盖率为112%。"
    found = [f["message"] for f in govie.extract(text, nlp=nlp).audit()]
    assert len(found) == 1 and "覆盖率" in found[0]


def test_scores_against_the_templates_rules():
    from govie.audit import audit_report
    from govie.report import Report

    def checks(budget, indicators, total):
        rep = Report(self_score=total, text="x" * 10)
        rep.budget.update(budget)
        rep.indicators = [{"name": n, "start": 0, "end": 1, "weight": w, "score": s, "met": m, "source": "table",
                           "target": None, "actual": None} for n, w, s, m in indicators]
        return [f["check"] for f in audit_report(rep)]

    # 10 × 95.4% = 9.54: right; 9.9 is not what the rule gives.
    assert checks({"weight": 10, "score": 9.54, "execution_rate": 95.4}, [], None) == []
    assert checks({"weight": 10, "score": 9.9, "execution_rate": 95.4}, [], None) == ["budget_score"]
    # Over 100 % the score is capped at the weight.
    assert checks({"weight": 10, "score": 10, "execution_rate": 104.2}, [], None) == []
    # A met indicator earns its full weight; no score passes its weight.
    assert checks({}, [("a", 20, 18, True)], None) == ["indicator_score"]
    assert checks({}, [("a", 20, 22, None)], None) == ["indicator_score"]
    assert checks({}, [("a", 20, 15, False)], None) == []
    # The total against its parts: 9.54 + 50 + 30 = 89.54.
    parts = [("a", 50, 50, True), ("b", 40, 30, False)]
    assert checks({"weight": 10, "score": 9.54, "execution_rate": 95.4}, parts, 89.54) == []
    assert checks({"weight": 10, "score": 9.54, "execution_rate": 95.4}, parts, 92.0) == ["total"]
