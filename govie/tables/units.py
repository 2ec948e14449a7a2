"""The one header-and-unit finder: where a table declares its money unit and which cells it governs.

Used by the bare-money recogniser (``govie/amounts/table_money.py``) and by the table reader.

- ``单位：万元`` above a table declares the unit of every bare money cell from there to the
  next declaration (:func:`unit_scopes`).
- A unit in brackets in a column header (``年度预算数(万元)``) governs that column's cells, and
  in a row label (``预算执行情况(万元)``, alone on its line or first in its row) the cells of
  that row — the rest of the line, or the bare numbers and header words on the lines right
  after it — and nothing else (:class:`Units`).
- A header row is a line of three or more cells, two of them header words of the table
  vocabulary (headers.json) (:func:`header_rows`).
"""
from __future__ import annotations

import re
from bisect import bisect_left, bisect_right
from dataclasses import dataclass
from functools import lru_cache
from itertools import pairwise
from operator import methodcaller

import regex

from ..numbers.grammar import fold, lexicon
from .vocabulary import compact, vocabulary

COLUMN_SEPARATOR = regex.compile(r"\t|\|")
SPACE_SEPARATOR = regex.compile(r" {2,}|\u3000")
# How far a row label's unit reaches over the lines after it (one cell a line).
ROW_SCOPE_LINES = 24
HAS_DIGIT = regex.compile(r"\d")
BARE_FIGURE = regex.compile(r"[-−]?[\d,，.]{1,20}%?")           # a number alone on its line
GLUED_ROW = regex.compile(r"\s*(?P<label>[^\d\s]{1,20}?)[:：]?(?P<figs>\d[\d.%]{2,60})\s*$")
SENTENCE_MARK = regex.compile(r"[。;；,，]")


@lru_cache(maxsize=1)
def _patterns():
    import json
    from importlib import resources
    with resources.files(__package__).joinpath("headers.json").open(encoding="utf-8") as fh:
        data = json.load(fh)
    return (regex.compile(data["unit_declaration"]), regex.compile(data["unit_in_header"]),
            regex.compile(data["cell_separator"]))


def factor_of(unit: str) -> float:
    """万元 → 10000: the multiplier of a money unit, from the number grammar."""
    return float(lexicon()["multipliers"].get(unit[:-1], 1)) if unit.endswith("元") else 1.0


def bracketed_unit(text: str) -> float | None:
    """The factor of a money unit in brackets (``(万元)``) in a header or label, else None."""
    m = _patterns()[1].search(text)
    return factor_of(m.group("unit")) if m else None


def unit_scopes(text: str) -> list[tuple[int, float]]:
    """(position, factor to yuan) of every ``单位：万元`` declaration, in order."""
    return [(m.start(), factor_of(m.group("unit"))) for m in _patterns()[0].finditer(text)]


def cell_separator() -> regex.Pattern:
    return _patterns()[2]


MONEY_ROLES = frozenset({"funding", "initial", "adjusted", "spent"})


class LineCells:
    """One line split into cells once: where its separators stand, which pieces are blank,
    the last filled piece up to each one.  A number's cell and column are then found by
    bisection, so a line of 10,000 cells is not split again for each of its numbers."""

    def __init__(self, line: str, separator: regex.Pattern):
        self.line = line
        spans = [m.span() for m in separator.finditer(line)]
        self.sep_starts = [a for a, _ in spans]
        self.sep_ends = [b for _, b in spans]
        bounds = list(zip([0] + self.sep_ends, self.sep_starts + [len(line)]))
        filled = [line[a:b].strip() for a, b in bounds]
        self.trailing_blank = 0
        for piece in reversed(filled):
            if piece:
                break
            self.trailing_blank += 1
        self.last_filled, last = [], ""
        for piece in filled:
            last = piece or last
            self.last_filled.append(last)
        self.last_char = len(line.rstrip())     # the line holds only white space from here on

    def seps_before(self, pos: int) -> int:
        return bisect_right(self.sep_ends, pos)

    def seps_after(self, pos: int) -> int:
        return len(self.sep_starts) - bisect_left(self.sep_starts, pos)

    def cell_before(self, pos: int) -> tuple[str, bool]:
        """The text of the cell up to ``pos``, and whether ``pos`` opens its cell (then the
        text is that of the last filled cell before it, the row's label)."""
        k = self.seps_before(pos)
        own = self.line[self.sep_ends[k - 1] if k else 0:pos].strip()
        if own:
            return own, False
        return (self.last_filled[k - 1] if k else ""), True


