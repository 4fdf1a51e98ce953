from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest

from tests.pgserver import SKIP_REASON, PgServer, find_bin

REPO = Path(__file__).resolve().parents[1]
SHARED_DATA = REPO.parent / "shared" / "data"
CORPUS = REPO / "examples" / "corpus"


def pytest_sessionstart(session: pytest.Session) -> None:
    """Refuse to test a compiled module built from an older source: the extension would run, not the edit."""
    from backchannel import native

    old = native.stale()
    if old:
        pytest.exit(f"compiled modules older than their sources: {', '.join(old)}; run `make native` "
                    "(or `make pure` for pure Python)", returncode=3)


@pytest.fixture
def db_path(tmp_path: Path) -> str:
    return str(tmp_path / "test.db")


def shared_data() -> Path:
    """The shared evaluation data beside the repo; skips the test when it is absent."""
    if not SHARED_DATA.is_dir():
        pytest.skip("../shared/data is absent")
    return SHARED_DATA


@pytest.fixture(scope="session")
def pg_server() -> Iterator[PgServer]:
    """A real PostgreSQL server for this test session (skips when the binaries are absent)."""
    bindir = find_bin()
    if bindir is None:
        pytest.skip(SKIP_REASON)
    pytest.importorskip("psycopg", reason="psycopg is not installed: pip install -e '.[postgres]'")
    server = PgServer(bindir)
    server.start()
    try:
        yield server
    finally:
        server.stop()


@pytest.fixture(params=["sqlite", "postgresql"])
def db_target(request: pytest.FixtureRequest, tmp_path: Path) -> str:
    """A fresh, empty store target: a SQLite file, then a database on the session's PostgreSQL server."""
    if request.param == "sqlite":
        return str(tmp_path / "test.db")
    server: PgServer = request.getfixturevalue("pg_server")
    return server.new_database()
