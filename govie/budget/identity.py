"""The report's identity fields: the department that reports and the year it evaluates.

Both come from the form's own cells first — ``单位名称`` / ``部门名称`` / ``填报单位``
(the name after the label, without an accounting code such as ``219-``) and
``被评价年度`` — and else from the title: the part before the form's name
(``某某镇人民政府2023年度部门整体支出绩效自评报告``) and the year in the title lines
(``2023年度``, ``(2021年度)``).  The words are in ``identity.json``.  A name
must look like one: no sentence punctuation, a department's suffix (局, 中心,
人民政府 …) or a title line of its own, not a bare place name.
"""
from __future__ import annotations

import json
from dataclasses import dataclass
from functools import lru_cache
from importlib import resources

import regex

_SPACES = regex.compile(r"[ \t\u3000]+")


@dataclass(frozen=True)
class IdentityRules:
    labels: tuple[regex.Pattern, ...]      # a label, its bracket and its separator, then the cell at the match end
    cell_value: regex.Pattern
    not_a_name: regex.Pattern
    code_prefix: regex.Pattern
    name_bracket: regex.Pattern
    title_words: tuple[str, ...]
    title_lines: int
    title_noise: tuple[regex.Pattern, ...]
    title_year_cut: regex.Pattern
    name_forbidden: regex.Pattern
    name_min_chars: int
    name_max_chars: int
    suffixes: tuple[str, ...]
    region_only: regex.Pattern
    year_label: regex.Pattern
    title_year: regex.Pattern
    year_range: tuple[int, int]


@lru_cache(maxsize=1)
def identity_rules() -> IdentityRules:
    with resources.files(__package__).joinpath("identity.json").open(encoding="utf-8") as fh:
        data = json.load(fh)
    tail = rf"\s{{0,2}}(?:{data['label_bracket']})?{data['cell_separator']}"
    return IdentityRules(
        labels=tuple(regex.compile(f"(?:{label}){tail}") for label in data["department_labels"]),
        cell_value=regex.compile(data["cell_value"]),
        not_a_name=regex.compile(data["not_a_name"]),
        code_prefix=regex.compile(data["code_prefix"]),
        name_bracket=regex.compile(data["name_bracket"]),
        title_words=tuple(sorted(data["title_words"], key=len, reverse=True)),
        title_lines=int(data["title_lines"]),
        title_noise=tuple(regex.compile(p) for p in data["title_noise"]),
        title_year_cut=regex.compile(data["title_year_cut"]),
        name_forbidden=regex.compile(data["name_forbidden"]),
        name_min_chars=int(data["name_min_chars"]),
        name_max_chars=int(data["name_max_chars"]),
        suffixes=tuple(sorted(data["department_suffixes"], key=len, reverse=True)),
        region_only=regex.compile(data["region_only"]),
        year_label=regex.compile(data["year_label"]),
        title_year=regex.compile(data["title_year"]),
        year_range=(int(data["year_min"]), int(data["year_max"])),
    )


def _name(raw: str, rules: IdentityRules, need_suffix: bool) -> str | None:
    """``raw`` as a department name (spaces and an accounting code dropped), or None if it is not one."""
    name = _SPACES.sub("", raw).strip()
    name = rules.code_prefix.sub("", name, count=1)
    name = rules.name_bracket.sub("", name)
    if not (rules.name_min_chars <= len(name) <= rules.name_max_chars):
        return None
    if rules.name_forbidden.search(name) or rules.not_a_name.search(name) or rules.region_only.fullmatch(name):
        return None
    if need_suffix and not name.endswith(rules.suffixes):
        return None
    return name


def _title_lines(text: str, rules: IdentityRules) -> list[str]:
    lines = []
    for line in text.split("\n", 4 * rules.title_lines)[:4 * rules.title_lines]:
        if line.strip():
            lines.append(line.strip())
            if len(lines) >= rules.title_lines:
                break
    return lines


def _title_word(line: str, rules: IdentityRules) -> tuple[int, str] | None:
    compact = _SPACES.sub("", line)
    found = [(compact.find(w), w) for w in rules.title_words if w in compact]
    return min(found, key=lambda f: (f[0], -len(f[1]))) if found else None


def department_from_cells(text: str) -> str | None:
    rules = identity_rules()
    for label in rules.labels:
        for m in label.finditer(text):
            cell = rules.cell_value.match(text, m.end())
            if cell:
                name = _name(cell.group(), rules, need_suffix=False)
                if name:
                    return name
    return None


def department_from_title(text: str) -> str | None:
    rules = identity_rules()
    lines = _title_lines(text, rules)
    for k, line in enumerate(lines):
        found = _title_word(line, rules)
        if found is None:
            continue
        compact = _SPACES.sub("", line)
        pieces = []
        for piece in rules.title_year_cut.split(compact[:found[0]]):
            for noise in rules.title_noise:
                piece = noise.sub("", piece)
            pieces.append(piece)
        for piece in pieces:
            name = _name(piece, rules, need_suffix=True)
            if name:
                return name
        if not any(pieces):
            # 2019年部门整体支出绩效评价报告 with the department on a line of its own just before or after
            for near in (lines[k - 1] if k else "", lines[k + 1] if k + 1 < len(lines) else ""):
                name = _name(near, rules, need_suffix=True) if near and _title_word(near, rules) is None else None
                if name:
                    return name
    return None


def department(text: str) -> str | None:
    """From the 单位名称 / 部门名称 / 填报单位 cell, else from the title lines."""
    return department_from_cells(text) or department_from_title(text)


def _in_range(year: int, rules: IdentityRules) -> bool:
    return rules.year_range[0] <= year <= rules.year_range[1]


def year(text: str) -> int | None:
    """The evaluated year: 被评价年度 2022, else the year in the title lines ((2021年度), 2023年…自评报告)."""
    rules = identity_rules()
    for m in rules.year_label.finditer(text):
        if _in_range(int(m.group("year")), rules):
            return int(m.group("year"))
    lines = _title_lines(text, rules)
    titled = [line for line in lines if _title_word(line, rules) is not None]
    for line in titled + [line for line in lines if line not in titled]:
        for m in rules.title_year.finditer(line):
            if _in_range(int(m.group("year")), rules):
                return int(m.group("year"))
    return None
