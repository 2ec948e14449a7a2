"""``govie train-segmenter``: train the project's pkuseg model into models/pkuseg-genre."""
from __future__ import annotations

from ..segment.tokenizer import DEFAULT_PKUSEG_MODEL


def register(sub) -> None:
    p = sub.add_parser("train-segmenter", help="train a spacy-pkuseg segmentation model for the genre",
                       description="Train pkuseg on the corpus and generated examples segmented by jieba with the "
                                   "genre dictionary and number/unit splitting; segmenter='pkuseg' then uses it.")
    p.add_argument("--corpus", default="corpus")
    p.add_argument("--out", default=str(DEFAULT_PKUSEG_MODEL), help=f"model folder (default: {DEFAULT_PKUSEG_MODEL})")
    p.add_argument("--generated", type=int, default=3000, help="number of generated examples (default: 3000)")
    p.add_argument("--iterations", type=int, default=10)
    p.add_argument("--seed", type=int, default=0)
    p.set_defaults(func=run)


def run(args) -> int:
    from ..training.segmenter import train_segmenter

    out = train_segmenter(args.corpus, args.out, n_generated=args.generated, seed=args.seed,
                          iterations=args.iterations)
    print(f"pkuseg model saved to {out}")
    return 0
