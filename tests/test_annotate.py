"""Label Studio and doccano round trips, DocBin conversion, agreement; malformed exports included.

The fixtures in tests/fixtures/annotate/ are written by hand in each tool's
documented export format: ``label_studio_export.json`` (Label Studio JSON export:
tasks with ``annotations`` [{"result", "completed_by", "was_cancelled", …}]),
``doccano_bob.jsonl`` (doccano sequence labeling export, ``"label"`` lists) and
``doccano_relations.jsonl`` (doccano relation export, ``"entities"`` with
start_offset/end_offset and ``"relations"``).  ``corpus/`` is a two-report
corpus with gold amounts, indicators and sentences.
"""
import copy
import json
import shutil
import warnings
import xml.etree.ElementTree as ET

import pytest

from conftest import CORPUS, ROOT
from govie.annotate import agreement, corpus_to_docbin, docbin_to_records
from govie.annotate.convert import ToolDoc, ToolRegion
from govie.annotate.docbin import AlignmentWarning, tooldoc_to_doc
from govie.annotate.labelstudio import labeling_config
from govie.cli import main
from govie.corpus import tool_labels
from govie.corpus.records import load_annotations, load_records

FIXTURES = ROOT / "tests" / "fixtures" / "annotate"
MINI = FIXTURES / "corpus"
LS_EXPORT = FIXTURES / "label_studio_export.json"
REPORT = "2023_demo_jiedao_report"
KINDS = ("amounts", "indicators", "sentences")


def gold(kind):
    return load_records(MINI / "annotations" / f"{kind}.jsonl")


def comparable(kind, record):
    """A record without what an annotation tool does not carry (annotator, section, met)."""
    record = copy.deepcopy(record)
    record.pop("annotator")
    for ind in record.get("indicators", []):
        ind.pop("met", None)
        ind["section"] = None
    return record


def imported(path):
    return {rid: rec for rid, rec in load_records(path).items()}


def run_import(fmt, export, out, *extra):
    return main(["annotate", "import", "--format", fmt, str(export), "--corpus", str(MINI), "--out", str(out), *extra])


def assert_same_as_gold(folder):
    for kind in KINDS:
        got = imported(folder / f"{kind}.jsonl")
        assert got.keys() == gold(kind).keys()
        for rid, record in gold(kind).items():
            assert comparable(kind, got[rid]) == comparable(kind, record), (kind, rid)


# ---------------------------------------------------------------- Label Studio

def test_labeling_config_is_xml_for_govies_labels():
    root = ET.fromstring(labeling_config())
    assert root.tag == "View"
    text = root.find("Text")
    assert text.get("value") == "$text" and text.get("name") == "text"
    controls = {c.get("name"): [lab.get("value") for lab in c.findall("Label")] for c in root.findall("Labels")}
    assert controls == {"label": tool_labels("label"), "sentence": tool_labels("sentence")}
    assert all(c.get("toName") == "text" for c in root.findall("Labels"))
    assert [r.get("value") for r in root.find("Relations")] == ["target", "actual"]
    assert "pre-wrap" in root.find("Style").text  # offsets count every space and line break


def test_export_label_studio_tasks_with_predictions(tmp_path, capsys):
    out = tmp_path / "tasks.json"
    files = [str(MINI / "raw" / f"{REPORT}.txt"), str(CORPUS / "raw" / "2021_huangpu_yonghe_table.txt")]
    assert main(["annotate", "export", "--format", "label-studio", *files, "--out", str(out)]) == 0
    tasks = json.loads(out.read_text(encoding="utf-8"))
    assert [t["data"]["report"] for t in tasks] == [REPORT, "2021_huangpu_yonghe_table"]
    config = ET.fromstring((tmp_path / "tasks.config.xml").read_text(encoding="utf-8"))
    names = {c.get("name"): {lab.get("value") for lab in c.findall("Label")} for c in config.findall("Labels")}
    for t, path in zip(tasks, files):
        assert t["data"]["text"] == open(path, encoding="utf-8", newline="").read()
        assert t["data"]["file"] == f"raw/{t['data']['report']}.txt"
        (prediction,) = t["predictions"]
        assert prediction["model_version"].startswith("govie-")
        regions = [r for r in prediction["result"] if r["type"] == "labels"]
        assert {"MONEY", "PERCENT"} <= {r["value"]["labels"][0] for r in regions}
        for r in regions:
            v = r["value"]
            assert t["data"]["text"][v["start"]:v["end"]] == v["text"]
            assert r["to_name"] == "text" and v["labels"][0] in names[r["from_name"]]
        ids = {r["id"] for r in regions}
        assert all(r["from_id"] in ids and r["to_id"] in ids for r in prediction["result"] if r["type"] == "relation")


