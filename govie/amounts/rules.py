"""Loading the amount context rules (context.json) once."""
from __future__ import annotations

import json
from dataclasses import dataclass
from functools import lru_cache
from importlib import resources

import regex


@dataclass(frozen=True)
class AmountRules:
    ordinal_before: tuple[str, ...]
    money_context: regex.Pattern
    table_unit_header: regex.Pattern
    money_label: regex.Pattern
    non_money_label: regex.Pattern
    cell_separator: regex.Pattern
    money_column_header: regex.Pattern


def _ending_with(words) -> regex.Pattern:
    alternatives = "|".join(regex.escape(w) for w in sorted(words, key=len, reverse=True))
    return regex.compile(rf"(?:{alternatives})[\s:：]*$")


@lru_cache(maxsize=1)
def amount_rules() -> AmountRules:
    with resources.files(__package__).joinpath("context.json").open(encoding="utf-8") as fh:
        data = json.load(fh)
    window = int(data["money_context_window"])
    words = "|".join(regex.escape(w) for w in data["money_context_before"])
    return AmountRules(
        ordinal_before=tuple(data["ordinal_before"]),
        # A money word shortly before 540万 on the same line makes it 540万元.
        money_context=regex.compile(rf"(?:{words})[^\n。；;]{{0,{window}}}$"),
        table_unit_header=regex.compile(data["table_unit_header"]),
        money_label=_ending_with(data["money_labels"]),
        non_money_label=_ending_with(data["non_money_labels"]),
        cell_separator=regex.compile(data["cell_separator"]),
        money_column_header=regex.compile(data["money_column_header"]),
    )
