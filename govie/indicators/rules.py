"""Loading the indicator word lists (lexicon.json) once and compiling their patterns."""
from __future__ import annotations

import json
from dataclasses import dataclass
from functools import lru_cache
from importlib import resources

import regex

from ..numbers.grammar import lexicon as number_lexicon
from ..tables import vocabulary as table_vocabulary


def spaced(word: str) -> str:
    """A word as a pattern that lets a PDF break it over lines (年度指标\\n\\n值为)."""
    return r"\s*".join(regex.escape(ch) for ch in word)


def alternation(words, gaps: bool = True) -> str:
    ordered = sorted(words, key=len, reverse=True)
    return "|".join(spaced(w) if gaps else regex.escape(w) for w in ordered)


@dataclass(frozen=True)
class IndicatorRules:
    target_cue: regex.Pattern
    actual_cue: regex.Pattern
    links: tuple[str, ...]
    modifiers: tuple[str, ...]           # 不低于, 约 …: words of the amount grammar before a number
    rate_heads: tuple[str, ...]
    goal_heads: tuple[str, ...]
    goal_label: regex.Pattern
    goal_end: regex.Pattern
    goal_span_max: int
    item_numbering: regex.Pattern
    task_completion: regex.Pattern
    budget_rate_names: tuple[str, ...]
    budget_words: tuple[str, ...]
    boundaries: str
    name_max: int
    heading_max: int
    title_words: tuple[str, ...]
    name_numbering: regex.Pattern
    list_after_value: regex.Pattern
    reverse_words: tuple[str, ...]
    positive_heads: tuple[str, ...]
    capped_heads: tuple[str, ...]
    unit_groups: tuple[frozenset, ...]
    qualitative: frozenset[str]
    status_yes: frozenset[str]
    status_no: frozenset[str]
    comparator_suffixes: tuple[str, ...]
    comparator_words: frozenset[str]

    def is_reverse(self, name: str) -> bool:
        """Lower is better: 发生率, 事故数, 投诉量, 肇事次数 — unless the name ends in a rate of doing (整治率)."""
        return any(w in name for w in self.reverse_words) and not any(name.endswith(h) for h in self.positive_heads)

    def is_capped(self, name: str) -> bool:
        """A share that cannot exceed 100 % (覆盖率, 完成率 …)."""
        return any(name.endswith(h) for h in self.capped_heads)

    def ends_with_head(self, name: str, goal: bool = False) -> bool:
        heads = self.rate_heads + (self.goal_heads if goal else ())
        return any(name.endswith(h) for h in heads)

    def units_agree(self, a: str | None, b: str | None) -> bool:
        if a == b:
            return True
        if not a or not b:
            return False
        if a.endswith(b) or b.endswith(a):      # 人次 and 次
            return True
        return any(a in g and b in g for g in self.unit_groups)


@lru_cache(maxsize=1)
def indicator_rules() -> IndicatorRules:
    with resources.files(__package__).joinpath("lexicon.json").open(encoding="utf-8") as fh:
        data = json.load(fh)
    numbers = number_lexicon()
    comparators = numbers["comparators"]
    # 达到 is a link (成功率达到 98%), not a modifier of the number after it.
    modifiers = tuple(sorted((w for w in list(comparators["prefix_words"]) + numbers["approximation"]["prefix_words"]
                              if w not in data["links"]), key=len, reverse=True))
    return IndicatorRules(
        target_cue=regex.compile(rf"(?:{alternation(data['target_cues'])})\s*(?:为|是|:)?"),
        actual_cue=regex.compile(rf"(?:{alternation(data['actual_cues'])})\s*(?:为|是|:)?"),
        links=tuple(sorted(data["links"], key=len, reverse=True)),
        modifiers=modifiers,
        rate_heads=tuple(data["rate_heads"]),
        goal_heads=tuple(data["goal_heads"]),
        goal_label=regex.compile(data["goal_label"]),
        goal_end=regex.compile(data["goal_end"]),
        goal_span_max=int(data["goal_span_max"]),
        item_numbering=regex.compile(data["item_numbering"]),
        task_completion=regex.compile(data["task_completion"]),
        budget_rate_names=tuple(data["budget_rate_names"]),
        budget_words=tuple(data["budget_words"]),
        boundaries=data["name_boundaries"],
        name_max=int(data["name_max"]),
        heading_max=int(data["heading_max"]),
        title_words=tuple(data["title_words"]),
        name_numbering=regex.compile(data["name_numbering"]),
        list_after_value=regex.compile(data["list_after_value"]),
        reverse_words=tuple(data["reverse_words"]),
        positive_heads=tuple(data["positive_heads"]),
        capped_heads=tuple(data["capped_heads"]),
        unit_groups=tuple(frozenset(g) for g in data["unit_equivalents"]),
        qualitative=table_vocabulary().value_words,
        status_yes=frozenset(data["status_yes"]),
        status_no=frozenset(data["status_no"]),
        comparator_suffixes=tuple(sorted(comparators["suffix_words"], key=len, reverse=True)),
        comparator_words=frozenset(comparators["prefix_words"]),
    )
