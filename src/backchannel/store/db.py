"""Opening the store: engine, SQLite pragmas, migrations. One schema for SQLite and PostgreSQL."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from sqlalchemy import Engine, create_engine, event
from sqlalchemy.exc import SQLAlchemyError

from backchannel.errors import StoreError

MIGRATIONS = "backchannel.store:migrations"


def engine_url(target: str) -> str:
    """A file path means SQLite; ``postgresql://`` (or any SQLAlchemy URL) is used as given."""
    if target.startswith(("postgresql://", "postgres://")):
        return "postgresql+psycopg://" + target.split("://", 1)[1]
    if "://" in target:
        return target
    path = Path(target).expanduser()
    if path.is_dir():
        raise StoreError(f"--db {target} is a folder", "give a file path such as ./backchannel.db")
    if not path.parent.exists():
        raise StoreError(f"folder {path.parent} for --db does not exist", "create it or choose another path")
    return f"sqlite:///{path}"


def _sqlite_pragmas(dbapi_connection: Any, _record: Any) -> None:
    cursor = dbapi_connection.cursor()
    cursor.execute("PRAGMA journal_mode=WAL")
    cursor.execute("PRAGMA synchronous=NORMAL")
    cursor.execute("PRAGMA foreign_keys=ON")
    cursor.execute("PRAGMA busy_timeout=30000")
    cursor.execute("PRAGMA cache_size=-65536")
    cursor.close()


def create(target: str) -> Engine:
    url = engine_url(target)
    try:
        engine = create_engine(url, future=True)
    except (SQLAlchemyError, ImportError) as exc:
        raise StoreError(f"cannot open database {target}: {exc}", "check the --db value") from exc
    if engine.dialect.name == "sqlite":
        event.listen(engine, "connect", _sqlite_pragmas)
    return engine


def _alembic_config(connection: Any) -> Any:
    from alembic.config import Config

    config = Config()
    config.set_main_option("script_location", MIGRATIONS)
    config.attributes["connection"] = connection
    return config


def head_revision() -> str:
    from alembic.script import ScriptDirectory

    config = _alembic_config(None)
    head = ScriptDirectory.from_config(config).get_current_head()
    if head is None:  # pragma: no cover - the package always ships migrations
        raise StoreError("no migrations found in the package", "reinstall backchannel")
    return head


def current_revision(engine: Engine) -> str | None:
    from alembic.runtime.migration import MigrationContext

    with engine.connect() as connection:
        return MigrationContext.configure(connection).get_current_revision()


def migrate(engine: Engine) -> None:
    """Bring the schema to the newest revision (a no-op when it is there already)."""
    from alembic import command

    try:
        if current_revision(engine) == head_revision():
            return
        with engine.begin() as connection:
            command.upgrade(_alembic_config(connection), "head")
    except SQLAlchemyError as exc:
        raise StoreError(f"cannot prepare the database: {exc.__class__.__name__}: {exc}".splitlines()[0],
                         "is it a backchannel database, and writable?") from exc
