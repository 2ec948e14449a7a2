"""Finding a table's header and giving each column its role.

A header is a row whose cells are header words of headers.json (关键指标 / 预期实现值 /
指标完成情况, 一级指标 … 得分, 年初预算数 … 执行率), on one line split by the line's separator,
one word a line (一级指标\\n二级指标\\n三级指标 …), or words wrapped over short lines next to
the header line (主要\\n任务).  Letters and formulas after a word (年初目标值(A),
得分(20分*执行率)) and bracketed units (年度预算数(万元)) do not hide its role.
"""
from __future__ import annotations

import regex

from .cells import cell_at
from .layouts import layout_of, split_cells
from .model import BUDGET, GOALS, INDICATOR, PROJECT, TASK, Cell
from .vocabulary import NOT_A_WORD, compact

BUDGET_COLUMNS = frozenset({"budget_total", "initial", "adjusted", "spent", "execution_rate"})
NOT_A_FRAGMENT = regex.compile(r"[\d,，。;；:：]")
MEMO_CELLS = 4096          # cells of the lines whose splits are kept (see _line_cells)


class HeaderFinder:
    """Header rows of a text (a mixin of :class:`govie.tables.reader.Reader`)."""

    def header_at(self, i: int) -> tuple[list[Cell], str, int, int] | None:
        """(header cells, layout, first line, last line) if line i is (the core of) a header."""
        line = self.lines[i]
        if line.blank:
            return None
        layout, cells = self._line_cells(i)
        if not self._is_header(cells):
            if layout is None and self.vocab.header_role(line.text):
                return self._vertical_header(i)
            if layout is None:
                return self._glued_header(i)
            return None
        if layout is not None:
            return list(cells), layout, i, i
        before, first = self._fragments(i, -1)
        after, last = self._fragments(i, +1)
        return before + cells + after, "lines", first, last

    def _line_cells(self, i: int) -> tuple[str | None, list[Cell]]:
        """Line i's layout and its cells as that layout splits it, worked out once: the header
        finder, the body's end, the budget rows and the layouts' readers ask for the same lines
        (read them only).  The lines of the last few thousand cells are kept, so a table's body
        split while its end is sought is not split again when its rows are read, and a line of
        10,000 cells is the only one kept (memory)."""
        found = self._cells_memo.get(i)
        if found is None:
            line = self.lines[i]
            layout = layout_of(line.text)
            cells = split_cells(self.text, line, layout)
            if self._memo_cells + len(cells) > MEMO_CELLS:
                self._cells_memo.clear()
                self._memo_cells = 0
            found = self._cells_memo[i] = (layout, cells)
            self._memo_cells += len(cells)
        return found

    def _cells_as(self, i: int, layout: str | None) -> list[Cell]:
        """Line i's cells as ``layout`` splits it (None: words), from the memo when that is the
        line's own layout (read them only)."""
        found = self._cells_memo.get(i)
        if found is not None and (found[0] or "words") == (layout or "words"):
            return found[1]
        return split_cells(self.text, self.lines[i], layout)

    def _is_header(self, cells: list[Cell]) -> bool:
        """Two or more header words and nothing else — or three or more beside a short word or two
        the vocabulary does not know (指标类型)."""
        if len(cells) < 2:              # two roles need two cells: most lines hold one
            return False
        roles, unknown = [], 0
        for c in cells:                 # (two roles need two full cells: no need to count them first)
            if not c:
                continue
            role = self.vocab.header_role(c.text)
            if role:
                roles.append(role)
            elif (word := self.vocab.bare(c.text)) not in self.vocab.row_labels:
                if len(word) > 6 or NOT_A_WORD.search(word):
                    return False
                unknown += 1
        if len(set(roles)) < 2:
            return False
        return unknown == 0 or (len(set(roles)) >= 3 and unknown <= 2)

    def _vertical_header(self, i: int):
        """One header word per line (一级指标\\n二级指标\\n三级指标 …)."""
        cells, j, last = [], i, i
        while j < len(self.lines):
            line = self.lines[j]
            if not line.blank:
                if layout_of(line.text) is not None:
                    break
                if not self.vocab.header_role(line.text):
                    # A header word wrapped inside its cell (年度\n指标值).
                    wrapped = self._wrapped_word(j, +1) if cells else None
                    if wrapped is None or not self.vocab.header_role(wrapped[0].text):
                        break
                    cells.append(wrapped[0])
                    last = j = wrapped[1]
                    j += 1
                    continue
                cells.append(cell_at(self.text, line.start, line.end))
                last = j
            j += 1
        if len(cells) < 3 or len({self.vocab.header_role(c.text) for c in cells}) < 3:
            return None
        return cells, "lines", i, last

    def _fragments(self, i: int, step: int) -> tuple[list[Cell], int]:
        """Header cells wrapped over short lines next to the header line (主要\\n任务, 任务涉及\\n资金):
        the cells, and the farthest line they reach."""
        found, edge = [], i
        while (match := self._wrapped_word(edge + step, step)) is not None:
            cell, edge = match
            found = found + [cell] if step > 0 else [cell] + found
        return found, edge

    def _wrapped_word(self, j: int, step: int) -> tuple[Cell, int] | None:
        """A header word wrapped over up to three short lines from line j on: (cell, its last line)."""
        pieces, k = [], j
        while 0 <= k < len(self.lines) and len(pieces) < 3:
            line = self.lines[k]
            if not line.blank:
                word = compact(line.text)
                if len(word) > 6 or NOT_A_FRAGMENT.search(word) or layout_of(line.text):
                    return None
                pieces.append(line)
                ordered = pieces if step > 0 else pieces[::-1]
                if "".join(compact(p.text) for p in ordered) in self.vocab.roles:
                    return Cell(ordered[0].start, ordered[-1].end, self.text[ordered[0].start:ordered[-1].end]), k
            k += step
        return None

    def roles_of(self, header: list[Cell]) -> list[str | None]:
        roles = []
        for k, c in enumerate(header):
            if k == 0 and self.vocab.bare(c.text) in self.vocab.row_labels:
                roles.append("row_label")
            else:
                roles.append(self.vocab.header_role(c.text) if c else None)
        # 绩效指标 | 一级指标 | 二级指标 | 三级指标: a name word before the levels labels the block.
        if roles.count("name") > 1:
            first = roles.index("name")
            if any(r in ("level1", "level2") for r in roles[first + 1:]):
                roles[first] = "row_label"
        return roles

    @staticmethod
    def kind_of(roles) -> str | None:
        present = set(roles)
        if "task" in present and ({"name", "actual", "funding"} & present):
            return TASK
        if {"level1", "level2"} & present and ({"name", "target", "actual"} & present):
            return PROJECT
        if {"name"} & present and ({"target", "actual"} & present):
            return INDICATOR
        if len(BUDGET_COLUMNS & present) >= 2 and not ({"target", "actual"} & present):
            return BUDGET
        if {"goal", "result"} & present and not ({"target", "actual", "funding"} & present):
            return GOALS
        return None
