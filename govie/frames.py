"""Reports as tables: one pandas DataFrame per kind of finding, for researchers.

>>> import govie
>>> frames = govie.to_frames([govie.extract("全年预算数 4,527.36 万元，执行数 4,410.02 万元。")])
>>> sorted(frames)
['audit', 'budget', 'entities', 'indicators', 'reports', 'statements']
>>> frames["entities"][["label", "value"]].values.tolist()
[['MONEY', 45273600.0], ['MONEY', 44100200.0]]

Every table has a ``source`` column (the report's file) and one row per item:
``reports`` a row per report (department, year, score, grade), ``budget`` a row
per report with every budget field, ``entities`` a row per amount,
``indicators`` a row per indicator (target and actual flattened to
``target_text``, ``target_value``, ``target_unit`` …; where govie read it,
the indicator's own ``source`` key, is ``found_in``), ``statements`` a row
per problem or remedy sentence (``kind``), ``audit`` a row per finding.
:func:`write_tables` writes them as CSV, XLSX or Parquet files.
"""
from __future__ import annotations

import json
import os
import tempfile
from collections.abc import Iterable
from pathlib import Path
from typing import Any

import pandas as pd

from .report import BUDGET_FIELDS, Report

ENTITY_COLUMNS = ["source", "label", "start", "end", "text", "value", "value_max", "unit", "currency",
                  "comparator", "approximate"]
# Indicator keys are read with .get: some are added by later work on the pipeline.
INDICATOR_COLUMNS = ["source", "name", "start", "end", "section", "level1", "level2",
                     "target_text", "target_value", "target_unit", "target_comparator",
                     "actual_text", "actual_value", "actual_unit", "actual_comparator",
                     "met", "weight", "score", "reason", "found_in"]
STATEMENT_COLUMNS = ["source", "kind", "start", "end", "text", "topic"]
REPORT_COLUMNS = ["source", "department", "year", "self_score", "grade"]
AUDIT_COLUMNS = ["source", "check", "message", "details"]
FORMATS = ("csv", "xlsx", "parquet")


def _as_dict(report: Report | dict) -> dict:
    return report.to_dict() if isinstance(report, Report) else report


def _value_columns(prefix: str, value: Any) -> dict:
    value = value if isinstance(value, dict) else {}
    return {f"{prefix}_{key}": value.get(key) for key in ("text", "value", "unit", "comparator")}


def _indicator_row(source: str | None, ind: dict) -> dict:
    return {"source": source, "name": ind.get("name"), "start": ind.get("start"), "end": ind.get("end"),
            "section": ind.get("section"), "level1": ind.get("level1"), "level2": ind.get("level2"),
            **_value_columns("target", ind.get("target")), **_value_columns("actual", ind.get("actual")),
            "met": ind.get("met"), "weight": ind.get("weight"), "score": ind.get("score"),
            "reason": ind.get("reason"), "found_in": ind.get("source")}


def _audit_rows(source: str | None, report: Report | dict) -> list[dict]:
    if not isinstance(report, Report):
        return []
    rows = []
    for finding in report.audit():
        details = {k: v for k, v in finding.items() if k not in ("check", "message")}
        rows.append({"source": source, "check": finding.get("check"), "message": finding.get("message"),
                     "details": json.dumps(details, ensure_ascii=False, default=str)})
    return rows


