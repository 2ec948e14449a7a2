"""``govie extract DIR|GLOB|FILE|- ...``: the JSON contract for each report, one or a corpus."""
from __future__ import annotations

import argparse
import csv
import json
import os
import sys
import textwrap

from ..batch import STDIN, BatchError, JsonDirWriter, JsonlWriter, find_inputs, progress, run_batch
from ..extract import DEFAULT_MAX_CHARS

CSV_FIELDS = ["source", "label", "start", "end", "text", "value", "unit", "currency", "comparator", "approximate"]


def register(sub) -> None:
    p = sub.add_parser("extract", help="extract amounts, indicators, budget and problems from report files",
                       description="One JSON object per report (the JSON contract of DESIGN.md). Inputs are files, "
                                   "folders (searched for report files), glob patterns, or - for one report on "
                                   "standard input. Reports come out in input order, each as soon as it is done; "
                                   "a file that cannot be read is reported on stderr and the others go on; the exit "
                                   "status is 1 if any file failed.")
    p.add_argument("files", nargs="+", metavar="DIR|GLOB|FILE|-", help="report files, folders or glob patterns")
    p.add_argument("--encoding", metavar="CODEC", help="decode text and HTML files with CODEC instead of "
                   "telling it from the bytes (e.g. gb18030, big5, utf-16); PDF and Office files carry their own")
    p.add_argument("--format", choices=["json", "jsonl", "csv", "xlsx", "parquet"], default="json",
                   help="json: a list of reports (with --out: DIR/<name>.json each); jsonl: a report per line; "
                        "csv: an entity per row (with --out: one table per kind, see govie.to_frames); "
                        "xlsx, parquet: one table per kind, needs --out (with --scheduler: Parquet partitions)")
    p.add_argument("--out", metavar="DIR", help="write files into DIR instead of printing (json: DIR/<name>.json and "
                   "DIR/<name>.txt, the text read, with <name> the input's path relative to the inputs' common "
                   "folder; jsonl: appended to DIR/reports.jsonl; csv: DIR/entities.csv)")
    p.add_argument("--jobs", "-j", type=int, default=1, metavar="N",
                   help="worker processes, each loading the pipeline once (default: 1)")
    p.add_argument("--resume", action="store_true",
                   help="with --out: skip the reports already written (an interrupted batch finishes the rest)")
    p.add_argument("--max-chars", type=int, default=DEFAULT_MAX_CHARS, metavar="N",
                   help=f"refuse a report longer than N characters (default: {DEFAULT_MAX_CHARS:,}; 0: no limit)")
    p.add_argument("--scheduler", metavar="ADDRESS",
                   help="run on a Dask cluster at ADDRESS (tcp://host:8786; needs govie[dask]) and write "
                        "--out DIR/part-*.jsonl, one partition per batch of inputs (see govie.distributed)")
    p.add_argument("--progress", action=argparse.BooleanOptionalAction, default=None,
                   help="show a progress bar (default: when stderr is a terminal)")
    p.add_argument("--summary", action="store_true", help="print a readable summary of each report")
    p.add_argument("--rules-only", action="store_true", help="use the rule pipeline even if a trained model exists")
    p.set_defaults(func=run)


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


class _Stream:
    """Reports printed as they come, in the chosen format, holding none of them."""

    def __init__(self, fmt: str, out):
        self.fmt, self.out, self.n = fmt, out, 0
        if fmt == "csv":
            self.writer = csv.DictWriter(out, fieldnames=CSV_FIELDS, extrasaction="ignore", lineterminator="\n")
            self.writer.writeheader()

    def write(self, rep: dict) -> None:
        if self.fmt == "json":   # the same bytes as json.dumps(list, indent=1), one report at a time
            item = textwrap.indent(json.dumps(rep, ensure_ascii=False, indent=1), " ")
            self.out.write(("[\n" if self.n == 0 else ",\n") + item)
        elif self.fmt == "jsonl":
            self.out.write(json.dumps(rep, ensure_ascii=False) + "\n")
        else:
            for ent in rep["entities"]:
                self.writer.writerow({"source": rep["source"], **ent})
        self.n += 1
        self.out.flush()

    def close(self) -> None:
        if self.fmt == "json":
            self.out.write("[]\n" if self.n == 0 else "\n]\n")
        self.out.flush()


