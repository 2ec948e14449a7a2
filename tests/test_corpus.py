"""The corpus format: schema, validation (malformed input included), and load_corpus as datasets."""
import json
import os
import shutil
import subprocess
import sys
import textwrap

import pytest

from conftest import CORPUS, ROOT
from govie.cli import main
from govie.corpus import labels, load_schema, validate_file, validate_path
from govie.corpus.records import CorpusFormatError, load_records
from govie.corpus.schema import check, subschema, unsupported_keywords

FIXTURES = ROOT / "tests" / "fixtures" / "annotate"
MINI = FIXTURES / "corpus"
REPORT = "2023_demo_jiedao_report"


# ---------------------------------------------------------------- schema

def test_schema_is_draft_2020_12_and_within_the_validators_subset():
    schema = load_schema()
    assert schema["$schema"] == "https://json-schema.org/draft/2020-12/schema"
    assert unsupported_keywords(schema) == []
    assert set(schema["$defs"]["label"]["enum"]) == set(labels())


def test_schema_accepts_every_fixture_record_and_names_what_is_wrong():
    for kind in ("amounts", "indicators", "sentences"):
        for record in load_records(MINI / "annotations" / f"{kind}.jsonl").values():
            assert list(check(record, subschema(f"{kind}_record"))) == []
    record = load_records(MINI / "annotations" / "amounts.jsonl")[REPORT]
    record["spans"][0]["start"] = "50"
    record["spans"][1]["vaule"] = 1
    del record["annotator"]
    problems = dict(check(record, subschema("amounts_record")))
    assert "missing required field 'annotator'" in problems["(record)"]
    assert "is not of type integer" in problems["/spans/0/start"]
    assert "unexpected field 'vaule'" in problems["/spans/1"]


def test_budget_records_in_both_shapes_fit_the_schema():
    head = {"id": "x", "file": "raw/x.txt", "schema_version": "1.0", "annotator": "a"}
    plain = {**head, "department": "某街道办事处", "year": 2023, "self_score": 98.0, "grade": "优",
             "budget": {"adjusted": 132594100.0, "spent": None}}
    located = {**head, "budget": {"adjusted": {"value": 132594100.0, "start": 3, "end": 14, "text": "13259.41 万元"}}}
    assert list(check(plain, subschema("budget_record"))) == []
    assert list(check(located, subschema("budget_record"))) == []
    assert list(check({**head, "budget": {"spent": "很多"}}, subschema("budget_record")))


# ---------------------------------------------------------------- validate

def test_the_project_corpus_validates():
    issues = [i for i in validate_path(CORPUS / "annotations") if i.severity == "error"]
    assert issues == [], "\n".join(map(str, issues))


def test_the_fixture_corpus_validates():
    assert validate_path(MINI / "annotations") == []


def _mini_copy(tmp_path):
    corpus = tmp_path / "corpus"
    shutil.copytree(MINI, corpus)
    return corpus


def _rewrite(path, edit):
    lines = path.read_text(encoding="utf-8").splitlines()
    records = [json.loads(line) for line in lines]
    edit(records)
    path.write_text("".join(json.dumps(r, ensure_ascii=False) + "\n" for r in records), encoding="utf-8")


def test_every_error_is_reported_with_file_and_line(tmp_path):
    corpus = _mini_copy(tmp_path)
    path = corpus / "annotations" / "amounts.jsonl"

    def break_it(records):
        report, table = records  # line 1: report, line 2: table
        report["spans"][0]["start"] += 1                       # text no longer matches
        report["spans"][1]["end"] = 10_000                      # outside the text
        report["spans"][2]["label"] = "MONY"                    # unknown label
        report["spans"][3]["value"] = 18.0                      # 180 家 is 180
        table["spans"][0]["label"] = "PERCENT"                  # 1,234.50 is no percentage
        table["spans"].append(dict(table["spans"][1], label="QUANTITY"))  # overlaps the MONEY span

    _rewrite(path, break_it)
    issues = validate_file(path)
    text = "\n".join(map(str, issues))
    by_line = {}
    for i in issues:
        by_line.setdefault(i.line, []).append(i.message)
    assert all(i.path == str(path) for i in issues)
    assert any("/spans/0: text '4,527.36 万元' but the file has" in m for m in by_line[1]), text
    assert any("/spans/1: offsets 66-10000 outside the text" in m for m in by_line[1]), text
    assert any("unknown label 'MONY'" in m for m in by_line[1]), text
    assert any("/spans/3: QUANTITY '180 家' has value 18.0, the normaliser reads 180.0" in m for m in by_line[1]), text
    assert any("'1,234.50' reads as a bare number, not PERCENT" in m for m in by_line[2]), text
    assert any("overlaps" in m for m in by_line[2]), text
    assert all(str(i).startswith(f"{path}:{i.line}: {i.severity}: ") for i in issues)
    assert [i.message for i in issues if i.severity == "warning"] == ["/spans: not sorted by start"]


