"""Loading the sentence splitter's rules (splitting.json, and the numbering grammar of the sections) once."""
from __future__ import annotations

import json
from dataclasses import dataclass
from functools import lru_cache
from importlib import resources

import regex

from ..sections.rules import numbering


@dataclass(frozen=True)
class SentenceRules:
    final: regex.Pattern           # a sentence end, its closing quotes included
    cell_separator: regex.Pattern
    item_opener: regex.Pattern     # where a numbered item starts a sentence (group "open")
    enum_opener: regex.Pattern     # where 一是/二是 starts a sentence (group "open")
    topic_opener: regex.Pattern    # where a 城区环境综合治理方面: clause starts a sentence (group "open")
    # The item and the topic openers with the character before them consumed instead of looked
    # behind for: the regex engine scans for that character fast, and the opener is then tried only
    # after it (two patterns: as one alternation the engine loses that speed).  None when item_after
    # is not one character class (the openers are then searched as they are).
    item_candidates: regex.Pattern | None
    topic_candidates: regex.Pattern | None
    item_marker: regex.Pattern     # a numbered item at a position
    enum_marker: regex.Pattern     # an enumeration word at a position
    topic_clause: regex.Pattern    # X方面: at a position (group "topic")
    topic_heading: regex.Pattern   # a whole line (after its number) that is X方面
    topic_max_chars: int
    topic_word: str | None         # a word every topic clause and heading contains (None: not known)
    cell_line: regex.Pattern       # a line that is a table cell, not a piece of a sentence
    page_number_line: regex.Pattern  # a line that is only a page number
    page_break_min_chars: int
    sentence_end_at_line_end: regex.Pattern


_ONE_CHAR_CLASS = regex.compile(r"\[\^?\]?(?:[^\]\\\[]|\\.)*\]")   # [...] and nothing else


@lru_cache(maxsize=1)
def sentence_rules() -> SentenceRules:
    with resources.files(__package__).joinpath("splitting.json").open(encoding="utf-8") as fh:
        data = json.load(fh)
    items = numbering().alternation(sentence_items_only=True)
    space = r"[ \t\u3000]{0,64}"  # bounded: from every position of a long run it would rescan the run
    item_after, enum_after = data["item_after"], data["enumeration_after"]
    cells = "|".join(f"(?:{p})" for p in data["cell_lines"])
    # (with the line break in it: ^ in the openers is a line start, which must be a candidate too)
    one_char = _ONE_CHAR_CLASS.fullmatch(item_after) is not None and regex.fullmatch(item_after, "\n") is not None
    return SentenceRules(
        final=regex.compile(rf"(?:{data['final']}|{data['ascii_full_stop']}){data['closing']}"),
        cell_separator=regex.compile(data["cell_separator"]),
        item_opener=regex.compile(rf"(?:^|(?<={item_after})){space}(?P<open>{items})", regex.M),
        enum_opener=regex.compile(rf"(?:^|(?<={enum_after})){space}(?P<open>{data['enumeration']})", regex.M),
        topic_opener=regex.compile(rf"(?:^|(?<={item_after})){space}(?P<open>{data['topic_clause']})", regex.M),
        item_candidates=regex.compile(rf"{item_after}{space}(?:{items})", regex.M) if one_char else None,
        topic_candidates=regex.compile(rf"{item_after}{space}(?:{data['topic_clause']})", regex.M)
        if one_char else None,
        item_marker=regex.compile(items),
        enum_marker=regex.compile(data["enumeration"]),
        topic_clause=regex.compile(data["topic_clause"]),
        topic_heading=regex.compile(data["topic_heading"]),
        topic_max_chars=int(data["topic_max_chars"]),
        topic_word=data.get("topic_word") if all(data.get("topic_word", "\0") in data[k]
                                                 for k in ("topic_clause", "topic_heading")) else None,
        cell_line=regex.compile(rf"[ \t\u3000]*(?:{cells})[ \t\u3000]*"),
        page_number_line=regex.compile(data["page_number_line"]),
        page_break_min_chars=int(data["page_break_min_chars"]),
        sentence_end_at_line_end=regex.compile(rf"(?:{data['final']}|[:：])[ \t\u3000{data['closing'][1:-2]}]*$"),
    )