class _Tables:
    """DIR/<kind>.csv|xlsx|parquet, one table per kind (govie.to_frames), written at the end of the run.

    The tables of a corpus are built from every report, so this holds the reports' dicts
    (not their texts) until the end; each file is written to a temporary name and renamed.
    """

    def __init__(self, root, fmt: str):
        from ..batch import SafeFolder
        SafeFolder(root)            # the same checks of --out as the other writers
        self.root, self.fmt, self.reports = root, fmt, []

    def write(self, rep: dict) -> None:
        self.reports.append(rep)

    def close(self) -> None:
        from ..frames import to_frames, write_tables
        for path in write_tables(to_frames(self.reports), self.root, self.fmt):
            print(f"wrote {path}", file=sys.stderr)


def _error(message: str) -> int:
    print(f"govie: error: {message}", file=sys.stderr)
    return 2


def run(args) -> int:
    max_chars = args.max_chars or None
    if args.resume and not args.out:
        return _error("--resume needs --out (it skips the reports already written there)")
    if args.jobs < 1:
        return _error("--jobs must be 1 or more")
    if args.scheduler:
        from ..distributed import run_cli
        return run_cli(args)
    if args.format in ("xlsx", "parquet") and not args.out:
        return _error(f"--format {args.format} writes one file per table: give --out DIR")
    inputs = find_inputs(args.files)
    if not inputs:
        return _error("no report files found in " + " ".join(args.files))
    stdin_text = sys.stdin.read() if any(i.path == STDIN for i in inputs) else None
    worker_writer, parent_writer = None, None
    try:
        if args.out and args.format == "json":
            worker_writer = JsonDirWriter(args.out)
            if args.resume:
                inputs = [i for i in inputs if not worker_writer.done(i)]
        elif args.out and args.format == "jsonl":
            parent_writer = JsonlWriter(os.path.join(args.out, "reports.jsonl"))
            if args.resume:
                written = parent_writer.written_sources()
                inputs = [i for i in inputs if i.path not in written]
        elif args.out:
            parent_writer = _Tables(args.out, args.format)
        elif not args.summary:
            parent_writer = _Stream(args.format, sys.stdout)
    except BatchError as exc:
        return _error(str(exc))
    failed = written = 0
    outcomes = run_batch(inputs, jobs=args.jobs, rules_only=args.rules_only, max_chars=max_chars,
                         writer=worker_writer, stdin_text=stdin_text, encoding=args.encoding)
    try:
        for outcome in progress(outcomes, total=len(inputs), enabled=args.progress):
            if outcome.error:
                print(f"govie: error: {outcome.error}", file=sys.stderr)
                failed += 1
                continue
            for warning in outcome.warnings:
                print(f"govie: warning: {warning}", file=sys.stderr)
            if parent_writer is not None:
                parent_writer.write(outcome if isinstance(parent_writer, JsonlWriter) else outcome.report)
            written += 1
            if args.summary:
                print(summary_line(outcome.report))
        if parent_writer is not None:
            parent_writer.close()
    except KeyboardInterrupt:
        print(f"govie: interrupted; {written} reports written"
              + (", rerun with --resume to finish the rest" if args.out else ""), file=sys.stderr)
        return 130
    except OSError as exc:
        return _error(f"cannot write the output: {exc.strerror or exc}"
                      + (f" ({exc.filename})" if getattr(exc, "filename", None) else ""))
    if args.summary and args.out:
        print(f"{written} reports written to {args.out}/")
    return 1 if failed else 0
