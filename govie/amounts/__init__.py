"""Amount recognition: amounts written with a unit, and bare money cells under a unit header.

The package is also callable: ``govie.amounts(text)`` is :func:`govie.amounts.fast.amounts`,
the amounts of a text without the spaCy pipeline (same rules, same dicts).
"""
import sys
import types

from .recognizer import AmountRecognizer
from .table_money import TableMoneyRecognizer, unit_scopes
from .fast import amounts

__all__ = ["AmountRecognizer", "TableMoneyRecognizer", "unit_scopes", "amounts"]


class _CallablePackage(types.ModuleType):
    """``govie.amounts`` is both this package and the fast path function."""

    def __call__(self, text: str) -> list[dict]:
        return amounts(text)


sys.modules[__name__].__class__ = _CallablePackage
