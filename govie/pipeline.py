"""Building and loading govie's spaCy pipeline."""
from __future__ import annotations

from functools import lru_cache
from importlib import resources
from pathlib import Path

import spacy
from spacy.language import Language
from spacy.util import load_config, load_model_from_config

# Importing these registers the tokenizer and the component factories.
from . import amounts as _amounts  # noqa: F401
from . import tables as _tables  # noqa: F401
from . import indicators as _indicators  # noqa: F401
from . import budget as _budget  # noqa: F401
from . import sections as _sections  # noqa: F401
from . import sentences as _sentences  # noqa: F401
from . import statements as _statements  # noqa: F401
from . import entities as _entities  # noqa: F401
from . import segment as _segment  # noqa: F401

# The trained pipeline ships inside the package, so a wheel install carries it.
DEFAULT_MODEL = Path(__file__).resolve().parent / "models" / "govie-zh"
RULES_CONFIG = "pipeline.cfg"


def rules_config():
    with resources.as_file(resources.files(__package__).joinpath(RULES_CONFIG)) as path:
        return load_config(path)


def load(path: str | Path | None = None, rules_only: bool = False, segmenter: str | None = None) -> Language:
    """govie's pipeline: the trained one in ``models/govie-zh`` if present, else the rules.

    ``rules_only=True`` builds the rule pipeline from ``govie/pipeline.cfg``;
    ``path`` loads a pipeline saved elsewhere; ``segmenter="pkuseg"`` swaps the tokenizer.
    """
    overrides = {"nlp.tokenizer.segmenter": segmenter} if segmenter else {}
    if path is not None or (not rules_only and DEFAULT_MODEL.exists()):
        return spacy.load(path or DEFAULT_MODEL, config=overrides)
    config = rules_config()
    if overrides:
        config = config.merge({"nlp": {"tokenizer": {"segmenter": segmenter}}})
    return load_model_from_config(config, auto_fill=True, validate=True)


@lru_cache(maxsize=4)
def shared_pipeline(rules_only: bool = False) -> Language:
    """One pipeline per process for ``govie.extract``; loading costs a second."""
    return load(rules_only=rules_only)
