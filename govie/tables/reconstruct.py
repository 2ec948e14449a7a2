"""Rebuilding the self-evaluation tables from text a PDF flattened.

A table is found by its header row: cells that are all header words
(关键指标 / 预期实现值 / 指标完成情况, 主要任务 … 任务涉及资金, 一级指标 … 得分).
The header's separator decides the layout of the body:

- ``tab``, ``pipe``, ``spaces``: one row per line, cells split by tabs, ``|`` or
  runs of two or more spaces (columns aligned by position);
- ``lines``: one cell per line, blank lines in between, long cells wrapped over
  several lines, and an indicator's name and value often on one line split by a
  single space (``全年清理乱张贴数量 1600处``).

The body runs until the next header, a closing label (存在问题, 改进措施 …) or
text that no longer belongs to the table.  A task block printed twice across a
page break is read once.
"""
from __future__ import annotations

import unicodedata
from bisect import bisect_right
from dataclasses import dataclass

import regex

from ..mentions import Mention
from ..numbers import parse_amount
from ..numbers.grammar import ARABIC, lexicon
from .model import BUDGET, GOALS, INDICATOR, PROJECT, TASK, Cell, Region, Row, Table, Task
from .vocabulary import compact, vocabulary

VALUE_ROLES = ("target", "actual", "weight", "score", "status", "note")
ROW_ROLES = ("name",) + VALUE_ROLES
BARE_NUMBER = regex.compile(rf"[-−]?{ARABIC}")   # the normaliser's Arabic number, signed
SENTENCE_PUNCT = regex.compile(r"[,，;；:：!?！？]")
SPACES = regex.compile(r"(?<=\S)(?: {2,}|\t)(?=\S)")


@dataclass
class Line:
    start: int
    end: int
    text: str

    @property
    def blank(self) -> bool:
        return not self.text.strip()


def lines_of(text: str) -> list[Line]:
    out, pos = [], 0
    for piece in text.split("\n"):
        out.append(Line(pos, pos + len(piece), piece))
        pos += len(piece) + 1
    return out


def _cell(text: str, start: int, end: int) -> Cell:
    piece = text[start:end]
    lead = len(piece) - len(piece.lstrip())
    trail = len(piece) - len(piece.rstrip())
    if lead == len(piece):
        return Cell(start, start, "")
    return Cell(start + lead, end - trail, piece.strip())


def layout_of(line: str) -> str | None:
    if "\t" in line:
        return "tab"
    if line.count("|") >= 2:
        return "pipe"
    if SPACES.search(line.strip()):
        return "spaces"
    return None


def split_cells(text: str, line: Line, layout: str) -> list[Cell]:
    """The cells of one line; tab and pipe layouts keep empty cells so columns line up."""
    s = line.start
    if layout in ("tab", "pipe"):
        sep = "\t" if layout == "tab" else "|"
        cells, pos = [], s
        for piece in line.text.split(sep):
            cells.append(_cell(text, pos, pos + len(piece)))
            pos += len(piece) + 1
        if layout == "pipe":
            if line.text.strip().startswith("|") and cells and not cells[0]:
                cells = cells[1:]
            if line.text.strip().endswith("|") and cells and not cells[-1]:
                cells = cells[:-1]
        return cells
    pattern = r"\S+(?: \S+)*" if layout == "spaces" else r"\S+"
    return [Cell(s + m.start(), s + m.end(), m.group()) for m in regex.finditer(pattern, line.text)]


def _width(text: str) -> int:
    return sum(2 if unicodedata.east_asian_width(ch) in "WF" else 1 for ch in text)


def _align_by_position(line: Line, cells: list[Cell], header: list[Cell], header_line: Line,
                       text: str) -> list[Cell]:
    """Spaces layout: put each cell under the header cell whose column it starts nearest to."""
    starts = [_width(text[header_line.start:h.start]) for h in header]
    out = [Cell(line.end, line.end, "") for _ in header]
    for c in cells:
        col = _width(text[line.start:c.start])
        i = min(range(len(starts)), key=lambda k: abs(starts[k] - col))
        out[i] = c if not out[i] else Cell(out[i].start, c.end, text[out[i].start:c.end])
    return out


