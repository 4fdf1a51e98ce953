"""Curation of entities by the user: merge, split, rename, alias — each one logged.

Ids or names are accepted wherever an entity is named; a name that fits several entities is
refused with the candidates listed.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime
from typing import Any

from backchannel.consolidate.keys import key, skeleton
from backchannel.errors import UsageError
from backchannel.store import Store
from backchannel.store.corrections import Correction
from backchannel.store.entities import EntityRepo, EntityRow
from backchannel.store.events import merge_actor


@dataclass(frozen=True, slots=True)
class EntityDetail:
    entity: EntityRow
    names: tuple[tuple[str, str], ...]


def _one(repo: EntityRepo, ref: str) -> str:
    found = repo.find(ref)
    if not found:
        raise UsageError(f"no entity '{ref}'", "find ids with `backchannel entities list --search NAME`")
    if len(found) > 1:
        raise UsageError(f"'{ref}' names several entities: {', '.join(found[:8])}", "use an id")
    return found[0]


def _row(repo: EntityRepo, entity_id: str) -> EntityRow:
    row = repo.row(entity_id)
    if row is None:  # pragma: no cover - _one only returns existing ids
        raise UsageError(f"no entity '{entity_id}'")
    return row


def resolve_ref(store: Store, ref: str) -> str:
    """The entity id for an id or a name (any language, any case)."""
    with store.batch(None) as b:
        return _one(b.entities, ref)


def detail(store: Store, ref: str) -> EntityDetail:
    with store.batch(None) as b:
        entity_id = _one(b.entities, ref)
        return EntityDetail(_row(b.entities, entity_id), tuple(b.entities.names(entity_id)))


def listing(store: Store, entity_type: str | None, search: str | None, limit: int) -> list[EntityRow]:
    with store.batch(None) as b:
        return b.entities.listing(entity_type=entity_type, search=search, limit=limit)


def merge(store: Store, keep: str, other: str) -> EntityRow:
    with store.batch(None) as b:
        keep_id, other_id = _one(b.entities, keep), _one(b.entities, other)
        b.entities.merge(keep_id, other_id)
        merge_actor(b.entities.c, keep_id, other_id)  # events name the merged actor at once
        return _row(b.entities, keep_id)


def rename(store: Store, ref: str, name: str, lang: str) -> EntityRow:
    with store.batch(None) as b:
        entity_id = _one(b.entities, ref)
        b.entities.rename(entity_id, name, lang)
        return _row(b.entities, entity_id)


def add_alias(store: Store, ref: str, alias: str, lang: str) -> EntityRow:
    with store.batch(None) as b:
        entity_id = _one(b.entities, ref)
        row = _row(b.entities, entity_id)
        b.entities.add_alias(entity_id, alias, lang, key(row.type, alias))
        return row


def split(store: Store, ref: str, name: str, lang: str) -> tuple[EntityRow, int]:
    """Give the mentions of ``ref`` whose base form is ``name`` (spelling-insensitive) a new entity."""
    with store.batch(None) as b:
        entity_id = _one(b.entities, ref)
        row = _row(b.entities, entity_id)
        target = skeleton(name)
        moved = [mid for mid, base, surface in b.entities.mention_rows(entity_id)
                 if skeleton(base) == target or skeleton(surface) == target]
        new_id = b.entities.split(entity_id, name, key(row.type, name), lang, row.type, moved)
        return _row(b.entities, new_id), len(moved)


def log(store: Store, limit: int) -> list[tuple[datetime, str, dict[str, Any]]]:
    with store.batch(None) as b:
        return b.entities.log(limit)


def reject_report(store: Store, report_id: str, note: str | None = None) -> Correction:
    """Mark a contact report as wrong: it disappears from every reader and stays rejected after re-ingestion."""
    from backchannel.store.corrections import correct

    with store.batch(None) as b:
        return correct(b.entities.c, report_id, "reject", note=note)


def correct_report(store: Store, report_id: str, *, kind: str | None = None, polarity: str | None = None,
                   note: str | None = None) -> Correction:
    """Set a report's kind and/or polarity; the correction survives re-ingestion."""
    from backchannel.store.corrections import correct

    with store.batch(None) as b:
        return correct(b.entities.c, report_id, "correct", kind=kind, polarity=polarity, note=note)


def report_corrections(store: Store, limit: int = 200) -> list[Correction]:
    from backchannel.store.corrections import listing as correction_listing

    with store.batch(None) as b:
        return correction_listing(b.entities.c, limit)
