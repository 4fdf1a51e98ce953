"""One actor at a glance: names per language, roles, counterparts ranked, contacts per year."""

from __future__ import annotations

from collections import Counter

from sqlalchemy import func, select

from backchannel.errors import UsageError
from backchannel.query.events import reading
from backchannel.query.records import ActorProfile, Count
from backchannel.query.resolve import display_names, resolve_actor
from backchannel.store import Store
from backchannel.store.entities import EntityRepo
from backchannel.store.schema import entities, event_actors, mentions

ROLE_SAMPLE = 2000
"""Roles are counted over the actor's newest mentions (bounded, so the query stays fast)."""


def actor(store: Store, ref: str, top: int = 10) -> ActorProfile:
    with reading(store) as c:
        entity_id = resolve_actor(c, ref)
        row = c.execute(select(entities.c.name, entities.c.type).where(entities.c.id == entity_id)).first()
        if row is None:  # pragma: no cover - resolve_actor returns stored entities
            raise UsageError(f"no actor '{ref}'")
        recent = (select(mentions.c.role).where(mentions.c.entity_id == entity_id)
                  .order_by(mentions.c.id.desc()).limit(ROLE_SAMPLE)).subquery()
        roles: Counter[str] = Counter(str(r) for r in c.execute(select(recent.c.role)).scalars() if r)
        n = func.count()
        t = event_actors
        partners = c.execute(select(t.c.other_id, n).where(t.c.entity_id == entity_id, t.c.other_id != "")
                             .group_by(t.c.other_id).order_by(n.desc(), t.c.other_id).limit(top)).all()
        year = func.substr(t.c.sort_key, 1, 4)
        years = c.execute(select(year, n).where(t.c.entity_id == entity_id, t.c.other_id == "")
                          .group_by(year).order_by(year)).all()
        names = display_names(c, {p[0] for p in partners})
        return ActorProfile(
            id=entity_id, name=row[0], type=row[1], names=tuple(EntityRepo(c).names(entity_id)),
            roles=tuple(Count(r, r, k) for r, k in roles.most_common(top)),
            counterparts=tuple(Count(str(p[0]), names.get(str(p[0]), str(p[0])), int(p[1])) for p in partners),
            per_year=tuple(Count(y[0] or "?", y[0] or "unknown", int(y[1])) for y in years),
            events=sum(int(y[1]) for y in years),
        )
