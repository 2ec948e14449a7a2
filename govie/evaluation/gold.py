"""The corpus readers evaluation shares with training; they live in :mod:`govie.corpus.gold`,
below both, so that training code never imports the evaluation package."""
from ..corpus.gold import corpus_reports, load_gold

__all__ = ["corpus_reports", "load_gold"]
