"""Glued cells: a table whose cells text extraction ran together with no separator.

``绩效指标一级指标二级指标三级指标年初目标值（A）实际完成值（B）分值得分`` is a header when it
segments wholly into header words; each line after it is a row, split by its expected
sequence — level words (from the lexicon), the name, the target and the actual (the amount
mentions the recognisers left there, or a date or a value word), then the numbers of the
weight and score columns, whose digits may be glued too (``1010`` is 10 and 10, ``32.9`` is
3 and 2.9): a split is kept when both parts are well-formed numbers, the weight at most 100
and the score at most the weight, equal parts first.
"""
from __future__ import annotations

from functools import lru_cache

import regex

from ..cells import Line
from ..model import Cell, Row, Table
from ..vocabulary import vocabulary

NAME = "glued"
MARK = r"(?:\s{0,2}[（(][^（()）\n]{0,12}[)）]){0,2}"
DATE = regex.compile(r"[≤≥<>]?(?:\d{4}年(?:\d{1,2}月)?(?:\d{1,2}日)?|\d{1,2}月(?:\d{1,2}日)?)(?:前|底|以前|之前)?")
NUMBER = regex.compile(r"(?:0|[1-9]\d{0,3})(?:\.\d{1,2})?")
DIGITS = regex.compile(r"\d[\d.]{0,11}")
NUMERIC_ROLES = ("weight", "score")


@lru_cache(maxsize=1)
def _header_word() -> regex.Pattern:
    vocab = vocabulary()
    words = sorted(set(vocab.roles) | set(vocab.row_labels), key=len, reverse=True)
    return regex.compile(rf"(?:{'|'.join(regex.escape(w) for w in words)}){MARK}")


@lru_cache(maxsize=1)
def _level_words() -> tuple[tuple[str, regex.Pattern], ...]:
    """(role, pattern) for the two ranks: one alternation of the rank's words, the longest first
    (the first alternative that matches is the longest word there, as a loop over them would find)."""
    vocab = vocabulary()
    return tuple((role, regex.compile(rf"(?:{'|'.join(regex.escape(w) for w in sorted(words, key=len, reverse=True))})"
                                      rf"{MARK}"))
                 for role, words in (("level1", vocab.level1), ("level2", vocab.level2)))


@lru_cache(maxsize=1)
def _row_labels() -> tuple[str, ...]:
    """The block labels and name words a line may start with, the longest first."""
    vocab = vocabulary()
    return tuple(sorted(vocab.row_labels | {w for w, r in vocab.roles.items() if r == "name"}, key=len, reverse=True))


def segment_header(text: str, line: Line) -> list[Cell] | None:
    """The header words a glued line is made of, or None when it is not only header words."""
    word, pos, out = _header_word(), line.start, []
    end = line.start + len(line.text.rstrip())
    while pos < end:
        m = word.match(text, pos, end)
        if m is None:
            return None
        out.append(Cell(m.start(), m.end(), m.group()))
        pos = m.end()
        while pos < end and text[pos] in " \t\u3000":
            pos += 1
    return out if len(out) >= 3 else None


def split_digits(digits: str, parts: int) -> list[str] | None:
    """``1010`` into weight and score (10, 10); None when no split is well formed."""
    if parts == 1:
        return [digits] if NUMBER.fullmatch(digits) else None
    if parts != 2:
        return None
    valid = []
    for k in range(1, len(digits)):
        w, s = digits[:k], digits[k:]
        if NUMBER.fullmatch(w) and NUMBER.fullmatch(s) and float(w) <= 100 and float(s) <= float(w):
            valid.append((w != s, -float(w), [w, s]))
    return min(valid)[2] if valid else None


