"""Batches: inputs named apart, outputs written whole, order kept, failures reported, work resumed."""
import json
import os
import signal
import subprocess
import sys
import time

import pytest
from spacy.tokens import Doc, DocBin

import govie
from govie.batch import Input, JsonDirWriter, JsonlWriter, Outcome, find_inputs, run_batch
from govie.cli import main

from conftest import CORPUS, ROOT

RAW = sorted(str(p) for p in (CORPUS / "raw").glob("*.txt"))
SMALL = "单位：万元\n全年预算数\t2,460.50\n预算完成率\t97.3%\n"


def cli(capsys, *args):
    code = main(["extract", "--rules-only", *args])
    out, err = capsys.readouterr()
    return code, out, err


def test_inputs_with_the_same_name_get_their_own_outputs(tmp_path, capsys):
    for folder in ("a", "b"):
        (tmp_path / folder).mkdir()
        (tmp_path / folder / "report.txt").write_text(SMALL, encoding="utf-8")
    (tmp_path / "a" / "report.html").write_text("<p>" + SMALL + "</p>", encoding="utf-8")
    inputs = find_inputs([str(tmp_path / "a" / "report.txt"), str(tmp_path / "b" / "report.txt"),
                          str(tmp_path / "a" / "report.html")])
    assert len({i.name for i in inputs}) == 3
    out = tmp_path / "out"
    code, _, err = cli(capsys, str(tmp_path / "a" / "report.txt"), str(tmp_path / "b"), "--out", str(out))
    assert code == 0, err
    written = sorted(str(p.relative_to(out)) for p in out.rglob("*.json"))
    assert written == ["a/report.json", "b/report.json"]
    # Beside each JSON, the text govie read, and files readable like any other the user writes.
    assert (out / "a" / "report.txt").read_text(encoding="utf-8") == SMALL
    reference = tmp_path / "reference"
    reference.write_text("x")
    assert os.stat(out / "a" / "report.json").st_mode & 0o777 == os.stat(reference).st_mode & 0o777


def test_a_folder_a_glob_and_stdin(tmp_path, capsys, monkeypatch):
    code, out, _ = cli(capsys, str(CORPUS / "raw"), "--format", "jsonl")
    assert code == 0 and [json.loads(line)["source"] for line in out.splitlines()] == RAW
    code, out, _ = cli(capsys, str(CORPUS / "raw" / "*_table.txt"), "--format", "jsonl")
    assert len(out.splitlines()) == len([p for p in RAW if p.endswith("_table.txt")])
    monkeypatch.setattr(sys, "stdin", __import__("io").StringIO(SMALL))
    code, out, _ = cli(capsys, "-")
    assert [e["value"] for e in json.loads(out)[0]["entities"]] == [24605000.0, 97.3]


def test_symlinks_planted_in_out_are_not_followed(tmp_path, capsys):
    src = tmp_path / "in"
    src.mkdir()
    (src / "x.txt").write_text(SMALL, encoding="utf-8")
    (src / "sub").mkdir()
    (src / "sub" / "y.txt").write_text(SMALL, encoding="utf-8")
    outside = tmp_path / "outside"
    outside.mkdir()
    victim = outside / "victim.json"
    victim.write_text("keep me")
    out = tmp_path / "out"
    out.mkdir()
    (out / "x.json").symlink_to(victim)      # a file link: replaced by the report, target untouched
    (out / "sub").symlink_to(outside)         # a folder link: nothing written through it
    code, _, err = cli(capsys, str(src), "--out", str(out))
    assert victim.read_text() == "keep me"
    assert not (out / "x.json").is_symlink() and json.loads((out / "x.json").read_text())["entities"]
    assert sorted(os.listdir(outside)) == ["victim.json"]
    assert code == 1 and "symlink" in err and "Traceback" not in err


def test_output_errors_are_messages_not_tracebacks(tmp_path, capsys):
    blocker = tmp_path / "file"
    blocker.write_text("")
    code, _, err = cli(capsys, RAW[1], "--out", str(blocker / "out"))
    assert code != 0 and "govie: error:" in err and "Traceback" not in err


def test_a_bad_file_is_reported_and_the_batch_goes_on_in_order(tmp_path, capsys):
    good = tmp_path / "good.txt"
    good.write_text(SMALL, encoding="utf-8")
    binary = tmp_path / "scan.txt"
    binary.write_bytes(bytes(range(256)) * 40)
    fifo = tmp_path / "pipe.txt"
    os.mkfifo(fifo)
    long = tmp_path / "long.txt"
    long.write_text(SMALL * 10, encoding="utf-8")
    args = [str(binary), str(good), str(fifo), RAW[1], "--format", "jsonl"]
    for jobs in ("1", "2"):
        code, out, err = cli(capsys, *args, "--jobs", jobs)
        assert code == 1
        assert "scan.txt: binary" in err and "pipe.txt: not a regular file" in err
        assert [json.loads(line)["source"] for line in out.splitlines()] == [str(good), RAW[1]]
    code, out, err = cli(capsys, str(long), str(good), "--format", "jsonl", "--max-chars", "200")
    assert code == 1 and "long.txt" in err and "limit of 200" in err    # the file and the limit named
    assert [json.loads(line)["source"] for line in out.splitlines()] == [str(good)]
    assert govie.extract(SMALL * 10, max_chars=None).entities
    with pytest.raises(ValueError, match="limit of 200"):
        govie.extract(SMALL * 10, max_chars=200)


