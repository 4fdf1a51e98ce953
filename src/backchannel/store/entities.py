"""Entities in the store: creation from the knowledge base or from text, names, linking keys,
mentions, and curation (merge, split, rename, alias) recorded in an audit log.

Entity ids are deterministic (a KB actor's id, or ``x-`` + a hash of the linking key), and user
decisions are stored as keys (``source='user'``) and ``merged_into`` redirects, so re-ingesting
or re-analysing articles links them the same way again: curation survives re-ingestion.
"""

from __future__ import annotations

import hashlib
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from datetime import UTC, datetime
from typing import Any

from sqlalchemy import Connection, delete, func, insert, select, update
from sqlalchemy.dialects import postgresql, sqlite

from backchannel.errors import UsageError
from backchannel.store.schema import curation_log, entities, entity_keys, entity_names, mentions

MAX_REDIRECTS = 20


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


@dataclass(slots=True)
class EntityCache:
    """What one ingest process has read or written about entities, to spare the store the same
    lookups for every article. Valid while only this process links (curation commands use no
    cache); dropped whenever a batch fails, since its writes were rolled back."""

    exists: set[str] = field(default_factory=set)
    keys: dict[str, tuple[str, str] | None] = field(default_factory=dict)
    names: dict[str, set[tuple[str, str]]] = field(default_factory=dict)
    resolved: dict[str, str] = field(default_factory=dict)

    def clear(self) -> None:
        self.resolved.clear()
        self.exists.clear()
        self.keys.clear()
        self.names.clear()


class EntityRepo:
    """Entity operations inside one transaction (a Batch's connection or a curation command's)."""

    def __init__(self, connection: Connection, cache: EntityCache | None = None) -> None:
        self.c = connection
        self.cache = cache

    # reading ---------------------------------------------------------------------
    def resolve(self, entity_id: str) -> str:
        """Follow merge redirects to the entity that stands for ``entity_id`` now."""
        if self.cache is not None and entity_id in self.cache.resolved:
            return self.cache.resolved[entity_id]
        current = entity_id
        for _ in range(MAX_REDIRECTS):
            nxt = self.c.execute(select(entities.c.merged_into).where(entities.c.id == current)).scalar()
            if not nxt:
                break
            current = nxt
        if self.cache is not None:
            self.cache.resolved[entity_id] = current
        return current

    def exists(self, entity_id: str) -> bool:
        if self.cache is not None and entity_id in self.cache.exists:
            return True
        found = self.c.execute(select(entities.c.id).where(entities.c.id == entity_id)).first() is not None
        if found and self.cache is not None:
            self.cache.exists.add(entity_id)
        return found

    def key_owner(self, key: str) -> tuple[str, str] | None:
        """(entity id, source) of a linking key, when some entity has it."""
        if self.cache is not None and key in self.cache.keys:
            return self.cache.keys[key]
        row = self.c.execute(select(entity_keys.c.entity_id, entity_keys.c.source).where(entity_keys.c.key == key)).first()
        owner = (row[0], row[1]) if row else None
        if self.cache is not None:
            self.cache.keys[key] = owner
        return owner

    def row(self, entity_id: str) -> EntityRow | None:
        r = self.c.execute(select(entities).where(entities.c.id == entity_id)).mappings().first()
        if r is None:
            return None
        count = self.c.execute(select(func.count()).where(mentions.c.entity_id == entity_id)).scalar() or 0
        return EntityRow(r["id"], r["type"], r["name"], r["kb_id"], r["qid"], r["source"], int(count))

    def names(self, entity_id: str) -> list[tuple[str, str]]:
        if self.cache is not None and entity_id in self.cache.names:
            return sorted(self.cache.names[entity_id])
        rows = self.c.execute(
            select(entity_names.c.lang, entity_names.c.name).where(entity_names.c.entity_id == entity_id)
            .order_by(entity_names.c.lang, entity_names.c.name)
        )
        found = [(r[0], r[1]) for r in rows]
        if self.cache is not None:
            self.cache.names[entity_id] = set(found)
        return found

    def find(self, text: str) -> list[str]:
        """Entities whose id is ``text`` or that carry ``text`` as a name (case-insensitive)."""
        if self.exists(text):
            return [self.resolve(text)]
        rows = self.c.execute(
            select(entity_names.c.entity_id).where(func.lower(entity_names.c.name) == text.lower()).distinct()
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
        if search:
            ids = select(entity_names.c.entity_id).where(entity_names.c.name.ilike(f"%{search}%"))
            q = q.where(entities.c.id.in_(ids) | entities.c.name.ilike(f"%{search}%"))
        return [
            EntityRow(r["id"], r["type"], r["name"], r["kb_id"], r["qid"], r["source"], int(r["n"]))
            for r in self.c.execute(q).mappings()
        ]

    # writing ---------------------------------------------------------------------
    def create(self, entity_id: str, entity_type: str, name: str, source: str,
               kb_id: str | None = None, qid: str | None = None) -> None:
        if self.cache is not None and entity_id in self.cache.exists:
            return
        dialect = postgresql if self.c.dialect.name == "postgresql" else sqlite
        self.c.execute(dialect.insert(entities).values(
            id=entity_id, type=entity_type, name=name, kb_id=kb_id, qid=qid, source=source,
            created_at=datetime.now(UTC)).on_conflict_do_nothing(index_elements=[entities.c.id]))
        if self.cache is not None:
            self.cache.exists.add(entity_id)

    def add_names(self, entity_id: str, names: Iterable[tuple[str, str]], source: str) -> None:
        existing = set(self.names(entity_id))
        rows = [{"entity_id": entity_id, "lang": lang, "name": name, "source": source}
                for lang, name in dict.fromkeys(names) if (lang, name) not in existing and name.strip()]
        if rows:
            self.c.execute(insert(entity_names), rows)
            if self.cache is not None:
                self.cache.names.setdefault(entity_id, set()).update((r["lang"], r["name"]) for r in rows)

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
            else:
                continue
            if self.cache is not None:
                self.cache.keys[key] = (entity_id, source)
        if fresh:
            self.c.execute(insert(entity_keys), fresh)

    def replace_mentions(self, article_id: str, rows: Sequence[dict[str, Any]], *, fresh: bool = False) -> None:
        """Store the article's mentions (``fresh``: it has none yet, nothing to delete)."""
        if not fresh:
            self.c.execute(delete(mentions).where(mentions.c.article_id == article_id))
        if rows:
            self.c.execute(insert(mentions), [{"article_id": article_id, **r} for r in rows])

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
