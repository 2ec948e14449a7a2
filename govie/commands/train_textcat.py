"""``govie train-textcat``: train the problem/remedy sentence classifier and save it to models/."""
from __future__ import annotations

import sys

from ..statements.classifier import DEFAULT_MODEL


def register(sub) -> None:
    p = sub.add_parser(
        "train-textcat", help="train the PROBLEM / REMEDY / OTHER sentence classifier (models/textcat-statements)",
        description="Train govie_statements' sentence classifier (config: govie/statements/textcat.cfg) on the "
                    "annotated sentences of corpus/annotations/sentences.jsonl and the written sentences of "
                    "govie/statements/extra_sentences.jsonl, and save it. Same seed, same model.")
    p.add_argument("--out", default=str(DEFAULT_MODEL), help=f"where to save the model (default: {DEFAULT_MODEL})")
    p.add_argument("--corpus", default="corpus", help="corpus folder with raw/ and annotations/ (default: corpus)")
    p.add_argument("--extra", default=None, metavar="JSONL",
                   help="written sentences, one {\"text\", \"label\"} per line "
                        "(default: govie/statements/extra_sentences.jsonl)")
    p.add_argument("--config", default=None, help="spaCy training config (default: govie/statements/textcat.cfg)")
    p.add_argument("--seed", type=int, default=0)
    p.add_argument("--exclude", action="append", default=[], metavar="REPORT_ID",
                   help="leave a corpus report out of training (repeatable)")
    p.add_argument("--quiet", action="store_true", help="do not print spaCy's training log (the progress bar stays)")
    p.set_defaults(func=run)


def run(args) -> int:
    from ..statements.training import CONFIG, train_textcat

    log = None if args.quiet else sys.stdout
    train_textcat(args.out, corpus=args.corpus, extra=args.extra, seed=args.seed, exclude=args.exclude,
                  config=args.config or CONFIG, log=log, progress=True)
    print(f"sentence classifier saved to {args.out}")
    return 0
