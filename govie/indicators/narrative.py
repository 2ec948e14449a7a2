"""Indicators stated in running text (and in the narrative cells of tables).

Four forms, all anchored on an amount mention:

- a target and an actual in one sentence: ``服务企业数年度指标值为 203 家，实际完成 212 家``,
  ``管控率年初目标值为100%，…实际完成值为100%`` (cue words in lexicon.json);
- a rate with its value, ``成功率达 98.8%``, ``接种率 86%``: an actual, or a target inside
  a goals paragraph (``绩效目标：医院改造工程完工率达到90%``) or a 预期目标 cell;
- ``完成年度任务的 106.01%``;
- a goal's actual found later by the goal's name (``完工率达95%``).

A statement printed twice (a paragraph repeated in two sections) is read once.  Rates of
budget execution (预算完成率, 完成预算的) belong to the budget block, not here.
"""
from __future__ import annotations

from bisect import bisect_right
from dataclasses import dataclass
from functools import lru_cache

import regex

from ..mentions import Mention, mentions_within
from ..numbers import Measure, parse_number
from ..textlines import NextMatch
from ..tables import Region, Table
from .model import Indicator, Value, plain
from .rules import indicator_rules, spaced
from .values import Values

SENTENCE_END = regex.compile(r"[。;；!?！？]|\n\s*\n\s*(?=\S{0,12}\n)")
BARE_NUMBER = regex.compile(r"(?<![\d.])[-−]?\d{1,12}(?:\.\d{1,6})?(?![\d.])")
CLAUSE_END = regex.compile(r"[,，。;；!?！？\t|]")
_PARAGRAPH_END = regex.compile(r"[。;；][ \t]*\n\s*")
_SPACE = regex.compile(r"\s")
_HAN = regex.compile(r"\p{Han}")


@lru_cache(maxsize=8)
def _clause_stops(boundaries: str) -> regex.Pattern:
    """The characters clause_start acts on (a line break, a bracket, a boundary), searched backwards."""
    return regex.compile("[" + "".join(regex.escape(ch) for ch in "\n)）]】(（[【" + boundaries) + "]", regex.REVERSE)


@lru_cache(maxsize=4096)
def _name_pattern(name: str) -> regex.Pattern:
    """A goal's name with any spaces between its characters, compiled once per name."""
    return regex.compile(spaced(name))


@dataclass
class Statement:
    name_start: int
    name_end: int
    name: str
    value: Value
    role: str                 # target, actual or unknown (a table cell that lost its column)
    context: str              # the clause before, for telling a repeat from a new statement
    region: Region | None = None


