"""Combining rule mentions with the trained NER's entities (``govie_entities``)."""
from .combine import EntityCombiner

__all__ = ["EntityCombiner"]
