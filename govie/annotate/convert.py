"""What every annotation tool sees of a report, and the way back into corpus records.

:class:`ToolDoc` is the common ground of Label Studio, doccano and the corpus:
the text, labelled regions with ids, and relations (an INDICATOR region to its
``target`` and ``actual`` value regions).  Exporters build ToolDocs from govie's
predictions (:func:`from_report`) or from corpus records (:func:`from_records`);
importers build them from a tool's export and turn them into records with
:func:`to_records`, which fills values with govie's normaliser.
"""
from __future__ import annotations

import json
import os
from bisect import bisect_left
import tempfile
from dataclasses import dataclass, field
from pathlib import Path

from ..corpus.records import (INDICATOR_VALUES, KINDS, SCHEMA_VERSION, SENTENCE_LISTS,
                              CorpusFormatError, indicator_name, labels, load_records,
                              span_fields, span_measure, unit_scopes)
from ..numbers import parse_amount

# Which regions go into which kind of record.
AMOUNT_SPAN_LABELS = ("MONEY", "PERCENT", "QUANTITY", "DATE", "ORG")
SENTENCE_LABELS = {label: key for key, label in SENTENCE_LISTS.items()}
KIND_LABELS = {"amounts": AMOUNT_SPAN_LABELS, "indicators": ("INDICATOR",), "sentences": tuple(SENTENCE_LABELS)}


class ToolFormatError(ValueError):
    """A tool export that cannot be converted; the message names the file and where in it."""


@dataclass
class ToolRegion:
    id: str
    label: str
    start: int
    end: int
    text: str
    # An indicator value known only from an indicator record (not a span of amounts.jsonl):
    # it is drawn and exported with the label its text reads as, but is no amount span.
    value_only: bool = False


@dataclass
class ToolDoc:
    report_id: str
    file: str
    text: str
    regions: list[ToolRegion] = field(default_factory=list)
    relations: list[tuple[str, str, str]] = field(default_factory=list)  # (from id, to id, type)
    annotator: str | None = None
    # False when the tool's file cannot hold relations (doccano ``label`` triples): its
    # indicators come without links, and the import keeps the links the corpus has.
    carries_links: bool = True

    def region(self, rid: str) -> ToolRegion | None:
        return next((r for r in self.regions if r.id == rid), None)

    def find(self, start: int, end: int) -> ToolRegion | None:
        return next((r for r in self.regions if (r.start, r.end) == (start, end)), None)


def _ok(text: str, start, end, claim) -> bool:
    return (isinstance(start, int) and isinstance(end, int) and 0 <= start < end <= len(text)
            and (claim is None or text[start:end] == claim))


def value_label(value: dict, text: str) -> str:
    label = value.get("label")
    if isinstance(label, str) and label in labels():
        return label
    m = parse_amount(text)
    return m.kind if m is not None and m.kind else "VALUE"


def _add_indicators(doc: ToolDoc, indicators: list, prefix: str) -> None:
    for i, ind in enumerate(indicators or []):
        if not isinstance(ind, dict):
            continue
        name = indicator_name(ind, doc.text)
        if name is None or not _ok(doc.text, name[0], name[1], name[2]):
            continue
        same = doc.find(name[0], name[1])
        if same is not None and same.label == "INDICATOR":  # also found as an INDICATOR entity
            name_id = same.id
        else:
            name_id = f"{prefix}{i}"
            doc.regions.append(ToolRegion(name_id, "INDICATOR", *name))
        for key in INDICATOR_VALUES:
            v = ind.get(key)
            if not isinstance(v, dict) or not _ok(doc.text, v.get("start"), v.get("end"), v.get("text")):
                continue
            target = doc.find(v["start"], v["end"])
            if target is None:
                target = ToolRegion(f"{name_id}{key[0]}", value_label(v, doc.text[v["start"]:v["end"]]),
                                    v["start"], v["end"], doc.text[v["start"]:v["end"]], value_only=True)
                doc.regions.append(target)
            doc.relations.append((name_id, target.id, key))


def from_report(report: dict, text: str, report_id: str, file: str) -> ToolDoc:
    """govie's predictions (``Report.to_dict()``) as a ToolDoc: pre-annotations for a tool."""
    doc = ToolDoc(report_id, file, text, annotator=None)
    known = labels()
    for i, e in enumerate(report.get("entities") or []):
        if e.get("label") in known and _ok(text, e.get("start"), e.get("end"), e.get("text")):
            doc.regions.append(ToolRegion(f"e{i}", e["label"], e["start"], e["end"], e["text"]))
    _add_indicators(doc, report.get("indicators"), "i")
    for key, label in (("problems", "PROBLEM"), ("remedies", "REMEDY")):
        for i, s in enumerate(report.get(key) or []):
            if _ok(text, s.get("start"), s.get("end"), s.get("text")):
                doc.regions.append(ToolRegion(f"{key[0]}{i}", label, s["start"], s["end"], s["text"]))
    doc.regions.sort(key=lambda r: (r.start, r.end))
    return doc


