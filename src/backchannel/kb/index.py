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

    def actor_for(self, entity_type: str, name: str) -> Actor | None:
        found = self.keys.get(key(entity_type, name))
        return self.actors.get(found) if found else None


def build_index(kb: KnowledgeBase) -> KbIndex:
    owners: dict[str, set[str]] = {}
    for actor in kb.actors:
        for _lang, name in actor.all_names():
            owners.setdefault(key(actor.type, name), set()).add(actor.id)
    keys = {k: next(iter(ids)) for k, ids in owners.items() if len(ids) == 1}
    return KbIndex(actors={a.id: a for a in kb.actors}, keys=keys)