def test_parallel_output_equals_the_serial_one(capsys):
    _, serial, _ = cli(capsys, *RAW, "--format", "json")
    code, parallel, _ = cli(capsys, *RAW, "--format", "json", "--jobs", "2")
    assert code == 0 and parallel == serial
    assert json.loads(serial) == [govie.extract_file(p, nlp=govie.load(rules_only=True)).to_dict() for p in RAW]


def test_runs_appending_to_one_jsonl_keep_every_report_and_resume_skips(tmp_path, capsys):
    out = tmp_path / "out"
    for path in RAW[:4]:
        assert cli(capsys, path, "--format", "jsonl", "--out", str(out))[0] == 0
    with open(out / "reports.jsonl", "a", encoding="utf-8") as fh:
        fh.write('{"source": "half a line')          # a run killed mid-write
    assert cli(capsys, *RAW, "--format", "jsonl", "--out", str(out), "--resume")[0] == 0
    lines = (out / "reports.jsonl").read_text(encoding="utf-8").splitlines()
    assert [json.loads(line)["source"] for line in lines] == RAW


def test_resume_skips_reports_already_written(tmp_path, capsys):
    out = tmp_path / "out"
    assert cli(capsys, RAW[0], "--out", str(out))[0] == 0
    first = out / (os.path.basename(RAW[0])[:-4] + ".json")
    first.write_text('{"marker": true}')              # not rewritten by a resumed run
    assert cli(capsys, *RAW, "--out", str(out), "--resume")[0] == 0
    assert json.loads(first.read_text()) == {"marker": True}
    assert len(list(out.glob("*.json"))) == len(RAW)


def test_an_interrupted_batch_leaves_whole_files_and_resume_finishes(tmp_path):
    src = tmp_path / "in"
    src.mkdir()
    text = open(RAW[0], encoding="utf-8").read()
    for i in range(12):
        (src / f"r{i:02d}.txt").write_text(text, encoding="utf-8")
    out = tmp_path / "out"
    cmd = [sys.executable, "-m", "govie", "extract", "--rules-only", str(src), "--out", str(out)]
    proc = subprocess.Popen(cmd, cwd=ROOT, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)
    deadline = time.time() + 300
    while time.time() < deadline and len(list(out.glob("*.json"))) < 2 and proc.poll() is None:
        time.sleep(0.2)
    proc.send_signal(signal.SIGINT)
    _, err = proc.communicate(timeout=300)
    assert "Traceback" not in err
    done = list(out.glob("*.json"))
    assert done and not list(out.glob(".*part"))        # no half-written file
    for path in done:
        json.loads(path.read_text(encoding="utf-8"))
    r = subprocess.run(cmd + ["--resume"], cwd=ROOT, capture_output=True, text=True)
    assert r.returncode == 0, r.stderr
    assert len(list(out.glob("*.json"))) == 12


def test_doc_extensions_survive_serialisation_and_multiprocessing(nlp):
    texts = [open(p, encoding="utf-8").read() for p in RAW[:3]]
    doc = nlp(texts[0])
    keys = [k for k in doc.user_data if isinstance(k, tuple)]
    assert {k[1] for k in keys} >= {"mentions", "tables", "indicators", "sections"}
    again = Doc(nlp.vocab).from_bytes(doc.to_bytes())
    assert again._.mentions == doc._.mentions and again._.indicators == doc._.indicators
    bin_ = DocBin(store_user_data=True)
    bin_.add(doc)
    from_bin = next(DocBin().from_bytes(bin_.to_bytes()).get_docs(nlp.vocab))
    assert list(from_bin._.mentions) == doc._.mentions and list(from_bin._.tables) == list(doc._.tables)
    serial = [d._.mentions for d in nlp.pipe(texts)]
    assert [d._.mentions for d in nlp.pipe(texts, n_process=2)] == serial


def test_the_writers_alone(tmp_path):
    item = Input(RAW[1], "nested/one")
    outcome = next(run_batch([item], nlp=govie.load(rules_only=True)))
    JsonDirWriter(tmp_path).write(outcome)
    assert json.loads((tmp_path / "nested" / "one.json").read_text(encoding="utf-8")) == outcome.report
    writer = JsonlWriter(tmp_path / "all.jsonl")
    writer.write(outcome)
    writer.write(Outcome(item, report={"source": "other"}))
    writer.close()
    assert writer.written_sources() == {RAW[1], "other"}