@dataclass
class HeaderRow:
    start: int
    cells: list[str]          # split on tabs or |, empty cells kept so columns line up
    roles: list[str | None]
    separator: regex.Pattern = COLUMN_SEPARATOR

    @property
    def corner_unit(self) -> float | None:
        """A unit in the header's first cell (项目资金（万元）): the unit of the block's money columns."""
        first = next((c for c in self.cells if c.strip()), "")
        return bracketed_unit(first)

    def column_index(self, before: str, after: str) -> int | None:
        """The column of a number, given the text of its line before and after it."""
        return self.column_at(LineCells(before + after, self.separator), len(before), len(before))

    def column_at(self, line: LineCells, start: int, end: int) -> int | None:
        """The column of the number at ``line.line[start:end]`` (``line`` split by this header's
        separator).  Trailing empty cells (``||||``) do not count; a short row still ends in the
        last column."""
        if not line.sep_starts:
            return None
        row = line.seps_before(start) + 1
        rest = line.seps_after(end) + 1
        rest -= min(line.trailing_blank, rest - 1)
        n_cells = row + rest - 1
        width = len(self.cells)
        while width > 1 and not self.cells[width - 1].strip():
            width -= 1
        if n_cells in (len(self.cells), width):
            return row - 1
        if rest == 1:
            return width - 1
        return None

    def column(self, before: str, after: str) -> str | None:
        """The header of a number's column (its text), or None when the row does not line up."""
        k = self.column_index(before, after)
        return self.cells[k] if k is not None else None

    def is_money_column(self, k: int) -> bool:
        return self.roles[k] in MONEY_ROLES


def header_rows(text: str) -> list[HeaderRow]:
    """Every line that reads like a table header (three or more cells, two known column names)."""
    vocab, sep = vocabulary(), cell_separator()
    rows, pos = [], 0
    for line in text.split("\n"):
        if sep.search(line) is None:     # one cell: no header (most lines of prose)
            pos += len(line) + 1
            continue
        cells = [c.strip() for c in sep.split(line) if c.strip()]
        if len(cells) >= 3 and sum(vocab.header_role(c) is not None for c in cells) >= 2:
            separator = COLUMN_SEPARATOR if COLUMN_SEPARATOR.search(line) else SPACE_SEPARATOR
            columns = [c.strip() for c in separator.split(line.strip() if separator is SPACE_SEPARATOR else line)]
            rows.append(HeaderRow(pos, columns, [vocab.header_role(c) if c else None for c in columns], separator))
        pos += len(line) + 1
    return rows


