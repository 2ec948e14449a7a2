"""Measuring govie against the corpus gold: ``govie evaluate``.

Each task is a module here with ``GOLD`` (the annotation file it needs) and
``report(corpus, nlp, show_errors) -> str``; ``TASKS`` lists them in print order.  A task
whose gold is not in the corpus (``specs``) has ``gold_path(corpus)`` saying where it is.
"""
from .gold import corpus_reports, load_gold
from .scores import PRF, format_table

TASKS = ["amounts", "indicators", "budget", "statements", "ner", "specs"]

__all__ = ["PRF", "TASKS", "corpus_reports", "format_table", "load_gold"]