class Reader:
    """Reads the tables of one cleaned text."""

    def __init__(self, text: str, mentions: list[Mention], unit_scopes: list[tuple[int, float]]):
        self.text = text
        self.lines = lines_of(text)
        self.vocab = vocabulary()
        self.money = [m for m in mentions if m.label == "MONEY"]
        self.money_starts = [m.start for m in self.money]
        self.scopes = unit_scopes
        self.multipliers = lexicon()["multipliers"]

    # -- headers -----------------------------------------------------------------------

    def header_at(self, i: int) -> tuple[list[Cell], str, int, int] | None:
        """(header cells, layout, first line, last line) if line i is (the core of) a header."""
        line = self.lines[i]
        if line.blank:
            return None
        layout = layout_of(line.text)
        cells = split_cells(self.text, line, layout or "words")
        if not self._is_header(cells):
            if layout is None and self.vocab.header_role(line.text):
                return self._vertical_header(i)
            return None
        if layout is not None:
            return cells, layout, i, i
        first, last = i, i
        before, first = self._fragments(i, -1)
        after, last = self._fragments(i, +1)
        return before + cells + after, "lines", first, last

    def _is_header(self, cells: list[Cell]) -> bool:
        """Two or more header words and nothing else — or three or more beside a short word or two
        the vocabulary does not know (指标类型)."""
        full = [c for c in cells if c]
        roles, unknown = [], 0
        for c in full:
            role = self.vocab.header_role(c.text)
            if role:
                roles.append(role)
            elif c.plain not in self.vocab.row_labels:
                if len(c.plain) > 6 or regex.search(r"[\d%,，。;；]", c.plain):
                    return False
                unknown += 1
        if len(set(roles)) < 2:
            return False
        return unknown == 0 or (len(set(roles)) >= 3 and unknown <= 2)

    def _vertical_header(self, i: int):
        """One header word per line (一级指标\\n二级指标\\n三级指标 …)."""
        cells, j = [], i
        while j < len(self.lines):
            line = self.lines[j]
            if not line.blank:
                if layout_of(line.text) is not None or not self.vocab.header_role(line.text):
                    break
                cells.append(_cell(self.text, line.start, line.end))
                last = j
            j += 1
        if len(cells) < 3 or len({self.vocab.header_role(c.text) for c in cells}) < 3:
            return None
        return cells, "lines", i, last

    def _fragments(self, i: int, step: int) -> tuple[list[Cell], int]:
        """Header cells wrapped over short lines next to the header line (主要\n任务, 任务涉及\n资金):
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
                if len(word) > 6 or regex.search(r"[\d,，。;；:：]", word) or layout_of(line.text):
                    return None
                pieces.append(line)
                ordered = pieces if step > 0 else pieces[::-1]
                if "".join(compact(p.text) for p in ordered) in self.vocab.roles:
                    return Cell(ordered[0].start, ordered[-1].end, self.text[ordered[0].start:ordered[-1].end]), k
            k += step
        return None

    # -- tables --------------------------------------------------------------------------

    def tables(self) -> list[Table]:
        out, i = [], 0
        while i < len(self.lines):
            budget = self._budget_block(i)
            if budget is not None:
                table, i = budget
                out.append(table)
                continue
            found = self.header_at(i)
            if found is None:
                i += 1
                continue
            header, layout, first, last = found
            roles = self._roles(header)
            kind = self._kind(roles)
            if kind is None:
                i = last + 1
                continue
            table = Table(kind, layout, self.lines[first].start, self.lines[last].end, header, roles,
                          unit_factor=self._unit_factor(header, self.lines[first].start))
            table.claimed.extend((c.start, c.end) for c in header if c)
            end = self._body_end(last + 1, layout)
            body = [j for j in range(last + 1, end) if not self.lines[j].blank]
            if layout == "lines":
                self._read_lines(table, body)
            else:
                self._read_grid(table, body, self.lines[last] if layout == "spaces" else None)
            if body:
                table.end = self.lines[body[-1]].end
            out.append(table)
            i = max(end, last + 1)
        return out

    def _roles(self, header: list[Cell]) -> list[str | None]:
        roles = []
        for k, c in enumerate(header):
            if k == 0 and c.plain in self.vocab.row_labels:
                roles.append("row_label")
            else:
                roles.append(self.vocab.header_role(c.text) if c else None)
        return roles

    @staticmethod
    def _kind(roles) -> str | None:
        present = set(roles)
        if "task" in present and ({"name", "actual", "funding"} & present):
            return TASK
        if {"level1", "level2"} & present and ({"name", "target", "actual"} & present):
            return PROJECT
        if {"name"} & present and ({"target", "actual"} & present):
            return INDICATOR
        if {"goal", "result"} & present and not ({"target", "actual", "funding"} & present):
            return GOALS
        return None

    def _unit_factor(self, header: list[Cell], start: int) -> float | None:
        for c in header:
            if self.vocab.header_role(c.text) == "funding":
                factor = self.vocab.unit_factor(c.text, self.multipliers)
                if factor:
                    return factor
        i = bisect_right([p for p, _ in self.scopes], start) - 1
        return self.scopes[i][1] if i >= 0 else None

    def _body_end(self, j: int, layout: str) -> int:
        """The first line after the table's body."""
        while j < len(self.lines):
            line = self.lines[j]
            if not line.blank:
                found = self.header_at(j)
                if found is not None:
                    return found[2]
                first = next((c for c in split_cells(self.text, line, layout_of(line.text) or "words") if c), None)
                if first is not None and (self.vocab.is_stop(first.text) or self.vocab.is_stop(line.text)):
                    return j
                if first is not None and compact(first.text) in self.vocab.budget_row_labels:
                    return j
                if layout in ("tab", "pipe") and layout_of(line.text) != layout:
                    return j
            j += 1
        return j

    # -- the budget block ------------------------------------------------------------------

    def _budget_block(self, i: int):
        """部门资金情况 and the label–value lines after it (the label may wrap: 部门资\\n金情况)."""
        line = self.lines[i]
        if line.blank:
            return None
        layout = layout_of(line.text) or "words"
        cells = [c for c in split_cells(self.text, line, layout) if c]
        label_end = None
        if cells and cells[0].plain in self.vocab.budget_row_labels:
            label_end = i
        else:
            nxt = next((k for k in range(i + 1, min(i + 3, len(self.lines))) if not self.lines[k].blank), None)
            if nxt is not None and compact(line.text + self.lines[nxt].text) in self.vocab.budget_row_labels:
                label_end = nxt
        if label_end is None:
            return None
        table = Table(BUDGET, layout if layout != "words" else "lines", line.start, self.lines[label_end].end,
                      [], [], unit_factor=self._unit_factor([], line.start))
        table.claimed.append((line.start, self.lines[label_end].end))
        rows = [i] if label_end == i else []
        j = label_end + 1
        while j < len(self.lines):
            cur = self.lines[j]
            if not cur.blank:
                if not regex.search(r"\d", cur.text) or self.header_at(j) is not None:
                    break
                if layout == "tab" and not cur.text.startswith("\t"):
                    break
                rows.append(j)
            j += 1
        for k in rows:
            cur = self.lines[k]
            cells = [c for c in split_cells(self.text, cur, layout_of(cur.text) or "words") if c]
            if k == i and cells and cells[0].plain in self.vocab.budget_row_labels:
                cells = cells[1:]
            label = None
            for c in cells:
                if regex.search(r"\d", c.text) and label is not None:
                    table.rows.append(Row({"label": label, "value": c}, [label, c]))
                    label = None
                elif not regex.search(r"\d", c.text):
                    label = c if label is None else Cell(label.start, c.end, self.text[label.start:c.end])
            table.claimed.append((cur.start, cur.end))
            table.end = cur.end
        return table, (rows[-1] + 1 if rows else label_end + 1)

    # -- grid layouts (tab, pipe, spaces) ------------------------------------------------------

    def _read_grid(self, table: Table, body: list[int], header_line: Line | None) -> None:
        task: Task | None = None
        level: dict[str, Cell] = {}
        for j in body:
            line = self.lines[j]
            cells = split_cells(self.text, line, table.layout)
            if table.layout == "pipe" and all(regex.fullmatch(r"[-:\s]*", c.text) for c in cells):
                continue
            if header_line is not None:
                cells = _align_by_position(line, cells, table.header, header_line, self.text)
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

    def _claim(self, table: Table, row: Row) -> Row:
        table.claimed.extend((c.start, c.end) for c in row.fields.values() if c)
        return row

    def _indicator_row(self, table: Table, cells: list[Cell]) -> Row | None:
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

    def _project_row(self, table: Table, cells: list[Cell], level: dict[str, Cell]) -> Row | None:
        fields = {}
        for role, c in zip(table.roles, cells):
            if role in ("level1", "level2"):
                if c:
                    level[role] = c
                    if role == "level1":
                        level.pop("level2", None)
                    table.claimed.append((c.start, c.end))
            elif role in ROW_ROLES and c:
                fields[role] = c
        if "name" not in fields:
            return None
        fields.update({k: v for k, v in level.items()})
        return self._claim(table, Row(fields, [c for c in cells if c]))

    def _money_in(self, cell: Cell) -> Mention | None:
        i = bisect_right(self.money_starts, cell.start) - 1
        for m in self.money[max(i, 0):i + 2]:
            if cell.start <= m.start and m.end <= cell.end:
                return m
        return None

    def _funding(self, table: Table, cell: Cell) -> float | None:
        if not cell or not BARE_NUMBER.fullmatch(cell.plain):
            return None
        mention = self._money_in(cell)
        if mention is not None:
            return mention.measure.value
        measure = parse_amount(cell.plain, default_money_factor=table.unit_factor or 1)
        return measure.value if measure is not None and measure.kind == "MONEY" else None

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
        names = split_cells(self.text, Line(name.start, name.end, name.text), "words")
        values = split_cells(self.text, Line(actual.start, actual.end, actual.text), "words") if actual else []
        targets = split_cells(self.text, Line(target.start, target.end, target.text), "words") if target else []
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
            if (compact(earlier.name.text) if earlier.name else "", compact("".join(c.text for c in earlier.narrative))) != key:
                continue
            if not key[1] and not key[0]:
                break
            earlier.repeats += 1
            seen = {self._row_key(r) for r in earlier.rows}
            earlier.rows.extend(r for r in task.rows if self._row_key(r) not in seen)
            if earlier.funding is None and task.funding is not None:
                earlier.funding, earlier.funding_value = task.funding, task.funding_value
            table.regions = [r for r in table.regions if r.task is not task]
            table.skipped.extend((c.start, c.end) for c in task.narrative)
            if task.name is not None:
                table.claimed.append((task.name.start, task.name.end))
            return
        table.tasks.append(task)

    @staticmethod
    def _row_key(row: Row):
        return tuple((k, compact(c.text)) for k, c in sorted(row.fields.items()) if c)

    # -- one cell per line ------------------------------------------------------------------------

    def _value_roles(self, table: Table) -> list[str]:
        roles = table.roles
        after = roles[roles.index("name") + 1:] if "name" in roles else roles
        return [r for r in after if r in VALUE_ROLES] or ["actual"]

    def _pair(self, line: Line, n_values: int):
        """``name value`` on one line: the name cell and the value cells, or None."""
        parts = split_cells(self.text, line, "words")
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
        name = Cell(left[0].start, left[-1].end, self.text[left[0].start:left[-1].end])
        if SENTENCE_PUNCT.search(name.text) or self.vocab.is_value(name.text):
            return None
        return name, parts[len(parts) - k:]

    def _token(self, table: Table, line: Line, n_values: int):
        cell = _cell(self.text, line.start, line.end)
        if self.vocab.is_level(cell.text):
            return "level", cell
        if "funding" in table.roles and BARE_NUMBER.fullmatch(cell.plain) and (
                self._money_in(cell) is not None or "." in cell.plain or "," in cell.plain):
            return "funding", cell
        pair = self._pair(line, n_values)
        if pair is not None:
            return "pair", pair
        if self.vocab.is_value(cell.text):
            return "value", cell
        return "text", cell

    def _read_lines(self, table: Table, body: list[int]) -> None:
        if table.kind == GOALS:
            cells = [_cell(self.text, self.lines[j].start, self.lines[j].end) for j in body]
            if cells:
                table.regions.append(Region(cells[0].start, cells[-1].end, None))
            return
        value_roles = self._value_roles(table)
        n_values = len(value_roles)
        has_task = table.kind == TASK
        tokens = [self._token(table, self.lines[j], n_values) for j in body]
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
                role = "level1" if compact(item.text) in self.vocab.level1 and "level1" in table.roles else "level2"
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
                    if mode in ("start", "rows") and regex.match(r"\p{Han}|[“\"(（]", word) and nxt != "value":
                        start_task(item)
                    elif mode == "task_name" and len(word) <= len(compact(task_name[0].text)) \
                            and not regex.search(r"[,，。;；:：]", word):
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
                        pending[0] = Cell(pending[0].start, item.end, self.text[pending[0].start:item.end])
                    else:
                        flush()
                        pending.extend([item, []])
        flush()
        if task is not None:
            self._finish_lines_task(table, task, task_name)

    def _finish_lines_task(self, table: Table, task: Task, name_cells: list[Cell]) -> None:
        if name_cells:
            task.name = Cell(name_cells[0].start, name_cells[-1].end,
                             self.text[name_cells[0].start:name_cells[-1].end])
            table.claimed.append((task.name.start, task.name.end))
        if task.narrative:
            region = Region(task.narrative[0].start, task.narrative[-1].end, None, task)
            task.narrative = [Cell(region.start, region.end, self.text[region.start:region.end])]
            table.regions.append(region)
        self._close_task(table, task)


def find_tables(text: str, mentions: list[Mention], unit_scopes: list[tuple[int, float]]) -> list[Table]:
    """Every table of a cleaned text, in order."""
    return Reader(text, mentions, unit_scopes).tables()