class Units:
    """The units of one text: declared scopes, header rows and row labels with a unit."""

    def __init__(self, text: str):
        self.text = text
        self.scopes = unit_scopes(text)
        self.scope_starts = [p for p, _ in self.scopes]
        self.headers = header_rows(text)
        self.header_starts = [h.start for h in self.headers]
        self.row_scopes = self._row_label_scopes()
        self.row_starts = [s for s, _, _ in self.row_scopes]
        figures, self.blocks = budget_blocks(text)
        self.block_figures = {f.start: f for f in figures}
        self.block_starts = [s for s, _, _ in self.blocks]

    def block_factor(self, pos: int) -> float | None:
        i = bisect_right(self.block_starts, pos) - 1
        return self.blocks[i][2] if i >= 0 and self.blocks[i][0] <= pos <= self.blocks[i][1] else None

    def block_figure(self, start: int) -> tuple[BlockCell, float | None] | None:
        """The budget-block figure starting at ``start`` and its block's unit factor, or None."""
        fig = self.block_figures.get(start)
        if fig is None:
            return None
        i = bisect_right(self.block_starts, start) - 1
        return fig, (self.blocks[i][2] if i >= 0 else None)

    def declared(self, pos: int) -> float | None:
        i = bisect_right(self.scope_starts, pos) - 1
        return self.scopes[i][1] if i >= 0 else None

    def header_above(self, pos: int) -> HeaderRow | None:
        h = bisect_right(self.header_starts, pos) - 1
        return self.headers[h] if h >= 0 else None

    def row_unit(self, pos: int) -> float | None:
        """The unit of the row label governing ``pos`` (same row or the lines right after it)."""
        i = bisect_right(self.row_starts, pos) - 1
        if i >= 0 and self.row_scopes[i][0] <= pos < self.row_scopes[i][1]:
            return self.row_scopes[i][2]
        return None

    def _row_label_scopes(self) -> list[tuple[int, int, float]]:
        """(start, end, factor): a label with a bracketed unit opening a line governs the rest of
        its line; alone on its line, also the lines after it that hold numbers or header words."""
        vocab, sep = vocabulary(), cell_separator()
        out, pos = [], 0
        lines = self.text.split("\n")
        offsets = []
        for line in lines:
            offsets.append(pos)
            pos += len(line) + 1
        unit_in_header = _patterns()[1]
        for k, line in enumerate(lines):
            # A label's bracketed unit lies inside its line, and the pattern has no anchors or
            # lookarounds: a line without one has no such label.
            if unit_in_header.search(line) is None:
                continue
            cells = [c for c in sep.split(line) if c.strip()]
            if not cells:
                continue
            # the label is a cell before the row's first figure: level cells may come first
            # (成本指标 | 户均补助标准（万元） | 2.6)
            labels = []
            for c in cells:
                if HAS_DIGIT.search(unit_in_header.sub("", c)):
                    break
                labels.append(c.strip())
            first = next((c for c in labels if bracketed_unit(c) is not None), None)
            if first is None:
                continue
            factor = bracketed_unit(first)
            start = offsets[k] + line.find(first) + len(first)
            end = offsets[k] + len(line)
            if len(cells) == 1:
                j = k + 1
                while j < len(lines) and j <= k + ROW_SCOPE_LINES:
                    word = compact(lines[j])
                    if word and not (BARE_FIGURE.fullmatch(word) or vocab.header_role(word)):
                        break
                    end = offsets[j] + len(lines[j])
                    j += 1
            out.append((start, end, factor))
        return out


# -- budget column blocks ------------------------------------------------------------------------

BUDGET_COLUMN_ROLES = frozenset({"initial", "adjusted", "spent", "execution_rate"})
# A word, or an empty cell between two bars after a filled one (``| 268.4 |  | 201.3 |``): it holds
# its column's place, as ``—`` does.
BLOCK_TOKEN = regex.compile(r"[^\s|]+|(?<=[^\s|][ \t]{0,8}\|)[ \t]{1,8}(?=\|)")
PLACEHOLDER = regex.compile(r"[—–\-/／]{1,3}|[ \t]{1,8}")
FIGURE = regex.compile(r"[-−]?\d[\d,]{0,15}(?:\.\d{1,6})?%?")
BLOCK_TOKENS_MAX = 160


@dataclass
class BlockCell:
    start: int
    end: int
    role: str | None        # the column role of a figure (initial, spent, weight …)
    label: str = ""         # the row's label (年度资金总额, 其中：当年财政拨款 …), "" when none
    block: int = 0          # which block of the text (0, 1 …)
    row: int = 0            # which row of its block


WEIGHT_MARK = regex.compile(r"[（(]\s{0,2}(?P<w>\d{1,3}(?:\.\d{1,2})?)\s{0,2}分\s{0,2}[)）]")


def _block_columns(vocab, tokens, j):
    """The header run from token j: (column roles, unit factor, first token after the run)."""
    columns, factor, units_at = [], None, []
    while j < len(tokens) and (vocab.header_role(tokens[j][2]) is not None or bracketed_unit(tokens[j][2])):
        r = vocab.header_role(tokens[j][2])
        unit = bracketed_unit(tokens[j][2])
        factor = factor or unit
        if r in BUDGET_COLUMN_ROLES or r in ("weight", "score", "note"):
            columns.append(r)
            units_at.append(unit is not None)
        j += 1
    # 年度预算数（万元） over 年初预算 / 调整后预算数 / 预算执行数: a group header, no column.
    keep = [k for k, r in enumerate(columns) if not (units_at[k] and r in columns[k + 1:])]
    return [columns[k] for k in keep], factor, j


