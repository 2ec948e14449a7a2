"""Throughput of ``govie.amounts(text)`` (the fast path) on the corpus, beside the spaCy floor.

    PYTHONPATH=$PWD python benchmarks/bench_amounts.py [--repeat 5]

Prints chars/s of CPU time (best of N runs over all of ``corpus/raw/*.txt``) for:
the fast path; the grammar's search alone (``find_amounts``); ``spacy.blank("zh")``
with jieba, the floor any spaCy pipeline pays; and the full rules pipeline's
amounts.  The machine may be shared, so compare the ratios printed, which are
measured in one run, rather than the absolute figures.  Issue 13 measured
JioNLP's money extraction at about 4.6 times the floor's throughput.
"""
from __future__ import annotations

import argparse
import json
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent


def best_rate(fn, texts, repeat):
    n = sum(map(len, texts))
    best = float("inf")
    for _ in range(repeat):
        t0 = time.process_time()
        for t in texts:
            fn(t)
        best = min(best, time.process_time() - t0)
    return n / best


def main(argv=None):
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--repeat", type=int, default=5)
    ap.add_argument("--json", help="also write the figures to this file")
    args = ap.parse_args(argv)
    import govie
    from govie.numbers import find_amounts
    texts = [p.read_text(encoding="utf-8") for p in sorted((ROOT / "corpus" / "raw").glob("*.txt"))]
    govie.amounts(texts[0])                      # load the lexicon and compile the grammar
    rates = {"govie.amounts": best_rate(govie.amounts, texts, args.repeat),
             "find_amounts (grammar only)": best_rate(lambda t: find_amounts(t + " "), texts, args.repeat)}
    try:
        import spacy
        blank = spacy.blank("zh", config={"nlp": {"tokenizer": {"segmenter": "jieba"}}})
        blank(texts[0])
        rates["spacy.blank('zh') jieba (floor)"] = best_rate(blank, texts, args.repeat)
        nlp = govie.load(rules_only=True)
        rates["govie.extract, rules_only"] = best_rate(lambda t: govie.extract(t, nlp=nlp), texts,
                                                       max(1, args.repeat // 2))
    except ImportError:
        pass
    floor = rates.get("spacy.blank('zh') jieba (floor)")
    print(f"corpus: {len(texts)} files, {sum(map(len, texts))} chars; best of {args.repeat} (CPU time)")
    for name, rate in rates.items():
        ratio = f"{rate / floor:6.2f}x the floor" if floor else ""
        print(f"{name:<34}{rate:>12,.0f} chars/s  {ratio}")
    if args.json:
        Path(args.json).write_text(json.dumps(rates, indent=2), encoding="utf-8")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
