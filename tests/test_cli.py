"""The command line, on the corpus and on bad input."""
import json
import os
import subprocess
import sys

import pytest

from conftest import CORPUS, ROOT

RAW = sorted(str(p) for p in (CORPUS / "raw").glob("*.txt"))


def govie(*args, **kw):
    return subprocess.run([sys.executable, "-m", "govie", *args], capture_output=True, text=True,
                          cwd=ROOT, **kw)


def test_help_documents_every_command():
    out = govie("--help").stdout
    from govie.cli import COMMANDS
    for name in COMMANDS:
        assert name in out
        assert govie(name, "--help").returncode == 0


def test_extract_keeps_the_contract_on_the_corpus():
    r = govie("extract", "--format", "json", *RAW)
    assert r.returncode == 0, r.stderr
    reports = json.loads(r.stdout)
    assert len(reports) == len(RAW)
    for path, rep in zip(RAW, reports):
        text = open(path, encoding="utf-8").read()
        assert set(rep) >= {"source", "department", "year", "self_score", "grade", "budget",
                            "entities", "indicators", "problems", "remedies"}
        for e in rep["entities"]:
            assert text[e["start"]:e["end"]] == e["text"]


def test_jsonl_and_csv_and_out_dir(tmp_path):
    r = govie("extract", "--format", "jsonl", RAW[0], RAW[1])
    assert [json.loads(line)["source"] for line in r.stdout.splitlines()] == RAW[:2]
    r = govie("extract", "--format", "csv", RAW[1])
    assert r.stdout.splitlines()[0].startswith("source,label,start,end,text,value")
    assert any(",MONEY," in row for row in r.stdout.splitlines()[1:])
    r = govie("extract", "--out", str(tmp_path), "--summary", *RAW)
    assert r.returncode == 0
    assert len(list(tmp_path.glob("*.json"))) == len(RAW)
    assert "MONEY" in r.stdout


def test_a_bad_batch_loses_nothing(tmp_path):
    empty = tmp_path / "empty.txt"
    empty.write_bytes(b"")
    binary = tmp_path / "scan.txt"
    binary.write_bytes(bytes(range(256)) * 40)
    gbk = tmp_path / "gbk.txt"
    gbk.write_bytes("单位：万元\n全年预算数\t2,460.50\n预算完成率\t97.3%\n".encode("gb18030"))
    mangled = tmp_path / "mangled.txt"
    mangled.write_text("单位：万元\n\t\t|||\n关键指标\t预期实现值\n\t≥\t%\n|12.|\t-\t1,\n" * 50, encoding="utf-8")
    missing = tmp_path / "missing.txt"
    r = govie("extract", str(empty), str(binary), str(gbk), str(missing), str(mangled), RAW[1])
    assert r.returncode == 1
    assert "scan.txt: binary" in r.stderr and "missing.txt: no such file" in r.stderr
    reports = json.loads(r.stdout)
    assert [os.path.basename(x["source"]) for x in reports] == [
        "empty.txt", "gbk.txt", "mangled.txt", os.path.basename(RAW[1])]
    assert reports[0]["entities"] == []
    assert [e["value"] for e in reports[1]["entities"]] == [24605000.0, 97.3]


@pytest.mark.slow
def test_a_50_mb_file_completes_with_bounded_memory(tmp_path):
    big = tmp_path / "big.txt"
    block = open(RAW[3], encoding="utf-8").read().encode("utf-8")
    with open(big, "wb") as fh:
        for _ in range(50 * 1024 * 1024 // len(block) + 1):
            fh.write(block)
    # The rule pipeline: this test is about size and memory; the NER's speed is the benchmark's business.
    code = ("import resource, sys, govie;"
            "r = govie.extract_file(sys.argv[1], nlp=govie.load(rules_only=True));"
            "amounts = [e for e in r.entities if e['label'] in ('MONEY', 'PERCENT', 'QUANTITY')];"
            "print(len(amounts), resource.getrusage(resource.RUSAGE_SELF).ru_maxrss)")
    r = subprocess.run([sys.executable, "-c", code, str(big)], capture_output=True, text=True, cwd=ROOT)
    assert r.returncode == 0, r.stderr[-2000:]
    n_amounts, peak_kb = map(int, r.stdout.split())
    copies = 50 * 1024 * 1024 // len(block) + 1
    # Amounts are local, so every copy holds the same ones; indicators may pair across a copy's end.
    per_copy = len([e for e in json.loads(govie("extract", "--rules-only", RAW[3]).stdout)[0]["entities"]
                    if e["label"] in ("MONEY", "PERCENT", "QUANTITY")])
    assert n_amounts == per_copy * copies
    # The text itself is ~17M characters; the pipeline works a chunk at a time.
    assert peak_kb < 2_500_000
