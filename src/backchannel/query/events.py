"""Events, timelines, claims and contact reports, read through the store's event index."""

from __future__ import annotations

from collections.abc import Iterator, Sequence
from contextlib import contextmanager
from dataclasses import dataclass, replace
from typing import Any

from sqlalchemy import Connection, and_, func, select

from backchannel.errors import UsageError
from backchannel.model import ContactKind, EventStatus
from backchannel.query.records import Actor, Claim, EventClaims, EventRow
from backchannel.query.resolve import display_names, resolve_actor
from backchannel.store import Store
from backchannel.store.schema import (
    articles,
    event_actors,
    event_reports,
    events,
    reports,
)


@contextmanager
def reading(store: Store) -> Iterator[Connection]:
    with store.batch(None) as b:
        yield b.entities.c


@dataclass(frozen=True, slots=True)
class EventFilter:
    """Which events: of an actor (and another), in a time range (``since``/``until`` are ISO
    prefixes compared with when the contact happened), of a kind, with a status."""

    actor: str | None = None
    with_: str | None = None
    since: str | None = None
    until: str | None = None
    kind: ContactKind | None = None
    status: EventStatus | None = None
    limit: int = 100
    newest_first: bool = False


def _until_key(until: str) -> str:
    return until + "\uffff"  # "2024" includes every date of 2024


def _event_ids(c: Connection, f: EventFilter, offset: int = 0) -> list[str]:
    if f.with_ and not f.actor:
        raise UsageError("--with needs an actor", "name the first actor too")
    if f.actor:
        actor = resolve_actor(c, f.actor)
        other = resolve_actor(c, f.with_) if f.with_ else ""
        t = event_actors
        q = select(t.c.event_id).where(t.c.entity_id == actor, t.c.other_id == other)
        key, kind, status = t.c.sort_key, t.c.kind, t.c.status
    else:
        q = select(events.c.id)
        key, kind, status = events.c.sort_key, events.c.kind, events.c.status
    if f.since:
        q = q.where(key >= f.since)
    if f.until:
        q = q.where(key <= _until_key(f.until))
    if f.kind:
        q = q.where(kind == f.kind)
    if f.status:
        q = q.where(status == f.status)
    q = q.order_by(key.desc() if f.newest_first else key, q.selected_columns[0]).limit(f.limit).offset(offset)
    return list(c.execute(q).scalars())


def _rows(c: Connection, ids: Sequence[str]) -> list[EventRow]:
    if not ids:
        return []
    found = {r["id"]: r for r in c.execute(select(events).where(events.c.id.in_(list(ids)))).mappings()}
    names = display_names(c, {p for r in found.values() for p in r["participants"]})
    return [
        EventRow(id=r["id"], kind=r["kind"], participants=tuple(Actor(p, names.get(p, p)) for p in r["participants"]),
                 when_start=r["when_start"], when_end=r["when_end"], precision=r["when_precision"],
                 status=r["status"], sources=r["sources"], reports=r["report_count"], outlets=tuple(r["outlets"]),
                 first_reported=r["first_reported"], last_reported=r["last_reported"])
        for r in (found[i] for i in ids if i in found)
    ]


def list_events(store: Store, f: EventFilter) -> list[EventRow]:
    """Events matching the filter, in the order the contacts happened (newest first on request)."""
    with reading(store) as c:
        return _rows(c, _event_ids(c, f))


def timeline(store: Store, actor: str, with_: str | None = None, limit: int = 500) -> list[EventRow]:
    """An actor's (or a pair's) contacts ordered by when they happened, not when they were published."""
    return list_events(store, EventFilter(actor=actor, with_=with_, limit=limit))


def event(store: Store, event_id: str) -> EventRow:
    with reading(store) as c:
        ids = [event_id] if c.execute(select(events.c.id).where(events.c.id == event_id)).first() else list(
            c.execute(select(events.c.id).where(events.c.id.startswith(event_id, autoescape=True)).limit(2)).scalars())
        if len(ids) != 1:
            raise UsageError(f"no event '{event_id}'", "list events with `backchannel events`")
        return _rows(c, ids)[0]


