"""Training the project's spacy-pkuseg model (``govie train-segmenter``).

Pretrained pkuseg models cannot be downloaded here, so govie trains its own on
the corpus and generated examples, segmented by jieba with the genre
dictionary and with numbers and units split apart (the tokenizer's rules), so
that pkuseg learns the same conventions.
"""
from __future__ import annotations

import contextlib
import io
import os
import shutil
import tempfile
from pathlib import Path

import regex

from ..corpus.gold import corpus_reports
from ..progress import atomic_dir, prepare_out
from ..reading import clean, read_text as read
from ..segment.tokenizer import DEFAULT_PKUSEG_MODEL, segment_words
from .generate import generate

SENTENCE = regex.compile(r"[^。；;！？!?\n]+[。；;！？!?]?")


def segmented_lines(texts) -> list[str]:
    """One sentence per line, words separated by spaces, whitespace dropped."""
    lines = []
    for text in texts:
        for sentence in SENTENCE.findall(clean(text).text):
            words = [w for w in segment_words(sentence) if not w.isspace()]
            if words:
                lines.append(" ".join(w.replace(" ", "") for w in words))
    return lines


def train_segmenter(corpus: str | Path = "corpus", out: str | Path = DEFAULT_PKUSEG_MODEL,
                    n_generated: int = 3000, seed: int = 0, iterations: int = 10) -> Path:
    import spacy_pkuseg

    texts = [read(path) for _, path in corpus_reports(corpus)]
    texts += [ex.text for ex in generate(n_generated, seed=seed)]
    lines = segmented_lines(texts)
    held_out = lines[::20]
    out = prepare_out(out)
    with tempfile.TemporaryDirectory() as tmp, atomic_dir(out) as model:
        train_file, test_file = Path(tmp) / "train.txt", Path(tmp) / "test.txt"
        train_file.write_text("\n".join(lines) + "\n", encoding="utf-8")
        test_file.write_text("\n".join(held_out) + "\n", encoding="utf-8")
        cwd = os.getcwd()
        os.chdir(tmp)  # pkuseg writes its scratch files into the working directory
        try:
            with contextlib.redirect_stdout(io.StringIO()):
                spacy_pkuseg.train(str(train_file), str(test_file), str(model), train_iter=iterations)
        finally:
            os.chdir(cwd)
    return out