def test_label_studio_export_round_trip(tmp_path):
    out = tmp_path / "annotations"
    assert run_import("label-studio", LS_EXPORT, out) == 0
    assert_same_as_gold(out)
    annotators = {r["annotator"] for kind in KINDS for r in imported(out / f"{kind}.jsonl").values()}
    assert annotators == {"alice@example.org"}  # carol's cancelled annotation is ignored
    assert main(["annotate", "validate", str(out), "--corpus", str(MINI)]) == 0


def test_accepted_predictions_come_back_as_they_were(tmp_path):
    """Export → the annotator accepts every pre-annotation → export from the tool → import."""
    tasks_path = tmp_path / "tasks.json"
    assert main(["annotate", "export", "--format", "label-studio", str(MINI), "--out", str(tasks_path)]) == 0
    tasks = json.loads(tasks_path.read_text(encoding="utf-8"))
    for n, t in enumerate(tasks, start=1):
        t["id"] = n
        t["annotations"] = [{"id": n, "completed_by": 3, "result": t.pop("predictions")[0]["result"],
                             "was_cancelled": False, "task": n}]
    export = tmp_path / "export.json"
    export.write_text(json.dumps(tasks, ensure_ascii=False), encoding="utf-8")
    assert run_import("label-studio", export, tmp_path / "amounts.jsonl") == 0
    got = imported(tmp_path / "amounts.jsonl")
    import govie
    for t in tasks:
        rid = t["data"]["report"]
        predicted = govie.extract(t["data"]["text"]).entities
        assert got[rid]["annotator"] == "label-studio:3"
        assert [(s["label"], s["start"], s["end"], s["value"]) for s in got[rid]["spans"]] == \
               [(e["label"], e["start"], e["end"], e["value"]) for e in predicted if e["label"] in
                ("MONEY", "PERCENT", "QUANTITY", "DATE", "ORG")]


def test_utf16_offsets_are_converted(tmp_path):
    """Label Studio versions that count UTF-16 units put spans after 𠮷 one further."""
    tasks = json.loads(LS_EXPORT.read_text(encoding="utf-8"))
    text = tasks[0]["data"]["text"]
    astral = text.index("𠮷")
    for r in tasks[0]["annotations"][0]["result"]:
        if r["type"] == "labels" and r["value"]["start"] > astral:
            r["value"]["start"] += 1
            r["value"]["end"] += 1
    export = tmp_path / "utf16.json"
    export.write_text(json.dumps(tasks, ensure_ascii=False), encoding="utf-8")
    assert run_import("label-studio", export, tmp_path / "out") == 0
    assert_same_as_gold(tmp_path / "out")


def _broken_ls(tmp_path, edit):
    tasks = json.loads(LS_EXPORT.read_text(encoding="utf-8"))
    edit(tasks)
    path = tmp_path / "export.json"
    path.write_text(json.dumps(tasks, ensure_ascii=False, indent=1), encoding="utf-8")
    return path


def _untouched(out_folder, before):
    after = {p.name: p.read_bytes() for p in out_folder.iterdir()} if out_folder.exists() else {}
    return after == before


