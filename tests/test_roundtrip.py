"""Round trips as the real tools do them, merging into an existing gold, and exports that must be refused.

The tool files are built the way Label Studio and doccano write them: Label
Studio JSON with ``annotations`` (or the older ``completions``), ``result``
regions with ``from_name``/``to_name``/``value.start/end/text/labels``, the
user as a number (with ``created_username``) or as an object; doccano 1.8
JSONL with ``label`` triples, or ``entities``/``relations`` with ids doccano
assigned itself.
"""
import copy
import json
import shutil

import pytest

from conftest import CORPUS, ROOT
from govie.annotate import labelstudio
from govie.annotate.convert import ToolDoc, ToolRegion, without_overlaps
from govie.cli import main
from govie.corpus.records import labels, load_records

FIXTURES = ROOT / "tests" / "fixtures" / "annotate"
MINI = FIXTURES / "corpus"
LS_EXPORT = FIXTURES / "label_studio_export.json"
LS_OLD = FIXTURES / "label_studio_completions.json"
REPORT = "2023_demo_jiedao_report"
PROJECT_REPORTS = [str(CORPUS / "raw" / n) for n in ("2021_huangpu_yonghe_table.txt", "2022_baiyun_tongde_report.txt")]


def run_import(fmt, export, out, *extra, corpus=MINI):
    return main(["annotate", "import", "--format", fmt, str(export), "--corpus", str(corpus), "--out", str(out), *extra])


def overlapping(regions, by_layer):
    layer = {n: i["layer"] for n, i in labels().items()}
    spans = sorted(regions)
    return [(a, b) for i, a in enumerate(spans) for b in spans[i + 1:i + 40]
            if b[0] < a[1] and (not by_layer or layer[a[2]] == layer[b[2]])]


# ---------------------------------------------------------------- overlaps

def test_the_longer_span_is_kept_and_relations_follow_it():
    text = "满意度年度指标值为90%以上，实际完成达到2级。"
    doc = ToolDoc("r", "raw/r.txt", text, [
        ToolRegion("i", "INDICATOR", 0, 5, "满意度年度"),
        ToolRegion("e1", "PERCENT", 9, 12, "90%"),
        ToolRegion("v1", "PERCENT", 9, 14, "90%以上", value_only=True),
        ToolRegion("e2", "QUANTITY", 21, 23, "2级"),
        ToolRegion("v2", "QUANTITY", 19, 23, "达到2级", value_only=True),
        ToolRegion("d", "DATE", 3, 5, "年度"),  # another layer: stays inside the indicator
    ], [("i", "e1", "target"), ("i", "e2", "actual")])
    kept, dropped = without_overlaps(doc, by_layer=True)
    assert [r.text for r in kept.regions] == ["满意度年度", "年度", "90%以上", "达到2级"]
    assert {r.id for r in dropped} == {"e1", "e2"}
    assert kept.relations == [("i", "v1", "target"), ("i", "v2", "actual")]
    flat, _ = without_overlaps(doc, by_layer=False)
    assert [r.text for r in flat.regions] == ["满意度年度", "90%以上", "达到2级"]


@pytest.fixture(scope="module")
def ls_tasks(tmp_path_factory):
    out = tmp_path_factory.mktemp("ls") / "tasks.json"
    assert main(["annotate", "export", "--rules-only", "--format", "label-studio", *PROJECT_REPORTS,
                 "--out", str(out)]) == 0
    return json.loads(out.read_text(encoding="utf-8"))


def test_label_studio_export_has_no_overlap_within_a_layer(ls_tasks):
    for t in ls_tasks:
        regions = [(r["value"]["start"], r["value"]["end"], r["value"]["labels"][0])
                   for r in t["predictions"][0]["result"] if r["type"] == "labels"]
        assert regions and not overlapping(regions, by_layer=True), t["data"]["report"]


