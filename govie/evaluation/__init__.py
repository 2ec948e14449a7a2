"""Measuring govie against the corpus gold: ``govie evaluate``."""
from .gold import corpus_reports, load_gold
from .scores import PRF, format_table

__all__ = ["PRF", "corpus_reports", "format_table", "load_gold"]
