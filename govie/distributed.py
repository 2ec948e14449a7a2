"""Extraction over a corpus on a Dask cluster (``pip install govie[dask]``).

The inputs are cut into partitions of ``partition_size`` files, in input order;
each partition is one task (``Client.map``).  A worker loads govie's pipeline
once (cached per worker process) and extracts its partition's files; with
``out`` it writes ``out/part-00000.jsonl`` (or ``.parquet``) itself, atomically,
so the files must be on a filesystem the workers share with the client (NFS,
a cluster's scratch space).  Without ``out`` the reports come back to the
client in input order.

>>> from dask.distributed import Client                               # doctest: +SKIP
>>> from govie.distributed import extract_corpus                       # doctest: +SKIP
>>> result = extract_corpus(["reports/"], client=Client("tcp://scheduler:8786"),
...                         out="results", fmt="parquet")             # doctest: +SKIP

Parquet partitions hold one row per report: ``source``, ``department``,
``year``, ``self_score``, ``grade`` as columns, and ``budget``, ``entities``,
``indicators``, ``problems``, ``remedies`` as JSON text (the contract's
nested fields, the same in every partition whatever they hold).
"""
from __future__ import annotations

import json
import os
import sys
from collections.abc import Iterator
from dataclasses import dataclass, field
from functools import lru_cache

from .batch import STDIN, Input, SafeFolder, extract_one, find_inputs
from .extract import DEFAULT_MAX_CHARS

SCALAR_COLUMNS = ("source", "department", "year", "self_score", "grade")
JSON_COLUMNS = ("budget", "entities", "indicators", "problems", "remedies")
FORMATS = ("jsonl", "parquet")


@dataclass
class PartitionResult:
    index: int
    reports: list[dict] = field(default_factory=list)   # empty when the worker wrote them to ``path``
    errors: list[str] = field(default_factory=list)
    path: str | None = None
    skipped: bool = False                                 # already written (resume)
    count: int = 0


@lru_cache(maxsize=4)
def _worker_pipeline(rules_only: bool, model: str | None):
    """One pipeline per worker process, loaded by the first task that needs it."""
    from .pipeline import load
    return load(model, rules_only=rules_only)


def warm(rules_only: bool = False, model: str | None = None) -> None:
    """Load the pipeline on a worker ahead of the first task: ``client.run(warm)``."""
    _worker_pipeline(rules_only, model)


def partition_name(index: int, fmt: str) -> str:
    return f"part-{index:05d}.{fmt}"


def _parquet_bytes(reports: list[dict]) -> bytes:
    import pyarrow as pa
    import pyarrow.parquet as pq
    columns = {c: [r.get(c) for r in reports] for c in SCALAR_COLUMNS}
    columns.update({c: [json.dumps(r.get(c), ensure_ascii=False) for r in reports] for c in JSON_COLUMNS})
    schema = pa.schema([("source", pa.string()), ("department", pa.string()), ("year", pa.int64()),
                        ("self_score", pa.float64()), ("grade", pa.string())]
                       + [(c, pa.string()) for c in JSON_COLUMNS])
    sink = pa.BufferOutputStream()
    pq.write_table(pa.table(columns, schema=schema), sink)
    return sink.getvalue().to_pybytes()


def read_partition(path: str) -> list[dict]:
    """The reports of one partition file, as the JSON contract's objects."""
    if path.endswith(".parquet"):
        import pyarrow.parquet as pq
        rows = pq.read_table(path).to_pylist()
        return [{**{c: row[c] for c in SCALAR_COLUMNS}, **{c: json.loads(row[c]) for c in JSON_COLUMNS}}
                for row in rows]
    with open(path, encoding="utf-8") as fh:
        return [json.loads(line) for line in fh if line.strip()]


def _write_partition(out: str, index: int, fmt: str, reports: list[dict]) -> str:
    folder = SafeFolder(out)
    name = partition_name(index, fmt)
    if fmt == "parquet":
        target = folder.path(name)
        tmp = target.with_name(f".{name}.part")
        tmp.write_bytes(_parquet_bytes(reports))
        os.chmod(tmp, folder.mode)
        os.replace(tmp, target)
        return str(target)
    return str(folder.write_atomic(name, "".join(json.dumps(r, ensure_ascii=False) + "\n" for r in reports)))