def test_broken_json_is_reported_with_its_line_and_the_rest_is_still_checked(tmp_path):
    corpus = _mini_copy(tmp_path)
    path = corpus / "annotations" / "amounts.jsonl"
    good = path.read_text(encoding="utf-8").splitlines()
    path.write_text(good[0] + "\n" + '{"id": "2023_demo_jiedao_table", "spans": [\n' + "[1, 2]\n",
                    encoding="utf-8")
    issues = validate_file(path)
    assert [(i.line, i.message.split(":")[0]) for i in issues] == [(2, "broken JSON"),
                                                                   (3, "expected a JSON object, found list")]
    with pytest.raises(CorpusFormatError, match=r"amounts.jsonl:2: broken JSON"):
        load_records(path)


def test_header_problems(tmp_path):
    corpus = _mini_copy(tmp_path)
    path = corpus / "annotations" / "sentences.jsonl"

    def edit(records):
        records[1]["id"] = records[0]["id"]               # a second record for one report
        records[0]["file"] = "raw/missing_report.txt"     # no such file, not its id
        records[1]["schema_version"] = "0.9"

    _rewrite(path, edit)
    messages = [(i.line, i.message) for i in validate_file(path)]
    assert any(line == 1 and "is not the name of file" in m for line, m in messages)
    assert any(line == 1 and "'raw/missing_report.txt': no such file" in m for line, m in messages)
    assert any(line == 2 and "second record for report" in m and "first on line 1" in m for line, m in messages)
    assert any(line == 2 and "/schema_version" in m for line, m in messages)


def test_sentences_and_indicators_are_checked_too(tmp_path):
    corpus = _mini_copy(tmp_path)

    def sentences(records):
        s = records[0]["problems"][0]
        records[0]["remedies"].append({"start": s["start"] + 2, "end": s["end"], "text": s["text"][2:]})

    def indicators(records):
        records[0]["indicators"][0]["name"]["text"] = "服务企业"
        records[0]["indicators"][1]["target"]["value"] = 9.0

    _rewrite(corpus / "annotations" / "sentences.jsonl", sentences)
    _rewrite(corpus / "annotations" / "indicators.jsonl", indicators)
    messages = [str(i) for i in validate_path(corpus / "annotations")]
    assert any("sentences.jsonl:1" in m and "REMEDY" in m and "overlaps" in m for m in messages), messages
    assert any("indicators.jsonl:1" in m and "/indicators/0/name: text '服务企业'" in m for m in messages), messages
    assert any("indicators.jsonl:1" in m and "/indicators/1/target: value 9.0 but '≥90%' reads as 90.0" in m
               for m in messages), messages


def test_validate_command(tmp_path, capsys):
    assert main(["annotate", "validate", str(MINI / "annotations")]) == 0
    assert "0 error(s)" in capsys.readouterr().err
    corpus = _mini_copy(tmp_path)
    path = corpus / "annotations" / "amounts.jsonl"
    lines = path.read_text(encoding="utf-8").splitlines()
    path.write_text(lines[0] + "\n" + lines[1][:-3] + "\n", encoding="utf-8")
    assert main(["annotate", "validate", str(path)]) == 1
    out, err = capsys.readouterr()
    assert f"{path}:2: error: broken JSON" in out
    assert "1 error(s)" in err
    assert main(["annotate", "validate", str(tmp_path / "nowhere.jsonl")]) == 1


def test_unsorted_spans_are_a_warning_only(tmp_path):
    corpus = _mini_copy(tmp_path)
    path = corpus / "annotations" / "amounts.jsonl"
    _rewrite(path, lambda records: records[0]["spans"].reverse())
    issues = validate_file(path)
    assert [(i.severity, i.message) for i in issues] == [("warning", "/spans: not sorted by start")]


# ---------------------------------------------------------------- datasets

