"""Bulk inserts through the driver's ``executemany``: the statement compiled once per call and
the rows handed over as they are, without SQLAlchemy's per-row parameter processing (which
cost more than the insert itself for ingest's tens of thousands of mention rows per batch).

Used only where no column needs a type conversion on the way in; otherwise SQLAlchemy's own
path runs, so what is stored never differs.
"""

from __future__ import annotations

from collections.abc import Sequence
from operator import itemgetter
from typing import Any

from sqlalchemy import Connection, Table
from sqlalchemy.sql.dml import Insert


def insert_rows(c: Connection, table: Table, statement: Insert, rows: Sequence[dict[str, Any]]) -> None:
    """Insert ``rows`` (dicts with the keys of the first row) into ``table`` with ``statement``."""
    if not rows:
        return
    keys = list(rows[0])
    dialect = c.dialect
    if any(table.c[k].type.bind_processor(dialect) is not None for k in keys):
        c.execute(statement, list(rows))
        return
    compiled = statement.compile(dialect=dialect, column_keys=keys)
    if compiled.positional:
        order = compiled.positiontup or []
        values = itemgetter(*order) if len(order) > 1 else (lambda r: tuple(r[k] for k in order))
        c.exec_driver_sql(str(compiled), list(map(values, rows)))  # itemgetter: the tuples built in C
    else:
        c.exec_driver_sql(str(compiled), list(rows))
