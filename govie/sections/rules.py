"""Loading the sectionizer's rules (headings.json) and the numbering grammar (numbering.json) once."""
from __future__ import annotations

import json
from dataclasses import dataclass, field
from functools import lru_cache
from importlib import resources

import regex

KIND_ORDER = ("other", "mixed", "problems", "remedies")
STATEMENT_KINDS = ("mixed", "problems", "remedies")
_SPACES = regex.compile(r"\s+")
_TRAILING_PUNCT = "。.．:：;；,，、"     # dropped from a title's end (with spaces, which go first)


def _load(name: str) -> dict:
    with resources.files(__package__).joinpath(name).open(encoding="utf-8") as fh:
        return json.load(fh)


@dataclass(frozen=True)
class Marker:
    level: int
    style: str
    sentence_item: bool
    pattern: regex.Pattern     # anchored where it is tried; group "n" is the number
    known_titles_only: bool = False


@dataclass(frozen=True)
class Numbering:
    """The numbering grammar of the genre: 一、 (一) ㈠ 1. (1) 1) ⑴ ① and their full-width forms."""
    markers: tuple[Marker, ...]
    digits: dict[str, int]
    ten: str
    # All the markers as one alternation, one group per marker: one match call tells whether a
    # number starts at a position, and which marker is the first to match there.
    _any: regex.Pattern | None = field(default=None, compare=False, repr=False)

    def __post_init__(self):
        object.__setattr__(self, "_any", regex.compile(
            "|".join(f"({m.pattern.pattern.replace('(?P<n>', '(?:')})" for m in self.markers)))

    def marker_at(self, text: str, pos: int, endpos: int | None = None):
        """(marker, match) of the number starting at ``pos``, or None."""
        endpos = len(text) if endpos is None else endpos
        hit = self._any.match(text, pos, endpos)
        if hit is None:
            return None
        marker = self.markers[hit.lastindex - 1]
        return marker, marker.pattern.match(text, pos, endpos)

    def value(self, number: str) -> int | None:
        """The integer a heading number stands for: 六 → 6, 十二 → 12, ７ → 7, ㈢ → 3, ⑸ → 5, ④ → 4."""
        if not number:
            return None
        if len(number) == 1:
            code = ord(number)
            for first, last in ((0x3220, 0x3229), (0x2474, 0x2487), (0x2460, 0x2473)):
                if first <= code <= last:
                    return code - first + 1
        if number.isdigit():
            return int(number)
        if self.ten in number:
            tens, _, ones = number.partition(self.ten)
            t = self.digits.get(tens, None) if tens else 1
            o = self.digits.get(ones, None) if ones else 0
            return None if t is None or o is None else t * 10 + o
        return self.digits.get(number)

    def alternation(self, sentence_items_only: bool = False) -> str:
        """All the marker patterns as one alternation (without their named groups)."""
        parts = [m.pattern.pattern.replace("(?P<n>", "(?:") for m in self.markers
                 if m.sentence_item or not sentence_items_only]
        return "|".join(f"(?:{p})" for p in parts)


@lru_cache(maxsize=1)
def numbering() -> Numbering:
    data = _load("numbering.json")
    return Numbering(
        markers=tuple(Marker(int(m["level"]), m["style"], bool(m["sentence_item"]), regex.compile(m["pattern"]),
                             bool(m.get("known_titles_only", False))) for m in data["markers"]),
        digits=dict(data["chinese_digits"]), ten=data["chinese_ten"])