def from_records(records: dict[str, dict], text: str, report_id: str, file: str) -> ToolDoc:
    """Corpus records of one report ({kind: record}) as a ToolDoc (for agreement, DocBin, tools)."""
    doc = ToolDoc(report_id, file, text)
    annotators = {r.get("annotator") for r in records.values() if r.get("annotator")}
    doc.annotator = ", ".join(sorted(annotators)) or None
    for i, s in enumerate((records.get("amounts") or {}).get("spans") or []):
        if isinstance(s, dict) and _ok(text, s.get("start"), s.get("end"), s.get("text")):
            doc.regions.append(ToolRegion(f"s{i}", s["label"], s["start"], s["end"], s["text"]))
    _add_indicators(doc, (records.get("indicators") or {}).get("indicators"), "i")
    for key, label in SENTENCE_LISTS.items():
        for i, s in enumerate((records.get("sentences") or {}).get(key) or []):
            if isinstance(s, dict) and _ok(text, s.get("start"), s.get("end"), s.get("text")):
                doc.regions.append(ToolRegion(f"{key[0]}{i}", label, s["start"], s["end"], s["text"]))
    doc.regions.sort(key=lambda r: (r.start, r.end))
    return doc


def _header(doc: ToolDoc) -> dict:
    return {"id": doc.report_id, "file": doc.file, "schema_version": SCHEMA_VERSION,
            "annotator": doc.annotator or "unknown"}


def _indicator_value(region: ToolRegion, text: str, scopes) -> dict:
    out = {"start": region.start, "end": region.end, "text": region.text, "label": region.label,
           "value": None, "unit": None, "comparator": None}
    m = span_measure(region.label if region.label != "VALUE" else "", region.text, region.start, text, scopes)
    if m is not None and region.label != "VALUE":
        out.update(value=m.value, unit=m.unit, comparator=m.comparator)
    return out


def to_records(doc: ToolDoc, kinds=("amounts", "indicators", "sentences")) -> dict[str, dict]:
    """Corpus records ({kind: record}) from a ToolDoc, values filled by govie's normaliser."""
    scopes = unit_scopes(doc.text)
    regions = sorted(doc.regions, key=lambda r: (r.start, r.end, r.label))
    out: dict[str, dict] = {}
    if "amounts" in kinds:
        spans = []
        for r in regions:
            if r.label in AMOUNT_SPAN_LABELS and not r.value_only:
                spans.append({"label": r.label, "start": r.start, "end": r.end, "text": r.text,
                              **span_fields(r.label, r.text, r.start, doc.text, scopes)})
        out["amounts"] = {**_header(doc), "spans": spans}
    if "indicators" in kinds:
        links: dict[str, dict[str, ToolRegion]] = {}
        for source, target, kind in doc.relations:
            value = doc.region(target)
            if kind in INDICATOR_VALUES and value is not None:
                links.setdefault(source, {})[kind] = value
        indicators = []
        for r in regions:
            if r.label == "INDICATOR":
                linked = links.get(r.id, {})
                indicators.append({"name": {"start": r.start, "end": r.end, "text": r.text},
                                   "section": None,
                                   **{key: (_indicator_value(linked[key], doc.text, scopes)
                                            if key in linked else None) for key in INDICATOR_VALUES}})
        out["indicators"] = {**_header(doc), "indicators": indicators}
        if not doc.carries_links:  # for merge_record, which removes it
            out["indicators"][UNLINKED_REGIONS] = sorted({(r.start, r.end) for r in regions})
    if "sentences" in kinds:
        lists = {key: [] for key in SENTENCE_LISTS}
        for r in regions:
            if r.label in SENTENCE_LABELS:
                lists[SENTENCE_LABELS[r.label]].append({"start": r.start, "end": r.end, "text": r.text,
                                                        "topic": None})
        out["sentences"] = {**_header(doc), **lists}
    return out


# ---------------------------------------------------------------- overlaps

