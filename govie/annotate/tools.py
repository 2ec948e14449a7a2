"""Reading tool exports: finding the report a task is about, and collecting errors.

Shared by the Label Studio and doccano importers.  An export is converted only
if every task in it is: the errors are collected and raised together, and
nothing is written (see :func:`govie.annotate.convert.write_kinds`).
"""
from __future__ import annotations

import os
from pathlib import Path

from ..reading import ReadError, read_text as read
from .convert import ToolDoc, ToolFormatError, ToolRegion, fix_offsets


class Corpus:
    """The raw texts an export must agree with, by id and by text."""

    def __init__(self, root: str | os.PathLike = "corpus"):
        self.root = Path(root)
        self._by_text: dict[str, str] | None = None

    def text(self, report_id: str) -> str | None:
        try:
            return read(self.root / "raw" / f"{report_id}.txt")
        except ReadError:
            return None

    def find(self, text: str) -> str | None:
        """The id of the raw file whose text is ``text``."""
        if self._by_text is None:
            self._by_text = {}
            for p in sorted((self.root / "raw").glob("*.txt")):
                try:
                    self._by_text.setdefault(read(p), p.stem)
                except ReadError:
                    continue
        return self._by_text.get(text)


def _first_difference(a: str, b: str) -> int:
    return next((i for i, (x, y) in enumerate(zip(a, b)) if x != y), min(len(a), len(b)))


class Collector:
    """Errors of one export, each with where it is (file, line or task)."""

    def __init__(self, path: str | os.PathLike):
        self.path = os.fspath(path)
        self.errors: list[str] = []
        self.warnings: list[str] = []

    def error(self, where: str, message: str) -> None:
        self.errors.append(f"{self.path}:{where}: {message}" if where else f"{self.path}: {message}")

    def warn(self, where: str, message: str) -> None:
        self.warnings.append(f"{self.path}:{where}: {message}")

    def raise_if_any(self) -> None:
        if self.errors:
            raise ToolFormatError("\n".join(self.errors))


def resolve_report(corpus: Corpus, text, report_id, file, where: str, out: Collector) -> tuple[str, str] | None:
    """(report id, file) of a task, checked against the corpus text; None (and an error) if not."""
    if not isinstance(text, str):
        out.error(where, "no text in the task")
        return None
    if not isinstance(report_id, str) or not report_id:
        report_id = Path(file).stem if isinstance(file, str) and file else corpus.find(text)
        if report_id is None:
            out.error(where, f"no report id in the task and its text matches no file of {corpus.root}/raw")
            return None
    original = corpus.text(report_id)
    if original is None:
        out.error(where, f"report {report_id!r}: no {corpus.root}/raw/{report_id}.txt; add the report "
                         "to the corpus before importing its annotations")
        return None
    if original != text:
        at = _first_difference(original, text)
        out.error(where, f"report {report_id!r}: the task's text differs from {corpus.root}/raw/"
                         f"{report_id}.txt at offset {at}; offsets would not be exact")
        return None
    return report_id, f"raw/{report_id}.txt"


def add_region(doc: ToolDoc, rid: str, label, start, end, claim, where: str, out: Collector,
               known: dict) -> None:
    """Add one exported region after checking its label and offsets."""
    if not isinstance(label, str) or label not in known:
        out.error(where, f"unknown label {label!r} (known: {', '.join(known)})")
        return
    fixed = fix_offsets(doc.text, start, end, claim if isinstance(claim, str) else None)
    if fixed is None:
        shown = doc.text[start:end] if isinstance(start, int) and isinstance(end, int) else None
        out.error(where, f"{label} at {start}-{end}: offsets do not match the text "
                         f"(export says {claim!r}, the text has {shown!r})")
        return
    doc.regions.append(ToolRegion(rid, label, fixed[0], fixed[1], doc.text[fixed[0]:fixed[1]]))