def _unglue_rate(columns: list[str], figures: list[tuple[int, int, str]]) -> list[tuple[int, int, str]]:
    """``10100%`` where a 分值 column stands before 执行率: a weight and a rate that lost the space
    between them (10 and 100%).  Split when no rate over 1000% makes sense and the parts do."""
    if "weight" not in columns or "execution_rate" not in columns or \
            columns.index("weight") != columns.index("execution_rate") - 1:
        return figures
    out = []
    for start, end, word in figures:
        digits = word[:-1]
        if word.endswith("%") and "." not in digits[:3] and len(digits) >= 4 and float(digits.replace(",", "")) > 1000:
            for k in range(1, 4):
                weight, rate = digits[:k], digits[k:]
                if GLUED_FIGURE.fullmatch(weight) and GLUED_FIGURE.fullmatch(rate) and float(weight) <= 100 \
                        and float(rate) <= 200:
                    out += [(start, start + k, weight), (start + k, end, rate + "%")]
                    break
            else:
                out.append((start, end, word))
            continue
        out.append((start, end, word))
    return out


def _assign(columns: list[str], figures: list[tuple[int, int, str]]) -> list[tuple[tuple[int, int, str], str]]:
    """Figures of one row against the columns: in order when they fill the row; else anchored on
    the rate (a percent sits under 执行率): the figures before it fill the columns before it from
    the right, those after it the columns after it from the left (a flattening dropped empties)."""
    if len(figures) >= len(columns) or "execution_rate" not in columns:
        return list(zip(figures, columns))
    rate_at = next((k for k, f in enumerate(figures) if f[2].endswith("%")), None)
    if rate_at is None:
        return list(zip(figures, columns))
    col = columns.index("execution_rate")
    before, after = figures[:rate_at], figures[rate_at + 1:]
    out = list(zip(before[::-1], columns[:col][::-1]))[::-1]
    out.append((figures[rate_at], "execution_rate"))
    out.extend(zip(after, columns[col + 1:]))
    return out


GLUED_FIGURE = regex.compile(r"(?:0|[1-9]\d{0,9})(?:\.\d{1,2})?")


def split_glued_figures(digits: str, columns: list[str]) -> list[str] | None:
    """``28.627.9597.73%9.77`` under 预算数 / 执行数 / 执行率 / 得分: the split whose rate is the
    spent share of the budget (27.95 ÷ 28.6 = 97.73%).  None when no split agrees."""
    if "%" not in digits or "execution_rate" not in columns or not {"adjusted", "spent"} <= set(columns):
        return None
    before, _, after = digits.partition("%")
    col = columns.index("execution_rate")
    money_cols = columns[:col]
    if len(money_cols) > 3 or len(before) > 30:
        return None

    def splits(s: str, n: int):
        if n == 1:
            if GLUED_FIGURE.fullmatch(s):
                yield [s]
            return
        for k in range(1, len(s)):
            if GLUED_FIGURE.fullmatch(s[:k]):
                for rest in splits(s[k:], n - 1):
                    yield [s[:k]] + rest

    for parts in splits(before, len(money_cols) + 1):
        values = dict(zip(money_cols, (float(p) for p in parts)))
        rate = float(parts[-1])
        if values.get("adjusted") and abs(100 * values["spent"] / values["adjusted"] - rate) <= 0.01:
            tail = [after] if after and GLUED_FIGURE.fullmatch(after) else []
            return parts[:-1] + [parts[-1] + "%"] + tail
    return None


