"""The corpus as a Hugging Face ``datasets.DatasetDict``, built offline from local files.

>>> ds = load_corpus("corpus")
>>> ds["train"][0]["text"][:10], ds["train"][0]["metadata"]["year"]
>>> for report_id, fold in leave_one_report_out(ds):   # fold["train"], fold["test"]
...     ...
>>> predicted = predict(ds["test"], num_proc=2)          # govie.extract on every text

One row per report (``raw/*.txt``), columns:

- ``id``, ``file`` (``raw/<id>.txt``), ``text`` (the file as govie reads it; every
  offset points into it), ``metadata`` (its line of ``metadata.jsonl``);
- ``annotators``: who annotated each kind (null where a kind has no record);
- ``amounts``: the spans of ``amounts.jsonl``; ``indicators``: name, section,
  target, actual and met of ``indicators.jsonl`` (a qualitative value keeps its
  text, ``value`` null); ``sentences``: problems, remedies, other; ``budget``: the
  report fields of ``budget.jsonl`` (values only);
- ``regions``: every labelled piece of every kind, flat (label, start, end,
  text) — what the DocBin conversion and the agreement use;
- ``annotations_json``: every record of the report, by kind, as JSON — nothing
  in the files is lost, whatever the typed columns leave out.

Splits are by report, never by sentence, so no report is seen in both.  The
rule is deterministic and stable when reports are added: a report is in
``test`` when the first 32 bits of SHA-256 of its id, as a fraction of 2**32,
are below ``test_fraction`` (0.2).  When that leaves a split empty (a corpus
of a few reports), the report with the lowest fraction goes to ``test`` (or the
highest to ``train``).  :func:`leave_one_report_out` gives one fold per report
for the statistical components' evaluation.

No network is used: the rows are built in memory with ``Dataset.from_list``;
set ``HF_DATASETS_OFFLINE=1`` to make sure.
"""
from __future__ import annotations

import hashlib
import json
import os
from functools import partial
from pathlib import Path
from typing import Iterator

import datasets
from datasets import Dataset, DatasetDict, Features, List, Value

from .records import (BUDGET_FIELDS, INDICATOR_VALUES, KINDS, SENTENCE_LISTS, as_list, indicator_name,
                      iter_jsonl, load_annotations, regions)
from ..reading import read_text as read

METADATA_FIELDS = {"department": Value("string"), "district": Value("string"), "city": Value("string"),
                   "year": Value("int32"), "form": Value("string")}
SPAN = {"label": Value("string"), "start": Value("int64"), "end": Value("int64"), "text": Value("string"),
        "value": Value("float64"), "value_max": Value("float64"), "unit": Value("string"),
        "currency": Value("string"), "comparator": Value("string"), "approximate": Value("bool")}
LOCATED = {"start": Value("int64"), "end": Value("int64"), "text": Value("string")}
IND_VALUE = {"text": Value("string"), "start": Value("int64"), "end": Value("int64"),
             "label": Value("string"), "value": Value("float64"), "unit": Value("string"),
             "comparator": Value("string")}
SENTENCE = {"start": Value("int64"), "end": Value("int64"), "text": Value("string"), "topic": Value("string")}
REGION = {"label": Value("string"), "start": Value("int64"), "end": Value("int64"), "text": Value("string")}

FEATURES = Features({
    "id": Value("string"),
    "file": Value("string"),
    "text": Value("string"),
    "metadata": METADATA_FIELDS,
    "annotators": {kind: Value("string") for kind in KINDS},
    "amounts": List(SPAN),
    "indicators": List({"name": LOCATED, "section": Value("string"), "target": IND_VALUE,
                        "actual": IND_VALUE, "met": Value("bool")}),
    "sentences": {key: List(SENTENCE) for key in SENTENCE_LISTS},
    "budget": {"department": Value("string"), "year": Value("int32"), "self_score": Value("float64"),
               "grade": Value("string"), **{f: Value("float64") for f in BUDGET_FIELDS}},
    "regions": List(REGION),
    "annotations_json": Value("string"),
})

