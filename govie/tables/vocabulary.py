"""The header vocabulary (headers.json), loaded once, and the small text helpers tables use."""
from __future__ import annotations

import json
from dataclasses import dataclass
from functools import lru_cache
from importlib import resources

import regex

from ..numbers import parse_amount
from ..numbers.grammar import fold, folded_characters, lexicon

# Whitespace that a PDF leaves inside a word (强化社 会管理, 城区环境综合\n治理) goes;
# a space between two Latin letters or digits stays (PM2.5 浓度 keeps none either way).
_INNER_SPACE = regex.compile(r"\s+")
_KEEP_SPACE = regex.compile(r"(?<=[A-Za-z0-9])\s+(?=[A-Za-z0-9])")
NOT_A_WORD = regex.compile(r"[\d,，。;；%]")     # digits or sentence marks: a cell of text, no header word
_HAN = regex.compile(r"\p{Han}+")

# The same short cell texts (header words, level words, values) come back line after line and
# table after table: the pure text tests below are memoised on the text.  A few thousand texts
# each: the repeated ones stay, and the collector has few cache entries to walk.
_CACHE_SIZE = 1 << 13


@lru_cache(maxsize=_CACHE_SIZE)
def compact(text: str) -> str:
    """A cell's or name's text with PDF line breaks and stray spaces removed."""
    text = text.strip()
    if not text:
        return ""
    if "\x00" not in text and _INNER_SPACE.search(text) is None:
        return text             # no whitespace inside: nothing to remove
    kept = _KEEP_SPACE.sub("\x00", text)
    return _INNER_SPACE.sub("", kept).replace("\x00", " ")


def may_open_with(text: str, initials: frozenset[str]) -> bool:
    """Whether ``compact(text)`` may start with one of ``initials``: False only when it cannot
    (its first character is known and is none of them).  A test of one character, so a label
    lookup is skipped on the lines, new ones mostly, that no label opens."""
    head = text[:8].lstrip()[:1]            # the first character compact keeps, if it is there
    return not head or head in initials or head == "\x00" or _INNER_SPACE.match(head) is not None


def initials_of(words) -> frozenset[str]:
    return frozenset(w[0] for w in words if w)


_BARE_STRIP = "*:：|"           # what bare() strips from a word's ends


def _end_of_bare(chars, one_fold: dict[str, str]) -> str | None:
    """The character ``bare(text)`` ends (or starts) with, from ``chars``: the text reversed (or
    the text).  bare() drops white space (regex ``\\s`` is no wider than ``str.isspace``), folds,
    strips ``*:：|``, and removes bracketed units and marks (``unit_in_header``, ``column_marks``
    of headers.json), each of which opens with a bracket and closes with one: the text's last
    (first) other character stays unless it is that bracket.  None when that cannot be told so
    (a bracket there, or nothing left)."""
    for ch in chars:
        if ch == "\x00":
            return " "                           # compact() writes it as a space
        folded = one_fold.get(ch, ch)
        if not ch.isspace() and folded not in _BARE_STRIP:
            return None if folded in "()" else folded
    return None


def ends_outside(text: str, last_chars: frozenset[str], first_chars: frozenset[str] = frozenset()) -> bool:
    """True when ``bare(text)`` surely neither ends with one of ``last_chars`` nor starts with one
    of ``first_chars``: a word that must end (or start) so is then not there, and bare() and
    the lookups after it are skipped.  Most cells and lines end with no header word's last
    character (a figure, a stop, a clause)."""
    one_fold = folded_characters()
    last = _end_of_bare(reversed(text), one_fold)
    if last is None or last in last_chars:
        return False
    if not first_chars:
        return True
    first = _end_of_bare(text, one_fold)
    return first is not None and first not in first_chars


@lru_cache(maxsize=1)
def _numeral() -> regex.Pattern:
    """A character no amount goes without (a digit, a Chinese numeral of the number lexicon), or
    one that folds to one: a text with none is no amount, and parse_amount is not asked."""
    lx = lexicon()
    numerals = set(lx["chinese_digits"]) | set(lx["chinese_leading_digits"]) | set(lx["tenths"]["digits"])
    numerals |= {c for c, image in folded_characters().items() if image in numerals}
    return regex.compile(r"[\d" + regex.escape("".join(sorted(numerals))) + "]")