def _glued_blocks(text: str, vocab, hits: list[int] | None = None
                  ) -> tuple[list[BlockCell], list[tuple[int, int, float | None]]]:
    """A budget block whose header and row were glued (预算数（A）执行数（B）执行率（B/A）得分 /
    年度财政资金总额28.627.9597.73%9.77).  ``hits``: where the text holds a budget word or a
    bracket (:func:`_budget_word`); a header of two budget columns holds one, so only the lines
    with one are read."""
    from .cells import lines_of
    from .layouts.glued import segment_header
    figures, blocks = [], []
    for line, row in (_lines_holding(text, hits) if hits is not None else pairwise(lines_of(text))):
        if line.blank or len(line.text.split()) != 1 or len(line.text) > 160:
            continue
        cells = segment_header(text, line)
        if cells is None:
            continue
        columns = [vocab.header_role(c.text) for c in cells]
        columns = [r for r in columns if r in BUDGET_COLUMN_ROLES or r in ("weight", "score")]
        if len(BUDGET_COLUMN_ROLES & set(columns)) < 2:
            continue
        factor = next((bracketed_unit(c.text) for c in cells if bracketed_unit(c.text)), None)
        weight = next((m for c in cells if vocab.header_role(c.text) not in ("score", "weight")
                       for m in [WEIGHT_MARK.search(c.text)] if m), None)
        m = GLUED_ROW.match(row.text)
        if not m:
            continue
        parts = split_glued_figures(m.group("figs"), columns)
        if parts is None:
            continue
        pos = row.start + m.start("figs")
        for part, role in zip(parts, columns):
            figures.append(BlockCell(pos, pos + len(part), role, m.group("label"), len(blocks), 0))
            pos += len(part)
        if weight is not None and "weight" not in columns[:len(parts)]:
            figures.append(BlockCell(line.start + weight.start("w"), line.start + weight.end("w"), "weight",
                                     m.group("label"), len(blocks), 0))
        blocks.append((line.start, row.end, factor))
    return figures, blocks


def _lines_holding(text: str, positions: list[int]):
    """(line, next line) for each line holding one of ``positions`` (sorted) but the last line,
    as lines_of(text) cuts them, in order; the other lines are not cut."""
    from .cells import Line
    end = -1
    for pos in positions:
        if pos <= end:
            continue                       # a line already given
        start = text.rfind("\n", 0, pos) + 1
        end = text.find("\n", pos)
        if end < 0:
            return                         # the last line: no line after it
        after = text.find("\n", end + 1)
        after = len(text) if after < 0 else after
        yield Line(start, end, text[start:end]), Line(end + 1, after, text[end + 1:after])


@lru_cache(maxsize=1)
def _budget_word() -> re.Pattern | None:
    """What a budget column's header token holds in the folded text: one of the vocabulary's
    budget column words, or a bracket (a unit or a column mark, which ``bare`` removes, may stand
    inside the word).  A token without one has no budget role (a role needs the word itself, a
    prefix of that role, or a suffix that is such a word).  None when a word holds a space or a
    bar: its match would then not lie inside one token, and every token is read."""
    vocab = vocabulary()
    words = {w for w, r in vocab.roles.items() if r in BUDGET_COLUMN_ROLES}
    words |= {p for p, r in vocab.role_prefixes if r in BUDGET_COLUMN_ROLES}
    if any(BLOCK_SPACE.search(w) for w in words):
        return None
    words |= {"(", "（"}
    # Words only, no classes: the standard library's engine means the same and scans faster.
    return re.compile("|".join(re.escape(w) for w in sorted(words, key=len, reverse=True)))


BLOCK_SPACE = regex.compile(r"[\s|]")


class _Tokens:
    """The BLOCK_TOKEN tokens of a text as (start, end, text), made a tuple only when read:
    most tokens are prose, and a budget block reads only the few around its header words."""

    def __init__(self, text: str):
        self.matches = list(BLOCK_TOKEN.finditer(text))

    def __len__(self) -> int:
        return len(self.matches)

    def __getitem__(self, i):
        if isinstance(i, slice):
            return [(m.start(), m.end(), m.group()) for m in self.matches[i]]
        m = self.matches[i]
        return m.start(), m.end(), m.group()

    def holding(self, positions: list[int]) -> list[int]:
        """The indexes of the tokens holding any of ``positions`` (sorted), in order."""
        out, matches = [], self.matches
        for pos in positions:
            i = bisect_right(matches, pos, key=_match_start) - 1
            if i >= 0 and pos < matches[i].end() and (not out or out[-1] != i):
                out.append(i)
        return out