def test_accepted_label_studio_predictions_import_back_unchanged(ls_tasks, tmp_path):
    """The annotator accepts every pre-annotation; Label Studio exports with the user as a number."""
    tasks = copy.deepcopy(ls_tasks)
    for n, t in enumerate(tasks, start=1):
        t["id"] = n
        t["annotations"] = [{"id": 100 + n, "completed_by": 1, "created_username": "admin@example.com, 1",
                             "result": [dict(r, origin="prediction") for r in t.pop("predictions")[0]["result"]],
                             "was_cancelled": False, "ground_truth": False, "task": n, "lead_time": 20.5}]
    export = tmp_path / "project-1-at-2026.json"
    export.write_text(json.dumps(tasks, ensure_ascii=False), encoding="utf-8")
    out = tmp_path / "annotations"
    assert run_import("label-studio", export, out, "--annotator", "admin@example.com", corpus=CORPUS) == 0
    amounts = load_records(out / "amounts.jsonl")
    for t in tasks:
        rid = t["data"]["report"]
        exported = sorted((r["value"]["start"], r["value"]["end"], r["value"]["labels"][0])
                          for r in t["annotations"][0]["result"] if r["type"] == "labels"
                          and r["value"]["labels"][0] in ("MONEY", "PERCENT", "QUANTITY", "DATE", "ORG"))
        assert sorted((s["start"], s["end"], s["label"]) for s in amounts[rid]["spans"]) == exported
        assert amounts[rid]["annotator"] == "admin@example.com"
        links = sum(r["type"] == "relation" for r in t["annotations"][0]["result"])
        got = load_records(out / "indicators.jsonl")[rid]["indicators"]
        assert sum((i["target"] is not None) + (i["actual"] is not None) for i in got) == links
    assert main(["annotate", "validate", str(out), "--corpus", str(CORPUS)]) == 0


def test_doccano_export_fits_a_default_project_and_names_its_labels(tmp_path):
    out = tmp_path / "doccano.jsonl"
    assert main(["annotate", "export", "--rules-only", "--format", "doccano", *PROJECT_REPORTS,
                 "--out", str(out)]) == 0
    offered = {x["text"] for x in json.loads((tmp_path / "label_config.json").read_text(encoding="utf-8"))}
    for path, group in ((out, "label"), (tmp_path / "doccano.sentences.jsonl", "sentence")):
        lines = [json.loads(x) for x in path.read_text(encoding="utf-8").splitlines()]
        assert len(lines) == 2
        for x in lines:
            regions = [tuple(s) for s in x["label"]]
            assert not overlapping(regions, by_layer=False)
            assert {lab for _, _, lab in regions} <= offered
            assert {labels()[lab]["tool"] for _, _, lab in regions} <= {group}


def doccano_relation_export(import_file, first_db_id=500):
    """What doccano 1.8 writes for an unchanged relation project: its own ids, Comments, meta."""
    out = []
    for n, x in enumerate(json.loads(line) for line in import_file.read_text(encoding="utf-8").splitlines()):
        ids = {e["id"]: first_db_id + 3 * k + n for k, e in enumerate(x["entities"])}
        out.append({"id": 40 + n, "text": x["text"],
                    "entities": [dict(e, id=ids[e["id"]]) for e in x["entities"]],
                    "relations": [dict(r, id=900 + k, from_id=ids[r["from_id"]], to_id=ids[r["to_id"]])
                                  for k, r in enumerate(x["relations"])],
                    "Comments": [], "meta": {"report": x["report"], "file": x["file"]}})
    return "".join(json.dumps(x, ensure_ascii=False) + "\n" for x in out)


def test_doccano_relation_export_imports_back(tmp_path):
    out = tmp_path / "rel.jsonl"
    assert main(["annotate", "export", "--rules-only", "--format", "doccano", "--relations", *PROJECT_REPORTS,
                 "--out", str(out)]) == 0
    types = {x["text"] for x in json.loads((tmp_path / "relation_config.json").read_text(encoding="utf-8"))}
    assert types == {"target", "actual"}
    lines = [json.loads(x) for x in out.read_text(encoding="utf-8").splitlines()]
    every_id = [e["id"] for x in lines for e in x["entities"]]
    assert len(every_id) == len(set(every_id))  # unique in the file, as doccano keeps them
    assert any(x["relations"] for x in lines)
    export = tmp_path / "admin.jsonl"
    export.write_text(doccano_relation_export(out), encoding="utf-8")
    target = tmp_path / "annotations"
    assert run_import("doccano", export, target, corpus=CORPUS) == 0
    got = load_records(target / "indicators.jsonl")
    for x in lines:
        assert sum((i["target"] is not None) + (i["actual"] is not None)
                   for i in got[x["report"]]["indicators"]) == len(x["relations"])