def _claims(c: Connection, event_id: str) -> tuple[Claim, ...]:
    evidence = func.substr(articles.c.text, reports.c.evidence_start + 1, reports.c.evidence_end - reports.c.evidence_start)
    q = (select(reports.c.id, reports.c.polarity, reports.c.kind, reports.c.according_to, reports.c.when_text,
                evidence.label("evidence"), event_reports.c.voice, articles.c.id.label("article_id"), articles.c.title,
                articles.c.outlet, articles.c.url, articles.c.published, articles.c.source_path)
         .select_from(event_reports.join(reports, reports.c.id == event_reports.c.report_id)
                      .join(articles, articles.c.id == reports.c.article_id))
         .where(event_reports.c.event_id == event_id)
         .order_by(reports.c.polarity, articles.c.published, reports.c.id))
    rows = c.execute(q).mappings().all()
    names = display_names(c, {s["entity_id"] for r in rows for s in r["according_to"] if s.get("entity_id")})
    return tuple(
        Claim(report_id=r["id"], polarity=r["polarity"], kind=r["kind"], voice=r["voice"],
              according_to=tuple(names.get(s["entity_id"] or "", s["name"]) for s in r["according_to"]),
              when_text=r["when_text"], evidence=" ".join((r["evidence"] or "").split()), article_id=r["article_id"],
              title=r["title"], outlet=r["outlet"], url=r["url"], published=r["published"], source_path=r["source_path"])
        for r in rows
    )


def claims(store: Store, event_id: str | None = None, actor: str | None = None, with_: str | None = None,
           limit: int = 50) -> list[EventClaims]:
    """For one event, or every event of an actor pair: who asserts, denies or plans it, quoted, with
    the articles — each report kept as its source said it."""
    if event_id:
        found = [event(store, event_id)]
    elif actor and with_:
        found = list_events(store, EventFilter(actor=actor, with_=with_, limit=limit))
    else:
        raise UsageError("claims need an event id or two actors")
    with reading(store) as c:
        return [EventClaims(e, _claims(c, e.id)) for e in found]


def contacts(store: Store, actor: str | None = None, with_: str | None = None, *, since: str | None = None,
             until: str | None = None, kind: str | None = None, status: str | None = None,
             limit: int = 100) -> list[dict[str, Any]]:
    """Contact reports (the ``export contacts`` shape plus ``event_id`` and ``status``).

    Of an actor (and another): the reports of their events, in the order the contacts happened,
    filtered on the event (``since``/``until`` compare with when it happened, ``kind``, ``status``).
    Without an actor: every report, oldest article first, filtered likewise."""
    from backchannel.store.reports import iter_contact_records

    with reading(store) as c:
        if actor:
            ids = _reports_of_events(c, EventFilter(actor=actor, with_=with_, since=since, until=until,
                                                    kind=kind, status=status, limit=limit), limit)  # type: ignore[arg-type]
        elif with_:
            raise UsageError("--with needs an actor", "name the first actor too")
        else:
            ids = _report_ids(c, since, until, kind, status, limit)
        if not ids:
            return []
        found = {r["report_id"]: r for r in iter_contact_records(c, report_ids=ids)}
        rows = c.execute(select(event_reports.c.report_id, events.c.id, events.c.status)
                         .join(events, events.c.id == event_reports.c.event_id)
                         .where(event_reports.c.report_id.in_(ids)))
        event_of = {r[0]: (r[1], r[2]) for r in rows}
        return [{**found[rid], "event_id": event_of.get(rid, (None, None))[0],
                 "status": event_of.get(rid, (None, None))[1]} for rid in ids if rid in found]


def _reports_of_events(c: Connection, f: EventFilter, limit: int) -> list[str]:
    """The reports of the filter's events, event after event, until ``limit`` reports."""
    out: list[str] = []
    offset = 0
    while len(out) < limit:
        page = _event_ids(c, replace(f, limit=limit), offset)
        if not page:
            break
        rows = c.execute(select(event_reports.c.event_id, event_reports.c.report_id)
                         .where(event_reports.c.event_id.in_(page))).all()
        members: dict[str, list[str]] = {}
        for event_id, report_id in rows:
            members.setdefault(event_id, []).append(report_id)
        for event_id in page:
            out += sorted(members.get(event_id, []), key=_report_order)
        offset += len(page)
    return out[:limit]


def _report_order(report_id: str) -> tuple[str, int]:
    article, _, n = report_id.rpartition("-")
    return article, int(n) if n.isdigit() else 0


def _report_ids(c: Connection, since: str | None, until: str | None, kind: str | None, status: str | None,
                limit: int) -> list[str]:
    joined = reports.join(articles, articles.c.id == reports.c.article_id)
    if status:
        joined = joined.join(event_reports, event_reports.c.report_id == reports.c.id).join(
            events, and_(events.c.id == event_reports.c.event_id, events.c.status == status))
    happened = func.coalesce(reports.c.when_start, articles.c.published, "")
    q = select(reports.c.id).select_from(joined).where(articles.c.is_current)
    if since:
        q = q.where(happened >= since)
    if until:
        q = q.where(happened <= _until_key(until))
    if kind:
        q = q.where(reports.c.kind == kind)
    q = q.order_by(func.coalesce(articles.c.published, ""), reports.c.article_id, reports.c.id).limit(limit)
    return list(c.execute(q).scalars())
