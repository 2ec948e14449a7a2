"""What table reconstruction leaves on ``doc._.tables``.

Every offset is into the cleaned text (``doc.text``), like every other finding
on a Doc; :class:`govie.report.Locator` maps them back to the file.
"""
from __future__ import annotations

from dataclasses import dataclass, field

from .vocabulary import compact

# Table kinds.
INDICATOR = "indicator"   # 关键指标 / 预期实现值 / 指标完成情况
TASK = "task"             # 主要任务 / 预期目标 / 目标完成情况 / 关键指标 / 指标完成情况 / 任务涉及资金
PROJECT = "project"       # 一级指标 / 二级指标 / 三级指标 / 年度指标值 / 实际完成值 / 分值 / 得分
BUDGET = "budget"         # 部门资金情况: label–value pairs
GOALS = "goals"           # 年度整体目标 / 整体目标完成情况: narrative cells


@dataclass
class Cell:
    """A cell's span; ``text`` is the cell as written (cleaned view), ``plain`` without PDF wrapping."""

    start: int
    end: int
    text: str

    @property
    def plain(self) -> str:
        return compact(self.text)

    def __bool__(self) -> bool:
        text = self.text            # some text other than whitespace (text.strip(), without the copy)
        return text != "" and not text.isspace()


@dataclass
class Row:
    """One record of a table: its cells by role (name, target, actual, weight, score, status,
    note, level1, level2) and the cells as they stood on the line(s)."""

    fields: dict[str, Cell]
    cells: list[Cell] = field(default_factory=list)
    level_as_name: bool = False      # the name is a level (数量指标) and the actual free text

    def get(self, role: str) -> Cell | None:
        cell = self.fields.get(role)
        return cell if cell else None


@dataclass
class Task:
    """A 主要任务 of a task table: its name, its funding cell and value, its rows."""

    name: Cell | None
    funding: Cell | None = None
    funding_value: float | None = None      # yuan
    rows: list[Row] = field(default_factory=list)
    narrative: list[Cell] = field(default_factory=list)
    repeats: int = 0                       # how often the block was printed again (page breaks)


@dataclass
class Region:
    """Narrative text inside a table (a goal or a result cell).  ``role`` is ``goal``,
    ``result`` or None when the flattening lost which column the text came from."""

    start: int
    end: int
    role: str | None
    task: Task | None = None


@dataclass
class Table:
    kind: str
    layout: str                     # tab, pipe, spaces or lines (one cell per line)
    start: int
    end: int
    header: list[Cell]
    roles: list[str | None]
    unit_factor: float | None = None
    rows: list[Row] = field(default_factory=list)
    tasks: list[Task] = field(default_factory=list)
    regions: list[Region] = field(default_factory=list)
    claimed: list[tuple[int, int]] = field(default_factory=list)   # cells that are not narrative
    skipped: list[tuple[int, int]] = field(default_factory=list)   # repeated blocks: read once

    def records(self):
        """(row, task) for every row, task rows included, in text order."""
        out = [(row, None) for row in self.rows]
        for task in self.tasks:
            out.extend((row, task) for row in task.rows)
        return sorted(out, key=lambda rt: min((c.start for c in rt[0].fields.values() if c), default=0))
