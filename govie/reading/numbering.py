"""The list numbers Word draws but does not store in the text (``一、``, ``（二）``, ``3.``).

A DOCX heading ``三、存在的主要问题`` numbered by a list style holds only
``存在的主要问题``; the number is computed from ``numbering.xml``.  This
module counts the numbered paragraphs in document order and writes each
one's label, so the headings keep their level marks.  Counters are kept per
list (``numId``); a level's counter restarts when a higher level advances.
"""
from __future__ import annotations

W = "{http://schemas.openxmlformats.org/wordprocessingml/2006/main}"
DIGITS = "〇一二三四五六七八九"
LEGAL = "零壹贰叁肆伍陆柒捌玖"
CIRCLED = "①②③④⑤⑥⑦⑧⑨⑩⑪⑫⑬⑭⑮⑯⑰⑱⑲⑳"
MAX_LEVELS = 9


def chinese(n: int, digits: str = DIGITS, ten: str = "十", zero: str = "零") -> str:
    """1 → 一, 12 → 十二, 20 → 二十, 105 → 一百零五 (list numbers stay far below 10,000)."""
    if n <= 0 or n >= 10000:
        return str(n)
    out, gap = "", False
    for value, unit in ((1000, "千"), (100, "百"), (10, ten), (1, "")):
        d = n // value % 10
        if d:
            if gap:
                out += zero
            out += ("" if (value == 10 and d == 1 and not out) else digits[d]) + unit
            gap = False
        elif out:
            gap = True
    return out


def _roman(n: int) -> str:
    out = ""
    for value, letters in ((1000, "M"), (900, "CM"), (500, "D"), (400, "CD"), (100, "C"), (90, "XC"),
                           (50, "L"), (40, "XL"), (10, "X"), (9, "IX"), (5, "V"), (4, "IV"), (1, "I")):
        while n >= value:
            out, n = out + letters, n - value
    return out


def _letters(n: int) -> str:
    return chr(ord("A") + (n - 1) % 26) * ((n - 1) // 26 + 1)


def format_counter(n: int, fmt: str) -> str:
    if fmt in ("chineseCounting", "chineseCountingThousand", "taiwaneseCounting", "japaneseCounting",
               "ideographTraditional"):
        return chinese(n)
    if fmt == "ideographDigital" or fmt == "taiwaneseDigital":
        return "".join(DIGITS[int(d)] for d in str(n))
    if fmt == "chineseLegalSimplified":
        return chinese(n, LEGAL, "拾")
    if fmt == "decimalEnclosedCircle" or fmt == "decimalEnclosedCircleChinese":
        return CIRCLED[n - 1] if 1 <= n <= len(CIRCLED) else str(n)
    if fmt == "decimalFullWidth" or fmt == "decimalFullWidth2":
        return "".join(chr(ord(d) + 0xFEE0) for d in str(n))
    if fmt == "upperRoman":
        return _roman(n)
    if fmt == "lowerRoman":
        return _roman(n).lower()
    if fmt == "upperLetter":
        return _letters(n)
    if fmt == "lowerLetter":
        return _letters(n).lower()
    return str(n)  # decimal, decimalZero and the rest


def _val(el, tag: str, default=None):
    child = el.find(W + tag) if el is not None else None
    return child.get(W + "val", default) if child is not None else default


def _int(text, default: int) -> int:
    try:
        return int(text)
    except (TypeError, ValueError):
        return default


class Numbering:
    """Labels for the numbered paragraphs of one document, in the order they are asked for."""

    def __init__(self, document):
        self._levels: dict[str, dict[int, tuple[int, str, str, str]]] = {}
        self._style_num: dict[str, tuple[str | None, int | None]] = {}
        self._counters: dict[str, list[int]] = {}
        try:
            numbering = document.part.numbering_part.element
        except (KeyError, NotImplementedError, AttributeError):
            numbering = None
        if numbering is not None:
            abstract = {a.get(W + "abstractNumId"): a for a in numbering.iterchildren(W + "abstractNum")}
            for num in numbering.iterchildren(W + "num"):
                base = abstract.get(_val(num, "abstractNumId"))
                levels = {}
                for lvl in (base.iterchildren(W + "lvl") if base is not None else ()):
                    levels[_int(lvl.get(W + "ilvl"), 0)] = (
                        _int(_val(lvl, "start"), 1), _val(lvl, "numFmt", "decimal"),
                        _val(lvl, "lvlText", ""), _val(lvl, "suff", "tab"))
                for override in num.iterchildren(W + "lvlOverride"):
                    ilvl = _int(override.get(W + "ilvl"), 0)
                    start = _val(override, "startOverride")
                    if ilvl in levels and start is not None:
                        levels[ilvl] = (_int(start, 1),) + levels[ilvl][1:]
                self._levels[num.get(W + "numId")] = levels
        styles = getattr(getattr(document, "styles", None), "element", None)
        self._styles = {s.get(W + "styleId"): s for s in styles.iterchildren(W + "style")} if styles is not None else {}

    def _from_style(self, style_id: str | None, depth: int = 0) -> tuple[str | None, int | None]:
        if not style_id or depth > 10 or style_id not in self._styles:
            return None, None
        if style_id not in self._style_num:
            style = self._styles[style_id]
            num_pr = style.find(f"{W}pPr/{W}numPr")
            if num_pr is not None and _val(num_pr, "numId") is not None:
                found = (_val(num_pr, "numId"), _int(_val(num_pr, "ilvl"), 0))
            else:
                found = self._from_style(_val(style, "basedOn"), depth + 1)
            self._style_num[style_id] = found
        return self._style_num[style_id]

    def label(self, p) -> str:
        """The number Word shows before paragraph ``p`` (with its separator), or ''."""
        props = p.find(W + "pPr")
        num_pr = props.find(W + "numPr") if props is not None else None
        style_num, style_level = self._from_style(_val(props, "pStyle"))
        num_id = _val(num_pr, "numId") if num_pr is not None else None
        level = _int(_val(num_pr, "ilvl"), -1) if num_pr is not None else -1
        num_id = num_id or style_num
        level = level if level >= 0 else (style_level or 0)
        levels = self._levels.get(num_id or "")
        if not levels or num_id == "0" or level not in levels or level >= MAX_LEVELS:
            return ""
        counters = self._counters.setdefault(num_id, [0] * MAX_LEVELS)
        start, fmt, text, suffix = levels[level]
        counters[level] = counters[level] + 1 if counters[level] else start
        for deeper in range(level + 1, MAX_LEVELS):
            counters[deeper] = 0
        if fmt in ("bullet", "none"):
            return ""
        out = text
        for k in range(level, -1, -1):  # %1 … %9: the counters of this level and those above
            k_start, k_fmt = (levels[k][0], levels[k][1]) if k in levels else (1, "decimal")
            out = out.replace(f"%{k + 1}", format_counter(counters[k] or k_start, k_fmt))
        if not out:
            return ""
        wide = ord(out[-1]) > 127  # 一、 （二） run straight into the heading; 1. gets a space
        return out + ("" if suffix == "nothing" or wide else " ")
