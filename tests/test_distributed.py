"""govie.distributed on a LocalCluster of two worker processes: the single-process output, partitioned."""
import json

import pytest

pytest.importorskip("dask.distributed")

from dask.distributed import Client, LocalCluster  # noqa: E402

from govie.batch import find_inputs, run_batch  # noqa: E402
from govie.cli import main  # noqa: E402
from govie.distributed import extract_corpus, read_partition  # noqa: E402

from conftest import CORPUS  # noqa: E402

RAW = str(CORPUS / "raw")


@pytest.fixture(scope="module")
def client():
    with LocalCluster(n_workers=2, threads_per_worker=1, processes=True, host="127.0.0.1",
                      dashboard_address=None) as cluster, Client(cluster) as c:
        yield c


@pytest.fixture(scope="module")
def serial(nlp):
    return [o.report for o in run_batch(find_inputs([RAW]), nlp=nlp)]


def test_partitions_hold_the_single_process_output(client, serial, tmp_path):
    results = list(extract_corpus([RAW], client=client, out=str(tmp_path / "jsonl"), rules_only=True,
                                  partition_size=2))
    assert [r.index for r in results] == [0, 1, 2] and not any(r.errors for r in results)
    assert [rep for r in results for rep in read_partition(r.path)] == serial
    results = list(extract_corpus([RAW], client=client, out=str(tmp_path / "pq"), fmt="parquet", rules_only=True,
                                  partition_size=2))
    assert [rep for r in results for rep in read_partition(r.path)] == serial
    again = list(extract_corpus([RAW], client=client, out=str(tmp_path / "pq"), fmt="parquet", rules_only=True,
                                partition_size=2, resume=True))
    assert all(r.skipped for r in again)


def test_the_command_line_uses_the_scheduler(client, serial, capsys):
    address = client.scheduler.address
    assert address.startswith("tcp://127.0.0.1:")
    code = main(["extract", "--rules-only", "--scheduler", address, "--format", "jsonl", RAW])
    out = capsys.readouterr().out
    assert code == 0 and [json.loads(line) for line in out.splitlines()] == serial
