"""Entities in the store: creation from the knowledge base or from text, names, linking keys,
mentions, and curation (merge, split, rename, alias) recorded in an audit log.

Entity ids are deterministic (a KB actor's id, or ``x-`` + a hash of the linking key), and user
decisions are stored as keys (``source='user'``) and ``merged_into`` redirects, so re-ingesting
or re-analysing articles links them the same way again: curation survives re-ingestion.
"""

from __future__ import annotations

import hashlib
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from datetime import UTC, datetime
from typing import Any

from sqlalchemy import Connection, delete, func, insert, or_, select, update
from sqlalchemy.dialects import postgresql, sqlite

from backchannel.errors import UsageError
from backchannel.store.bulk import insert_rows
from backchannel.store.schema import curation_log, entities, entity_keys, entity_names, mentions

MAX_REDIRECTS = 20
CHUNK = 400


@dataclass(frozen=True, slots=True)
class EntityRow:
    id: str
    type: str
    name: str
    kb_id: str | None
    qid: str | None
    source: str
    mentions: int = 0


def text_entity_id(key: str) -> str:
    return "x-" + hashlib.sha1(key.encode()).hexdigest()[:12]


class EntityRepo:
    """Entity operations inside one transaction (a Batch's connection or a curation command's)."""

    def __init__(self, connection: Connection) -> None:
        self.c = connection

    # reading ---------------------------------------------------------------------
    def resolve(self, entity_id: str) -> str:
        """Follow merge redirects to the entity that stands for ``entity_id`` now."""
        return self.resolve_many([entity_id])[entity_id]

    def exists(self, entity_id: str) -> bool:
        return bool(self.existing([entity_id]))

    def key_owner(self, key: str) -> tuple[str, str] | None:
        """(entity id, source) of a linking key, when some entity has it."""
        return self.owners([key]).get(key)

    def row(self, entity_id: str) -> EntityRow | None:
        r = self.c.execute(select(entities).where(entities.c.id == entity_id)).mappings().first()
        if r is None:
            return None
        count = self.c.execute(select(func.count()).where(mentions.c.entity_id == entity_id)).scalar() or 0
        return EntityRow(r["id"], r["type"], r["name"], r["kb_id"], r["qid"], r["source"], int(count))

    def names(self, entity_id: str) -> list[tuple[str, str]]:
        rows = self.c.execute(
            select(entity_names.c.lang, entity_names.c.name).where(entity_names.c.entity_id == entity_id)
            .order_by(entity_names.c.lang, entity_names.c.name)
        )
        return [(r[0], r[1]) for r in rows]

    def find(self, text: str) -> list[str]:
        """Entities whose id is ``text`` or that carry ``text`` as a name (case-insensitive)."""
        if self.exists(text):
            return [self.resolve(text)]
        # SQLite's lower() folds ASCII only, so match the usual casings of the name instead
        variants = {text, text.lower(), text.capitalize(), text.title(), text.upper()}
        rows = self.c.execute(
            select(entity_names.c.entity_id).where(entity_names.c.name.in_(variants)).distinct()
        )
        return sorted({self.resolve(r[0]) for r in rows})

    def listing(self, *, entity_type: str | None, search: str | None, limit: int) -> list[EntityRow]:
        count = func.count(mentions.c.id)
        q = (
            select(entities, count.label("n"))
            .select_from(entities.outerjoin(mentions, mentions.c.entity_id == entities.c.id))
            .where(entities.c.merged_into.is_(None))
            .group_by(entities.c.id)
            .order_by(count.desc(), entities.c.name)
            .limit(limit)
        )
        if entity_type:
            q = q.where(entities.c.type == entity_type)
        if search:  # SQLite folds ASCII case only: try the usual casings
            variants = {search, search.lower(), search.capitalize(), search.title(), search.upper()}
            named = or_(*(entity_names.c.name.contains(v, autoescape=True) for v in variants))
            ids = select(entity_names.c.entity_id).where(named)
            q = q.where(entities.c.id.in_(ids) | or_(*(entities.c.name.contains(v, autoescape=True) for v in variants)))
        return [
            EntityRow(r["id"], r["type"], r["name"], r["kb_id"], r["qid"], r["source"], int(r["n"]))
            for r in self.c.execute(q).mappings()
        ]

    # bulk (one statement per kind per batch: what ingest uses) ------------------------
    def owners(self, keys: Iterable[str]) -> dict[str, tuple[str, str]]:
        """(entity id, source) for each of the keys that some entity has."""
        wanted = list(dict.fromkeys(keys))
        out: dict[str, tuple[str, str]] = {}
        for i in range(0, len(wanted), CHUNK):
            rows = self.c.execute(select(entity_keys.c.key, entity_keys.c.entity_id, entity_keys.c.source)
                                  .where(entity_keys.c.key.in_(wanted[i : i + CHUNK])))
            out.update((r[0], (r[1], r[2])) for r in rows)
        return out

    def existing(self, ids: Iterable[str]) -> set[str]:
        wanted = list(dict.fromkeys(ids))
        out: set[str] = set()
        for i in range(0, len(wanted), CHUNK):
            rows = self.c.execute(select(entities.c.id).where(entities.c.id.in_(wanted[i : i + CHUNK])))
            out.update(r[0] for r in rows)
        return out

    def resolve_many(self, ids: Iterable[str]) -> dict[str, str]:
        """Each id mapped to the entity that stands for it now (merge redirects followed)."""
        current = {i: i for i in dict.fromkeys(ids)}
        for _ in range(MAX_REDIRECTS):
            pending = list(set(current.values()))
            redirects: dict[str, str] = {}
            for i in range(0, len(pending), CHUNK):
                rows = self.c.execute(select(entities.c.id, entities.c.merged_into).where(
                    entities.c.id.in_(pending[i : i + CHUNK]), entities.c.merged_into.is_not(None)))
                redirects.update((r[0], r[1]) for r in rows)
            if not redirects:
                break
            current = {k: redirects.get(v, v) for k, v in current.items()}
        return current

    def insert_ignore(self, table: str, rows: Sequence[dict[str, Any]]) -> None:
        """Insert rows into entities / entity_names / entity_keys, skipping those already there."""
        if not rows:
            return
        target = {"entities": entities, "entity_names": entity_names, "entity_keys": entity_keys}[table]
        dialect = postgresql if self.c.dialect.name == "postgresql" else sqlite
        insert_rows(self.c, target, dialect.insert(target).on_conflict_do_nothing(), rows)

    def insert_mentions(self, rows: Sequence[dict[str, Any]]) -> None:
        insert_rows(self.c, mentions, insert(mentions), rows)

    # writing ---------------------------------------------------------------------
    def create(self, entity_id: str, entity_type: str, name: str, source: str,
               kb_id: str | None = None, qid: str | None = None) -> None:
        dialect = postgresql if self.c.dialect.name == "postgresql" else sqlite
        self.c.execute(dialect.insert(entities).values(
            id=entity_id, type=entity_type, name=name, kb_id=kb_id, qid=qid, source=source,
            created_at=datetime.now(UTC)).on_conflict_do_nothing(index_elements=[entities.c.id]))

    def add_names(self, entity_id: str, names: Iterable[tuple[str, str]], source: str) -> None:
        existing = set(self.names(entity_id))
        rows = [{"entity_id": entity_id, "lang": lang, "name": name, "source": source}
                for lang, name in dict.fromkeys(names) if (lang, name) not in existing and name.strip()]
        if rows:
            self.c.execute(insert(entity_names), rows)

    def add_keys(self, entity_id: str, keys: Iterable[str], source: str) -> None:
        """Point keys at the entity; existing keys keep their entity unless ``source`` is 'user'."""
        fresh: list[dict[str, str]] = []
        for key in dict.fromkeys(keys):
            owner = self.key_owner(key)
            if owner is None:
                fresh.append({"key": key, "entity_id": entity_id, "source": source})
            elif source == "user":
                self.c.execute(update(entity_keys).where(entity_keys.c.key == key)
                               .values(entity_id=entity_id, source=source))
        if fresh:
            self.c.execute(insert(entity_keys), fresh)

    def replace_mentions(self, article_id: str, rows: Sequence[dict[str, Any]]) -> None:
        self.delete_mentions([article_id])
        self.insert_mentions([{**r, "article_id": article_id} for r in rows])

    def delete_mentions(self, article_ids: Sequence[str]) -> None:
        for i in range(0, len(article_ids), CHUNK):
            self.c.execute(delete(mentions).where(mentions.c.article_id.in_(article_ids[i : i + CHUNK])))

    def _log(self, op: str, **args: Any) -> None:
        self.c.execute(insert(curation_log).values(at=datetime.now(UTC), op=op, args=args))

    # curation --------------------------------------------------------------------
    def merge(self, keep: str, other: str) -> None:
        if keep == other:
            raise UsageError("cannot merge an entity with itself")
        self.c.execute(update(entities).where(entities.c.id == other).values(merged_into=keep))
        self.c.execute(update(mentions).where(mentions.c.entity_id == other).values(entity_id=keep))
        self.c.execute(update(entity_keys).where(entity_keys.c.entity_id == other).values(entity_id=keep))
        self.add_names(keep, self.names(other), "user")
        self._log("merge", keep=keep, merged=other)

    def rename(self, entity_id: str, name: str, lang: str) -> None:
        self.c.execute(update(entities).where(entities.c.id == entity_id).values(name=name))
        self.add_names(entity_id, [(lang, name)], "user")
        self._log("rename", entity=entity_id, name=name)

    def add_alias(self, entity_id: str, alias: str, lang: str, key: str) -> None:
        self.add_names(entity_id, [(lang, alias)], "user")
        self.add_keys(entity_id, [key], "user")
        self._log("alias", entity=entity_id, alias=alias, lang=lang)

    def split(self, entity_id: str, name: str, key: str, lang: str, entity_type: str,
              matches: Sequence[int]) -> str:
        """Move the mentions ``matches`` (ids) of ``entity_id`` to a new entity called ``name``."""
        new_id = text_entity_id(key + "#split")
        self.create(new_id, entity_type, name, "user")
        self.add_names(new_id, [(lang, name)], "user")
        self.add_keys(new_id, [key], "user")
        if matches:
            self.c.execute(update(mentions).where(mentions.c.id.in_(matches)).values(entity_id=new_id))
        self.c.execute(delete(entity_names).where(entity_names.c.entity_id == entity_id,
                                                  entity_names.c.name == name))
        self._log("split", entity=entity_id, name=name, new=new_id, moved=len(matches))
        return new_id

    def mention_rows(self, entity_id: str) -> list[tuple[int, str, str]]:
        rows = self.c.execute(select(mentions.c.id, mentions.c.base, mentions.c.surface)
                              .where(mentions.c.entity_id == entity_id))
        return [(r[0], r[1], r[2]) for r in rows]

    def log(self, limit: int) -> list[tuple[datetime, str, dict[str, Any]]]:
        rows = self.c.execute(select(curation_log).order_by(curation_log.c.id.desc()).limit(limit)).mappings()
        return [(r["at"], r["op"], dict(r["args"])) for r in rows]