# ---------------------------------------------------------------- the tools' own files

def test_old_completions_with_numeric_users_round_trip(tmp_path):
    out = tmp_path / "annotations"
    assert run_import("label-studio", LS_OLD, out) == 0
    for kind in ("amounts", "indicators", "sentences"):
        gold = load_records(MINI / "annotations" / f"{kind}.jsonl")
        got = load_records(out / f"{kind}.jsonl")
        assert got.keys() == gold.keys()
        for rid in gold:
            assert got[rid]["annotator"] == "alice@example.org"  # the e-mail from created_username
    for who in ("alice@example.org", "7"):
        assert run_import("label-studio", LS_OLD, tmp_path / who / "amounts.jsonl", "--annotator", who) == 0


def test_an_annotator_who_is_not_there_is_an_error(tmp_path, capsys):
    assert run_import("label-studio", LS_EXPORT, tmp_path / "amounts.jsonl", "--annotator", "admin@example.com") == 1
    err = capsys.readouterr().err
    assert "no annotation by 'admin@example.com'" in err and "alice@example.org" in err
    assert not (tmp_path / "amounts.jsonl").exists()


# ---------------------------------------------------------------- merging into a gold

def test_merge_keeps_other_sentences_and_adds_no_new_labels(tmp_path, capsys):
    out = tmp_path / "annotations"
    shutil.copytree(MINI / "annotations", out)
    amounts = load_records(out / "amounts.jsonl")
    for record in amounts.values():  # a gold that annotates MONEY and PERCENT only
        record["spans"] = [s for s in record["spans"] if s["label"] in ("MONEY", "PERCENT")]
    (out / "amounts.jsonl").write_text("".join(json.dumps(amounts[k], ensure_ascii=False) + "\n"
                                               for k in sorted(amounts)), encoding="utf-8")
    sentences_before = load_records(out / "sentences.jsonl")
    text = (MINI / "raw" / f"{REPORT}.txt").read_text(encoding="utf-8")
    heading = text.index("三、存在问题")  # the classifier's negatives: sentences the tools do not offer
    sentences_before[REPORT]["other"] = [{"start": heading, "end": heading + 6, "text": "三、存在问题", "topic": None}]
    (out / "sentences.jsonl").write_text("".join(json.dumps(sentences_before[k], ensure_ascii=False) + "\n"
                                                 for k in sorted(sentences_before)), encoding="utf-8")
    assert run_import("label-studio", LS_EXPORT, out) == 0
    assert "QUANTITY spans left out" in capsys.readouterr().err
    after = load_records(out / "amounts.jsonl")
    for rid, record in amounts.items():
        assert [(s["label"], s["start"], s["end"]) for s in after[rid]["spans"]] == \
               [(s["label"], s["start"], s["end"]) for s in record["spans"]]
    for rid, record in load_records(out / "sentences.jsonl").items():
        assert record["other"] == sentences_before[rid]["other"]
        assert record["problems"] == sentences_before[rid]["problems"]
    indicators = load_records(out / "indicators.jsonl")
    gold = load_records(MINI / "annotations" / "indicators.jsonl")
    assert indicators == {rid: dict(r, annotator="alice@example.org") for rid, r in gold.items()}


# ---------------------------------------------------------------- malformed exports

def _edited(tmp_path, edit, source=LS_EXPORT):
    tasks = json.loads(source.read_text(encoding="utf-8"))
    edit(tasks)
    path = tmp_path / "export.json"
    path.write_text(json.dumps(tasks, ensure_ascii=False), encoding="utf-8")
    return path


