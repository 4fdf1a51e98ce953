"""A lookup index over the knowledge base: linking key → actor id (ambiguous keys dropped)."""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass

from backchannel.consolidate.keys import key
from backchannel.kb.model import Actor, KnowledgeBase


@dataclass(frozen=True, slots=True)
class KbIndex:
    actors: Mapping[str, Actor]
    keys: Mapping[str, str]

    def actor_for_key(self, linking_key: str) -> Actor | None:
        """The actor whose names give ``linking_key`` (see :func:`backchannel.consolidate.keys.key`), if one does."""
        found = self.keys.get(linking_key)
        return self.actors.get(found) if found else None


def build_index(kb: KnowledgeBase) -> KbIndex:
    owners: dict[str, set[str]] = {}
    for actor in kb.actors:
        for _lang, name in actor.all_names():
            owners.setdefault(key(actor.type, name), set()).add(actor.id)
    keys = {k: next(iter(ids)) for k, ids in owners.items() if len(ids) == 1}
    return KbIndex(actors={a.id: a for a in kb.actors}, keys=keys)