PREDICTION_FEATURES = {
    "predicted_entities": List(SPAN),
    "prediction_json": Value("string"),
}


# ---------------------------------------------------------------- splits

def _fraction(report_id: str) -> float:
    return int(hashlib.sha256(report_id.encode("utf-8")).hexdigest()[:8], 16) / 2 ** 32


def assign_splits(report_ids, test_fraction: float = 0.2) -> dict[str, str]:
    """{report id: "train" | "test"} by the documented rule (see the module docstring)."""
    ids = sorted(report_ids)
    split = {i: "test" if _fraction(i) < test_fraction else "train" for i in ids}
    if len(ids) >= 2 and "test" not in split.values():
        split[min(ids, key=_fraction)] = "test"
    if len(ids) >= 2 and "train" not in split.values():
        split[max(ids, key=_fraction)] = "train"
    return split


def split_of(report_id: str, report_ids=None, test_fraction: float = 0.2) -> str:
    """The split of one report (within ``report_ids`` when given, for the small-corpus rule)."""
    return assign_splits(report_ids or [report_id], test_fraction)[report_id]


# ---------------------------------------------------------------- rows

def _number(v):
    if isinstance(v, dict):
        v = v.get("value")
    return float(v) if isinstance(v, (int, float)) and not isinstance(v, bool) else None


def _string(v):
    if isinstance(v, dict):
        v = v.get("text", v.get("value"))
    return v if isinstance(v, str) else None


def _int(v):
    if isinstance(v, dict):
        v = v.get("value")
    return v if isinstance(v, int) and not isinstance(v, bool) else None


def _span_row(s: dict) -> dict:
    return {key: (s.get(key) if key not in ("value", "value_max") else _number(s.get(key))) for key in SPAN}


def _ind_value(v) -> dict | None:
    if not isinstance(v, dict):
        return None
    return {"text": _string(v.get("text")), "start": _int(v.get("start")), "end": _int(v.get("end")),
            "label": _string(v.get("label")), "value": _number(v.get("value")),
            "unit": _string(v.get("unit")), "comparator": _string(v.get("comparator"))}


def _indicator_row(ind: dict, original: str) -> dict:
    name = indicator_name(ind, original)
    located = ({"start": name[0], "end": name[1], "text": name[2]} if name
               else {"start": None, "end": None, "text": _string(ind.get("name"))})
    return {"name": located, "section": _string(ind.get("section")),
            **{key: _ind_value(ind.get(key)) for key in INDICATOR_VALUES},
            "met": ind.get("met") if isinstance(ind.get("met"), bool) else None}


def _budget_row(record: dict | None) -> dict:
    record = record or {}
    budget = record.get("budget") if isinstance(record.get("budget"), dict) else {}
    return {"department": _string(record.get("department")), "year": _int(record.get("year")),
            "self_score": _number(record.get("self_score")), "grade": _string(record.get("grade")),
            **{f: _number(budget.get(f)) for f in BUDGET_FIELDS}}


def _metadata(corpus: Path) -> dict[str, dict]:
    path = corpus / "metadata.jsonl"
    if not path.exists():
        return {}
    return {m["id"]: m for _, m in iter_jsonl(path) if isinstance(m.get("id"), str)}