def extract_partition(index: int, items: list[Input], rules_only: bool = False, model: str | None = None,
                      max_chars: int | None = DEFAULT_MAX_CHARS, out: str | None = None,
                      fmt: str = "jsonl") -> PartitionResult:
    """One task: extract ``items`` with the worker's pipeline; write them to ``out`` if given."""
    nlp = _worker_pipeline(rules_only, model)
    result = PartitionResult(index)
    for item in items:
        outcome = extract_one(item, nlp, max_chars)
        if outcome.error:
            result.errors.append(outcome.error)
        else:
            result.reports.append(outcome.report)
    result.count = len(result.reports)
    if out is not None:
        result.path = _write_partition(out, index, fmt, result.reports)
        result.reports = []
    return result


def partitions(inputs: list[Input], size: int) -> list[list[Input]]:
    return [inputs[i:i + size] for i in range(0, len(inputs), size)]


def extract_corpus(paths, client=None, scheduler: str | None = None, out: str | None = None, fmt: str = "jsonl",
                   rules_only: bool = False, model: str | None = None, max_chars: int | None = DEFAULT_MAX_CHARS,
                   partition_size: int = 16, resume: bool = False) -> Iterator[PartitionResult]:
    """Run extraction over ``paths`` (files, folders, globs) on a Dask cluster.

    Give a ``client`` or a ``scheduler`` address.  Yields one
    :class:`PartitionResult` per partition, in input order, as they finish in
    turn.  With ``resume``, partitions whose file is already in ``out`` are
    skipped (the same inputs give the same partitions).
    """
    if fmt not in FORMATS:
        raise ValueError(f"format {fmt!r}: a Dask run writes one of {', '.join(FORMATS)}")
    from dask.distributed import Client
    own_client = client is None
    if own_client:
        client = Client(scheduler)
    try:
        inputs = [i for i in find_inputs(paths) if i.path != STDIN]   # workers cannot read our stdin
        if out is not None:
            out = os.path.abspath(out)
            SafeFolder(out)
        parts = partitions(inputs, partition_size)
        futures = []
        for index, items in enumerate(parts):
            if resume and out is not None and os.path.exists(os.path.join(out, partition_name(index, fmt))):
                futures.append(PartitionResult(index, path=os.path.join(out, partition_name(index, fmt)),
                                               skipped=True))
                continue
            futures.append(client.submit(extract_partition, index, items, rules_only, model, max_chars, out, fmt,
                                         pure=False, key=f"govie-partition-{index}-{os.getpid()}-{id(parts)}"))
        for future in futures:
            yield future if isinstance(future, PartitionResult) else future.result()
    finally:
        if own_client:
            client.close()


def run_cli(args) -> int:
    """``govie extract --scheduler tcp://…``: partitions to ``--out``, or reports printed in order."""
    from .commands.extract import _Stream
    fmt = "jsonl" if args.format in ("json", "jsonl") else args.format
    if args.out and fmt not in FORMATS:
        print(f"govie: error: with --scheduler, --out writes jsonl or parquet partitions, not {args.format}",
              file=sys.stderr)
        return 2
    stream = None if args.out or args.summary else _Stream(args.format if args.format != "parquet" else "jsonl",
                                                             sys.stdout)
    failed = written = 0
    try:
        for result in extract_corpus(args.files, scheduler=args.scheduler, out=args.out, fmt=fmt,
                                     rules_only=args.rules_only, max_chars=args.max_chars or None,
                                     resume=args.resume):
            for error in result.errors:
                print(f"govie: error: {error}", file=sys.stderr)
            failed += len(result.errors)
            written += result.count
            for rep in result.reports:
                if stream is not None:
                    stream.write(rep)
        if stream is not None:
            stream.close()
    except (OSError, ValueError) as exc:
        print(f"govie: error: {exc}", file=sys.stderr)
        return 2
    if args.summary or args.out:
        print(f"{written} reports written" + (f" to {args.out}/" if args.out else ""), file=sys.stderr)
    return 1 if failed else 0
