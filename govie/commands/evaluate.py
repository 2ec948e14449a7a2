"""``govie evaluate``: precision, recall and F1 against the corpus gold, task by task."""
from __future__ import annotations

import importlib
import inspect
from pathlib import Path

from ..evaluation import TASKS
from ..pipeline import load


def register(sub) -> None:
    p = sub.add_parser("evaluate", help="score govie against the gold annotations of a corpus",
                       description="Print precision, recall and F1 per label and per task against "
                                   "corpus/annotations/. Tasks: " + ", ".join(TASKS) + ".")
    p.add_argument("--corpus", default="corpus", help="corpus folder with raw/ and annotations/ (default: corpus)")
    p.add_argument("--task", choices=TASKS, action="append", help="only this task (repeatable)")
    p.add_argument("--errors", action="store_true", help="list what was missed and what was spurious")
    p.add_argument("--rules-only", action="store_true", help="use the rule pipeline even if a trained model exists")
    p.add_argument("--model", metavar="PATH", help="evaluate the pipeline saved in PATH (e.g. one `govie train "
                   "--out PATH` wrote) instead of the shipped one")
    p.add_argument("--cross-validate", action="store_true",
                   help="also measure trained components leave-one-report-out (retrains them; slower)")
    p.set_defaults(func=run)


def run(args) -> int:
    from ..cli import error

    if args.model and args.rules_only:
        error("--model and --rules-only exclude each other")
        return 2
    if args.model and not (Path(args.model) / "config.cfg").is_file():
        error(f"{args.model}: not a saved spaCy pipeline (no config.cfg); train one with `govie train --out PATH`")
        return 2
    nlp = load(path=args.model) if args.model else load(rules_only=args.rules_only)
    for name in args.task or TASKS:
        module = importlib.import_module(f"..evaluation.{name}", __package__)
        gold = module.gold_path(args.corpus) if hasattr(module, "gold_path") else \
            Path(args.corpus) / "annotations" / f"{module.GOLD}.jsonl"
        if not gold.exists():
            print(f"{name}: no gold ({gold}); skipped\n")
            continue
        extra = {"cross_validate": True} if args.cross_validate and \
            "cross_validate" in inspect.signature(module.report).parameters else {}
        print(module.report(args.corpus, nlp, args.errors, **extra))
        print()
    return 0
