"""Reports as tables: to_frames, write_tables, to_json, repr and `govie extract --format csv|xlsx|parquet`."""
import inspect
import json
import subprocess
import sys

import pandas as pd
import pytest

import govie
from conftest import CORPUS, ROOT

RAW = sorted((CORPUS / "raw").glob("*.txt"))


@pytest.fixture(scope="module")
def reports(nlp):
    return [govie.extract_file(p, nlp=nlp) for p in RAW]


def test_one_row_per_item_with_its_source(reports):
    frames = govie.to_frames(reports)
    assert len(frames["reports"]) == len(frames["budget"]) == len(reports)
    assert len(frames["entities"]) == sum(len(r.entities) for r in reports)
    assert len(frames["indicators"]) == sum(len(r.indicators) for r in reports)
    assert len(frames["statements"]) == sum(len(r.problems) + len(r.remedies) for r in reports)
    assert len(frames["audit"]) == sum(len(r.audit()) for r in reports)
    for name, frame in frames.items():
        assert "source" in frame.columns, name
        assert set(frame["source"]) <= {r.source for r in reports}
    # Each entity row is the report's entity, offsets into the report's text.
    by_source = {r.source: r for r in reports}
    for row in frames["entities"].head(200).itertuples():
        assert by_source[row.source].text[row.start:row.end] == row.text


def test_indicator_columns_flatten_target_and_actual(reports):
    frame = govie.to_frames(reports)["indicators"]
    for column in ("name", "level1", "level2", "target_text", "target_value", "actual_text",
                   "actual_value", "met", "weight", "score"):
        assert column in frame.columns
    first = next(ind for r in reports for ind in r.indicators if ind.get("target"))
    row = frame[(frame["name"] == first["name"]) & (frame["start"] == first["start"])].iloc[0]
    assert row["target_text"] == first["target"]["text"]


def test_statements_keep_kind(reports):
    frame = govie.to_frames(reports)["statements"]
    assert set(frame["kind"]) <= {"problem", "remedy"}
    assert (frame["kind"] == "problem").sum() == sum(len(r.problems) for r in reports)


def test_empty_input_has_the_same_columns():
    empty, full = govie.to_frames([]), govie.to_frames([govie.extract("全年预算数 100 万元。")])
    for kind in full:
        assert list(empty[kind].columns)[:len(full[kind].columns)] == list(full[kind].columns)[:len(empty[kind].columns)]


def test_dicts_work_like_reports(reports):
    a = govie.to_frames(reports)["entities"]
    b = govie.to_frames([r.to_dict() for r in reports])["entities"]
    pd.testing.assert_frame_equal(a, b)


@pytest.mark.parametrize("fmt", ["csv", "xlsx", "parquet"])
def test_write_tables_reads_back(reports, tmp_path, fmt):
    frames = govie.to_frames(reports[:2])
    paths = govie.frames.write_tables(frames, tmp_path / "out", fmt)
    assert {p.name for p in paths} == {f"{k}.{fmt}" for k in frames}
    reader = {"csv": pd.read_csv, "xlsx": pd.read_excel, "parquet": pd.read_parquet}[fmt]
    back = reader(tmp_path / "out" / f"entities.{fmt}")
    assert len(back) == len(frames["entities"])
    assert list(back["text"]) == list(frames["entities"]["text"])
    assert not list((tmp_path / "out").glob(".*.tmp*"))


def test_unknown_format_is_refused(tmp_path):
    with pytest.raises(ValueError, match="unknown table format"):
        govie.frames.write_tables({}, tmp_path, "xls")


def test_to_json_and_a_short_repr(reports):
    r = reports[0]
    assert json.loads(r.to_json()) == json.loads(json.dumps(r.to_dict()))
    assert "\\u" not in r.to_json()
    assert len(repr(r)) < 300 and r.source in repr(r)
    assert repr(govie.extract("")).startswith("<Report")


def test_extract_command_writes_one_table_per_kind(tmp_path):
    out = tmp_path / "tables"
    r = subprocess.run([sys.executable, "-m", "govie", "extract", "--rules-only", "--format", "parquet",
                        "--out", str(out), *map(str, RAW[:2])], cwd=ROOT, capture_output=True, text=True)
    assert r.returncode == 0, r.stderr
    assert {p.name for p in out.iterdir()} == {f"{k}.parquet" for k in
                                               ("reports", "budget", "entities", "indicators", "statements", "audit")}
    assert set(pd.read_parquet(out / "reports.parquet")["source"]) == {str(p) for p in RAW[:2]}
    r = subprocess.run([sys.executable, "-m", "govie", "extract", "--format", "xlsx", str(RAW[0])],
                       cwd=ROOT, capture_output=True, text=True)
    assert r.returncode == 2 and "--out" in r.stderr


def test_the_public_api_is_documented():
    import inspect

    for name in govie.__all__:
        obj = getattr(govie, name)
        if callable(obj):
            assert inspect.getdoc(obj), name
    assert "to_frames" in govie.__all__ and inspect.getdoc(govie.Report.to_json)
