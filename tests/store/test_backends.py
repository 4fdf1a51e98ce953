"""SQLite and PostgreSQL hold the same data: the sample corpus ingested into each exports alike."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from backchannel.workspace import Workspace
from tests.conftest import CORPUS
from tests.pgserver import PgServer
from tests.snapshots import snapshot


def exports(target: str, inputs: list[str]) -> dict[str, str]:
    with Workspace.open(db=target) as ws:
        assert ws.ingest(inputs).ingested > 0
    return snapshot(target)


def test_sqlite_and_postgresql_store_the_same(tmp_path: Path, pg_server: PgServer) -> None:
    hostile = tmp_path / "hostile.txt"
    hostile.write_bytes("Путин\x00 позвонил Эрдогану в понедельник, сообщил Кремль.\n".encode() * 3)
    records = tmp_path / "nul.jsonl"
    records.write_text(json.dumps({"title": "a\u0000b", "author": "\u0000", "outlet": "x\u0000",
                                   "text": "Путин позвонил Эрдогану в понедельник, сообщил Кремль.",
                                   "tags": ["\u0000"]}) + "\n", encoding="utf-8")
    inputs = [str(CORPUS), str(hostile), str(records)]
    lite = exports(str(tmp_path / "a.db"), inputs)
    pg = exports(pg_server.new_database(), inputs)
    for kind in lite:
        assert pg[kind] == lite[kind], kind
    assert lite["contacts"].count("\n") > 5


@pytest.mark.parametrize("scheme", ["postgresql", "postgres"])
def test_postgres_url_forms(pg_server: PgServer, scheme: str) -> None:
    url = pg_server.new_database().replace("postgresql://", scheme + "://")
    with Workspace.open(db=url) as ws:
        assert ws.store.dialect == "postgresql"
        assert ws.check() == []
