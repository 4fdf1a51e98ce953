"""``--workers N`` and ``--dask ADDRESS`` store exactly what the serial path stores; ``reprocess``
re-runs analysis without reading files; ``rejected`` lists rejections with reasons."""

from __future__ import annotations

from pathlib import Path

import pytest

from backchannel.cli import run
from backchannel.parallel import _partitions
from backchannel.workspace import Workspace
from tests.conftest import CORPUS
from tests.generated import write_corpus
from tests.snapshots import snapshot

KINDS = ("articles", "mentions", "contacts", "stories")
"""Stories too: their sentence vectors are computed in the workers."""


@pytest.fixture(scope="module")
def inputs(tmp_path_factory: pytest.TempPathFactory) -> list[str]:
    corpus = tmp_path_factory.mktemp("gen") / "corpus"
    write_corpus(corpus, 24)
    return [str(CORPUS), str(corpus)]


@pytest.fixture(scope="module")
def serial(inputs: list[str], tmp_path_factory: pytest.TempPathFactory) -> dict[str, str]:
    db = str(tmp_path_factory.mktemp("serial") / "serial.db")
    with Workspace.open(db=db, batch_size=30) as ws:
        ws.ingest(inputs)
    return snapshot(db, KINDS)


def test_partitions_keep_order_and_balance() -> None:
    parts = _partitions(list(range(7)), 3)
    assert parts == [[0, 1, 2], [3, 4], [5, 6]]
    assert _partitions([1], 4) == [[1]]


def test_two_local_workers_store_what_the_serial_path_stores(
    inputs: list[str], serial: dict[str, str], tmp_path: Path
) -> None:
    db = str(tmp_path / "workers.db")
    with Workspace.open(db=db, batch_size=30) as ws:
        summary = ws.ingest(inputs, workers=2)
    assert summary.ingested > 35
    assert snapshot(db, KINDS) == serial


def test_dask_local_cluster_stores_what_the_serial_path_stores(
    inputs: list[str], serial: dict[str, str], tmp_path: Path
) -> None:
    distributed = pytest.importorskip("distributed")
    with distributed.LocalCluster(n_workers=2, threads_per_worker=1, processes=True, dashboard_address=None) as cluster:
        db = str(tmp_path / "dask.db")
        with Workspace.open(db=db, batch_size=30) as ws:
            ws.ingest(inputs, dask=cluster.scheduler_address)
    assert snapshot(db, KINDS) == serial


def test_reprocess_and_rejected(inputs: list[str], serial: dict[str, str], tmp_path: Path,
                                capsys: pytest.CaptureFixture[str]) -> None:
    db = str(tmp_path / "cli.db")
    assert run(["--db", db, "ingest", "-q", "--batch-size", "30", *inputs]) == 0
    capsys.readouterr()
    assert run(["--db", db, "rejected"]) == 0
    listed = capsys.readouterr().out.splitlines()
    assert len(listed) == serial["rejected"].count("\n") + 1
    assert all(": " in line and line.split(": ", 1)[1].strip() for line in listed)
    assert run(["--db", db, "reprocess", "--workers", "2"]) == 0
    assert "re-analysed" in capsys.readouterr().err
    assert snapshot(db, ("articles", "contacts")) == {k: serial[k] for k in ("articles", "contacts", "rejected")}
    assert run(["--db", db, "reanalyze", "--help"]) == 0
    assert "reprocess" in capsys.readouterr().out
