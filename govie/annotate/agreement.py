"""``govie annotate agreement A B``: how far two annotators agree, label by label.

A and B are two annotation files of the same kind (``amounts.jsonl`` by two
people), or two folders of them (every kind found in both).  Only reports that
both annotated are compared.

* **Span F1 (exact)**: a span of A matches a span of B when label, start and end
  are all equal; precision and recall take A as the reference, so F1 is
  symmetric.  Indicators are compared as INDICATOR (name), TARGET and ACTUAL
  spans; sentences as PROBLEM, REMEDY and OTHER.
* **Cohen's kappa (character level)**: for each label, every non-whitespace
  character of the compared reports is a binary item — inside a span of that
  label or not — for each annotator;
  κ = (p_o − p_e) / (1 − p_e).  Characters rather than tokens, so the figure
  does not depend on a tokenizer; whitespace is left out because PDF line
  breaks would otherwise count as agreement.  When neither annotator used a
  label, κ is undefined (``n/a``).
* Budget records are compared field by field: a field agrees when both values
  are equal (F1 over (field, value) pairs; no kappa).
"""
from __future__ import annotations

import os
from dataclasses import dataclass, field
from pathlib import Path

from ..corpus.records import (BUDGET_FIELDS, corpus_root_for, kind_of, load_records, regions,
                              report_text)
from ..evaluation.scores import PRF


@dataclass
class LabelAgreement:
    label: str
    spans: PRF = field(default_factory=PRF)
    # character counts: both inside, only A, only B, neither
    both: int = 0
    only_a: int = 0
    only_b: int = 0
    neither: int = 0
    chars: bool = True

    @property
    def kappa(self) -> float | None:
        n = self.both + self.only_a + self.only_b + self.neither
        if not self.chars or n == 0:
            return None
        po = (self.both + self.neither) / n
        pa, pb = (self.both + self.only_a) / n, (self.both + self.only_b) / n
        pe = pa * pb + (1 - pa) * (1 - pb)
        if pe >= 1.0:
            return None if self.both == 0 else 1.0
        return (po - pe) / (1 - pe)


@dataclass
class Agreement:
    reports: list[str]
    labels: dict[str, LabelAgreement]
    annotators: tuple[str, str]
    only_in_a: list[str]
    only_in_b: list[str]


def _marks(text: str, spans: list[tuple[int, int]]) -> set[int]:
    marked = set()
    for start, end in spans:
        marked.update(i for i in range(max(start, 0), min(end, len(text))) if not text[i].isspace())
    return marked


def _budget_pairs(record: dict) -> set:
    pairs = set()
    for key in ("department", "year", "self_score", "grade"):
        v = record.get(key)
        v = v.get("value", v.get("text")) if isinstance(v, dict) else v
        if v is not None:
            pairs.add((key, round(v, 6) if isinstance(v, float) else v))
    for key in BUDGET_FIELDS:
        v = (record.get("budget") or {}).get(key)
        v = v.get("value") if isinstance(v, dict) else v
        if isinstance(v, (int, float)) and not isinstance(v, bool):
            pairs.add((key, round(float(v), 2)))
    return pairs


def compare_records(a: dict[str, dict], b: dict[str, dict], kind: str, corpus: str | os.PathLike,
                    result: dict[str, LabelAgreement]) -> list[str]:
    """Add the agreement on one kind to ``result``; returns the ids compared."""
    common = sorted(a.keys() & b.keys())
    for rid in common:
        ra, rb = a[rid], b[rid]
        if kind == "budget":
            pa, pb = _budget_pairs(ra), _budget_pairs(rb)
            for key in sorted({k for k, _ in pa | pb}):
                la = result.setdefault(f"budget.{key}", LabelAgreement(f"budget.{key}", chars=False))
                ga, gb = {p for p in pa if p[0] == key}, {p for p in pb if p[0] == key}
                la.spans.add(PRF(len(ga & gb), len(gb - ga), len(ga - gb)))
            continue
        text = report_text(corpus, ra)
        spans_a = [(r.label, r.start, r.end) for r in regions(ra, kind, text)]
        spans_b = [(r.label, r.start, r.end) for r in regions(rb, kind, text)]
        for label in sorted({s[0] for s in spans_a + spans_b}):
            ga = {s for s in spans_a if s[0] == label}
            gb = {s for s in spans_b if s[0] == label}
            la = result.setdefault(label, LabelAgreement(label))
            la.spans.add(PRF(len(ga & gb), len(gb - ga), len(ga - gb)))
            ma = _marks(text, [(s, e) for _, s, e in ga])
            mb = _marks(text, [(s, e) for _, s, e in gb])
            total = sum(1 for c in text if not c.isspace())
            la.both += len(ma & mb)
            la.only_a += len(ma - mb)
            la.only_b += len(mb - ma)
            la.neither += total - len(ma | mb)
    return common