def to_frames(reports: Iterable[Report | dict]) -> dict[str, pd.DataFrame]:
    """DataFrames of ``reports`` (Report objects or ``to_dict()`` results), one per kind.

    Keys: ``reports``, ``budget``, ``entities``, ``indicators``, ``statements``
    and ``audit`` (audit findings need Report objects; dicts give none).  Each
    table has a ``source`` column naming the report, and the same columns
    whether or not anything was found, so tables of many corpora concatenate.
    """
    rows: dict[str, list[dict]] = {k: [] for k in ("reports", "budget", "entities", "indicators",
                                                   "statements", "audit")}
    for report in reports:
        data = _as_dict(report)
        source = data.get("source")
        rows["reports"].append({k: data.get(k) for k in REPORT_COLUMNS})
        budget = data.get("budget") or {}
        extra = [k for k in budget if k not in BUDGET_FIELDS]
        rows["budget"].append({"source": source, **{k: budget.get(k) for k in (*BUDGET_FIELDS, *extra)}})
        rows["entities"] += [{"source": source, **{k: e.get(k) for k in ENTITY_COLUMNS[1:]}}
                             for e in data.get("entities") or []]
        rows["indicators"] += [_indicator_row(source, ind) for ind in data.get("indicators") or []]
        for kind, key in (("problem", "problems"), ("remedy", "remedies")):
            rows["statements"] += [{"source": source, "kind": kind, **{k: s.get(k) for k in STATEMENT_COLUMNS[2:]}}
                                   for s in data.get(key) or []]
        rows["audit"] += _audit_rows(source, report)
    columns = {"reports": REPORT_COLUMNS, "budget": ["source", *BUDGET_FIELDS], "entities": ENTITY_COLUMNS,
               "indicators": INDICATOR_COLUMNS, "statements": STATEMENT_COLUMNS, "audit": AUDIT_COLUMNS}
    frames = {}
    for kind, found in rows.items():
        frame = pd.DataFrame(found)
        for column in columns[kind]:
            if column not in frame.columns:
                frame[column] = None
        ordered = columns[kind] + [c for c in frame.columns if c not in columns[kind]]
        frames[kind] = frame[ordered]
    return frames


def write_tables(frames: dict[str, pd.DataFrame], out_dir: str | os.PathLike, fmt: str = "csv") -> list[Path]:
    """Write each frame to ``out_dir/<kind>.<fmt>`` (csv, xlsx or parquet); returns the paths.

    Each file is written to a temporary name and renamed, so an interrupted
    run leaves no half-written table.  CSV is UTF-8 with a BOM, which
    spreadsheet programs need to show Chinese text.
    """
    if fmt not in FORMATS:
        raise ValueError(f"unknown table format {fmt!r}; use one of {', '.join(FORMATS)}")
    out = Path(out_dir)
    out.mkdir(parents=True, exist_ok=True)
    written = []
    for kind, frame in frames.items():
        target = out / f"{kind}.{fmt}"
        fd, tmp = tempfile.mkstemp(prefix=f".{target.name}.", suffix=f".tmp.{fmt}", dir=out)
        os.close(fd)
        try:
            if fmt == "csv":
                frame.to_csv(tmp, index=False, encoding="utf-8-sig")
            elif fmt == "xlsx":
                _for_excel(frame).to_excel(tmp, index=False, sheet_name=kind, engine="openpyxl")
            else:
                _for_parquet(frame).to_parquet(tmp, index=False)
            os.chmod(tmp, 0o644)
            os.replace(tmp, target)
        finally:
            if os.path.exists(tmp):
                os.unlink(tmp)
        written.append(target)
    return written


_CONTROL = dict.fromkeys(c for c in range(32) if chr(c) not in "\t\n\r")


def _for_excel(frame: pd.DataFrame) -> pd.DataFrame:
    """XLSX cannot hold control characters (PDF text has some): they are dropped from cells."""
    return frame.map(lambda v: v.translate(_CONTROL) if isinstance(v, str) else v)


def _for_parquet(frame: pd.DataFrame) -> pd.DataFrame:
    """Parquet needs one type per column: columns mixing numbers and words become text."""
    frame = frame.copy()
    for column in frame.columns:
        kinds = {type(v) for v in frame[column] if v is not None and not (isinstance(v, float) and v != v)}
        if len(kinds) > 1 and not kinds <= {int, float}:
            frame[column] = frame[column].map(lambda v: None if v is None else str(v))
    return frame


__all__ = ["FORMATS", "to_frames", "write_tables"]
