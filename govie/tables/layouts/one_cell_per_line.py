"""One cell a line: the header block first (one word a line, or the header words on one line),
then every cell on a line of its own, blank lines between, long cells wrapped over lines.

A row is a name followed by as many values as the header has value columns after its name
column (target, actual, weight, score …); a name wrapped over two lines is joined; a level
word (数量指标) is a level, carried down until the next one; an indicator's name and value
often share a line, split by a single space (``全年清理乱张贴数量 1600处``).  In a task table
(主要任务 …) the task's name, its goal and result text and its funding cell come first.
"""
from __future__ import annotations

import regex

from ..cells import Line, cell_at, join
from ..model import GOALS, TASK, Cell, Region, Row, Table, Task
from ..vocabulary import compact
from . import words

SENTENCE_PUNCT = regex.compile(r"[,，;；:：!?！？]")
PLACEHOLDER = regex.compile(r"[/／—–\-…\.。]{1,6}")
TASK_START = regex.compile(r"\p{Han}|[“\"(（]")
CLAUSE_PUNCT = regex.compile(r"[,，。;；:：]")


class LinesReader:
    """Tables written one cell a line (a mixin of :class:`govie.tables.reader.Reader`)."""

    def _value_roles(self, table: Table) -> list[str]:
        from ..reader import VALUE_ROLES
        roles = table.roles
        after = roles[roles.index("name") + 1:] if "name" in roles else roles
        return [r for r in after if r in VALUE_ROLES] or ["actual"]

    def _pair(self, j: int, n_values: int):
        """``name value`` on line j: the name cell and the value cells, or None."""
        parts = self._cells_as(j, words.NAME)
        if len(parts) < 2:
            return None
        if len(parts) == 2:
            left, right = parts
            if (len(compact(left.text)) >= 2 and not SENTENCE_PUNCT.search(left.text + right.text)
                    and len(compact(right.text)) <= 12 and not left.text[-1].isdigit()):
                return left, [right]
            return None
        k = 0
        while k < min(n_values, len(parts) - 1) and self.vocab.is_value(parts[len(parts) - 1 - k].text):
            k += 1
        if k == 0:
            return None
        left = parts[:len(parts) - k]
        name = join(self.text, left[0], left[-1])
        if SENTENCE_PUNCT.search(name.text) or self.vocab.is_value(name.text):
            return None
        return name, parts[len(parts) - k:]

    def _token(self, table: Table, j: int, n_values: int):
        line = self.lines[j]
        cell = cell_at(self.text, line.start, line.end)
        if self.vocab.is_level(cell.text):
            return "level", cell
        if "funding" in table.roles and self._funding(table, cell) is not None:
            return "funding", cell
        pair = self._pair(j, n_values)
        if pair is not None:
            return "pair", pair
        if self.vocab.is_value(cell.text):
            return "value", cell
        return "text", cell

    def _joined_levels(self, tokens: list) -> list:
        """Level words wrapped inside their cell (生态效益\n指标) become one level; empty template
        rows (``指标2：``, ``……``, ``/``) are dropped."""
        out, k = [], 0
        while k < len(tokens):
            kind, item = tokens[k]
            if kind == "text" and k + 1 < len(tokens) and tokens[k + 1][0] == "text":
                nxt = tokens[k + 1][1]
                joined = Cell(item.start, nxt.end, self.text[item.start:nxt.end])
                if self.vocab.is_level(joined.text):
                    out.append(("level", joined))
                    k += 2
                    continue
            if kind in ("text", "value") and (PLACEHOLDER.fullmatch(item.plain) or (
                    self.vocab.name_numbering.fullmatch(item.plain))):
                k += 1
                continue
            out.append((kind, item))
            k += 1
        return out

    def _read_lines(self, table: Table, body: list[int]) -> None:
        if table.kind == GOALS:
            cells = [cell_at(self.text, self.lines[j].start, self.lines[j].end) for j in body]
            if cells:
                table.regions.append(Region(cells[0].start, cells[-1].end, None))
            return
        value_roles = self._value_roles(table)
        n_values = len(value_roles)
        has_task = table.kind == TASK
        tokens = self._joined_levels([self._token(table, j, n_values) for j in body])
        task: Task | None = None
        mode = "start"
        task_name: list[Cell] = []
        pending: list = []                 # [name cell, [value cells]]
        level: dict[str, Cell] = {}
        rows_out = table.rows

        def flush():
            if pending:
                name, values = pending
                fields = {"name": name, **dict(zip(value_roles, values))}
                fields.update(level)
                row = self._claim(table, Row(fields, [name, *values]))
                (task.rows if task is not None else rows_out).append(row)
                pending.clear()

        def start_task(cell):
            nonlocal task, mode
            flush()
            if task is not None:
                self._finish_lines_task(table, task, task_name)
            task_name.clear()
            task_name.append(cell)
            task = Task(name=None)
            mode = "task_name"

        for k, (kind, item) in enumerate(tokens):
            nxt = tokens[k + 1][0] if k + 1 < len(tokens) else None
            if kind == "pair":
                flush()
                name, values = item
                pending.extend([name, values])
                flush()
                mode = "rows"
            elif kind == "funding":
                value = self._funding(table, item)
                if task is not None and value is not None:
                    if task.funding is None:
                        task.funding, task.funding_value = item, value
                    table.claimed.append((item.start, item.end))
            elif kind == "level":
                flush()
                word = self.vocab.bare(item.text)
                following = tokens[k + 1] if k + 1 < len(tokens) else None
                # 成本指标 is a level of either rank: a first only when a second follows it.
                ambiguous = word in self.vocab.level2 and "level1" in level and not (
                    following is not None and following[0] == "level")
                role = "level1" if word in self.vocab.level1 and "level1" in table.roles and not ambiguous \
                    else "level2"
                level[role] = item
                if role == "level1":
                    level.pop("level2", None)
                table.claimed.append((item.start, item.end))
            elif kind == "value":
                if pending and len(pending[1]) < n_values:
                    pending[1].append(item)
                    if len(pending[1]) == n_values:
                        flush()
                elif has_task and task is not None:
                    task.narrative.append(item)
            else:  # text
                word = compact(item.text)
                if has_task:
                    if mode in ("start", "rows") and TASK_START.match(word) and nxt != "value":
                        start_task(item)
                    elif mode == "task_name" and len(word) <= len(compact(task_name[0].text)) \
                            and not CLAUSE_PUNCT.search(word):
                        task_name.append(item)
                    elif nxt == "value":
                        flush()
                        pending.extend([item, []])
                        mode = "rows"
                    else:                     # goal and result text, one wrapped line at a time
                        if mode == "task_name":
                            mode = "narrative"
                        if task is not None:
                            task.narrative.append(item)
                else:
                    if pending and not pending[1]:
                        pending[0] = join(self.text, pending[0], item)
                    else:
                        flush()
                        pending.extend([item, []])
        flush()
        if task is not None:
            self._finish_lines_task(table, task, task_name)

    def _finish_lines_task(self, table: Table, task: Task, name_cells: list[Cell]) -> None:
        if name_cells:
            task.name = join(self.text, name_cells[0], name_cells[-1])
            table.claimed.append((task.name.start, task.name.end))
        if task.narrative:
            region = Region(task.narrative[0].start, task.narrative[-1].end, None, task)
            task.narrative = [Cell(region.start, region.end, self.text[region.start:region.end])]
            table.regions.append(region)
        self._close_task(table, task)
