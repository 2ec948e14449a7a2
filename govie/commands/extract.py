"""``govie extract FILE...``: the JSON contract for each file."""
from __future__ import annotations

import csv
import io
import json
import os
import sys
from pathlib import Path

from . import extract_each
from ..pipeline import load

CSV_FIELDS = ["source", "label", "start", "end", "text", "value", "unit", "currency", "comparator", "approximate"]


def register(sub) -> None:
    p = sub.add_parser("extract", help="extract amounts, indicators, budget and problems from report files",
                       description="Print one JSON object per input file (the JSON contract of DESIGN.md). "
                                   "A file that cannot be read is reported on stderr and the others go on; "
                                   "the exit status is 1 if any file failed.")
    p.add_argument("files", nargs="+", metavar="FILE", help="report text files (UTF-8 or GB18030/GBK)")
    p.add_argument("--format", choices=["json", "jsonl", "csv", "xlsx", "parquet"], default="json",
                   help="json: a list of reports; jsonl: a report per line; csv: an entity per row "
                        "(with --out: one table per kind); xlsx, parquet: one table per kind, needs --out")
    p.add_argument("--out", metavar="DIR", help="write files into DIR instead of printing "
                   "(json: DIR/<name>.json; jsonl: DIR/reports.jsonl; csv: DIR/entities.csv)")
    p.add_argument("--summary", action="store_true", help="print a readable summary of each report")
    p.add_argument("--rules-only", action="store_true", help="use the rule pipeline even if a trained model exists")
    p.set_defaults(func=run)


def _csv(reports: list[dict]) -> str:
    buf = io.StringIO()
    writer = csv.DictWriter(buf, fieldnames=CSV_FIELDS, extrasaction="ignore", lineterminator="\n")
    writer.writeheader()
    for rep in reports:
        for ent in rep["entities"]:
            writer.writerow({"source": rep["source"], **ent})
    return buf.getvalue()


def render(reports: list[dict], fmt: str) -> str:
    if fmt == "json":
        return json.dumps(reports, ensure_ascii=False, indent=1) + "\n"
    if fmt == "jsonl":
        return "".join(json.dumps(r, ensure_ascii=False) + "\n" for r in reports)
    return _csv(reports)


def summary_line(rep: dict) -> str:
    counts = {}
    for ent in rep["entities"]:
        counts[ent["label"]] = counts.get(ent["label"], 0) + 1
    found = ", ".join(f"{n} {label}" for label, n in sorted(counts.items())) or "no amounts"
    budget = rep["budget"]
    money = (f"; budget {budget['adjusted']:,.0f} 元, spent {budget['spent']:,.0f} 元"
             if budget.get("adjusted") and budget.get("spent") else "")
    score = f"; score {rep['self_score']:g}" if rep.get("self_score") is not None else ""
    return (f"{os.path.basename(rep['source'] or '-')}: {rep['department'] or '?'} {rep['year'] or ''}"
            f" — {found}; {len(rep['indicators'])} indicators; {len(rep['problems'])} problems, "
            f"{len(rep['remedies'])} remedies{money}{score}")


def run(args) -> int:
    nlp = load(rules_only=args.rules_only)
    done, failed = extract_each(args.files, nlp)
    reports = [report.to_dict() for _, report in done]
    # --- tables for researchers (govie/frames.py; helper "users") ---
    if args.format in ("csv", "xlsx", "parquet") and args.out:
        from ..frames import to_frames, write_tables

        for path in write_tables(to_frames([report for _, report in done]), args.out, args.format):
            print(f"wrote {path}", file=sys.stderr)
    elif args.format in ("xlsx", "parquet"):
        from ..cli import error

        error(f"--format {args.format} writes one file per table: give --out DIR")
        return 2
    # --- end of tables ---
    elif args.out:
        out = Path(args.out)
        out.mkdir(parents=True, exist_ok=True)
        if args.format == "json":
            for rep in reports:
                name = Path(rep["source"]).stem + ".json"
                (out / name).write_text(json.dumps(rep, ensure_ascii=False, indent=1) + "\n", encoding="utf-8")
        else:
            target = out / ("reports.jsonl" if args.format == "jsonl" else "entities.csv")
            target.write_text(render(reports, args.format), encoding="utf-8")
    elif not args.summary:
        sys.stdout.write(render(reports, args.format))
    if args.summary:
        for rep in reports:
            print(summary_line(rep))
        if args.out:
            print(f"{len(reports)} reports written to {args.out}/")
    return 1 if failed else 0