def _set(path, value):
    def edit(tasks):
        target = tasks
        for key in path[:-1]:
            target = target[key]
        target[path[-1]] = value
    return edit


@pytest.mark.parametrize("edit, message", [
    (_set([0, "annotations"], 3), "task 1 (id 1): \"annotations\" is int, not a list"),
    (_set([0, "annotations", 0, "result", 0, "value", "labels"], {"MONEY": 1}), "task 1 (id 1) "),
    (_set([0, "annotations", 0, "result", 0, "value", "labels"], 7), "a list of exactly one label"),
    (_set([0, "annotations", 0, "result", 0, "value"], "MONEY"), "\"value\" is str"),
    (_set([0, "annotations", 0, "result"], {"a": 1}), "\"result\" is dict"),
    (_set([0, "annotations", 0, "result", 0, "value", "start"], -5), "offsets do not match"),
    (_set([0, "annotations", 0, "result", 0, "value", "start"], 10 ** 30), "offsets do not match"),
    (_set([0, "annotations", 0, "result", 0, "value", "start"], 1.5), "offsets do not match"),
    (lambda t: t.append(copy.deepcopy(t[0])), "again (first in task 1"),
    (_set([0, "annotations", 0], 12), "an annotation that is not an object"),
])
def test_malformed_label_studio_exports_get_one_line_and_write_nothing(tmp_path, capsys, edit, message):
    out = tmp_path / "annotations"
    shutil.copytree(MINI / "annotations", out)
    before = {p.name: p.read_bytes() for p in out.iterdir()}
    export = _edited(tmp_path, edit)
    assert run_import("label-studio", export, out) == 1
    err = capsys.readouterr().err
    assert "nothing written" in err and message in err and str(export) in err, err
    assert "Traceback" not in err
    assert {p.name: p.read_bytes() for p in out.iterdir()} == before


@pytest.mark.parametrize("content, message", [
    ("[" * 100_000 + "]" * 100_000, "nested too deeply"),
    ('[{"data": {"text": NaN}}]', "NaN is not a number JSON allows"),
    ("42", "expected a JSON list of tasks"),
])
def test_hostile_json_is_refused(tmp_path, capsys, content, message):
    export = tmp_path / "export.json"
    export.write_text(content, encoding="utf-8")
    assert run_import("label-studio", export, tmp_path / "amounts.jsonl") == 1
    err = capsys.readouterr().err
    assert message in err and str(export) in err and "Traceback" not in err
    assert not (tmp_path / "amounts.jsonl").exists()


def test_a_huge_export_is_refused_before_reading(tmp_path, capsys, monkeypatch):
    monkeypatch.setattr(labelstudio, "MAX_EXPORT_BYTES", 1000)
    assert run_import("label-studio", LS_EXPORT, tmp_path / "amounts.jsonl") == 1
    assert "more than the 1,000 an export may have" in capsys.readouterr().err


@pytest.mark.parametrize("edit, message", [
    (lambda x: x.update(label={"a": 1}), "\"label\" is dict"),
    (lambda x: x.update(label=[[0, "5", "MONEY"]]), "expected [start, end, label]"),
    (lambda x: x.update(label=[[10 ** 20, 10 ** 20 + 1, "MONEY"]]), "offsets do not match"),
])
def test_malformed_doccano_lines(tmp_path, capsys, edit, message):
    lines = [json.loads(x) for x in (FIXTURES / "doccano_bob.jsonl").read_text(encoding="utf-8").splitlines()]
    edit(lines[0])
    export = tmp_path / "bob.jsonl"
    export.write_text("".join(json.dumps(x, ensure_ascii=False) + "\n" for x in lines), encoding="utf-8")
    assert run_import("doccano", export, tmp_path / "amounts.jsonl") == 1
    err = capsys.readouterr().err
    assert f"{export}:1" in err and message in err and "Traceback" not in err
    assert not (tmp_path / "amounts.jsonl").exists()