def without_overlaps(doc: ToolDoc, by_layer: bool = True) -> tuple[ToolDoc, list[ToolRegion]]:
    """A copy of ``doc`` where no two regions overlap (within a label layer, or at all), and what was left out.

    Of overlapping regions the longer is kept (the earlier one on a tie): it
    holds the shorter's text, and is what an annotator would have drawn
    (``90%以上`` rather than ``90%`` inside it).  A relation to a region left
    out goes to the region kept in its place, so an indicator keeps its values.
    """
    layer_of = {name: info["layer"] for name, info in labels().items()}
    # Per layer the kept regions are disjoint, so sorted by start they are sorted by end too:
    # only the last one starting before a region's end can overlap it.
    starts: dict[str, list[int]] = {}
    kept: dict[str, list[ToolRegion]] = {}
    dropped, moved = [], {}
    for r in sorted(doc.regions, key=lambda r: (-(r.end - r.start), r.start, r.label)):
        layer = layer_of.get(r.label, r.label) if by_layer else ""
        at, group = starts.setdefault(layer, []), kept.setdefault(layer, [])
        i = bisect_left(at, r.end)
        if i and group[i - 1].end > r.start:
            dropped.append(r)
            moved[r.id] = group[i - 1].id
        else:
            at.insert(i, r.start)
            group.insert(i, r)
    regions = sorted((r for group in kept.values() for r in group), key=lambda r: (r.start, r.end))
    relations, seen = [], set()
    for source, target, kind in doc.relations:
        link = (moved.get(source, source), moved.get(target, target), kind)
        if link not in seen and link[0] != link[1]:
            seen.add(link)
            relations.append(link)
    return ToolDoc(doc.report_id, doc.file, doc.text, regions, relations, doc.annotator), dropped


# ---------------------------------------------------------------- offsets from tools

def fix_offsets(text: str, start, end, claim: str | None) -> tuple[int, int] | None:
    """Code-point offsets for a tool's (start, end), or None if they do not match the text.

    Tools written in JavaScript may count UTF-16 code units (a character outside
    the Basic Multilingual Plane counts twice).  When the offsets are wrong as
    code points but right as UTF-16 units, they are converted.
    """
    if not (isinstance(start, int) and isinstance(end, int)) or isinstance(start, bool):
        return None
    if 0 <= start < end <= len(text) and (claim is None or text[start:end] == claim):
        return start, end
    if any(ord(c) > 0xFFFF for c in text):
        units, index = 0, {}
        for i, c in enumerate(text):
            index[units] = i
            units += 2 if ord(c) > 0xFFFF else 1
        index[units] = len(text)
        s, e = index.get(start), index.get(end)
        if s is not None and e is not None and s < e and (claim is None or text[s:e] == claim):
            return s, e
    return None


# ---------------------------------------------------------------- merging into the corpus

def file_labels(kind: str, records: dict[str, dict]) -> set[str]:
    """The labels an annotation file already uses (what its annotation guideline covers)."""
    if kind == "amounts":
        return {s.get("label") for r in records.values() for s in r.get("spans") or [] if isinstance(s, dict)}
    if kind == "sentences":
        return {label for r in records.values() for key, label in SENTENCE_LISTS.items() if key in r}
    return {"INDICATOR"} if records else set()


UNLINKED_REGIONS = "_unlinked_regions"  # never written: merge_record takes it out


def _key(item: dict) -> tuple:
    name = item.get("name") if isinstance(item.get("name"), dict) else item
    return name.get("start"), name.get("end")


def merge_record(kind: str, old: dict | None, new: dict, scope: set[str]) -> tuple[dict, list[str], list[str]]:
    """``new`` (an imported record) merged into ``old`` (the corpus's record of the same report).

    The import speaks only for the labels in ``scope`` (those the tool offered
    and the file uses): spans of other labels in ``old`` stay (``other``
    sentences, QUANTITY spans of an amounts file that has them), imported spans
    of labels outside it are left out.  Returns (merged record, what the merge
    removes from ``old``, labels left out of ``new``); the caller refuses
    removals unless asked to replace.
    """
    old = old or {}
    removed, left_out = [], []
    merged = dict(new)
    if kind == "amounts":
        spans = [s for s in new.get("spans", []) if s["label"] in scope]
        left_out = sorted({s["label"] for s in new.get("spans", []) if s["label"] not in scope})
        have = {(s["label"], s["start"], s["end"]) for s in spans}
        for s in old.get("spans") or []:
            if s.get("label") not in scope:
                spans.append(s)
            elif (s.get("label"), s.get("start"), s.get("end")) not in have:
                removed.append(f"{s.get('label')} {s.get('start')}-{s.get('end')} {s.get('text')!r}")
        merged["spans"] = sorted(spans, key=lambda s: (s["start"], s["end"], s["label"]))
    elif kind == "sentences":
        for key, label in SENTENCE_LISTS.items():
            before = {(s.get("start"), s.get("end")): s for s in old.get(key) or [] if isinstance(s, dict)}
            if label not in scope:
                merged[key] = list(old.get(key) or [])
                left_out += [label] if new.get(key) else []
                continue
            items = [before.get((s["start"], s["end"]), s) for s in new.get(key, [])]
            have = {(s["start"], s["end"]) for s in items}
            removed += [f"{label} {a}-{b}" for (a, b) in before if (a, b) not in have]
            merged[key] = items
    elif kind == "indicators":
        before = {_key(i): i for i in old.get("indicators") or [] if isinstance(i, dict)}
        # a file without relations did not carry the links: a corpus link whose value is still
        # one of the file's spans stays; one whose value span is gone is a removal
        unlinked = merged.pop(UNLINKED_REGIONS, None)
        kept_spans = {tuple(x) for x in unlinked} if unlinked is not None else set()
        items = []
        for ind in new.get("indicators", []):
            was = before.get(_key(ind))
            if was is None:
                items.append(ind)
                continue
            item = dict(was)  # section, met and the other fields a tool does not carry stay
            for value in INDICATOR_VALUES:
                if ind.get(value) is not None:
                    item[value] = ind[value]
                elif unlinked is not None and isinstance(was.get(value), dict) and \
                        (was[value].get("start"), was[value].get("end")) in kept_spans:
                    item[value] = was[value]
                elif was.get(value) is not None:
                    removed.append(f"{value} of indicator {ind['name'].get('text')!r}")
                    item[value] = None
            items.append(item)
        have = {_key(i) for i in items}
        for k, ind in before.items():
            if k not in have:
                removed.append(f"indicator {(ind.get('name') or {}).get('text', ind.get('name'))!r}")
        merged["indicators"] = items
    return merged, removed, left_out