@dataclass(frozen=True)
class SectionRules:
    numbering: Numbering
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
    inline_title: regex.Pattern                        # a statement title at a position (longest), group per kind
    inline_label: regex.Pattern                        # an unnumbered statement title inside a line
    inline_numbered: regex.Pattern                     # a number and a statement title inside a line
    inline_title_not_followed_by: regex.Pattern
    inline_title_min_chars: int
    successor_after: regex.Pattern                     # what may come right before a run-in next number
    successor_not_followed_by: regex.Pattern
    inline_hint: regex.Pattern                         # a word every statement title contains
    title_anywhere: regex.Pattern                      # a statement title anywhere (what inline_* look ahead for)
    column_words: regex.Pattern                        # other column titles of the forms (年度指标值, 得分)
    column_header_max_chars: int
    column_max_rows: int
    column_cell_min_han: int
    _kinds_seen: dict = field(default_factory=dict, compare=False, repr=False)   # title → kind_of(title)

    def kind_of(self, title: str) -> str | None:
        """The kind a title names (problems, remedies, mixed, other), or None for an unknown title."""
        try:
            return self._kinds_seen[title]
        except KeyError:
            pass
        kind = self._kind_of(title)
        if len(self._kinds_seen) < 100_000:   # bounded: titles are short, but a text can be huge
            self._kinds_seen[title] = kind
        return kind

    def _kind_of(self, title: str) -> str | None:
        # Every whitespace character but the space is unprintable: most titles need no substitution.
        if not title.isprintable() or " " in title:
            title = _SPACES.sub("", title)
        title = title.rstrip(_TRAILING_PUNCT)   # no space is left to strip with the punctuation
        if not title:
            return None
        for kind, pattern in self.kinds:
            if pattern.fullmatch(title):
                return kind
        return None

    def marker_at(self, text: str, pos: int):
        """(level, match) of the heading number starting at ``pos``, or None."""
        found = self.numbering.marker_at(text, pos)
        return (found[0].level, found[1]) if found else None


@lru_cache(maxsize=1)
def section_rules() -> SectionRules:
    data = _load("headings.json")
    kinds = tuple((kind, regex.compile("(?:" + "|".join(data["kinds"][kind]) + ")"))
                  for kind in KIND_ORDER)
    separator = data["label_separator"]
    numbers = numbering()
    # Statement titles without the catch-all ones that start with a wildcard (….{0,12}未完成原因):
    # inside a line only a title that starts at its first word can be told from running text.
    titles = "|".join(f"(?P<{kind}>" + "|".join(p for p in data["kinds"][kind] if not p.startswith(".")) + ")"
                      for kind in STATEMENT_KINDS)
    not_before = data["inline_label_before_not"]
    after = data["inline_label_after"]
    nothing = data["inline_label_nothing"]
    return SectionRules(
        numbering=numbers,
        title_max_chars=int(data["title_max_chars"]),
        title_forbidden=regex.compile(data["title_forbidden"]),
        run_in_end=regex.compile(data["run_in_end"]),
        run_in_forbidden=regex.compile(data["run_in_forbidden"]),
        kinds=kinds,
        # The first cell of a line: everything up to a separator (tab, |, colon, space).
        # (a leading | opens a |-separated row)  The head is the whole run of characters before the
        # first separator, taken possessively: each separator of headings.json starts with a character
        # the head excludes (whitespace, |, colons) or is the end, so a lazy head would stop at the same
        # place; a run longer than a title is no label, and no shorter head is tried.
        label_head=regex.compile(rf"[ \t\u3000]*(?:\|[ \t\u3000]*)?(?P<head>[^\s|:：]{{1,{int(data['title_max_chars']) + 1}}}+)"
                                 rf"(?={separator})"),
        end_at_known_titles=bool(data["label_sections_end_at_known_titles"]),
        closing_line=regex.compile(r"[ \t\u3000]*(?:" + "|".join(data["closing_lines"]) + r")[ \t\u3000]*"),
        signature_max_chars=int(data["signature_max_chars"]),
        signature_forbidden=regex.compile(data["signature_forbidden"]),
        # POSIX: the longest title wins (存在问题及整改情况 over 存在问题).
        inline_title=regex.compile(titles, regex.POSIX),
        inline_label=regex.compile(
            rf"(?:(?<=^|{after})(?<!(?:{not_before})))(?=\p{{Han}})(?P<at>)"
            rf"(?=(?:{titles})[ \t\u3000]{{0,3}}(?:[:：]|{nothing}))", regex.M),
        inline_numbered=regex.compile(rf"(?P<marker>{numbers.alternation()})[ \t\u3000]{{0,3}}(?=(?:{titles}))"),
        inline_title_not_followed_by=regex.compile(data["inline_title_not_followed_by"]),
        inline_title_min_chars=int(data["inline_title_min_chars"]),
        successor_after=regex.compile(rf"(?:{data['successor_after']})$"),
        successor_not_followed_by=regex.compile(data["successor_not_followed_by"]),
        inline_hint=regex.compile(data["inline_title_words"]),
        title_anywhere=regex.compile(titles),
        column_words=regex.compile("|".join(f"(?:{p})" for p in data["column_header_words"])),
        column_header_max_chars=int(data["column_header_max_chars"]),
        column_max_rows=int(data["column_max_rows"]),
        column_cell_min_han=int(data["column_cell_min_han"]),
    )
