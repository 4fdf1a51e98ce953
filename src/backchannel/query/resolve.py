"""Actor names as users type them — any language, any inflection ("Путіна", "Putin", "Маска") —
to entity ids, through what linking already knows: the entity's names
(:meth:`EntityRepo.find`), surface forms seen in articles (mentions), spelling-insensitive linking
keys (:mod:`backchannel.consolidate.keys`) and the case-ending rules of the base-form stage
(:mod:`backchannel.analyze.baseform`)."""

from __future__ import annotations

from itertools import product

from sqlalchemy import Connection, func, select

from backchannel.analyze.baseform import _candidates as ending_candidates  # the base-form stage's own rules
from backchannel.consolidate.keys import key
from backchannel.errors import UsageError
from backchannel.store.entities import EntityRepo
from backchannel.store.schema import entities, mentions

TYPES = ("PER", "ORG", "LOC", "MISC")
MAX_FORMS = 16


def _variants(text: str) -> set[str]:
    return {text, text.lower(), text.capitalize(), text.title(), text.upper()}


def _most_mentioned(c: Connection, ids: set[str]) -> str | None:
    if not ids:
        return None
    if len(ids) == 1:
        return next(iter(ids))
    n = func.count(mentions.c.id)
    rows = c.execute(select(mentions.c.entity_id, n).where(mentions.c.entity_id.in_(sorted(ids)))
                     .group_by(mentions.c.entity_id)).all()
    counts = {r[0]: int(r[1]) for r in rows}
    return min(ids, key=lambda i: (-counts.get(i, 0), i))


def _by_name(c: Connection, repo: EntityRepo, name: str) -> set[str]:
    found = set(repo.find(name))
    if found:
        return found
    owners = repo.owners(key(t, name) for t in TYPES)
    if owners:
        return {repo.resolve(entity_id) for entity_id, _ in owners.values()}
    rows = c.execute(select(mentions.c.entity_id).where(mentions.c.surface.in_(_variants(name)),
                                                        mentions.c.entity_id.is_not(None)).limit(50))
    return set(repo.resolve_many({r[0] for r in rows}).values())


def base_forms(name: str) -> list[str]:
    """Nominative candidates of an inflected name, word by word ("Володимира Путіна" →
    "Володимир Путін", …), by the Russian and Ukrainian ending rules."""
    words = name.split()
    options = [[w, *dict.fromkeys(c for lang in ("ru", "uk") for c, _certain, _e in ending_candidates(w, lang))]
               for w in words]
    forms = [" ".join(p) for p in product(*options)]
    return [f for f in forms if f != name][:MAX_FORMS]


def resolve_actor(c: Connection, ref: str) -> str:
    """The entity id for an id or a name in any language and inflection; the most mentioned
    entity when a name fits several. Raises :class:`UsageError` when nothing fits."""
    repo = EntityRepo(c)
    text = " ".join(ref.split())
    for name in (text, *base_forms(text)):
        found = _most_mentioned(c, _by_name(c, repo, name))
        if found is not None:
            return found
    raise UsageError(f"no actor '{ref}'", "find names with `backchannel entities list --search NAME`")


def display_names(c: Connection, ids: set[str]) -> dict[str, str]:
    names: dict[str, str] = {}
    wanted = sorted(ids)
    for i in range(0, len(wanted), 400):
        rows = c.execute(select(entities.c.id, entities.c.name).where(entities.c.id.in_(wanted[i : i + 400])))
        names.update((r[0], r[1]) for r in rows)
    return names
