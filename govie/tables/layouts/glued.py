"""Glued cells: a row's cells run together with no separator (``数据准确率100%100%44``)."""
from __future__ import annotations

from ..model import Table


class GluedReader:
    """Rows whose cells text extraction glued together (a mixin of the Reader)."""

    def _looks_glued(self, table: Table, body: list[int]) -> bool:
        return False

    def _read_glued(self, table: Table, body: list[int]) -> None:
        raise NotImplementedError
