"""Indicators task: a predicted indicator matches a gold one when their names overlap (the
name spans share a character, or one normalised name contains the other) and their target
and actual values are equal (value and unit, or the same qualitative text).  Matching is one
to one.  ``met`` is scored on the matched pairs."""
from __future__ import annotations

from pathlib import Path

import regex

from ..extract import extract_file
from .gold import corpus_reports, load_gold
from .scores import PRF, format_table

GOLD = "indicators"
_TAGS = regex.compile(r"</?[A-Za-z][A-Za-z0-9]*(?:\s[^<>\n]*)?/?>")


def normalise(text: str | None) -> str:
    return regex.sub(r"\s+", "", _TAGS.sub("", text or ""))


def same_value(p: dict | None, g: dict | None) -> bool:
    if p is None or g is None:
        return p is None and g is None
    if p.get("value") is None or g.get("value") is None:
        return p.get("value") is None and g.get("value") is None and normalise(p["text"]) == normalise(g["text"])
    close = abs(p["value"] - g["value"]) <= 1e-6 * max(1.0, abs(g["value"]))
    return close and (p.get("unit") or None) == (g.get("unit") or None)


def names_overlap(p: dict, g: dict) -> bool:
    return p["start"] < g["end"] and g["start"] < p["end"]


def names_contain(p: dict, g: dict) -> bool:
    a, b = normalise(p["name"]), normalise(g["name"])
    return bool(a and b) and (a in b or b in a)


def match(gold: list[dict], predicted: list[dict]) -> list[tuple[dict, dict]]:
    """One-to-one pairs (gold, predicted): overlapping names first, then contained names."""
    pairs, used_g, used_p = [], set(), set()
    for names_agree in (names_overlap, names_contain):
        for gi, g in enumerate(gold):
            if gi in used_g:
                continue
            for pi, p in enumerate(predicted):
                if pi in used_p or not names_agree(p, g):
                    continue
                if same_value(p.get("target"), g.get("target")) and same_value(p.get("actual"), g.get("actual")):
                    pairs.append((g, p))
                    used_g.add(gi)
                    used_p.add(pi)
                    break
    return pairs


def evaluate_indicators(corpus: str | Path, nlp=None, errors: list | None = None):
    """(per-report and overall PRF, met accuracy on matched pairs, number of matched pairs)."""
    gold = load_gold(corpus, GOLD)
    rows, overall = {}, PRF()
    met_right = met_total = 0
    for rid, path in corpus_reports(corpus):
        if rid not in gold:
            continue
        report = extract_file(path, nlp=nlp)
        g, p = gold[rid]["indicators"], report.indicators
        pairs = match(g, p)
        score = PRF(len(pairs), len(p) - len(pairs), len(g) - len(pairs))
        rows[_short(rid)] = score
        overall.add(score)
        for gi, pi in pairs:
            met_total += 1
            met_right += gi.get("met") == pi.get("met")
        if errors is not None:
            matched_g = {id(a) for a, _ in pairs}
            matched_p = {id(b) for _, b in pairs}
            errors.extend((rid, "missed", x) for x in g if id(x) not in matched_g)
            errors.extend((rid, "spurious", x) for x in p if id(x) not in matched_p)
            errors.extend((rid, "met", b, a.get("met")) for a, b in pairs if a.get("met") != b.get("met"))
    rows["all"] = overall
    return rows, (met_right / met_total if met_total else 1.0), met_total


def _short(rid: str) -> str:
    """2022_tianhe_yuangang_table → yuangang (the score table has narrow columns)."""
    parts = rid.split("_")
    return parts[2] if len(parts) >= 4 else rid[:13]


def _show(value: dict | None) -> str:
    if value is None:
        return "-"
    return normalise(value["text"])[:24]


def report(corpus, nlp, show_errors: bool = False) -> str:
    errors = [] if show_errors else None
    rows, met_accuracy, n = evaluate_indicators(corpus, nlp=nlp, errors=errors)
    lines = [format_table("Indicators (name overlaps, target and actual equal)", rows),
             f"met accuracy on {n} matched indicators: {met_accuracy:.3f}"]
    for item in errors or []:
        rid, kind, x = item[:3]
        extra = f" gold met={item[3]} predicted met={x.get('met')}" if kind == "met" else ""
        lines.append(f"  {kind:<9}{rid}  {x['start']:>6}  {normalise(x['name'])[:30]!r} "
                     f"target={_show(x.get('target'))} actual={_show(x.get('actual'))}{extra}")
    return "\n".join(lines)