@dataclass(frozen=True)
class Vocabulary:
    roles: dict[str, str]          # header word → role
    role_prefixes: tuple[tuple[str, str], ...]
    words_by_length: tuple[str, ...]
    row_labels: frozenset[str]
    budget_row_labels: frozenset[str]
    stop_labels: tuple[str, ...]
    level1: frozenset[str]
    level2: frozenset[str]
    unit_in_header: regex.Pattern
    column_marks: regex.Pattern
    name_numbering: regex.Pattern
    value_words: frozenset[str]
    value_patterns: tuple[regex.Pattern, ...]
    value_noun_max: int

    def __post_init__(self):
        # Memoise the pure text tests per vocabulary (the dataclass is frozen: set them directly).
        for name in ("header_role", "bare", "header_word", "is_level", "is_value", "is_stop"):
            object.__setattr__(self, name, lru_cache(maxsize=_CACHE_SIZE)(getattr(self, name)))
        object.__setattr__(self, "budget_label_initials", initials_of(self.budget_row_labels))
        # header_role and is_level look for a word a text's bare form ends with (a header word may
        # also open with a role prefix), is_stop for one it opens with: a new text that cannot end
        # or open so is told apart by a character or two, without bare() and the lookups.
        object.__setattr__(self, "_role_last", frozenset(w[-1] for w in self.roles if w))
        object.__setattr__(self, "_prefix_first", initials_of(p for p, _ in self.role_prefixes))
        object.__setattr__(self, "_level_last", frozenset(w[-1] for w in self.level1 | self.level2 if w))
        object.__setattr__(self, "_stop_initials", initials_of(self.stop_labels))
        object.__setattr__(self, "_numeral", _numeral())      # built with the vocabulary, not on a first cell
        folded_characters()
        # the value patterns as one alternation: one match attempt rather than one a pattern
        object.__setattr__(self, "_any_value_pattern",
                           regex.compile("|".join(f"(?:{p.pattern})" for p in self.value_patterns)))
        first = {}
        for w, r in self.roles.items():
            first.setdefault(r, w)
        object.__setattr__(self, "_first_word", first)
        object.__setattr__(self, "_longest", max(map(len, self.roles), default=0))

    def header_role(self, text: str) -> str | None:
        """The role of a header cell (task, goal, result, level1, level2, name, target, actual,
        funding, weight, score, status, note), or None if it is not a header word."""
        if ends_outside(text, self._role_last, self._prefix_first):
            return None
        word = self.header_word(text)
        return self.roles.get(word) if word else None

    def bare(self, text: str) -> str:
        """A header cell without its unit (（万元）), letters and formulas (（A）, (B/A)), breaks."""
        # traditional characters folded one for one (執行率 is 执行率), as the number reader does
        if "(" in text or "（" in text:           # both the unit and the marks open with a bracket
            text = self.column_marks.sub("", self.unit_in_header.sub("", text))
        return fold(compact(text)).strip("*:：|")

    def header_word(self, text: str) -> str | None:
        word = self.bare(text)
        if not word:
            return None
        if word in self.roles:
            return word
        for prefix, role in self.role_prefixes:
            if word.startswith(prefix) and len(word) <= 24 and not NOT_A_WORD.search(word):
                return self._first_word[role]
        # 部门整体支出的预期目标: a short cell that ends with a header word.
        if len(word) <= 14 and not NOT_A_WORD.search(word):
            # the longest header word of three characters or more it ends with (one word a length)
            for n in range(min(len(word), self._longest), 2, -1):
                if word[-n:] in self.roles:
                    return word[-n:]
        return None

    def unit_factor(self, text: str, multipliers: dict) -> float | None:
        m = self.unit_in_header.search(text)
        return float(multipliers.get(m.group("unit")[:-1], 1)) if m else None

    def is_level(self, text: str) -> bool:
        if ends_outside(text, self._level_last):
            return False
        word = self.bare(text)          # 产出指标(50分) is a level too
        return word in self.level1 or word in self.level2

    def amount_with_noun(self, text: str):
        """``5个社区``: an amount with a unit, then what is counted; the Measure, or None."""
        found = self.split_counted(text)
        return found[0] if found else None

    def split_counted(self, text: str):
        """(Measure, length of the amount in ``text``) for ``5个社区``, or None."""
        raw = text.strip()
        for k in range(1, self.value_noun_max + 1):
            head, noun = raw[:-k], raw[-k:]
            if not head.strip() or not _HAN.fullmatch(noun):
                break
            measure = parse_amount(head)
            if measure is not None and measure.kind is not None:
                return measure, len(head.rstrip())
        return None

    def is_value(self, text: str) -> bool:
        """Whether a cell reads as an indicator value: an amount, a qualitative word, a rank."""
        word = compact(text)
        if not word:
            return False
        if word in self.value_words:
            return True
        may_be_amount = self._numeral.search(word) is not None
        if may_be_amount and parse_amount(word) is not None:
            return True
        if self._any_value_pattern.fullmatch(word):
            return True
        return may_be_amount and self.amount_with_noun(word) is not None

    def is_stop(self, text: str) -> bool:
        if not may_open_with(text, self._stop_initials):
            return False
        word = compact(text)
        if not word.startswith(self.stop_labels):      # one C-level test rules out most lines
            return False
        return any(word == s or (word.startswith(s) and len(word) <= len(s) + 6) for s in self.stop_labels)


@lru_cache(maxsize=1)
def vocabulary() -> Vocabulary:
    with resources.files(__package__).joinpath("headers.json").open(encoding="utf-8") as fh:
        data = json.load(fh)
    roles = {}
    for role, words in data["roles"].items():
        for w in words:
            roles.setdefault(w, role)
    return Vocabulary(
        roles=roles,
        role_prefixes=tuple((w, role) for role, ws in data.get("role_prefixes", {}).items() for w in ws),
        words_by_length=tuple(sorted(roles, key=len, reverse=True)),
        row_labels=frozenset(data["row_labels"]),
        budget_row_labels=frozenset(data["budget_row_labels"]),
        stop_labels=tuple(sorted(data["stop_labels"], key=len, reverse=True)),
        level1=frozenset(data["levels"]["level1"]),
        level2=frozenset(data["levels"]["level2"]),
        unit_in_header=regex.compile(data["unit_in_header"]),
        column_marks=regex.compile(data["column_marks"]),
        name_numbering=regex.compile(data["name_numbering"]),
        value_words=frozenset(data["value_words"]),
        value_patterns=tuple(regex.compile(p) for p in data["value_patterns"]),
        value_noun_max=int(data["value_noun_max"]),
    )
