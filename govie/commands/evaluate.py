"""``govie evaluate``: precision, recall and F1 against the corpus gold."""
from __future__ import annotations

from ..evaluation.amounts import evaluate_amounts
from ..evaluation.scores import format_table
from ..pipeline import load


def register(sub) -> None:
    p = sub.add_parser("evaluate", help="score govie against the gold annotations of a corpus",
                       description="Print precision, recall and F1 per label and per task against "
                                   "corpus/annotations/.")
    p.add_argument("--corpus", default="corpus", help="corpus folder with raw/ and annotations/ (default: corpus)")
    p.add_argument("--errors", action="store_true", help="list every missed and spurious span")
    p.add_argument("--rules-only", action="store_true", help="use the rule pipeline even if a trained model exists")
    p.set_defaults(func=run)


def run(args) -> int:
    nlp = load(rules_only=args.rules_only)
    errors = [] if args.errors else None
    per_label, value_accuracy = evaluate_amounts(args.corpus, nlp=nlp, errors=errors)
    print(format_table("Amounts (exact span and label)", per_label))
    print(f"value accuracy on matched spans: {value_accuracy:.3f}")
    for rid, kind, key, text in errors or []:
        print(f"  {kind:<9}{rid}  {key[0]:<8}{key[1]:>6}-{key[2]:<6}{text!r}")
    return 0