@pytest.mark.parametrize("edit, message", [
    (lambda t: t[0]["annotations"][0]["result"][0]["value"].update(start=51), "offsets do not match the text"),
    (lambda t: t[0]["annotations"][0]["result"][0]["value"].update(end=99999), "offsets do not match the text"),
    (lambda t: t[0]["annotations"][0]["result"][1]["value"].update(labels=["AMOUNT"]), "unknown label 'AMOUNT'"),
    (lambda t: t[1]["annotations"][1].update(was_cancelled=False), "2 annotations"),
    (lambda t: t[0]["data"].update(text=t[0]["data"]["text"].replace("四、", "4、")), "differs from"),
    (lambda t: t[0]["data"].update(report="2099_unknown_report"), "add the report to the corpus"),
    (lambda t: t[0]["annotations"][0]["result"].append(
        {"type": "relation", "from_id": "a10", "to_id": "a11", "labels": ["target"]}), "must start at an INDICATOR"),
])
def test_malformed_label_studio_exports_write_nothing(tmp_path, capsys, edit, message):
    out = tmp_path / "annotations"
    out.mkdir()
    shutil.copy(MINI / "annotations" / "amounts.jsonl", out / "amounts.jsonl")
    before = {p.name: p.read_bytes() for p in out.iterdir()}
    export = _broken_ls(tmp_path, edit)
    assert run_import("label-studio", export, out) == 1
    err = capsys.readouterr().err
    assert "nothing written" in err and message in err and str(export) in err
    assert _untouched(out, before)


def test_broken_json_export_names_file_and_line(tmp_path, capsys):
    text = LS_EXPORT.read_text(encoding="utf-8").splitlines()
    text[10] = text[10].rstrip(",")  # a missing comma on line 11
    export = tmp_path / "export.json"
    export.write_text("\n".join(text), encoding="utf-8")
    assert run_import("label-studio", export, tmp_path / "amounts.jsonl") == 1
    assert f"{export}:12: broken JSON" in capsys.readouterr().err
    assert list(tmp_path.iterdir()) == [export]  # no output, no temporary file


def test_annotator_chooses_among_several(tmp_path):
    def two(tasks):
        tasks[1]["annotations"][1]["was_cancelled"] = False
    export = _broken_ls(tmp_path, two)
    assert run_import("label-studio", export, tmp_path / "a" / "amounts.jsonl", "--annotator", "alice@example.org") == 0
    assert {r["annotator"] for r in imported(tmp_path / "a" / "amounts.jsonl").values()} == {"alice@example.org"}
    assert run_import("label-studio", export, tmp_path / "c" / "amounts.jsonl", "--annotator", "9") == 0
    carol = imported(tmp_path / "c" / "amounts.jsonl")
    assert list(carol) == ["2023_demo_jiedao_table"] and carol["2023_demo_jiedao_table"]["spans"] == []
    assert carol["2023_demo_jiedao_table"]["annotator"] == "carol@example.org"


def test_import_merges_by_report_and_replace_accepts_removals(tmp_path, capsys):
    out = tmp_path / "amounts.jsonl"
    other = {"id": "2021_other_report", "file": "raw/2021_other_report.txt", "schema_version": "1.0",
             "annotator": "x", "spans": []}
    out.write_text(json.dumps(other) + "\n", encoding="utf-8")
    assert run_import("label-studio", LS_EXPORT, out) == 0
    assert sorted(imported(out)) == ["2021_other_report", REPORT, "2023_demo_jiedao_table"]
    # bob's doccano file misses two of alice's spans: refused, unless the removal is asked for.
    before = out.read_bytes()
    assert run_import("doccano", FIXTURES / "doccano_bob.jsonl", out, "--annotator", "bob") == 1
    assert "would remove 2 existing annotation(s)" in capsys.readouterr().err
    assert out.read_bytes() == before
    assert run_import("doccano", FIXTURES / "doccano_bob.jsonl", out, "--annotator", "bob", "--replace") == 0
    got = imported(out)
    assert sorted(got) == ["2021_other_report", REPORT, "2023_demo_jiedao_table"]  # the other report stays
    assert "1.2 万人次" not in {s["text"] for s in got[REPORT]["spans"]}
    out.write_text("{broken\n", encoding="utf-8")
    assert run_import("label-studio", LS_EXPORT, out) == 1  # an unreadable target is not overwritten
    assert out.read_text(encoding="utf-8") == "{broken\n"


