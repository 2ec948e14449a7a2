"""``govie train``: train the NER and save the combined pipeline to models/govie-zh."""
from __future__ import annotations

import tempfile
from pathlib import Path

from ..pipeline import DEFAULT_MODEL


def register(sub) -> None:
    p = sub.add_parser("train", help="train the NER (MONEY, PERCENT, QUANTITY, INDICATOR) and save the pipeline",
                       description="Train govie's NER on the corpus gold, rule-labelled text and generated examples "
                                   "(config: govie/training/ner.cfg), then save the rules + model pipeline. "
                                   "Same seed, same model.")
    p.add_argument("--corpus", default="corpus", help="corpus folder (default: corpus)")
    p.add_argument("--out", default=str(DEFAULT_MODEL), help=f"where to save the pipeline (default: {DEFAULT_MODEL})")
    p.add_argument("--generated", type=int, default=1500, help="number of generated examples (default: 1500)")
    p.add_argument("--seed", type=int, default=0)
    p.add_argument("--max-steps", type=int, default=None, help="training steps (default: the config's)")
    p.add_argument("--reports", type=int, default=None, help="train on the first N corpus reports only (smoke runs)")
    p.set_defaults(func=run)


def run(args) -> int:
    from ..corpus.gold import corpus_reports
    from ..pipeline import load
    from ..training.ner import assemble, corpus_texts, generated_texts, train_ner

    from ..progress import prepare_out

    prepare_out(args.out)  # a folder that cannot be written fails now, not after the training
    rules = load(rules_only=True)
    ids = {rid for rid, _ in corpus_reports(args.corpus)[:args.reports]} if args.reports else None
    train = corpus_texts(args.corpus, ids, nlp=rules) + generated_texts(args.generated, args.seed)
    dev = generated_texts(max(20, args.generated // 8), args.seed + 1)
    with tempfile.TemporaryDirectory() as tmp:
        ner_dir, report = train_ner(Path(tmp) / "ner", train, dev, seed=args.seed, max_steps=args.max_steps)
        out = assemble(ner_dir, args.out)
    print(f"trained on {report.docs} texts with {report.spans} spans; "
          f"{len(report.misaligned)} spans did not fit the tokens and were left out")
    print(f"pipeline saved to {out}")
    return 0
