"""Values of indicators, read from the amount mentions where they exist, else by the normaliser."""
from __future__ import annotations


import regex

from ..amounts.rules import amount_rules
from ..mentions import Mention, mentions_within
from ..numbers import parse_amount
from ..tables import Cell, vocabulary
from .model import Value, plain


class Values:
    """Turns a cell or a mention into a :class:`Value`; one per Doc."""

    def __init__(self, text: str, mentions: list[Mention]):
        self.text = text
        self.mentions = mentions
        self.starts = [m.start for m in mentions]

    def inside(self, start: int, end: int) -> list[Mention]:
        return mentions_within(self.mentions, self.starts, start, end)

    def of_cell(self, cell: Cell | None) -> Value | None:
        """A table cell as a value: one amount (``≥80分/月``, ``10万人次``, ``540万``), an amount and
        what it counts (``5个社区``), or the words as written (``良好``, ``每季度1场``)."""
        if cell is None or not cell:
            return None
        words = plain(cell.text)
        measure = parse_amount(words)
        if measure is None:
            counted = vocabulary().split_counted(cell.text)
            if counted is None:
                return Value(cell.start, cell.end, cell.text)
            # 5个社区: the value is the amount; what it counts stays outside.
            cell = Cell(cell.start, cell.start + counted[1], cell.text[:counted[1]])
            measure = counted[0]
        found = self.inside(cell.start, cell.end)
        if len(found) == 1 and found[0].measure.value == measure.value:
            # The recogniser knows what the table says (a bare 879.73 under 单位：万元 is money).
            m = found[0].measure
            return Value(cell.start, cell.end, cell.text, m.value, m.unit, measure.comparator or m.comparator, m.kind)
        return Value(cell.start, cell.end, cell.text, measure.value, measure.unit, measure.comparator, measure.kind)

    def of_mention(self, mention: Mention, start: int | None = None, end: int | None = None) -> Value:
        """A mention in running text, widened to the comparator words around it (不低于 95%, 90%以上)."""
        start = mention.start if start is None else start
        end = mention.end if end is None else end
        words = self.text[start:end]
        measure = parse_amount(words)
        comparator = measure.comparator if measure is not None else mention.measure.comparator
        m = mention.measure
        return Value(start, end, words, m.value, m.unit, comparator, m.kind)

    def statement(self, cell: Cell, links: tuple[str, ...]):
        """A cell that is one statement, ``拆除完成率100%`` or ``签约率达100%``: (name cell, value),
        the amount ending the cell; None when the cell says more than that."""
        text = cell.text
        for pos in range(1, len(text)):
            if text[pos].isspace() or text[pos - 1].isdigit() or text[pos - 1] == ".":
                continue
            measure = parse_amount(text[pos:])
            if measure is None:
                continue
            head = text[:pos].rstrip()
            for link in links:
                if head.endswith(link) and len(head) > len(link):
                    head = head[:-len(link)].rstrip()
                    break
            if not head or regex.search(r"[\d,，。;；!?！？]", head) or not regex.search(r"\p{Han}", head):
                return None
            if head.endswith(tuple(amount_rules().ordinal_before) + ("前",)):
                return None                      # 排名第2, 前3: a rank, not an amount
            name = Cell(cell.start, cell.start + len(head), head)
            value = self.of_cell(Cell(cell.start + pos, cell.end, text[pos:]))
            return name, value
        return None

    def money(self, cell: Cell, value: float) -> Value:
        return Value(cell.start, cell.end, cell.text, value, "元", None, "MONEY")