def test_imported_overlaps_are_refused(tmp_path, capsys):
    def overlap(tasks):
        r = copy.deepcopy(tasks[0]["annotations"][0]["result"][0])
        r["id"] = "extra"
        r["value"].update(start=r["value"]["start"] + 2, text=r["value"]["text"][2:], labels=["QUANTITY"])
        tasks[0]["annotations"][0]["result"].append(r)
    export = _broken_ls(tmp_path, overlap)
    assert run_import("label-studio", export, tmp_path / "amounts.jsonl") == 1
    assert "overlaps" in capsys.readouterr().err
    assert not (tmp_path / "amounts.jsonl").exists()


# ---------------------------------------------------------------- doccano

def test_export_doccano_jsonl(tmp_path):
    out = tmp_path / "doccano.jsonl"
    assert main(["annotate", "export", "--format", "doccano", str(MINI), "--out", str(out)]) == 0
    lines = [json.loads(line) for line in out.read_text(encoding="utf-8").splitlines()]
    assert [x["report"] for x in lines] == [REPORT, "2023_demo_jiedao_table"]
    for x in lines:
        assert x["label"] and all(isinstance(s, int) and isinstance(e, int) and lab in tool_labels()
                                  for s, e, lab in x["label"])
    # the import file is also what doccano exports: reading it back gives govie's spans
    assert run_import("doccano", out, tmp_path / "amounts.jsonl", "--annotator", "govie") == 0
    got = imported(tmp_path / "amounts.jsonl")
    assert [(s["start"], s["end"]) for s in got[REPORT]["spans"]] == \
           [(s, e) for s, e, lab in lines[0]["label"] if lab in ("MONEY", "PERCENT", "QUANTITY", "DATE", "ORG")]
    rel = tmp_path / "relations.jsonl"
    assert main(["annotate", "export", "--format", "doccano", "--relations", str(MINI), "--out", str(rel)]) == 0
    assert all("entities" in json.loads(line) for line in rel.read_text(encoding="utf-8").splitlines())


def test_doccano_relation_export_round_trip(tmp_path):
    out = tmp_path / "annotations"
    assert run_import("doccano", FIXTURES / "doccano_relations.jsonl", out) == 0
    assert_same_as_gold(out)  # line 2 has no metadata: its report is found by its text
    assert {r["annotator"] for r in imported(out / "amounts.jsonl").values()} == {"doccano:doccano_relations"}


def test_doccano_label_export_and_its_annotator(tmp_path):
    assert run_import("doccano", FIXTURES / "doccano_bob.jsonl", tmp_path / "a.jsonl", "--kind", "amounts") == 0
    assert {r["annotator"] for r in imported(tmp_path / "a.jsonl").values()} == {"doccano:doccano_bob"}
    assert run_import("doccano", FIXTURES / "doccano_bob.jsonl", tmp_path / "amounts.jsonl", "--annotator", "bob") == 0
    got = imported(tmp_path / "amounts.jsonl")
    assert {r["annotator"] for r in got.values()} == {"bob"}
    ninety = next(s for s in got[REPORT]["spans"] if s["text"] == "90%")
    assert (ninety["label"], ninety["value"], ninety["unit"]) == ("PERCENT", 90.0, "%")


def test_malformed_doccano_exports_write_nothing(tmp_path, capsys):
    lines = (FIXTURES / "doccano_bob.jsonl").read_text(encoding="utf-8").splitlines()
    first = json.loads(lines[0])
    first["label"][0][1] = 10_000       # beyond the end of the text
    first["label"].append([0, 5, "NAME"])  # unknown label
    export = tmp_path / "bob.jsonl"
    export.write_text(json.dumps(first, ensure_ascii=False) + "\n" + lines[1][:-1] + "\n", encoding="utf-8")
    out = tmp_path / "amounts.jsonl"
    assert run_import("doccano", export, out) == 1
    err = capsys.readouterr().err
    assert f"{export}:1 label 1: MONEY at 50-10000: offsets do not match" in err
    assert f"{export}:1 label 9: unknown label 'NAME'" in err
    assert f"{export}:2: broken JSON" in err
    assert not out.exists() and list(tmp_path.iterdir()) == [export]


# ---------------------------------------------------------------- DocBin

