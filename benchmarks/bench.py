"""Speed and memory of govie, as ratios against baselines run in the same process.

Machines are noisy, so absolute seconds mean little; what this prints is how
govie compares with the work it cannot avoid:

- extraction throughput against plain jieba segmentation of the same text;
- peak memory of extracting a large text against the size of that text;
- pipeline load time against a blank spaCy Chinese pipeline.

    python benchmarks/bench.py [--repeat 3] [--scale 40]
"""
from __future__ import annotations

import argparse
import time
import tracemalloc
from pathlib import Path

import jieba
import spacy

import govie

CORPUS = Path(__file__).resolve().parent.parent / "corpus" / "raw"


def best_of(repeat: int, fn) -> float:
    times = []
    for _ in range(repeat):
        t0 = time.perf_counter()
        fn()
        times.append(time.perf_counter() - t0)
    return min(times)


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--repeat", type=int, default=3)
    ap.add_argument("--scale", type=int, default=40, help="copies of the corpus in the memory test")
    ap.add_argument("--rules-only", action="store_true")
    args = ap.parse_args()

    text = "\n".join(p.read_text(encoding="utf-8") for p in sorted(CORPUS.glob("*.txt")))
    segmenter = jieba.Tokenizer()
    segmenter.initialize()
    nlp = govie.load(rules_only=args.rules_only)
    govie.extract(text[:1000], nlp=nlp)  # warm caches

    t_jieba = best_of(args.repeat, lambda: list(segmenter.cut(text)))
    t_govie = best_of(args.repeat, lambda: govie.extract(text, nlp=nlp))
    print(f"corpus: {len(text):,} characters")
    print(f"jieba segmentation   {len(text) / t_jieba:>12,.0f} chars/s")
    print(f"govie extract        {len(text) / t_govie:>12,.0f} chars/s")
    print(f"extract / segment time ratio: {t_govie / t_jieba:.2f}")

    big = text * args.scale
    tracemalloc.start()
    govie.extract(big, nlp=nlp)
    _, peak = tracemalloc.get_traced_memory()
    tracemalloc.stop()
    text_bytes = len(big.encode("utf-8"))
    print(f"memory: peak {peak / 2**20:,.1f} MiB for {text_bytes / 2**20:,.1f} MiB of text "
          f"(ratio {peak / text_bytes:.2f})")

    t_blank = best_of(args.repeat, lambda: spacy.blank("zh"))
    t_load = best_of(args.repeat, lambda: govie.load(rules_only=args.rules_only))
    print(f"load: govie.load() / spacy.blank('zh') time ratio: {t_load / t_blank:.2f} "
          f"({t_load:.2f} s against {t_blank:.2f} s)")


if __name__ == "__main__":
    main()
