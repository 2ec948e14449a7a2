"""Amount recognition: amounts written with a unit, and bare money cells under a unit header."""
from .recognizer import AmountRecognizer
from .table_money import TableMoneyRecognizer, unit_scopes

__all__ = ["AmountRecognizer", "TableMoneyRecognizer", "unit_scopes"]