def test_docbin_round_trip_of_the_fixture_corpus(tmp_path):
    with warnings.catch_warnings():
        warnings.simplefilter("error", AlignmentWarning)
        docbin, problems = corpus_to_docbin(MINI)
    assert problems == []
    docbin.to_disk(tmp_path / "train.spacy")
    records = docbin_to_records(tmp_path / "train.spacy")
    for kind in KINDS:
        for rid, record in gold(kind).items():
            assert comparable(kind, records[kind][rid]) == comparable(kind, record), (kind, rid)
            assert records[kind][rid]["annotator"] == "gold-a"


def test_docbin_of_the_project_corpus(nlp):
    with warnings.catch_warnings(record=True) as caught:
        warnings.simplefilter("always", AlignmentWarning)
        docbin, problems = corpus_to_docbin(CORPUS, nlp=nlp)
    # every amount span of the gold falls on govie's token boundaries
    assert [p for p in problems if p.label in ("MONEY", "PERCENT", "QUANTITY")] == []
    spans = {doc.user_data["govie"]["id"]: len(doc.spans["amounts"]) for doc in docbin.get_docs(nlp.vocab)}
    amounts = load_annotations(CORPUS)["amounts"]
    assert spans == {rid: len(r["spans"]) for rid, r in amounts.items()}
    back = docbin_to_records(docbin, nlp)["amounts"]
    assert {rid: r["spans"] for rid, r in back.items()} == {rid: r["spans"] for rid, r in amounts.items()}
    # whatever else does not align (a name jieba glues to the next word) is reported, exactly
    assert len(caught) == len(problems)
    for p in problems:
        text = (CORPUS / p.file).read_text(encoding="utf-8")
        assert text[p.start:p.end] == p.text and p.aligned is None


@pytest.mark.parametrize("mode, kept", [("strict", None), ("contract", (0, 7)), ("expand", (0, 10))])
def test_spans_off_token_boundaries_are_reported_not_dropped_silently(nlp, mode, kept):
    text = "4527.36 万元的预算"  # tokens 4527.36 | 万元 | 的 | 预算; the span ends inside 万元
    doc = ToolDoc("r", "raw/r.txt", text, [ToolRegion("a", "MONEY", 0, 9, text[:9])])
    with pytest.warns(AlignmentWarning, match=r"raw/r.txt: MONEY 0-9 '4527.36 万' is not on token boundaries"):
        spacy_doc, problems = tooldoc_to_doc(doc, nlp, alignment=mode)
    (problem,) = problems
    assert (problem.file, problem.start, problem.end, problem.text, problem.aligned) == \
           ("raw/r.txt", 0, 9, "4527.36 万", kept)
    assert problem.tokens == "4527.36|万元"
    offsets = [(s.start_char, s.end_char) for s in spacy_doc.spans["amounts"]]
    assert offsets == ([] if kept is None else [kept])


def test_docbin_command(tmp_path, capsys):
    assert main(["annotate", "docbin", str(MINI), "--out", str(tmp_path)]) == 0
    assert {p.name for p in tmp_path.iterdir()} == {"train.spacy", "test.spacy"}
    assert "0 span(s) off token boundaries" in capsys.readouterr().out


# ---------------------------------------------------------------- agreement

def test_agreement_with_oneself_is_perfect():
    result = agreement(MINI / "annotations", MINI / "annotations")
    assert set(result.labels) == {"MONEY", "PERCENT", "QUANTITY", "INDICATOR", "TARGET", "ACTUAL", "PROBLEM", "REMEDY"}
    assert all(la.spans.f1 == 1.0 and la.kappa == 1.0 for la in result.labels.values())


def test_agreement_between_two_annotators(tmp_path, capsys):
    bob = tmp_path / "amounts.jsonl"
    assert run_import("doccano", FIXTURES / "doccano_bob.jsonl", bob, "--annotator", "bob") == 0
    capsys.readouterr()
    assert main(["annotate", "agreement", str(MINI / "annotations" / "amounts.jsonl"), str(bob)]) == 0
    out = capsys.readouterr().out
    rows = {line.split()[0]: line.split()[1:] for line in out.splitlines()[2:] if line.split()}
    assert "(gold-a)" in out and "(bob)" in out
    assert rows["MONEY"] == ["5", "5", "5", "1.000", "1.000"]
    assert rows["PERCENT"][:4] == ["5", "5", "4", "0.800"]       # ≥90% against 90%
    assert rows["QUANTITY"][:4] == ["5", "4", "4", "0.889"]      # 1.2 万人次 missed
    assert 0.9 < float(rows["PERCENT"][4]) < 1.0 and 0.7 < float(rows["QUANTITY"][4]) < 1.0