OFFLINE_SCRIPT = textwrap.dedent("""
    import json, sys
    from govie.corpus import load_corpus, leave_one_report_out
    ds = load_corpus(sys.argv[1])
    folds = [(rid, len(f["train"]), list(f["test"]["id"])) for rid, f in leave_one_report_out(ds)]
    print(json.dumps({"splits": {k: list(v["id"]) for k, v in ds.items()}, "folds": folds,
                      "offline": __import__("datasets").config.HF_DATASETS_OFFLINE}))
""")


def test_load_corpus_on_a_fresh_clone_with_no_network(tmp_path):
    clone = tmp_path / "clone" / "corpus"
    shutil.copytree(CORPUS, clone)
    env = {**os.environ, "HF_DATASETS_OFFLINE": "1", "HF_HUB_OFFLINE": "1", "HF_HOME": str(tmp_path / "hf"),
           "HF_DATASETS_CACHE": str(tmp_path / "hf" / "datasets"), "PYTHONPATH": str(ROOT),
           "NO_PROXY": "*", "HTTPS_PROXY": "http://127.0.0.1:9", "HTTP_PROXY": "http://127.0.0.1:9"}
    r = subprocess.run([sys.executable, "-c", OFFLINE_SCRIPT, str(clone)], capture_output=True, text=True,
                       cwd=tmp_path, env=env)
    assert r.returncode == 0, r.stderr
    result = json.loads(r.stdout.strip().splitlines()[-1])
    assert result["offline"] is True
    ids = sorted(p.stem for p in (CORPUS / "raw").glob("*.txt"))
    train, test = result["splits"]["train"], result["splits"]["test"]
    assert sorted(train + test) == ids and not set(train) & set(test) and test
    assert [f[0] for f in result["folds"]] == ids
    assert all(n == len(ids) - 1 and t == [rid] for rid, n, t in result["folds"])


@pytest.fixture(scope="module")
def corpus_ds():
    from govie.corpus import load_corpus

    return load_corpus(CORPUS)


def test_rows_carry_text_metadata_and_annotations(corpus_ds):
    from govie.corpus.records import load_annotations

    gold = load_annotations(CORPUS)
    for split in corpus_ds.values():
        for row in split:
            text = (CORPUS / row["file"]).read_text(encoding="utf-8")
            assert row["text"] == text
            assert row["metadata"]["year"] in (2021, 2022) and row["metadata"]["city"] == "广州市"
            assert len(row["amounts"]) == len(gold["amounts"][row["id"]]["spans"])
            for span in row["amounts"] + row["regions"]:
                assert text[span["start"]:span["end"]] == span["text"]
            assert json.loads(row["annotations_json"]).keys() == {k for k in gold if row["id"] in gold[k]}
            assert row["annotators"]["amounts"] == "gold-a"
            if row["id"] in gold.get("budget", {}):
                expected = gold["budget"][row["id"]]
                assert row["budget"]["year"] == expected["year"]
                rate = expected["budget"].get("execution_rate")
                assert row["budget"]["execution_rate"] == (rate.get("value") if isinstance(rate, dict) else rate)
            if row["id"] in gold.get("indicators", {}):
                assert len(row["indicators"]) == len(gold["indicators"][row["id"]]["indicators"])


def test_splits_are_by_report_deterministic_and_stable():
    from govie.corpus.dataset import assign_splits

    ids = [f"20{y}_district_{i}_report" for y in (21, 22, 23) for i in range(40)]
    split = assign_splits(ids)
    assert split == assign_splits(list(reversed(ids)))
    assert 0.1 < sum(v == "test" for v in split.values()) / len(ids) < 0.3
    more = assign_splits(ids + [f"2024_new_{i}_table" for i in range(10)])
    assert all(more[i] == split[i] for i in ids)  # adding reports moves none of the others
    assert set(assign_splits(["a", "b"]).values()) == {"train", "test"}


def test_map_over_govie_extraction_with_two_processes(corpus_ds):
    import govie
    from govie.corpus import predict

    small = corpus_ds["train"].select(range(2))
    mapped = predict(small, num_proc=2)
    assert mapped.num_rows == 2
    for row in mapped:
        expected = govie.extract(row["text"]).to_dict()
        assert json.loads(row["prediction_json"])["entities"] == expected["entities"]
        assert [(e["label"], e["start"], e["end"]) for e in row["predicted_entities"]] == \
               [(e["label"], e["start"], e["end"]) for e in expected["entities"]]