def test_doccano_duplicates_nesting_and_nan(tmp_path, capsys):
    first = (FIXTURES / "doccano_bob.jsonl").read_text(encoding="utf-8").splitlines()[0]
    export = tmp_path / "bob.jsonl"
    export.write_text("\n".join([first, first, "[" * 100_000 + "]" * 100_000, '{"text": NaN}']) + "\n",
                      encoding="utf-8")
    assert run_import("doccano", export, tmp_path / "amounts.jsonl") == 1
    err = capsys.readouterr().err
    assert f"{export}:2: report" in err and "again (first on line 1)" in err
    assert f"{export}:3: JSON nested too deeply" in err and f"{export}:4: NaN" in err
    assert not (tmp_path / "amounts.jsonl").exists()


def test_a_real_label_studio_1_23_export_imports_losslessly(tmp_path, capsys):
    """Exported by Label Studio 1.23.2 itself after accepting govie's pre-annotations (see the fixture README)."""
    export = FIXTURES / "label_studio_1.23_export.json"
    assert run_import("label-studio", export, tmp_path / "a", "--annotator", "admin@example.com", corpus=CORPUS) == 1
    assert "names users by id only" in capsys.readouterr().err
    out = tmp_path / "annotations"
    assert run_import("label-studio", export, out, "--annotator", "1", corpus=CORPUS) == 0
    amounts, indicators, sentences = (load_records(out / f"{k}.jsonl") for k in ("amounts", "indicators", "sentences"))
    for task in json.loads(export.read_text(encoding="utf-8")):
        rid, result = task["data"]["report"], task["annotations"][0]["result"]
        regions = {(r["value"]["start"], r["value"]["end"], r["value"]["labels"][0]) for r in result
                   if r["type"] == "labels"}
        assert {(s["start"], s["end"], s["label"]) for s in amounts[rid]["spans"]} == \
               {x for x in regions if x[2] in ("MONEY", "PERCENT", "QUANTITY", "DATE", "ORG")}
        assert len(indicators[rid]["indicators"]) == sum(x[2] == "INDICATOR" for x in regions)
        assert sum((i["target"] is not None) + (i["actual"] is not None) for i in indicators[rid]["indicators"]) \
            == sum(r["type"] == "relation" for r in result)
        assert {(s["start"], s["end"]) for k in ("problems", "remedies") for s in sentences[rid][k]} == \
               {x[:2] for x in regions if x[2] in ("PROBLEM", "REMEDY")}
        assert amounts[rid]["annotator"] == "label-studio:1"
    assert main(["annotate", "validate", str(out), "--corpus", str(CORPUS)]) == 0


REAL_DOCCANO = {"labels": FIXTURES / "doccano_1.8.4_labels_export.jsonl",
                "relations": FIXTURES / "doccano_1.8.4_relations_export.jsonl",
                "sentences": FIXTURES / "doccano_1.8.4_sentences_export.jsonl"}


