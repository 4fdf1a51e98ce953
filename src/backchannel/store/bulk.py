"""Bulk inserts through the driver's ``executemany``: the statement compiled once per call and
the rows handed over as they are, without SQLAlchemy's per-row parameter processing (which
cost more than the insert itself for ingest's tens of thousands of mention rows per batch).

A column that needs a type conversion on the way in gets its type's own bind processor, as
SQLAlchemy's path would apply it, so what is stored never differs.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from operator import itemgetter
from typing import Any

from sqlalchemy import Connection, Table
from sqlalchemy.sql.dml import Insert


def insert_rows(c: Connection, table: Table, statement: Insert, rows: Sequence[dict[str, Any]]) -> None:
    """Insert ``rows`` (dicts with the keys of the first row) into ``table`` with ``statement``.
    A column whose type converts values on the way in (a date on SQLite) gets the conversion
    SQLAlchemy would apply, its type's own bind processor, once per value."""
    if not rows:
        return
    keys = list(rows[0])
    dialect = c.dialect
    processors: dict[str, Callable[[Any], Any]] = {}
    for k in keys:
        processor = table.c[k].type.bind_processor(dialect)
        if processor is not None:
            processors[k] = processor
    compiled = statement.compile(dialect=dialect, column_keys=keys)
    if processors:
        rows = [{k: (processors[k](v) if k in processors else v) for k, v in row.items()} for row in rows]
    if compiled.positional:
        order = compiled.positiontup or []
        values = itemgetter(*order) if len(order) > 1 else (lambda r: tuple(r[k] for k in order))
        c.exec_driver_sql(str(compiled), list(map(values, rows)))  # itemgetter: the tuples built in C
    else:
        c.exec_driver_sql(str(compiled), list(rows))
