"""Loading the sectionizer's rules (headings.json) once."""
from __future__ import annotations

import json
from dataclasses import dataclass
from functools import lru_cache
from importlib import resources

import regex

KIND_ORDER = ("other", "mixed", "problems", "remedies")
_SPACES = regex.compile(r"\s+")
_TRAILING = regex.compile(r"[。.．:：;；,，、\s]+$")


@dataclass(frozen=True)
class SectionRules:
    markers: tuple[tuple[int, regex.Pattern], ...]   # (level, pattern anchored at the position)
    title_max_chars: int
    title_forbidden: regex.Pattern
    run_in_end: regex.Pattern
    run_in_forbidden: regex.Pattern
    kinds: tuple[tuple[str, regex.Pattern], ...]      # (kind, full-match pattern), in trial order
    label_head: regex.Pattern                          # a possible label at the start of a line
    end_at_known_titles: bool
    closing_line: regex.Pattern                        # a date or 特此报告 alone on a line
    signature_max_chars: int
    signature_forbidden: regex.Pattern

    def kind_of(self, title: str) -> str | None:
        """The kind a title names (problems, remedies, mixed, other), or None for an unknown title."""
        title = _TRAILING.sub("", _SPACES.sub("", title))
        if not title:
            return None
        for kind, pattern in self.kinds:
            if pattern.fullmatch(title):
                return kind
        return None

    def marker_at(self, text: str, pos: int):
        """(level, match) of the heading number starting at ``pos``, or None."""
        for level, pattern in self.markers:
            m = pattern.match(text, pos)
            if m:
                return level, m
        return None


@lru_cache(maxsize=1)
def section_rules() -> SectionRules:
    with resources.files(__package__).joinpath("headings.json").open(encoding="utf-8") as fh:
        data = json.load(fh)
    kinds = tuple((kind, regex.compile("(?:" + "|".join(data["kinds"][kind]) + ")"))
                  for kind in KIND_ORDER)
    separator = data["label_separator"]
    return SectionRules(
        markers=tuple((int(m["level"]), regex.compile(m["pattern"])) for m in data["markers"]),
        title_max_chars=int(data["title_max_chars"]),
        title_forbidden=regex.compile(data["title_forbidden"]),
        run_in_end=regex.compile(data["run_in_end"]),
        run_in_forbidden=regex.compile(data["run_in_forbidden"]),
        kinds=kinds,
        # The first cell of a line: everything up to a separator (tab, |, colon, space).
        # (a leading | opens a |-separated row)
        label_head=regex.compile(rf"[ \t\u3000]*(?:\|[ \t\u3000]*)?(?P<head>[^\s|:：]+?)(?={separator})"),
        end_at_known_titles=bool(data["label_sections_end_at_known_titles"]),
        closing_line=regex.compile(r"[ \t\u3000]*(?:" + "|".join(data["closing_lines"]) + r")[ \t\u3000]*"),
        signature_max_chars=int(data["signature_max_chars"]),
        signature_forbidden=regex.compile(data["signature_forbidden"]),
    )
