"""The budget rows of the templates.

Two forms:

- a label and its figures in pairs (``部门资金情况 | 年初预算数 | 4,860.20 | 全年预算数 | 5,120.35``):
  rows ``{label, value}``;
- the templates' column block (项目支出绩效自评表: 项目资金(万元) / 年初预算数 / 全年预算数 /
  全年执行数 / 分值 / 执行率 / 得分, rows 年度资金总额, 其中：当年财政拨款, 上年结转资金, 其他资金;
  部门整体: 预算数(A) / 执行数(B) / 执行率(B/A) / 得分): rows ``{label, initial, adjusted, spent,
  weight, execution_rate, score}``, in any flattening — cells split by a separator, aligned
  from the right when a row lost its label, or one cell a line in the header's order.
"""
from __future__ import annotations

import regex

from ..cells import Line, cell_at
from ..model import BUDGET, Cell, Row, Table
from ..vocabulary import compact, may_open_with
from . import spaces

BUDGET_ROLES = ("initial", "adjusted", "spent", "weight", "execution_rate", "score")
HAS_DIGIT = regex.compile(r"\d")


class BudgetBlockReader:
    """Budget rows (a mixin of :class:`govie.tables.reader.Reader`)."""

    def _budget_block(self, i: int):
        """部门资金情况 and the label–value lines after it (the label may wrap: 部门资\\n金情况)."""
        line = self.lines[i]
        if line.blank:
            return None
        layout, cells = self._line_cells(i)
        layout = layout or "words"
        first = cells[0] if cells and cells[0] else next((c for c in cells if c), None)
        labels, initials = self.vocab.budget_row_labels, self.vocab.budget_label_initials
        label_end = None
        # (a label's first character is tested before the label is looked up: most lines open with none)
        if first is not None and may_open_with(first.text, initials) and first.plain in labels:
            label_end = i
        elif may_open_with(line.text, initials):
            nxt = next((k for k in range(i + 1, min(i + 3, len(self.lines))) if not self.lines[k].blank), None)
            if nxt is not None and compact(line.text + self.lines[nxt].text) in labels:
                label_end = nxt
        if label_end is None:
            return None
        if layout in ("tab", "pipe") and self._is_header(cells[1:]):
            return None                   # 预算执行情况(万元) | 年初预算数 | …: a column block
        table = Table(BUDGET, layout if layout != "words" else "lines", line.start, self.lines[label_end].end,
                      [], [], unit_factor=self._unit_factor([], line.start))
        table.claimed.append((line.start, self.lines[label_end].end))
        rows = [i] if label_end == i else []
        j = label_end + 1
        while j < len(self.lines):
            cur = self.lines[j]
            if not cur.blank:
                if not HAS_DIGIT.search(cur.text) or self.header_at(j) is not None:
                    break
                if layout == "tab" and not cur.text.startswith("\t"):
                    break
                rows.append(j)
            j += 1
        for k in rows:
            cur = self.lines[k]
            cells = [c for c in self._line_cells(k)[1] if c]
            if k == i and cells and cells[0].plain in self.vocab.budget_row_labels:
                cells = cells[1:]
            label = None
            for c in cells:
                if HAS_DIGIT.search(c.text) and label is not None:
                    table.rows.append(Row({"label": label, "value": c}, [label, c]))
                    label = None
                elif not HAS_DIGIT.search(c.text):
                    label = c if label is None else Cell(label.start, c.end, self.text[label.start:c.end])
            table.claimed.append((cur.start, cur.end))
            table.end = cur.end
        return table, (rows[-1] + 1 if rows else label_end + 1)

    # -- the column block ------------------------------------------------------------------------

    def _read_budget_rows(self, table: Table, body: list[int], header_line: Line | None) -> None:
        """Rows of a column block: a label, then figures under the header's budget columns."""
        columns = [r for r in table.roles if r in BUDGET_ROLES]
        corner = table.header[0] if table.header and table.roles[0] not in BUDGET_ROLES else None
        if table.layout in ("lines", "words"):
            self._budget_lines(table, body, columns, corner)
            return
        for j in body:
            line = self.lines[j]
            cells = self._cells_as(j, table.layout)
            if header_line is not None:
                cells = spaces.align(self.text, line, cells, table.header, header_line) or cells
            full = [c for c in cells if c]
            if not full:
                continue
            label = full[0] if not HAS_DIGIT.search(full[0].text) or full[0].plain.startswith("其中") else None
            figures = full[1:] if label is not None else full
            if label is None:
                label = corner
            while label is not None and len(figures) > len(columns) and not HAS_DIGIT.search(figures[0].text):
                label = Cell(label.start, figures[0].end, self.text[label.start:figures[0].end])
                figures = figures[1:]
            self._budget_row(table, label, figures, columns)

    def _budget_lines(self, table: Table, body: list[int], columns: list[str], corner: Cell | None) -> None:
        """One cell a line: a label line, then its figures in the header's column order."""
        label, figures = corner, []
        for j in body:
            cell = cell_at(self.text, self.lines[j].start, self.lines[j].end)
            if HAS_DIGIT.search(cell.text) and not cell.plain.startswith("其中"):
                figures.append(cell)
                if len(figures) == len(columns):
                    self._budget_row(table, label, figures, columns)
                    label, figures = None, []
            else:
                if figures:
                    self._budget_row(table, label, figures, columns)
                    figures = []
                label = cell
        if figures:
            self._budget_row(table, label, figures, columns)

    def _budget_row(self, table: Table, label: Cell | None, figures: list[Cell], columns: list[str]) -> None:
        if not figures:
            return
        # A row shorter than the header lost cells at its end (an empty score), not its start.
        fields = dict(zip(columns, figures))
        if label is not None:
            fields["label"] = label
        table.rows.append(self._claim(table, Row(fields, ([label] if label else []) + figures)))
