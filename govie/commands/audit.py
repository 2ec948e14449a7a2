"""``govie audit FILE...``: arithmetic that does not hold within each report."""
from __future__ import annotations

import json
import os
import sys

from ..pipeline import load
from . import extract_each


def register(sub) -> None:
    p = sub.add_parser("audit", help="list figures of a report that do not add up",
                       description="Check each report against itself: 预算完成率 against spending ÷ budget, "
                                   "调整额 against adjusted − initial budget, 预算调整率, the tasks' funding "
                                   "against the budget, indicators scored as met that miss their target, and "
                                   "shares above 100%. Every finding lists its figures, their offsets and the "
                                   "rounding tolerance.")
    p.add_argument("files", nargs="+", metavar="FILE", help="report text files (UTF-8 or GB18030/GBK)")
    p.add_argument("--format", choices=["text", "json"], default="text",
                   help="text: one line per finding; json: a list of {source, findings}")
    p.add_argument("--strict", action="store_true", help="exit with status 3 when anything is found")
    p.add_argument("--rules-only", action="store_true", help="use the rule pipeline even if a trained model exists")
    p.set_defaults(func=run)


def _line(finding: dict) -> str:
    where = ", ".join(f"{s['role']}@{s['start']}-{s['end']}" for s in finding["spans"])
    tol = f" (tolerance {finding['tolerance']:g})" if finding.get("tolerance") is not None else ""
    return f"  {finding['check']}: {finding['message']}{tol}" + (f" [{where}]" if where else "")


def run(args) -> int:
    nlp = load(rules_only=args.rules_only)
    done, failed = extract_each(args.files, nlp, action="audit")
    results = [{"source": path, "findings": report.audit()} for path, report in done]
    if args.format == "json":
        sys.stdout.write(json.dumps(results, ensure_ascii=False, indent=1) + "\n")
    else:
        for res in results:
            found = res["findings"]
            print(f"{os.path.basename(res['source'])}: {len(found)} finding{'s' if len(found) != 1 else ''}")
            for f in found:
                print(_line(f))
    if failed:
        return 1
    return 3 if args.strict and any(r["findings"] for r in results) else 0
