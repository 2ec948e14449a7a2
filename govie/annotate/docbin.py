"""The corpus ⇄ spaCy ``DocBin``, for training govie's statistical components.

Each report becomes one Doc of its *original* text (so offsets stay exact),
tokenised by govie's own tokenizer (``govie.load(rules_only=True).tokenizer``):

- ``doc.ents`` and ``doc.spans["amounts"]``: the spans of ``amounts.jsonl``;
- ``doc.spans["indicators"]``: INDICATOR names and their TARGET / ACTUAL values;
- ``doc.spans["sentences"]``: PROBLEM, REMEDY and OTHER sentences;
- ``doc.user_data["govie"]``: report id, file, annotators, and the indicator
  links (name span → value span), which span groups cannot hold.

A span must start and end on token boundaries.  The alignment policy:

- ``"strict"`` (default): a span that does not is left out of the Doc and
  reported;
- ``"contract"`` / ``"expand"``: spaCy's ``Doc.char_span`` alignment modes — the
  span shrinks to the tokens inside it or grows to the tokens it touches; it is
  kept, and reported with its new offsets.  A span that contracts to nothing is
  left out.

Either way nothing is dropped silently: every such span comes back as a
:class:`Misalignment` (with file, offsets and text) and as a warning.
"""
from __future__ import annotations

import os
import warnings
from dataclasses import dataclass
from pathlib import Path

from spacy.tokens import Doc, DocBin, Span

from ..corpus.records import (INDICATOR_VALUES, load_annotations, report_text)
from .convert import ToolDoc, ToolRegion, from_records, to_records, value_label

GROUPS = {"amounts": ("MONEY", "PERCENT", "QUANTITY", "DATE", "ORG"),
          "indicators": ("INDICATOR", "TARGET", "ACTUAL", "VALUE"),
          "sentences": ("PROBLEM", "REMEDY", "OTHER")}
ALIGNMENT_MODES = ("strict", "contract", "expand")


class AlignmentWarning(UserWarning):
    """A span that does not fall on token boundaries."""


@dataclass(frozen=True)
class Misalignment:
    file: str
    label: str
    start: int
    end: int
    text: str
    tokens: str                     # the tokens the span touches, separated by |
    mode: str
    aligned: tuple[int, int] | None  # the offsets kept (contract/expand), None if left out

    def __str__(self) -> str:
        shown = self.text.replace("\n", "\\n")
        fate = (f"kept as {self.aligned[0]}-{self.aligned[1]} ({self.mode})" if self.aligned
                else f"left out ({self.mode})")
        return (f"{self.file}: {self.label} {self.start}-{self.end} {shown!r} is not on token "
                f"boundaries (tokens {self.tokens!r}); {fate}")


def _tokenizer(nlp=None):
    if nlp is None:
        from ..pipeline import load

        nlp = load(rules_only=True)
    return nlp


def _touching(doc: Doc, start: int, end: int) -> str:
    return "|".join(t.text for t in doc if t.idx < end and t.idx + len(t.text) > start)


def _group_of(label: str) -> str | None:
    return next((g for g, labels in GROUPS.items() if label in labels), None)


def tooldoc_to_doc(tooldoc: ToolDoc, nlp=None, alignment: str = "strict") -> tuple[Doc, list[Misalignment]]:
    """A Doc of the report's original text with its regions as spans; and what did not align."""
    if alignment not in ALIGNMENT_MODES:
        raise ValueError(f"alignment must be one of {ALIGNMENT_MODES}, not {alignment!r}")
    nlp = _tokenizer(nlp)
    doc = nlp.make_doc(tooldoc.text)
    problems: list[Misalignment] = []
    groups: dict[str, list[Span]] = {g: [] for g in GROUPS}
    kept: dict[str, Span] = {}
    value_labels = {target: kind.upper() for _, target, kind in tooldoc.relations}
    for r in tooldoc.regions:
        placements = []
        group = _group_of(r.label)
        if group is not None and not ((r.label == "VALUE" or r.value_only) and r.id in value_labels):
            placements.append((group, r.label))
        if r.id in value_labels:  # an indicator's target or actual value
            placements.append(("indicators", value_labels[r.id]))
        if not placements:
            continue
        span = doc.char_span(r.start, r.end, alignment_mode=alignment)
        if span is None or (span.start_char, span.end_char) != (r.start, r.end):
            aligned = (span.start_char, span.end_char) if span is not None and len(span) else None
            problem = Misalignment(tooldoc.file, r.label, r.start, r.end, r.text,
                                   _touching(doc, r.start, r.end), alignment, aligned)
            problems.append(problem)
            warnings.warn(str(problem), AlignmentWarning, stacklevel=2)
            if aligned is None:
                continue
        for name, label in placements:
            groups[name].append(Span(doc, span.start, span.end, label=label))
        kept[r.id] = span
    for name, spans in groups.items():
        doc.spans[name] = sorted(spans, key=lambda s: (s.start, s.end))
    ents = sorted((s for s in groups["amounts"]), key=lambda s: (s.start, s.end))
    non_overlapping, reach = [], -1
    for s in ents:  # ents cannot overlap (a DATE inside an ORG); the span group keeps them all
        if s.start >= reach:
            non_overlapping.append(s)
            reach = s.end
    doc.ents = non_overlapping
    links = [[kept[a].start_char, kept[a].end_char, kind, kept[b].start_char, kept[b].end_char]
             for a, b, kind in tooldoc.relations if a in kept and b in kept]
    doc.user_data["govie"] = {"id": tooldoc.report_id, "file": tooldoc.file,
                              "annotator": tooldoc.annotator, "links": links}
    return doc, problems