class NarrativeReader:
    def __init__(self, text: str, mentions: list[Mention], tables: list[Table], values: Values,
                 sections: list | None = None):
        self.text = text
        # The headings govie_sections found (doc._.sections), by start.
        self.sections = sorted(sections or [], key=lambda sec: sec.start)
        self.section_starts = [sec.start for sec in self.sections]
        self.rules = indicator_rules()
        self.mentions = sorted(mentions, key=lambda m: m.start)
        self.values = values
        self.blocked = _merge(span for t in tables for span in t.claimed + t.skipped if span[1] > span[0])
        self.blocked_starts = [s for s, _ in self.blocked]
        self.mention_starts = [m.start for m in self.mentions]
        self.regions = sorted((r for t in tables for r in t.regions), key=lambda r: r.start)
        self.region_starts = [r.start for r in self.regions]
        self.tables = tables
        self.goal_spans = self._goal_spans()
        self.used: set[int] = set()      # mention starts already read
        # Forward searches for the end of a sentence or clause, asked again and again along a long line.
        self.sentence_end = NextMatch(SENTENCE_END, text)
        self.clause_end = NextMatch(CLAUSE_END, text)

    # -- where a position stands ----------------------------------------------------------------

    def is_blocked(self, start: int, end: int) -> bool:
        """Whether a span touches a table cell that is not narrative (or a repeated block)."""
        i = bisect_right(self.blocked_starts, max(start, end - 1)) - 1
        return i >= 0 and self.blocked[i][1] > start

    def region_at(self, pos: int) -> Region | None:
        i = bisect_right(self.region_starts, pos) - 1
        if i >= 0 and self.regions[i].start <= pos < self.regions[i].end:
            return self.regions[i]
        return None

    def in_table(self, pos: int) -> bool:
        return any(t.start <= pos < t.end for t in self.tables)

    def _goal_spans(self) -> list[tuple[int, int]]:
        spans = []
        for m in self.rules.goal_label.finditer(self.text):
            if self.in_table(m.start()) or self.is_blocked(m.start(), m.end()):
                continue
            limit = min(len(self.text), m.end() + self.rules.goal_span_max)
            ends = [limit]
            k = bisect_right(self.section_starts, m.end())
            if k < len(self.sections) and self.sections[k].start < limit:
                ends.append(self.sections[k].start)        # the next heading closes the goals
            found = self.rules.goal_end.search(self.text, m.end(), limit)
            if found:
                ends.append(found.start())
            # The goals paragraph ends where a sentence ends a line, unless a list item follows.
            for par in _PARAGRAPH_END.finditer(self.text[m.end():limit]):
                if not self.rules.item_numbering.match(self.text, m.end() + par.end()):
                    ends.append(m.end() + par.start() + 1)
                    break
            spans.append((m.end(), min(ends)))
        return spans

    def section_at(self, pos: int) -> str | None:
        """The title of the innermost section (of doc._.sections) that holds ``pos``."""
        k = bisect_right(self.section_starts, pos) - 1
        while k >= 0:
            sec = self.sections[k]
            if sec.body_start <= pos < sec.end:
                return plain(sec.title) or None
            k -= 1
        return None

    def role_at(self, pos: int) -> tuple[str, Region | None]:
        region = self.region_at(pos)
        if region is not None:
            return {"goal": "target", "result": "actual"}.get(region.role, "unknown"), region
        if any(s <= pos < e for s, e in self.goal_spans):
            return "target", None
        return "actual", None

    # -- names ------------------------------------------------------------------------------------

    def clause_start(self, pos: int) -> int:
        """Where the clause that ends at ``pos`` begins (brackets are skipped: 人群（特指：…）)."""
        floor = max(0, pos - 3 * self.rules.name_max)
        region = self.region_at(pos)
        if region is not None:
            floor = max(floor, region.start)
        i = bisect_right(self.blocked_starts, pos) - 1
        if i >= 0 and self.blocked[i][1] <= pos:
            floor = max(floor, self.blocked[i][1])
        depth, k = 0, pos - 1
        stops = _clause_stops(self.rules.boundaries)
        while k >= floor:
            # the characters between the ones this loop acts on change nothing: jump back to the next
            found = stops.search(self.text, floor, k + 1)
            if found is None:
                k = floor - 1
                break
            k = found.start()
            ch = self.text[k]
            if ch == "\n" and region is None and self._ends_heading(k):
                break
            if ch in ")）]】":
                depth += 1
            elif ch in "(（[【":
                if depth == 0:
                    break
                depth -= 1
            elif depth == 0 and ch in self.rules.boundaries:
                break
            k -= 1
        start = k + 1
        while start < pos and self.text[start].isspace():
            start += 1
        m = self.rules.name_numbering.match(self.text, start, pos)
        return m.end() if m else start

    def _ends_heading(self, newline: int) -> bool:
        """Whether the line before this line break is a heading or a title, which a name never
        reaches back into (running text wraps long lines, not short ones)."""
        start = self.text.rfind("\n", max(0, newline - 200), newline)
        if start < 0 and newline > 200:
            return False                   # a line that long is running text
        line = self.text[start + 1:newline].strip()
        if not line:
            return False
        return (len(line) < self.rules.heading_max or line[-1] in ":：" or self.rules.name_numbering.match(line) is not None
                or any(w in line for w in self.rules.title_words))

    def _trim_name(self, start: int, end: int) -> int:
        """Keep at most name_max characters of a long clause (the end of it names the indicator)."""
        count, k = 0, end
        while k > start:
            if not self.text[k - 1].isspace():
                count += 1
                if count > self.rules.name_max:
                    break
            k -= 1
        while k < end and self.text[k].isspace():
            k += 1
        return k

    def _context(self, start: int) -> str:
        before = self.clause_start(max(0, start - 1)) if start > 0 else 0
        return plain(self.text[max(0, before - 1):start])

    # -- values ----------------------------------------------------------------------------------

    def mentions_between(self, start: int, end: int) -> list[Mention]:
        return mentions_within(self.mentions, self.mention_starts, start, end)

    def _amounts(self, start: int, end: int) -> list[Mention]:
        """The amounts in a stretch after a cue word: the mentions, else what the normaliser reads
        there, bare numbers included (年度指标值为0，实际完成0)."""
        found = [m for m in self.mentions_between(start, end) if not self.is_blocked(m.start, m.end)]
        if found:
            return found
        out = []
        for m in BARE_NUMBER.finditer(self.text, start, end):
            value = parse_number(m.group())     # a number no recogniser took: read here, once
            if value is not None and not self.is_blocked(m.start(), m.end()):
                out.append(Mention("NUMBER", m.start(), m.end(), Measure(None, value, None)))
        return out

    def value_of(self, mention: Mention, modifier_start: int | None = None) -> Value:
        """The mention widened to a comparator word before (不低于) and after (以上, 以内)."""
        start = modifier_start if modifier_start is not None else mention.start
        end = mention.end
        after = self.text[end:end + 6]
        for word in self.rules.comparator_suffixes:
            stripped = after.lstrip(" ")
            if stripped.startswith(word):
                end += len(after) - len(stripped) + len(word)
                break
        return self.values.of_mention(mention, start, end)

    def _gap(self, start: int, value_start: int):
        """Split ``name [link] [modifier]`` before a value: (name_end, link, comparator modifier start)."""
        chars = [(k, self.text[k]) for k in range(start, value_start) if not self.text[k].isspace()]
        s = "".join(c for _, c in chars)
        modifier_at = None
        for word in self.rules.modifiers:
            if s.endswith(word):
                if word in self.rules.comparator_words:
                    modifier_at = chars[len(s) - len(word)][0]
                s = s[:-len(word)]
                break
        link = ""
        for word in self.rules.links:
            if s.endswith(word):
                link, s = word, s[:-len(word)]
                break
        if not s:
            return None
        return chars[len(s) - 1][0] + 1, s, link, modifier_at

    # -- the forms -------------------------------------------------------------------------------------

    def target_actual_sentences(self) -> list[Indicator]:
        out = []
        for cue in self.rules.target_cue.finditer(self.text):
            if self.is_blocked(cue.start(), cue.end()):
                continue
            after = self._amounts(cue.end(), cue.end() + 16)
            if not after:
                continue
            tv = after[0]
            between = _SPACE.sub("", self.text[cue.end():tv.start])
            if between and between not in self.rules.modifiers:
                continue
            modifier_at = None
            if between in self.rules.comparator_words:
                modifier_at = cue.end() + self.text[cue.end():tv.start].index(between[0])
            sentence = self.sentence_end.search(tv.end)
            limit = sentence.start() if sentence else len(self.text)
            nxt = self.rules.target_cue.search(self.text, tv.end, limit)
            limit = nxt.start() if nxt else limit
            actual = None
            acue = self.rules.actual_cue.search(self.text, tv.end, limit)
            if acue:
                clause = self.clause_end.search(acue.end())
                clause_end = min(clause.start() if clause else limit, limit)
                found = self._amounts(acue.end(), clause_end)
                if found:
                    actual = found[-1]
            name_start, name_end = self.clause_start(cue.start()), cue.start()
            while name_end > name_start and self.text[name_end - 1].isspace():
                name_end -= 1
            if name_end <= name_start:        # 服务企业数：年度指标值为 …
                name_end = name_start - 1
                while name_end > 0 and (self.text[name_end - 1].isspace() or self.text[name_end - 1] in ":："):
                    name_end -= 1
                name_start = self.clause_start(name_end)
            if name_end <= name_start or not _HAN.search(self.text[name_start:name_end]):
                continue
            name_start = self._trim_name(name_start, name_end)
            self.used.add(tv.start)
            target = self.value_of(tv, modifier_at)
            actual_value = None
            if actual is not None:
                self.used.add(actual.start)
                actual_value = self.value_of(actual)
            out.append(Indicator(name_start, name_end, plain(self.text[name_start:name_end]), target,
                                 actual_value, source="narrative"))
        return out

    def statements(self) -> list[Statement]:
        out = []
        for m in self.mentions:
            if m.start in self.used or self.is_blocked(m.start, m.end):
                continue
            role, region = self.role_at(m.start)
            goal = role == "target"
            if m.label != "PERCENT" and not goal:
                continue
            start = self.clause_start(m.start)
            gap = self._gap(start, m.start)
            if gap is None:
                continue
            name_end, head, link, modifier_at = gap
            completion = self.rules.task_completion.fullmatch(head) if m.label == "PERCENT" else None
            if completion:
                name_end -= 1                   # 完成年度任务的 → 完成年度任务
                head = head[:-1]
            elif not self.rules.ends_with_head(head, goal=goal) and not (goal and self._goal_item(start, m)):
                continue
            if self._is_list(m) or self._is_budget(head, m.start):
                continue
            name_start = self._trim_name(start, name_end)
            value = self.value_of(m, modifier_at)
            if goal and value.comparator is None and link == "达到":
                value.comparator = ">="
            out.append(Statement(name_start, name_end, plain(self.text[name_start:name_end]), value, role,
                                 self._context(name_start), region))
            self.used.add(m.start)
        return out

    def _goal_item(self, start: int, m: Mention) -> bool:
        """An item of a goals list (一、完成固定资产增加8%；二、… / 道路硬化≥1.24km；…): its clause
        opens after a list mark or a semicolon and ends at the next one — a target whatever its head."""
        before = self.text[max(0, start - 3):start]
        opens = start == 0 or any(ch in before for ch in "；;:：、\n")
        after = self.text[m.end:m.end + 3]
        closes = not after.strip() or after.lstrip()[:1] in ("；", ";", "。", "\n")
        return opens and closes

    def _is_list(self, m: Mention) -> bool:
        """达成率分别是100%、118%: one name, several values — not one indicator."""
        after = self.rules.list_after_value.match(self.text, m.end)
        if after:
            nxt = self.mentions_between(after.end(), after.end() + 12)
            if nxt and nxt[0].start == after.end() and nxt[0].label == m.label:
                return True
        return False

    def _is_budget(self, head: str, pos: int) -> bool:
        if any(w in head for w in self.rules.budget_words):
            return True
        if not any(head.endswith(n) for n in self.rules.budget_rate_names):
            return False
        k, floor = pos, max(0, pos - 300)
        while k > floor and self.text[k - 1] not in "。;；\t|":
            k -= 1
        sentence = self.text[k:pos]
        return any(w in sentence for w in self.rules.budget_words)

    def actual_for(self, name: str, after: int) -> Statement | None:
        """A goal's result stated elsewhere by the same name: ``完工率达95%``."""
        pattern = _name_pattern(name)
        for found in pattern.finditer(self.text):
            if found.start() == after or self.is_blocked(found.start(), found.end()):
                continue
            if self.role_at(found.start())[0] == "target":
                continue
            nxt = [m for m in self.mentions_between(found.end(), found.end() + 12) if m.start not in self.used]
            if not nxt:
                continue
            gap = self._gap(found.start(), nxt[0].start)
            if gap is None or plain(gap[1]) != name:
                continue
            self.used.add(nxt[0].start)
            return Statement(found.start(), found.end(), name, self.value_of(nxt[0], gap[3]), "actual",
                             self._context(found.start()))
        return None


