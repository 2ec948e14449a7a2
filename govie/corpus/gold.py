"""Reading the corpus: raw texts (corpus/raw) and gold records (corpus/annotations/<kind>.jsonl).

Shared by training (govie.training, govie.statements.training) and evaluation
(govie.evaluation), so it sits below both."""
from __future__ import annotations

import json
from pathlib import Path


def load_gold(corpus: str | Path, kind: str) -> dict[str, dict]:
    """Gold records of one kind (amounts, indicators, sentences, …), keyed by report id."""
    path = Path(corpus) / "annotations" / f"{kind}.jsonl"
    records = {}
    with open(path, encoding="utf-8") as fh:
        for line in fh:
            if line.strip():
                record = json.loads(line)
                records[record["id"]] = record
    return records


def corpus_reports(corpus: str | Path) -> list[tuple[str, Path]]:
    """(id, path) of every raw report, sorted by id."""
    return [(p.stem, p) for p in sorted((Path(corpus) / "raw").glob("*.txt"))]