def test_mapped_function_pickles():
    import pickle
    from functools import partial

    from govie.corpus.dataset import extract_example

    fn = pickle.loads(pickle.dumps(partial(extract_example, rules_only=True)))
    out = fn({"text": "全年预算数 4,527.36 万元，完成预算的 97.41%。", "file": "x"})
    assert [e["label"] for e in out["predicted_entities"]] == ["MONEY", "PERCENT"]


def test_load_corpus_names_a_broken_annotation_line(tmp_path):
    from govie.corpus import load_corpus

    corpus = _mini_copy(tmp_path)
    with open(corpus / "annotations" / "sentences.jsonl", "a", encoding="utf-8") as fh:
        fh.write("{not json\n")
    with pytest.raises(CorpusFormatError, match=r"sentences.jsonl:3: broken JSON"):
        load_corpus(corpus)


def test_indicators_in_the_contracts_shape(tmp_path):
    """``{"name": "…", "start", "end", "target": {...}}`` as Report.to_dict() writes it: the name is the
    reader's form (no PDF line break), the offsets are the file's."""
    corpus = tmp_path / "corpus"
    (corpus / "raw").mkdir(parents=True)
    (corpus / "annotations").mkdir()
    text = "城区环境综合\n治理达标率年度指标值为 95%，实际完成 97%。\n"
    (corpus / "raw" / "2024_x_report.txt").write_text(text, encoding="utf-8")

    def at(s):
        i = text.index(s)
        return {"start": i, "end": i + len(s), "text": s}
    ind = {"name": "城区环境综合治理达标率", "start": 0, "end": 12, "section": None,
           "target": {**at("95%"), "value": 95.0, "unit": "%", "comparator": None},
           "actual": {**at("97%"), "value": 97.0, "unit": "%", "comparator": None}, "met": True,
           "source": "narrative", "reported_met": None, "task_amount": None}
    record = {"id": "2024_x_report", "file": "raw/2024_x_report.txt", "schema_version": "1.0",
              "annotator": "a", "indicators": [ind]}
    path = corpus / "annotations" / "indicators.jsonl"
    path.write_text(json.dumps(record, ensure_ascii=False) + "\n", encoding="utf-8")
    assert validate_file(path) == []
    from govie.corpus.dataset import report_rows
    (row,) = report_rows(corpus)
    assert row["indicators"][0]["name"]["text"] == "城区环境综合\n治理达标率"
    assert [(r["label"], r["text"]) for r in row["regions"]] == [
        ("INDICATOR", "城区环境综合\n治理达标率"), ("TARGET", "95%"), ("ACTUAL", "97%")]
    ind["name"] = "城区环境治理达标率"
    ind["actual"]["value"] = 79.0
    path.write_text(json.dumps(record, ensure_ascii=False) + "\n", encoding="utf-8")
    messages = [i.message for i in validate_file(path)]
    assert any(m.startswith("/indicators/0: text '城区环境治理达标率' but the file has") for m in messages), messages
    assert any("/indicators/0/actual: value 79.0 but '97%' reads as 97.0" in m for m in messages), messages


def test_records_of_the_wrong_shape_are_reported_not_crashed_on(tmp_path):
    corpus = _mini_copy(tmp_path)
    head = {"id": REPORT, "file": f"raw/{REPORT}.txt", "schema_version": "1.0", "annotator": "a"}
    odd = {
        "amounts": [{**head, "spans": 5},
                    {**head, "id": "2023_demo_jiedao_table", "file": "raw/2023_demo_jiedao_table.txt",
                     "spans": [{"start": "a", "end": None, "label": 3, "text": 5}, "span", None]}],
        "indicators": [{**head, "indicators": "x"}],
        "sentences": [{**head, "problems": {"a": 1}, "remedies": [{"start": 3, "end": 1, "text": ""}]}],
        "budget": [{**head, "budget": [], "year": "2023"}],
        "other": [{**head, "whatever": True}, 7],
    }
    for kind, records in odd.items():
        (corpus / "annotations" / f"{kind}.jsonl").write_text(
            "".join(json.dumps(r) + "\n" for r in records), encoding="utf-8")
    issues = validate_path(corpus / "annotations")
    files = {os.path.basename(i.path) for i in issues if i.severity == "error"}
    assert files == {f"{kind}.jsonl" for kind in odd}
    assert any("offsets 3-1 outside the text" in i.message for i in issues)
