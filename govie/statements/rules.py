"""Loading the statements rules (cues.json) once."""
from __future__ import annotations

import json
from dataclasses import dataclass
from functools import lru_cache
from importlib import resources

import regex


@dataclass(frozen=True)
class StatementRules:
    nothing: frozenset[str]
    nothing_ignore: regex.Pattern
    nothing_patterns: regex.Pattern
    lead_in_end: regex.Pattern
    problem_label: regex.Pattern   # a sub-label opening a sentence of a mixed section
    remedy_label: regex.Pattern
    remedy_cue: regex.Pattern
    prompt: regex.Pattern          # a form's printed prompt (（简要说明…）)
    stated: tuple[tuple[str, regex.Pattern], ...]   # (kind, cue) that make a narrative sentence a candidate
    any_stated: regex.Pattern      # all those cues as one alternation: whether a sentence carries any

    def stated_kinds(self, text: str) -> set[str]:
        """The kinds whose explicit cue ``text`` (a sentence's content) carries."""
        return {kind for kind, cue in self.stated if cue.search(text)}

    def says_nothing(self, text: str) -> bool:
        """暂无, 无, / … (or nothing at all)."""
        compact = self.nothing_ignore.sub("", text)
        return not compact or compact in self.nothing or self.nothing_patterns.fullmatch(compact) is not None


@lru_cache(maxsize=1)
def statement_rules() -> StatementRules:
    with resources.files(__package__).joinpath("cues.json").open(encoding="utf-8") as fh:
        data = json.load(fh)
    end = data["label_end"]
    return StatementRules(
        nothing=frozenset(data["nothing"]),
        nothing_ignore=regex.compile(data["nothing_ignore"]),
        nothing_patterns=regex.compile("|".join(f"(?:{p})" for p in data["nothing_patterns"])),
        lead_in_end=regex.compile(data["lead_in_end"]),
        problem_label=regex.compile(rf"(?:{data['problem_labels']})\s*{end}"),
        remedy_label=regex.compile(rf"(?:{data['remedy_labels']})\s*{end}"),
        remedy_cue=regex.compile(data["remedy_cues"]),
        prompt=regex.compile(data["prompt"]),
        stated=tuple([("problems", regex.compile(p)) for p in data["stated_problem_cues"]]
                     + [("remedies", regex.compile(p)) for p in data["stated_remedy_cues"]]),
        any_stated=regex.compile("|".join(f"(?:{p})" for p in data["stated_problem_cues"]
                                          + data["stated_remedy_cues"])),
    )