def report_rows(corpus: str | os.PathLike = "corpus") -> list[dict]:
    """One row (dict) per report of ``corpus/raw``, in id order, as ``FEATURES`` describes."""
    corpus = Path(corpus)
    if not (corpus / "raw").is_dir():
        raise FileNotFoundError(f"{corpus}/raw: no such folder (is {corpus} a govie corpus?)")
    meta = _metadata(corpus)
    annotations = load_annotations(corpus)
    rows = []
    for path in sorted((corpus / "raw").glob("*.txt")):
        rid = path.stem
        records = {kind: recs[rid] for kind, recs in annotations.items() if rid in recs}
        m = meta.get(rid, {})
        amounts = records.get("amounts", {})
        sentences = records.get("sentences", {})
        text = read(path)
        rows.append({
            "id": rid,
            "file": f"raw/{path.name}",
            "text": text,
            "metadata": {key: (_int(m.get(key)) if key == "year" else _string(m.get(key)))
                         for key in METADATA_FIELDS},
            "annotators": {kind: _string(records.get(kind, {}).get("annotator")) for kind in KINDS},
            "amounts": [_span_row(s) for s in as_list(amounts.get("spans")) if isinstance(s, dict)],
            "indicators": [_indicator_row(i, text) for i in as_list(records.get("indicators", {}).get("indicators"))
                           if isinstance(i, dict)],
            "sentences": {key: [{k: s.get(k) for k in SENTENCE} for s in as_list(sentences.get(key))
                                if isinstance(s, dict)] for key in SENTENCE_LISTS},
            "budget": _budget_row(records.get("budget")),
            "regions": [{"label": r.label, "start": r.start, "end": r.end, "text": r.text}
                        for kind, record in sorted(records.items()) for r in regions(record, kind, text)],
            "annotations_json": json.dumps(records, ensure_ascii=False, sort_keys=True),
        })
    return rows


def load_corpus(corpus: str | os.PathLike = "corpus", test_fraction: float = 0.2,
                splits: str = "train-test") -> DatasetDict:
    """The corpus as a DatasetDict: ``train`` and ``test`` by report (``splits="all"``: one ``all``).

    Built in memory from ``corpus/raw``, ``corpus/metadata.jsonl`` and
    ``corpus/annotations/*.jsonl``; nothing is downloaded.  A broken annotation
    file raises ``CorpusFormatError`` naming its file and line.
    """
    rows = report_rows(corpus)
    if splits == "all":
        return DatasetDict({"all": Dataset.from_list(rows, features=FEATURES)})
    if splits != "train-test":
        raise ValueError(f"splits must be 'train-test' or 'all', not {splits!r}")
    assigned = assign_splits([r["id"] for r in rows], test_fraction)
    return DatasetDict({name: Dataset.from_list([r for r in rows if assigned[r["id"]] == name],
                                                features=FEATURES)
                        for name in ("train", "test")})


def _as_dataset(data) -> Dataset:
    if isinstance(data, (str, os.PathLike)):
        data = load_corpus(data, splits="all")
    if isinstance(data, DatasetDict):
        data = datasets.concatenate_datasets([data[k] for k in sorted(data)])
    ids = list(data["id"])
    return data.select(sorted(range(len(ids)), key=ids.__getitem__))


def leave_one_report_out(data="corpus") -> Iterator[tuple[str, DatasetDict]]:
    """(report id, DatasetDict(train=every other report, test=that report)) for each report.

    ``data`` is a corpus folder, a Dataset or a DatasetDict (its splits are joined).
    """
    full = _as_dataset(data)
    ids = list(full["id"])
    for i, rid in enumerate(ids):
        yield rid, DatasetDict({"train": full.select([j for j in range(len(ids)) if j != i]),
                                "test": full.select([i])})


# ---------------------------------------------------------------- govie over the dataset

def extract_example(example: dict, rules_only: bool = False) -> dict:
    """govie.extract on one row's text: its entities (typed) and the whole report (JSON).

    A module-level function (and ``functools.partial`` of it) pickles, so
    ``Dataset.map(extract_example, num_proc=N)`` runs in worker processes; each
    worker loads the pipeline once.
    """
    from ..extract import extract
    from ..pipeline import shared_pipeline

    report = extract(example["text"], nlp=shared_pipeline(rules_only), source=example.get("file"))
    data = report.to_dict()
    return {"predicted_entities": [_span_row(e) for e in data["entities"]],
            "prediction_json": json.dumps(data, ensure_ascii=False)}


def predict(dataset: Dataset, num_proc: int | None = None, rules_only: bool = False, **map_kwargs) -> Dataset:
    """``dataset`` with govie's predictions added (``PREDICTION_FEATURES``), via ``Dataset.map``."""
    features = Features({**dataset.features, **PREDICTION_FEATURES})
    return dataset.map(partial(extract_example, rules_only=rules_only), features=features,
                       num_proc=num_proc, **map_kwargs)