def test_a_real_doccano_1_8_export_merges_into_the_gold_losslessly(tmp_path):
    """Exported by doccano 1.8.4 itself from govie's export, every example confirmed unchanged (fixture README)."""
    gold = tmp_path / "annotations"
    shutil.copytree(CORPUS / "annotations", gold)
    before = {k: load_records(gold / f"{k}.jsonl") for k in ("amounts", "indicators", "sentences")}
    for name in ("relations", "sentences"):  # the relation project's file, then the sentences project's
        path = REAL_DOCCANO[name]
        assert run_import("doccano", path, gold, corpus=CORPUS) == 0  # no --replace: nothing removed
    after = {k: load_records(gold / f"{k}.jsonl") for k in before}
    lines = [json.loads(x) for x in REAL_DOCCANO["relations"].read_text(encoding="utf-8").splitlines()]
    amount_labels = {s["label"] for r in before["amounts"].values() for s in r["spans"]}
    for line in lines:
        rid = line["report"]  # doccano writes the imported columns at the top level, not under meta
        entity = {e["id"]: (e["start_offset"], e["end_offset"], e["label"]) for e in line["entities"]}
        # every span doccano kept is in the gold (QUANTITY only where the amounts gold has that label)
        assert {(s["start"], s["end"], s["label"]) for s in after["amounts"][rid]["spans"]} == \
               {x for x in entity.values() if x[2] in amount_labels}
        # every indicator and every link doccano kept, with doccano's own ids
        links = {(entity[r["from_id"]][:2], r["type"], entity[r["to_id"]][:2]) for r in line["relations"]}
        got = {((i["start"], i["end"]), key, (i[key]["start"], i[key]["end"]))
               for i in after["indicators"][rid]["indicators"] for key in ("target", "actual") if i[key]}
        assert got == links and len(links) == len(line["relations"])
        assert len(after["indicators"][rid]["indicators"]) == sum(x[2] == "INDICATOR" for x in entity.values())
        # doccano names the file after the user (admin.jsonl); the import takes the file's name
        assert after["amounts"][rid]["annotator"] == f"doccano:{REAL_DOCCANO['relations'].stem}"
        # the classifier's negatives, which no tool is offered, stay
        assert after["sentences"][rid]["other"] == before["sentences"][rid]["other"]
    for line in (json.loads(x) for x in REAL_DOCCANO["sentences"].read_text(encoding="utf-8").splitlines()):
        rec = after["sentences"][line["report"]]
        assert {(s["start"], s["end"], lab) for lab, key in (("PROBLEM", "problems"), ("REMEDY", "remedies"))
                for s in rec[key]} == {tuple(x) for x in line["label"]}
    imported = {x["report"] for x in lines}
    for kind in before:  # the other reports are untouched
        assert {r: v for r, v in after[kind].items() if r not in imported} == \
               {r: v for r, v in before[kind].items() if r not in imported}
    assert main(["annotate", "validate", str(gold), "--corpus", str(CORPUS)]) == 0


def test_a_real_doccano_export_without_relations_keeps_the_gold_links(tmp_path, capsys):
    """A default project (label triples, no relations) cannot carry links: the gold keeps its own,
    as long as the value's span is still in the file; a value span the annotator removed is a removal."""
    gold = tmp_path / "annotations"
    shutil.copytree(CORPUS / "annotations", gold)
    before = load_records(gold / "indicators.jsonl")
    lines = [json.loads(x) for x in REAL_DOCCANO["labels"].read_text(encoding="utf-8").splitlines()]
    assert all("relations" not in x and "entities" not in x for x in lines)
    assert run_import("doccano", REAL_DOCCANO["labels"], gold, corpus=CORPUS) == 0
    after = load_records(gold / "indicators.jsonl")
    for x in lines:
        rid = x["report"]
        spans = {(a, b) for a, b, _ in x["label"]}
        kept = lambda rec: {((i["start"], i["end"]), k, (i[k]["start"], i[k]["end"]))
                            for i in rec[rid]["indicators"] for k in ("target", "actual") if i[k]}
        assert kept(after) == {link for link in kept(before) if link[2] in spans}
        assert kept(after)  # the links are there, not emptied
    assert "_unlinked" not in (gold / "indicators.jsonl").read_text(encoding="utf-8")
    assert main(["annotate", "validate", str(gold), "--corpus", str(CORPUS)]) == 0
    # the annotator deletes one VALUE span that the gold links to: that link would be lost, so refused
    rid = lines[0]["report"]
    value = next(i["target"] for i in before[rid]["indicators"] if i["target"] and
                 [i["target"]["start"], i["target"]["end"], "VALUE"] in lines[0]["label"])
    edited = dict(lines[0], label=[t for t in lines[0]["label"] if t[:2] != [value["start"], value["end"]]])
    export = tmp_path / "bob.jsonl"
    export.write_text("".join(json.dumps(x, ensure_ascii=False) + "\n" for x in [edited, lines[1]]), encoding="utf-8")
    fresh = tmp_path / "fresh"
    shutil.copytree(CORPUS / "annotations", fresh)
    capsys.readouterr()
    assert run_import("doccano", export, fresh, corpus=CORPUS) == 1
    assert "target of indicator" in capsys.readouterr().err