def corpus_to_docbin(corpus: str | os.PathLike = "corpus", ids=None, nlp=None,
                     alignment: str = "strict") -> tuple[DocBin, list[Misalignment]]:
    """A DocBin with one Doc per annotated report (``ids`` to choose), and the misalignments."""
    nlp = _tokenizer(nlp)
    annotations = load_annotations(corpus)
    report_ids = sorted({rid for recs in annotations.values() for rid in recs})
    if ids is not None:
        report_ids = [rid for rid in report_ids if rid in set(ids)]
    docbin, problems = DocBin(store_user_data=True), []
    for rid in report_ids:
        records = {kind: recs[rid] for kind, recs in annotations.items() if rid in recs}
        file = next(iter(records.values()))["file"]
        tooldoc = from_records(records, report_text(corpus, file), rid, file)
        doc, found = tooldoc_to_doc(tooldoc, nlp, alignment)
        docbin.add(doc)
        problems += found
    return docbin, problems


def doc_to_tooldoc(doc: Doc) -> ToolDoc:
    """The regions of a Doc (span groups, else ents) with the indicator links of its user data."""
    info = doc.user_data.get("govie") or {}
    rid = info.get("id") or "doc"
    tooldoc = ToolDoc(rid, info.get("file") or f"raw/{rid}.txt", doc.text, annotator=info.get("annotator"))
    if any(name in doc.spans for name in GROUPS):
        spans = [s for name in GROUPS for s in doc.spans.get(name, [])]  # amounts first
    else:
        spans = list(doc.ents)
    by_offsets: dict[tuple[int, int], ToolRegion] = {}
    for i, s in enumerate(spans):
        key = (s.start_char, s.end_char)
        if s.label_ in INDICATOR_VALUES.values():
            if key in by_offsets:
                continue  # an amount that is also an indicator value: one region, linked below
            label = value_label({}, s.text)
        else:
            label = s.label_
        region = ToolRegion(f"s{i}", label, s.start_char, s.end_char, s.text,
                            value_only=s.label_ in INDICATOR_VALUES.values())
        by_offsets.setdefault(key, region)
        tooldoc.regions.append(region)
    for ns, ne, kind, vs, ve in info.get("links") or []:
        a, b = by_offsets.get((ns, ne)), by_offsets.get((vs, ve))
        if a is not None and b is not None:
            tooldoc.relations.append((a.id, b.id, kind))
    tooldoc.regions.sort(key=lambda r: (r.start, r.end))
    return tooldoc


def docbin_to_records(docbin: DocBin | str | os.PathLike, nlp=None) -> dict[str, dict[str, dict]]:
    """{kind: {report id: record}} from a DocBin (or a ``.spacy`` file); values by govie's normaliser."""
    nlp = _tokenizer(nlp)
    if not isinstance(docbin, DocBin):
        docbin = DocBin().from_disk(Path(docbin))
    out: dict[str, dict[str, dict]] = {}
    for doc in docbin.get_docs(nlp.vocab):
        tooldoc = doc_to_tooldoc(doc)
        kinds = [k for k in GROUPS if k in doc.spans] or ["amounts"]
        for kind, record in to_records(tooldoc, kinds).items():
            out.setdefault(kind, {})[tooldoc.report_id] = record
    return out
