"""Seeded generator of labelled examples in the genre's style.

Fills the templates of ``vocabulary.json`` with varied numbers (decimals,
thousands separators, Chinese numerals, multipliers), units, comparators and
indicator names, and records the span of every MONEY, PERCENT, QUANTITY and
INDICATOR it writes.  Traps (years, dates, ranks, document numbers, scores as
QUANTITY) are written unlabelled or as the guideline labels them.  The same
seed gives the same examples, so training is reproducible.
"""
from __future__ import annotations

import json
import random
from dataclasses import dataclass, field
from functools import lru_cache
from importlib import resources

import cn2an
import regex

SLOT = regex.compile(r"\{([A-Z_]+)\}")


@lru_cache(maxsize=1)
def vocabulary() -> dict:
    with resources.files(__package__).joinpath("vocabulary.json").open(encoding="utf-8") as fh:
        return json.load(fh)


@dataclass
class Example:
    text: str = ""
    spans: list[tuple[int, int, str]] = field(default_factory=list)

    def add(self, piece: str, label: str | None = None) -> None:
        if label:
            self.spans.append((len(self.text), len(self.text) + len(piece), label))
        self.text += piece


class Generator:
    def __init__(self, seed: int = 0):
        self.rng = random.Random(seed)
        self.vocab = vocabulary()

    # numbers -------------------------------------------------------------
    def number(self, low: float, high: float, decimals: int | None = None, grouping: bool = True) -> str:
        rng = self.rng
        decimals = rng.choice([0, 0, 1, 2]) if decimals is None else decimals
        value = round(rng.uniform(low, high), decimals)
        if decimals == 0:
            value = int(value)
        text = f"{value:,.{decimals}f}" if grouping and rng.random() < 0.3 else f"{value:.{decimals}f}"
        return text

    def chinese(self, high: int) -> str:
        return cn2an.an2cn(str(self.rng.randint(2, high)))

    # slot fillers: (text, label or None) pieces ---------------------------
    def fill(self, slot: str) -> list[tuple[str, str | None]]:
        v, rng = self.vocab, self.rng
        space = " " if rng.random() < 0.3 else ""
        if slot == "MONEY":
            form = rng.random()
            if form < 0.15:
                return [(self.chinese(999) + "万元", "MONEY")]
            unit = rng.choice(["万元", "万元", "万元", "亿元", "元", "千元"])
            high = {"亿元": 50, "元": 5_000_000, "千元": 9000}.get(unit, 90000)
            prefix = [(rng.choice(["约", "近"]), None)] if rng.random() < 0.1 else []
            return prefix + [(self.number(0.1, high) + space + unit, "MONEY")]
        if slot == "MONEY_WAN":
            return [(self.number(100, 5000, 0, False) + space + "万", "MONEY")]
        if slot == "FOREIGN":
            return [(self.number(1, 900) + rng.choice(["万", ""]) + rng.choice(v["currencies"]), "MONEY")]
        if slot == "BARE_MONEY":
            return [(self.number(1, 30000, 2), "MONEY")]
        if slot in ("PERCENT", "PERCENT_T"):
            sym = rng.choice(["≥", "≥", "≧", ""]) if slot == "PERCENT_T" else ""
            if rng.random() < 0.08:
                return [("百分之" + self.chinese(99), "PERCENT")]
            return [(sym + self.number(0, 100, rng.choice([0, 1, 2]), False) + rng.choice(["%", "%", "％"]), "PERCENT")]
        if slot == "PERCENT_POINT":
            return [(self.number(0.1, 9, 1, False) + "个百分点", "PERCENT")]
        if slot in ("QUANTITY", "QUANTITY_T"):
            sym = rng.choice(["≥", ""]) if slot == "QUANTITY_T" else ""
            mult = "万" if rng.random() < 0.15 else ""
            unit = rng.choice(v["quantity_units"])
            infix = "余" if rng.random() < 0.08 else ""
            return [(sym + self.number(1, 5000, 0, False) + space + infix + mult + unit, "QUANTITY")]
        if slot in ("ZERO", "ZERO_T"):
            return self._zero(slot)
        if slot == "SCORE":
            return [(self.number(60, 100, rng.choice([0, 2]), False) + space + "分", "QUANTITY")]
        if slot == "SCORE_CELL":
            return [(self.number(1, 20, rng.choice([0, 1]), False), None)]
        if slot == "RATE_INDICATOR":
            return [(rng.choice(v["subjects"]) + rng.choice(v["rate_measures"]), "INDICATOR")]
        if slot == "COUNT_INDICATOR":
            return [(rng.choice(v["subjects"]) + rng.choice(v["count_measures"]), "INDICATOR")]
        if slot == "REVERSE_INDICATOR":
            return [(rng.choice(v["subjects"]) + rng.choice(v["reverse_measures"]), "INDICATOR")]
        if slot == "YEAR":
            return [(str(rng.randint(2018, 2025)), None)]
        if slot == "DATE":
            return [(f"{rng.randint(1, 12)}月{rng.randint(1, 28)}日", None)]
        if slot == "RANK":
            return [(f"第{rng.randint(1, 20)}" + rng.choice(["名", "位", ""]), None)]
        if slot == "RANK_N":
            return [(str(rng.randint(1, 4)), None)]
        if slot == "DOCNO":
            return [(f"{rng.choice(['财预', '穗财', '蓉财绩', '杭财'])}〔{rng.randint(2018, 2024)}〕{rng.randint(1, 300)}号", None)]
        words = {"PLACE": "places", "GOV": "units_of_government", "SUBJECT": "subjects", "QUAL": "qualitative",
                 "LEVEL": "levels", "ITEM": "money_items", "BUDGET_LABEL": "budget_labels"}
        return [(rng.choice(v[words[slot]]), None)]

    def _zero(self, slot: str) -> list[tuple[str, str | None]]:
        unit = self.rng.choice(["次", "宗", "%", "起"])
        sym = "≤" if slot == "ZERO_T" and self.rng.random() < 0.5 else ""
        label = "PERCENT" if unit == "%" else ("QUANTITY" if unit != "起" else None)
        return [(sym + "0" + unit, label)]

    def example(self) -> Example:
        template = self.rng.choice(self.vocab["templates"])
        ex, last = Example(), 0
        for m in SLOT.finditer(template):
            ex.add(template[last:m.start()])
            for piece, label in self.fill(m.group(1)):
                ex.add(piece, label)
            last = m.end()
        ex.add(template[last:])
        return ex


def generate(n: int, seed: int = 0) -> list[Example]:
    gen = Generator(seed)
    return [gen.example() for _ in range(n)]
