"""Precision, recall and F1."""
from __future__ import annotations

from dataclasses import dataclass


@dataclass
class PRF:
    tp: int = 0
    fp: int = 0
    fn: int = 0

    def add(self, other: "PRF") -> None:
        self.tp += other.tp
        self.fp += other.fp
        self.fn += other.fn

    @property
    def precision(self) -> float:
        return self.tp / (self.tp + self.fp) if self.tp + self.fp else 1.0

    @property
    def recall(self) -> float:
        return self.tp / (self.tp + self.fn) if self.tp + self.fn else 1.0

    @property
    def f1(self) -> float:
        p, r = self.precision, self.recall
        return 2 * p * r / (p + r) if p + r else 0.0


def compare(gold: set, predicted: set) -> PRF:
    return PRF(len(gold & predicted), len(predicted - gold), len(gold - predicted))


def format_table(title: str, rows: dict[str, PRF]) -> str:
    width = max([14] + [len(name) + 1 for name in rows])
    lines = [title, f"{'':<{width}}{'P':>7}{'R':>7}{'F1':>7}{'gold':>7}{'pred':>7}"]
    for name, s in rows.items():
        lines.append(f"{name:<{width}}{s.precision:>7.3f}{s.recall:>7.3f}{s.f1:>7.3f}"
                     f"{s.tp + s.fn:>7}{s.tp + s.fp:>7}")
    return "\n".join(lines)