_match_start = methodcaller("start")


def budget_blocks(text: str) -> tuple[list[BlockCell], list[tuple[int, int, float | None]]]:
    """The figures of the templates' budget column blocks, whatever the flattening.

    A block opens with a run of header words holding two budget columns (年初预算数 / 全年预算数 /
    全年执行数 / 执行率 …), its corner or a column carrying the unit (项目资金（万元）,
    年度预算数（万元））.  Then come rows: a label (年度资金总额, 其中：当年财政拨款 …) and its
    figures in the header's column order, on one line or one a line; ``—`` and ``/`` hold an
    empty cell.  A weight in the corner (预算执行情况（10分）) is the first row's weight.
    Returns the figures with their column role, and each block's (start, end, factor) —
    factor None when the block names no unit.
    """
    vocab = vocabulary()
    tokens = _Tokens(text)
    word = _budget_word()
    hits = None if word is None else [m.start() for m in word.finditer(fold(text))]
    # Only a token holding a budget word can open a block: the others are passed over unread.
    candidates = range(len(tokens)) if hits is None else tokens.holding(hits)
    figures, blocks = [], []
    k = 0
    for candidate in candidates:
        if candidate < k:
            continue                     # inside the block read last
        k = candidate
        role = vocab.header_role(tokens[k][2])
        if role not in BUDGET_COLUMN_ROLES:
            continue
        first = k
        while first > 0 and first > k - 3 and (vocab.header_role(tokens[first - 1][2]) is not None
                                                or bracketed_unit(tokens[first - 1][2])):
            first -= 1
        columns, factor, j = _block_columns(vocab, tokens, first)
        if len(BUDGET_COLUMN_ROLES & set(columns)) < 2:
            k = max(j, k + 1)
            continue
        # The corner: up to three cells before the header (预算执行情况（万元） （20分）).
        corner = [t for t in tokens[max(0, first - 3):first] if vocab.header_role(t[2]) in (None, "funding")]
        for tok in corner:
            if bracketed_unit(tok[2]):
                factor = factor or bracketed_unit(tok[2])
        weight_mark = None
        for tok in corner + tokens[first:j]:
            m = WEIGHT_MARK.search(tok[2])
            if m and vocab.header_role(tok[2]) not in ("score", "weight"):
                weight_mark = (tok[0] + m.start("w"), tok[0] + m.end("w"))
                break
        rows: list[tuple[str, list]] = []
        n = 0
        while j < len(tokens) and n < BLOCK_TOKENS_MAX:
            word = tokens[j][2]
            if FIGURE.fullmatch(word) or PLACEHOLDER.fullmatch(word):
                if not rows:
                    rows.append(("", []))           # figures right under the header: the corner's row
                rows[-1][1].append(tokens[j])
            elif vocab.header_role(word) in ("level1", "level2", "name", "target", "actual") or vocab.is_stop(word) \
                    or len(word) > 20 or SENTENCE_MARK.search(word):
                break
            elif rows and not rows[-1][1]:
                rows[-1] = (rows[-1][0] + word, [])  # a label wrapped over two cells
            else:
                rows.append((word.rstrip(":："), []))
            j += 1
            n += 1
        for r, (label, row_figures) in enumerate(rows):
            row_figures = _unglue_rate(columns, row_figures)
            for tok, col in _assign(columns, row_figures):
                if FIGURE.fullmatch(tok[2]):
                    figures.append(BlockCell(tok[0], tok[1], col, label, len(blocks), r))
            if r == 0 and weight_mark is not None and "weight" not in {c for _, c in _assign(columns, row_figures)}:
                figures.append(BlockCell(weight_mark[0], weight_mark[1], "weight", label, len(blocks), r))
        end = tokens[j - 1][1] if j > 0 else tokens[first][0]
        blocks.append((tokens[first][0], end, factor))
        k = max(j, k + 1)
    glued, glued_blocks = _glued_blocks(text, vocab, hits)
    if glued:
        for f in glued:
            f.block += len(blocks)
        figures = sorted(figures + glued, key=lambda f: f.start)
        blocks = sorted(blocks + glued_blocks)
    return figures, blocks
