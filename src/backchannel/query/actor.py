"""One actor at a glance: names per language, roles, counterparts ranked, contacts per year."""

from __future__ import annotations

from collections import Counter

from sqlalchemy import Connection, func, select

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
        years = _per_year(c, entity_id)
        names = display_names(c, {p[0] for p in partners})
        return ActorProfile(
            id=entity_id, name=row[0], type=row[1], names=tuple(EntityRepo(c).names(entity_id)),
            roles=tuple(Count(r, r, k) for r, k in roles.most_common(top)),
            counterparts=tuple(Count(str(p[0]), names.get(str(p[0]), str(p[0])), int(p[1])) for p in partners),
            per_year=tuple(Count(y or "?", y or "unknown", k) for y, k in years),
            events=sum(k for _, k in years),
        )


def _per_year(c: Connection, entity_id: str) -> list[tuple[str, int]]:
    """Events per year, as one index range count per year (no grouping over every event)."""
    t = event_actors
    mine = (t.c.entity_id == entity_id, t.c.other_id == "")
    first, last = c.execute(select(func.min(t.c.sort_key), func.max(t.c.sort_key)).where(*mine)).one()
    if first is None:
        return []
    out: list[tuple[str, int]] = []
    undated = c.execute(select(func.count()).where(*mine, t.c.sort_key < "0")).scalar() or 0
    if undated:
        out.append(("", int(undated)))
    dated = [y for y in (first, last) if y and y[:4].isdigit()]
    for year in range(int(dated[0][:4]), int(dated[-1][:4]) + 1) if dated else ():
        n = c.execute(select(func.count()).where(*mine, t.c.sort_key >= f"{year:04d}",
                                                 t.c.sort_key < f"{year + 1:04d}")).scalar() or 0
        if n:
            out.append((f"{year:04d}", int(n)))
    return out