# ---------------------------------------------------------------- writing

def _serialise(records: dict[str, dict]) -> str:
    return "".join(json.dumps(records[rid], ensure_ascii=False) + "\n" for rid in sorted(records))


def write_kinds(outputs: dict[Path, dict[str, dict]], merge: bool = True) -> None:
    """Write {path: {report id: record}}; with ``merge`` the other reports of an existing file stay.

    All files are written to temporary files first and renamed at the end, so
    an error leaves every existing file as it was and no half-written file behind.
    """
    staged: list[tuple[str, Path]] = []
    try:
        for path, records in outputs.items():
            path = Path(path)
            merged = {}
            if merge and path.exists():
                merged = load_records(path)  # a broken file is refused, not overwritten
            merged.update(records)
            path.parent.mkdir(parents=True, exist_ok=True)
            fd, tmp = tempfile.mkstemp(prefix=f".{path.name}.", suffix=".tmp", dir=path.parent)
            with os.fdopen(fd, "w", encoding="utf-8") as fh:
                fh.write(_serialise(merged))
            staged.append((tmp, path))
        for tmp, path in staged:
            os.replace(tmp, path)
        staged = []
    finally:
        for tmp, _ in staged:
            if os.path.exists(tmp):
                os.unlink(tmp)


def write_text_atomic(path: str | os.PathLike, text: str) -> None:
    """Write a whole file through a temporary file and a rename."""
    path = Path(path)
    path.parent.mkdir(parents=True, exist_ok=True)
    fd, tmp = tempfile.mkstemp(prefix=f".{path.name}.", suffix=".tmp", dir=path.parent)
    try:
        with os.fdopen(fd, "w", encoding="utf-8") as fh:
            fh.write(text)
        os.replace(tmp, path)
    except BaseException:
        if os.path.exists(tmp):
            os.unlink(tmp)
        raise


def outputs_for(out: str | os.PathLike, docs: list[ToolDoc], kind: str | None = None) -> dict[Path, dict[str, dict]]:
    """Where imported records go: ``out`` a ``<kind>.jsonl`` file (or any file with ``kind``), or a folder.

    Into a folder go the kinds the export has regions of (amounts when it has none).
    """
    out = Path(out)
    if out.suffix == ".jsonl":
        kind = kind or out.stem
        if kind not in KINDS or kind == "budget":
            raise ValueError(f"{out}: cannot tell which kind to write; name the file amounts.jsonl, "
                             "indicators.jsonl or sentences.jsonl, or pass --kind")
        kinds = (kind,)
        paths = {kind: out}
    else:
        # Into a folder go the kinds the export has regions of: an export with amounts only
        # must not replace the indicators or sentences of its reports with empty lists.
        kinds = (kind,) if kind is not None else tuple(
            k for k in ("amounts", "indicators", "sentences")
            if any(r.label in KIND_LABELS[k] for d in docs for r in d.regions)) or ("amounts",)
        paths = {k: out / f"{k}.jsonl" for k in kinds}
    result: dict[Path, dict[str, dict]] = {paths[k]: {} for k in kinds}
    for doc in docs:
        for k, record in to_records(doc, kinds).items():
            result[paths[k]][doc.report_id] = record
    return result


__all__ = ["AMOUNT_SPAN_LABELS", "CorpusFormatError", "ToolFormatError", "ToolDoc", "ToolRegion",
           "file_labels", "fix_offsets", "from_records", "merge_record", "without_overlaps", "from_report", "outputs_for", "to_records", "write_kinds",
           "write_text_atomic"]