def _merge(spans) -> list[tuple[int, int]]:
    out: list[list[int]] = []
    for s, e in sorted(spans):
        if out and s <= out[-1][1]:
            out[-1][1] = max(out[-1][1], e)
        else:
            out.append([s, e])
    return [(s, e) for s, e in out]


def _pair_up(statements: list[Statement], reader: NarrativeReader) -> list[Indicator]:
    # A statement printed again (a paragraph repeated in a summary) is read once.
    seen, unique = set(), []
    for s in statements:
        key = (s.name, s.value.key(), s.context, s.role)
        if s.role != "unknown" and key in seen:
            continue
        seen.add(key)
        unique.append(s)
    statements = unique
    out: list[Indicator] = []
    # A cell that lost its column (goal and result text run together): the first statement
    # of a name is the expectation, the second the result.
    by_region: dict[int, dict[str, list[Statement]]] = {}
    for s in statements:
        if s.role == "unknown" and s.region is not None:
            by_region.setdefault(id(s.region), {}).setdefault(s.name, []).append(s)
    consumed: set[int] = set()
    for names in by_region.values():
        for same in names.values():
            if len(same) >= 2:
                first, second = same[0], same[1]
                out.append(Indicator(first.name_start, first.name_end, first.name, first.value, second.value,
                                     source="narrative"))
                consumed.update({id(first), id(second)})
    remaining = [s for s in statements if id(s) not in consumed]
    for s in remaining:
        if s.role == "unknown":
            s.role = "actual"
    actuals = [s for s in remaining if s.role == "actual"]
    for s in remaining:
        if s.role != "target":
            continue
        match = next((a for a in actuals if id(a) not in consumed and a.name == s.name), None)
        if match is None:
            match = reader.actual_for(s.name, s.name_start)
        if match is not None:
            consumed.add(id(match))
        out.append(Indicator(s.name_start, s.name_end, s.name, s.value, match.value if match else None,
                             source="narrative"))
    # A result already paired with its goal is not recorded again where a summary restates it.
    paired = {(s.name, s.value.key()) for s in actuals if id(s) in consumed}
    out.extend(Indicator(s.name_start, s.name_end, s.name, None, s.value, source="narrative")
               for s in actuals if id(s) not in consumed and (s.name, s.value.key()) not in paired)
    return out


def _dedupe(indicators: list[Indicator], reader: NarrativeReader) -> list[Indicator]:
    seen, out = set(), []
    for ind in sorted(indicators, key=lambda i: i.name_start):
        key = (ind.name, ind.target.key() if ind.target else None, ind.actual.key() if ind.actual else None,
               reader._context(ind.name_start))
        if key in seen:
            continue
        seen.add(key)
        out.append(ind)
    return out


def narrative_indicators(text: str, mentions: list[Mention], tables: list[Table], values: Values,
                         sections: list | None = None) -> list[Indicator]:
    reader = NarrativeReader(text, mentions, tables, values, sections)
    found = reader.target_actual_sentences()
    found += _pair_up(reader.statements(), reader)
    for ind in found:
        region = reader.region_at(ind.name_start)
        if region is not None and region.task is not None and region.task.name is not None:
            ind.section = plain(region.task.name.text)
        elif region is None:
            ind.section = reader.section_at(ind.name_start)
    return _dedupe(found, reader)
