"""Bulk inserts through the driver's executemany store what SQLAlchemy's own path stores."""

from __future__ import annotations

from datetime import UTC, datetime

from sqlalchemy import select

from backchannel.store import Store
from backchannel.store.schema import entities, entity_keys, entity_names


def test_rows_with_and_without_type_conversion_are_stored_alike(db_target: str) -> None:
    store = Store.open(db_target)
    try:
        with store.batch(None) as b:
            repo = b.entities
            created = datetime(2025, 3, 1, 12, 30, tzinfo=UTC)
            repo.insert_ignore("entities", [  # a DateTime column: SQLAlchemy's path converts it
                {"id": "x-ann", "type": "PER", "name": "Ann Lee", "kb_id": None, "qid": None, "source": "text",
                 "merged_into": None, "created_at": created}])
            name = {"entity_id": "x-ann", "lang": "en", "name": "Ann Lee", "source": "text"}
            repo.insert_ignore("entity_names", [name, {**name, "name": "Lee"}, name])  # the repeat is skipped
            repo.insert_ignore("entity_keys", [{"key": "PER:an le", "entity_id": "x-ann", "source": "text"}])
            repo.insert_ignore("entity_names", [])
            names = sorted(b.entities.c.execute(select(entity_names.c.name)).scalars())
            keys = list(b.entities.c.execute(select(entity_keys.c.key, entity_keys.c.entity_id)))
            stored = b.entities.c.execute(select(entities.c.name, entities.c.created_at)).one()
        assert names == ["Ann Lee", "Lee"]
        assert keys == [("PER:an le", "x-ann")]
        assert stored[0] == "Ann Lee"
        assert stored[1].replace(tzinfo=UTC) == created
    finally:
        store.close()
