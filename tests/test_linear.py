"""Cost per character does not grow with the document (a ratio in one run, not a clock)."""
import gc
import time

import govie
from govie.extract import CHUNK_CHARS

from conftest import CORPUS

RAW = sorted((CORPUS / "raw").glob("*.txt"))


def cpu_per_char(nlp, text: str, repeats: int = 2) -> float:
    # Objects alive before (the session's other pipelines and data) are frozen out of the
    # collector, whose full passes grow with the test session rather than with the text.
    gc.collect()
    gc.freeze()
    try:
        best = float("inf")
        for _ in range(repeats):
            t = time.process_time()
            govie.extract(text, nlp=nlp)
            best = min(best, time.process_time() - t)
    finally:
        gc.unfreeze()
    return best / len(text)


def test_eight_copies_cost_eight_times_one(nlp):
    # Table and narrative reports together, below one chunk at 8 copies, so the pipeline sees one Doc.
    text = "\n".join(p.read_text(encoding="utf-8") for p in RAW[1:3])
    assert len(text) * 8 < CHUNK_CHARS
    govie.extract(text[:500], nlp=nlp)                 # warm caches (jieba, regexes)
    one = cpu_per_char(nlp, text)
    eight = cpu_per_char(nlp, "\n".join([text] * 8), repeats=1)
    # Generous slack for a loaded machine; the quadratic combiner this guards against cost ~10x here.
    assert eight < 2.0 * one, (one, eight)


def test_the_trained_pipeline_is_linear_too():
    nlp = govie.load()
    text = RAW[1].read_text(encoding="utf-8")
    govie.extract(text[:500], nlp=nlp)
    one = cpu_per_char(nlp, text)
    eight = cpu_per_char(nlp, "\n".join([text] * 8), repeats=1)
    assert eight < 2.0 * one, (one, eight)