def test_kappa_by_hand():
    from govie.annotate.agreement import LabelAgreement

    la = LabelAgreement("X", both=20, only_a=5, only_b=10, neither=65)
    # p_o = .85; p_a = .25, p_b = .30; p_e = .075 + .525 = .60; κ = .25 / .40
    assert la.kappa == pytest.approx(0.625)
    assert LabelAgreement("Y", neither=100).kappa is None


def test_agreement_on_a_broken_file(tmp_path, capsys):
    broken = tmp_path / "amounts.jsonl"
    broken.write_text((MINI / "annotations" / "amounts.jsonl").read_text(encoding="utf-8") + "{\n", encoding="utf-8")
    assert main(["annotate", "agreement", str(MINI / "annotations" / "amounts.jsonl"), str(broken),
                 "--corpus", str(MINI)]) == 1
    assert f"{broken}:3: broken JSON" in capsys.readouterr().err


def test_a_folder_gets_only_the_kinds_the_export_has(tmp_path):
    out = tmp_path / "annotations"
    shutil.copytree(MINI / "annotations", out)
    assert run_import("doccano", FIXTURES / "doccano_bob.jsonl", out, "--annotator", "bob", "--replace") == 0
    assert {r["annotator"] for r in imported(out / "amounts.jsonl").values()} == {"bob"}
    for kind in ("indicators", "sentences"):  # bob annotated amounts only: the gold stays
        assert (out / f"{kind}.jsonl").read_bytes() == (MINI / "annotations" / f"{kind}.jsonl").read_bytes()


def test_predictions_with_indicators_become_linked_regions():
    from govie.annotate.convert import from_report
    from govie.annotate.labelstudio import task

    text = "服务企业数年度指标值为 203 家，实际完成 212 家。"
    def at(s):
        i = text.index(s)
        return {"start": i, "end": i + len(s), "text": s}
    report = {"entities": [{"label": "INDICATOR", **at("服务企业数")},
                           {"label": "QUANTITY", **at("203 家")}, {"label": "QUANTITY", **at("212 家")}],
              "indicators": [{"name": "服务企业数", "start": 0, "end": 5,
                              "target": {**at("203 家"), "value": 203.0, "unit": "家", "comparator": None},
                              "actual": {**at("212 家"), "value": 212.0, "unit": "家", "comparator": None}}],
              "problems": [], "remedies": []}
    doc = from_report(report, text, "r", "raw/r.txt")
    assert [(r.label, r.text) for r in doc.regions] == [("INDICATOR", "服务企业数"), ("QUANTITY", "203 家"),
                                                        ("QUANTITY", "212 家")]
    result = task(doc)["predictions"][0]["result"]
    relations = [(r["from_id"], r["to_id"], r["labels"]) for r in result if r["type"] == "relation"]
    assert relations == [("e0", "e1", ["target"]), ("e0", "e2", ["actual"])]


def test_agreement_on_budget_fields(tmp_path):
    def record(rid, who, rate, spent):
        return {"id": rid, "file": f"raw/{rid}.txt", "schema_version": "1.0", "annotator": who,
                "year": 2023, "budget": {"execution_rate": rate, "spent": {"value": spent}}}
    a, b = tmp_path / "a" / "budget.jsonl", tmp_path / "b" / "budget.jsonl"
    for path, who, rate in ((a, "ann", 97.41), (b, "ben", 97.4)):
        path.parent.mkdir()
        path.write_text(json.dumps(record(REPORT, who, rate, 44100200.0)) + "\n", encoding="utf-8")
    result = agreement(a, b, corpus=MINI)
    assert result.annotators == ("ann", "ben")
    assert result.labels["budget.spent"].spans.f1 == 1.0 and result.labels["budget.year"].spans.f1 == 1.0
    assert result.labels["budget.execution_rate"].spans.f1 == 0.0
    assert result.labels["budget.spent"].kappa is None