class GluedReader:
    """Rows whose cells text extraction glued together (a mixin of the Reader)."""

    def _glued_header(self, i: int):
        line = self.lines[i]
        if line.blank or "\t" in line.text or "|" in line.text:
            return None
        cells = segment_header(self.text, line)
        if cells is None or len({self.vocab.header_role(c.text) for c in cells} - {None}) < 2:
            return None
        return cells, NAME, i, i

    def _looks_glued(self, table: Table, body: list[int]) -> bool:
        return table.layout == NAME

    def _read_glued(self, table: Table, body: list[int]) -> None:
        roles = table.roles
        after = roles[roles.index("name") + 1:] if "name" in roles else []
        value_roles = [r for r in after if r in ("target", "actual")]
        numeric = [r for r in after if r in NUMERIC_ROLES]
        level: dict[str, Cell] = {}
        for j in body:
            row = self._glued_row(self.lines[j], value_roles, numeric, level)
            if row is not None:
                table.rows.append(self._claim(table, row))

    def _take_level(self, line: Line, pos: int, level: dict) -> int:
        for role, pattern in _level_words():
            m = pattern.match(self.text, pos, line.end)
            if m:
                level[role] = Cell(m.start(), m.end(), m.group())
                if role == "level1":
                    level.pop("level2", None)
                pos = m.end()
        return pos

    def _glued_row(self, line: Line, value_roles: list[str], numeric: list[str], level: dict) -> Row | None:
        text = self.text
        pos = self._take_level(line, line.start, level)
        pos = self._take_level(line, pos, level)
        mentions = [m for m in self._mentions_in(pos, line.end) if m.label in ("MONEY", "PERCENT", "QUANTITY")]
        values: list[Cell] = []
        cursor = pos
        name_end = None
        # The values: the amount mentions, else dates, in order.
        k = 0
        while len(values) < len(value_roles) and cursor < line.end:
            date = DATE.search(text, cursor, line.end)
            mention = mentions[k] if k < len(mentions) else None
            while mention is not None and mention.start < cursor:
                k += 1
                mention = mentions[k] if k < len(mentions) else None
            if mention is not None and (date is None or mention.start <= date.start()):
                start, end = self._with_comparator(mention.start, pos), mention.end
                k += 1
            elif date is not None:
                start, end = date.start(), date.end()
            else:
                break
            if name_end is None:
                name_end = start
            elif start != cursor:
                break                         # words between two values: not a glued row
            values.append(Cell(start, end, text[start:end]))
            cursor = end
        if name_end is None or name_end <= pos or not values:
            return None
        fields = {"name": Cell(pos, name_end, text[pos:name_end])}
        fields.update(zip(value_roles, values))
        rest = text[cursor:line.end].strip()
        if numeric and rest and DIGITS.fullmatch(rest):
            parts = split_digits(rest, len(numeric))
            if parts is not None:
                at = text.index(rest, cursor)
                for role, part in zip(numeric, parts):
                    fields[role] = Cell(at, at + len(part), part)
                    at += len(part)
        fields.update(level)
        return Row(fields, list(fields.values()))

    def _with_comparator(self, start: int, floor: int) -> int:
        """A comparator sign just before a value belongs to it (≥180平方米)."""
        while start > floor and self.text[start - 1] in "≥≤><=≧≦＞＜":
            start -= 1
        return start


INLINE_NUMBERS = regex.compile(r"\s{0,3}(\d[\d.]{0,11})(?:\s{1,3}(\d[\d.]{0,11}))?")
INLINE_END = regex.compile(r"合计|总分|[。;；]")


class InlineReader:
    """Rows run together on one line with no header (``产出指标数量指标足额保障率=100% 22.5 科目调整
    次数≤10次 22.5 时效指标…``): level words glued before a name, the name, one value (the
    target) or two (target and actual), then the weight and perhaps the score."""

    def _inline_table(self, i: int) -> Table | None:
        line = self.lines[i]
        if line.blank or "\t" in line.text or "|" in line.text:
            return None
        level = {}
        pos = line.start + self._row_label_length(line)
        while pos < line.end and self.text[pos].isspace():
            pos += 1
        pos = self._take_level(line, pos, level)
        if "level1" not in level or "level2" not in level:
            return None
        table = Table("project", "inline", line.start, line.end, [], ["level1", "level2", "name", "target", "actual",
                                                                       "weight", "score"])
        stop = INLINE_END.search(self.text, pos, line.end)
        end = stop.start() if stop else line.end
        while pos < end:
            while pos < end and self.text[pos].isspace():
                pos += 1
            pos = self._take_level(line, pos, level)
            pos = self._take_level(line, pos, level)
            row, pos = self._inline_row(pos, end, level)
            if row is None:
                break
            table.rows.append(self._claim(table, row))
        return table if table.rows else None

    def _row_label_length(self, line: Line) -> int:
        """A block label before the first level (绩效指标产出指标…)."""
        labels = _row_labels()
        if not line.text.startswith(labels):
            return 0
        for w in labels:
            if line.text.startswith(w):
                return len(w)
        return 0

    def _inline_row(self, pos: int, end: int, level: dict):
        mentions = [m for m in self._mentions_in(pos, end) if m.label in ("MONEY", "PERCENT", "QUANTITY")]
        if not mentions:
            return None, end
        first = mentions[0]
        start = self._with_comparator(first.start, pos)
        name = Cell(pos, start, self.text[pos:start])
        if not compact_han(name.text):
            return None, end
        values = [Cell(start, first.end, self.text[start:first.end])]
        cursor = first.end
        if len(mentions) > 1:
            nxt = mentions[1]
            s2 = self._with_comparator(nxt.start, cursor)
            if not self.text[cursor:s2].strip():              # right after it: the actual
                values.append(Cell(s2, nxt.end, self.text[s2:nxt.end]))
                cursor = nxt.end
        fields = {"name": name, "target": values[0]}
        if len(values) > 1:
            fields["actual"] = values[1]
        m = INLINE_NUMBERS.match(self.text, cursor, end)
        if m and m.group(1):
            numbers = [(m.start(1), m.group(1))] + ([(m.start(2), m.group(2))] if m.group(2) else [])
            if len(numbers) == 1 and len(values) > 1 and split_digits(m.group(1), 2):
                a, b = split_digits(m.group(1), 2)
                numbers = [(m.start(1), a), (m.start(1) + len(a), b)]
            for role, (at, digits) in zip(("weight", "score"), numbers):
                fields[role] = Cell(at, at + len(digits), digits)
            cursor = m.end()
        fields.update(level)
        return Row(fields, list(fields.values())), cursor


HAN = regex.compile(r"\p{Han}")


def compact_han(text: str) -> str:
    return "".join(HAN.findall(text))
