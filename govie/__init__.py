"""govie: structured data from Chinese government performance self-evaluation reports.

>>> import govie
>>> report = govie.extract("2022 年本部门全年预算数 13259.41 万元，完成预算的 96.28%。")
>>> [(e["label"], e["value"]) for e in report.entities]
[('MONEY', 132594100.0), ('PERCENT', 96.28)]
"""
from . import amounts  # govie.amounts(text): the fast path for amounts alone (amounts/fast.py)
from .extract import extract, extract_file
from .frames import to_frames
from .numbers import Measure, parse_amount, parse_number
from .pipeline import load
from .reading import ReadError, read
from .report import Report
from .segment import segment

__version__ = "0.1.0"
__all__ = ["extract", "extract_file", "amounts", "load", "segment", "read", "Report", "ReadError", "to_frames",
           "Measure", "parse_amount", "parse_number", "__version__"]
