"""Training that talks and never loses its result: a tqdm step bar for spaCy's training loop,
and model folders written aside and moved into place.

``govie.ProgressLogger.v1`` is a spaCy training logger: a bar over the training
steps (``total`` is ``training.max_steps``), and a line with the losses and the
score at each evaluation, so a run printed to a file still says how it goes.
"""
from __future__ import annotations

import contextlib
import os
import shutil
import sys
import tempfile
from pathlib import Path
from typing import IO, Iterator

from spacy import registry


@registry.loggers("govie.ProgressLogger.v1")
def progress_logger(total: int = 0, desc: str = "training"):
    """A spaCy logger drawing a tqdm bar over ``total`` steps (0: steps counted without an end)."""
    from tqdm import tqdm

    def setup(nlp, stdout: IO = sys.stdout, stderr: IO = sys.stderr):
        bar = tqdm(total=total or None, desc=desc, unit="step", file=stderr, dynamic_ncols=True, mininterval=1.0)

        def log_step(info):
            bar.update(1)
            if info is None:
                return
            losses = ", ".join(f"{name} {loss:.1f}" for name, loss in (info.get("losses") or {}).items())
            score = info.get("score")
            bar.set_postfix_str(f"score {score:.3f}" if isinstance(score, float) else "")
            bar.write(f"step {info.get('step')}: epoch {info.get('epoch')}, loss {losses or '-'}, "
                      f"score {score if score is None else round(score, 4)}", file=stderr)

        def finalize():
            bar.close()

        return log_step, finalize

    return setup


def with_progress(config, desc: str = "training"):
    """``config`` (a spaCy training config) with the progress logger in place of its logger."""
    steps = config["training"].get("max_steps") or 0
    # spaCy logs steps 0 to max_steps, both included.
    config["training"]["logger"] = {"@loggers": "govie.ProgressLogger.v1", "total": int(steps) + 1 if
                                    isinstance(steps, int) else 0, "desc": desc}
    return config


def prepare_out(out: str | os.PathLike) -> Path:
    """Check before any training that ``out`` can be written: its parents are created now."""
    out = Path(out)
    if out.exists() and not out.is_dir():
        raise NotADirectoryError(f"{out}: exists and is not a folder")
    out.parent.mkdir(parents=True, exist_ok=True)
    if not os.access(out.parent, os.W_OK):
        raise PermissionError(f"{out.parent}: not writable")
    return out


@contextlib.contextmanager
def atomic_dir(out: str | os.PathLike) -> Iterator[Path]:
    """A fresh folder beside ``out`` to write a model into; moved onto ``out`` when the block ends well.

    An error (or Ctrl-C) inside the block leaves ``out`` as it was; the old
    ``out`` is removed only once the new one is in place.
    """
    out = prepare_out(out)
    tmp = Path(tempfile.mkdtemp(prefix=f".{out.name}.", suffix=".tmp", dir=out.parent))
    try:
        yield tmp
        old = None
        if out.exists():
            old = Path(tempfile.mkdtemp(prefix=f".{out.name}.", suffix=".old", dir=out.parent))
            os.rmdir(old)
            os.replace(out, old)
        os.replace(tmp, out)
        if old is not None:
            shutil.rmtree(old, ignore_errors=True)
    finally:
        if tmp.exists():
            shutil.rmtree(tmp, ignore_errors=True)
