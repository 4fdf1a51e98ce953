"""A store built once from examples/corpus, copied for each test that changes it."""

from __future__ import annotations

import shutil
from collections.abc import Iterator
from pathlib import Path

import pytest

from backchannel.workspace import Workspace
from tests.conftest import CORPUS

HOSTILE = """Путин и <script>alert('x')</script> провели переговоры

Президент России Владимир Путин в понедельник провёл телефонный разговор с президентом Турции Реджепом Тайипом Эрдоганом. <img src=x onerror=alert(1)> Стороны обсудили торговлю.
"""


@pytest.fixture(scope="session")
def corpus_db(tmp_path_factory: pytest.TempPathFactory) -> Path:
    folder = tmp_path_factory.mktemp("web-corpus")
    extra = folder / "extra"
    extra.mkdir()
    (extra / "hostile.txt").write_text(HOSTILE, encoding="utf-8")
    path = folder / "corpus.db"
    with Workspace.open(db=str(path)) as ws:
        ws.ingest([str(CORPUS), str(extra)])
    return path


@pytest.fixture
def web_db(corpus_db: Path, tmp_path: Path) -> Path:
    """A private copy of the corpus store (for tests that curate)."""
    target = tmp_path / "web.db"
    for suffix in ("", "-wal", "-shm"):
        source = Path(str(corpus_db) + suffix)
        if source.exists():
            shutil.copyfile(source, Path(str(target) + suffix))
    return target


@pytest.fixture
def workspace(web_db: Path) -> Iterator[Workspace]:
    with Workspace.open(db=str(web_db)) as ws:
        yield ws