def _files(path: Path) -> dict[str, Path]:
    if path.is_dir():
        return {p.stem: p for p in sorted(path.glob("*.jsonl"))}
    return {path.stem: path}


def agreement(path_a: str | os.PathLike, path_b: str | os.PathLike,
              corpus: str | os.PathLike | None = None) -> Agreement:
    """Per-label agreement between two annotation files (or folders); raises CorpusFormatError."""
    path_a, path_b = Path(path_a), Path(path_b)
    corpus = Path(corpus) if corpus is not None else corpus_root_for(path_a)
    files_a, files_b = _files(path_a), _files(path_b)
    if path_a.is_dir() or path_b.is_dir():
        pairs = [(files_a[k], files_b[k]) for k in sorted(files_a.keys() & files_b.keys())]
    else:
        pairs = [(path_a, path_b)]
    result: dict[str, LabelAgreement] = {}
    reports: set[str] = set()
    only_a: set[str] = set()
    only_b: set[str] = set()
    who_a: set[str] = set()
    who_b: set[str] = set()
    for fa, fb in pairs:
        ra, rb = load_records(fa), load_records(fb)
        first = next(iter(ra.values()), None) or next(iter(rb.values()), None)
        kind = kind_of(fa, first) or kind_of(fb, first)
        if kind is None:
            continue
        reports.update(compare_records(ra, rb, kind, corpus, result))
        only_a.update(ra.keys() - rb.keys())
        only_b.update(rb.keys() - ra.keys())
        who_a.update(r.get("annotator", "?") for r in ra.values())
        who_b.update(r.get("annotator", "?") for r in rb.values())
    return Agreement(sorted(reports), dict(sorted(result.items())),
                     (", ".join(sorted(who_a)) or "?", ", ".join(sorted(who_b)) or "?"),
                     sorted(only_a), sorted(only_b))


def format_agreement(ag: Agreement, name_a: str = "A", name_b: str = "B") -> str:
    lines = [f"Agreement between A = {name_a} ({ag.annotators[0]}) and B = {name_b} ({ag.annotators[1]}) "
             f"on {len(ag.reports)} report(s)"]
    if ag.only_in_a or ag.only_in_b:
        lines.append(f"not compared: only in A: {', '.join(ag.only_in_a) or '-'}; "
                     f"only in B: {', '.join(ag.only_in_b) or '-'}")
    lines.append(f"{'label':<24}{'A':>7}{'B':>7}{'both':>7}{'F1':>8}{'kappa':>8}")
    total = PRF()
    for label, la in ag.labels.items():
        s = la.spans
        total.add(s)
        kappa = la.kappa
        lines.append(f"{label:<24}{s.tp + s.fn:>7}{s.tp + s.fp:>7}{s.tp:>7}{s.f1:>8.3f}"
                     f"{'n/a' if kappa is None else format(kappa, '.3f'):>8}")
    lines.append(f"{'all':<24}{total.tp + total.fn:>7}{total.tp + total.fp:>7}{total.tp:>7}{total.f1:>8.3f}{'':>8}")
    lines.append("F1: exact span match (label, start, end); kappa: Cohen's, per label, over "
                 "non-whitespace characters")
    return "\n".join(lines)
