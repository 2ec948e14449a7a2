"""Grid layouts (tabs, pipe, spaces): one row a line, the cells split by the line's separator.

Rows are read by the header's column roles.  A merged cell (一级指标 or 二级指标 spanning
several rows) leaves the later rows shorter, with the level cells gone: such a row is
aligned from the right against the header, and the levels are carried down from the row
above.  A level word in a row's first cells is a level wherever it stands.
"""
from __future__ import annotations


from ..cells import Line
from ..model import GOALS, INDICATOR, PROJECT, TASK, Cell, Region, Row, Table, Task
from ..vocabulary import compact
from . import pipe, spaces, words

LEVELS = ("level1", "level2")


class GridReader:
    """Rows of tab, pipe and spaces tables (a mixin of :class:`govie.tables.reader.Reader`)."""

    def _read_grid(self, table: Table, body: list[int], header_line: Line | None) -> None:
        task: Task | None = None
        level: dict[str, Cell] = {}
        for j in body:
            line = self.lines[j]
            cells = self._cells_as(j, table.layout)
            if table.layout == "pipe" and pipe.is_rule(cells):
                continue
            if header_line is not None:
                cells = spaces.align(self.text, line, cells, table.header, header_line) or cells
            if table.kind == INDICATOR:
                row = self._indicator_row(table, cells)
                if row is not None:
                    table.rows.append(row)
            elif table.kind == PROJECT:
                row = self._project_row(table, cells, level)
                if row is not None:
                    table.rows.append(row)
            elif table.kind == TASK:
                task = self._task_row(table, cells, task, level)
            elif table.kind == GOALS:
                for c, role in zip(cells, table.roles):
                    if c and role in ("goal", "result"):
                        table.regions.append(Region(c.start, c.end, role))
                    elif c:
                        table.claimed.append((c.start, c.end))
        if task is not None:
            self._close_task(table, task)

    def _indicator_row(self, table: Table, cells: list[Cell]) -> Row | None:
        from ..reader import ROW_ROLES
        roles = table.roles
        wanted = [r for r in roles if r in ROW_ROLES]
        positional = {r: c for r, c in zip(roles, cells) if r in ROW_ROLES and c}
        ordered = [c for c in cells if c and c.plain not in self.vocab.row_labels]
        name = positional.get("name")
        if (name is None or self.vocab.is_value(name.text)) and len(ordered) == len(wanted):
            positional = dict(zip(wanted, ordered))
        if not positional.get("name"):
            return None
        for c in cells:
            if c and c.plain in self.vocab.row_labels:
                table.claimed.append((c.start, c.end))
        return self._claim(table, Row(positional, [c for c in cells if c]))

    def _aligned(self, roles: list[str | None], cells: list[Cell]) -> list[tuple[str | None, Cell]]:
        """(role, cell) for a row: positional when it is as long as the header.  A row of another
        length (merged level cells gone, empty cells dropped) is read by its expected sequence:
        level words first (whatever their column), then the name, then the value columns that
        follow the name column in the header, in order."""
        full = [c for c in cells if c]
        n_cells, n_roles = len(cells), len(roles)
        while n_cells and not cells[n_cells - 1]:        # trailing empty cells (``||||``)
            n_cells -= 1
        while n_roles and roles[n_roles - 1] is None:
            n_roles -= 1
        if len(cells) == len(roles) and n_cells >= n_roles - (roles[n_roles - 1:n_roles] == ["note"]):
            return list(zip(roles, cells))
        out, k = [], 0
        for level_role in LEVELS:
            if k < len(full) and self.vocab.bare(full[k].text) in self._level_words(level_role):
                word = self.vocab.bare(full[k].text)
                nxt = self.vocab.bare(full[k + 1].text) if k + 1 < len(full) else ""
                if level_role == "level1" and word in self.vocab.level2 and nxt not in self.vocab.level2:
                    # 成本指标 is a level of either rank: alone, it is the second under the carried first.
                    out.append(("level2", full[k]))
                    k += 1
                    break
                out.append((level_role, full[k]))
                k += 1
        if "name" not in roles:
            return list(zip(roles, cells))
        if k >= len(full):
            return out
        after = [r for r in roles[roles.index("name") + 1:] if r not in LEVELS]
        out.append(("name", full[k]))
        out.extend(zip(after, full[k + 1:]))
        return out

    def _level_words(self, role: str) -> frozenset[str]:
        return self.vocab.level1 if role == "level1" else self.vocab.level2

    def _project_row(self, table: Table, cells: list[Cell], level: dict[str, Cell]) -> Row | None:
        from ..reader import ROW_ROLES
        fields = {}
        for role, c in self._aligned(table.roles, cells):
            if role in LEVELS:
                if c:
                    level[role] = c
                    if role == "level1":
                        level.pop("level2", None)
                    table.claimed.append((c.start, c.end))
            elif role in ROW_ROLES and c:
                fields[role] = c
        if "name" not in fields:
            return None
        fields.update(level)
        return self._claim(table, Row(fields, [c for c in cells if c]))

    def _task_row(self, table: Table, cells: list[Cell], task: Task | None, level: dict) -> Task | None:
        roles = list(table.roles) + [None] * max(0, len(cells) - len(table.roles))
        col = {r: k for k, r in enumerate(roles) if r}
        cell_at = lambda role: cells[col[role]] if role in col and col[role] < len(cells) else None  # noqa: E731
        name_cell = cell_at("task")
        if name_cell:
            if task is not None:
                self._close_task(table, task)
            task = Task(name=name_cell)
            level.clear()
            table.claimed.append((name_cell.start, name_cell.end))
        if task is None:
            task = Task(name=None)
        for role in ("goal", "result"):
            c = cell_at(role)
            if c and not self.vocab.is_level(c.text):
                task.narrative.append(c)
                table.regions.append(Region(c.start, c.end, role, task))
        # The funding column; a row shifted by a lost tab keeps its money last.
        funding = cell_at("funding")
        nonempty = [k for k, c in enumerate(cells) if c]
        if not funding and nonempty and nonempty[-1] > col.get("actual", len(cells)):
            funding = cells[nonempty[-1]]
        value = self._funding(table, funding) if funding else None
        if value is not None:
            if task.funding is not None and not name_cell and value != task.funding_value:
                # A second amount under a merged task cell: another task of the same name.
                self._close_task(table, task)
                task = Task(name=task.name)
                level.clear()
            if task.funding is None:
                task.funding, task.funding_value = funding, value
            table.claimed.append((funding.start, funding.end))
        else:
            funding = None
        # A level (数量指标) anywhere in the row names the free-text actual after it.
        level_at = next((k for k, c in enumerate(cells) if c and self.vocab.is_level(c.text)
                         and k >= col.get("name", 0) - 1), None)
        skip = {id(funding)} | {id(c) for r in ("task", "goal", "result") if (c := cell_at(r))}
        if level_at is not None:
            level["name"] = cells[level_at]
            table.claimed.append((cells[level_at].start, cells[level_at].end))
            actual = next((c for c in cells[level_at + 1:] if c and id(c) not in skip), None)
            if actual is not None:
                task.rows.append(self._claim(table, Row({"name": cells[level_at], "actual": actual},
                                                        [cells[level_at], actual], level_as_name=True)))
            return task
        name, actual, target = cell_at("name"), cell_at("actual"), cell_at("target")
        if not name and actual and "name" in level and id(actual) not in skip:
            task.rows.append(self._claim(table, Row({"name": level["name"], "actual": actual}, [actual],
                                                    level_as_name=True)))
            return task
        if not name:
            return task
        task.rows.extend(self._claim(table, r) for r in self._split_packed(name, target, actual))
        return task

    def _split_packed(self, name: Cell, target: Cell | None, actual: Cell | None) -> list[Row]:
        """``社区公建配套场地增加数量 群众满意度 …`` beside ``2处 92% …``: several indicators in one cell."""
        def parts(cell):
            return words.split(self.text, Line(cell.start, cell.end, cell.text)) if cell else []
        names, values, targets = parts(name), parts(actual), parts(target)
        if len(names) >= 2 and len(values) == len(names) and (not targets or len(targets) == len(names)):
            rows = []
            for k, n in enumerate(names):
                fields = {"name": n, "actual": values[k]}
                if targets:
                    fields["target"] = targets[k]
                rows.append(Row(fields, list(fields.values())))
            return rows
        fields = {"name": name}
        if actual:
            fields["actual"] = actual
        if target:
            fields["target"] = target
        return [Row(fields, list(fields.values()))]

    def _close_task(self, table: Table, task: Task) -> None:
        """Add a finished task, or fold it into an earlier copy of the same block."""
        key = (compact(task.name.text) if task.name else "", compact("".join(c.text for c in task.narrative)))
        for earlier in table.tasks:
            if (compact(earlier.name.text) if earlier.name else "",
                    compact("".join(c.text for c in earlier.narrative))) != key:
                continue
            if not key[1] and not key[0]:
                break
            earlier.repeats += 1
            seen = {_row_key(r) for r in earlier.rows}
            earlier.rows.extend(r for r in task.rows if _row_key(r) not in seen)
            if earlier.funding is None and task.funding is not None:
                earlier.funding, earlier.funding_value = task.funding, task.funding_value
            table.regions = [r for r in table.regions if r.task is not task]
            table.skipped.extend((c.start, c.end) for c in task.narrative)
            if task.name is not None:
                table.claimed.append((task.name.start, task.name.end))
            return
        table.tasks.append(task)


def _row_key(row: Row):
    return tuple((k, compact(c.text)) for k, c in sorted(row.fields.items()) if c)


