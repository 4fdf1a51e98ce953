"""The web UI's reads: one function per page, each returning a record from ``records.py``.

This is the only module of ``web/`` that reads the store. Events, timelines, claims, contacts,
actor profiles and full-text search come from the query library (:mod:`backchannel.query`), the
same one the CLI calls; stories from the stories store; reports, articles and the curation log
are read here.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Iterator, Sequence
from contextlib import contextmanager
from typing import Any

from sqlalchemy import Connection, bindparam, case, func, select

from backchannel import query
from backchannel.errors import UsageError
from backchannel.query import EventClaims, EventFilter, EventRow
from backchannel.query.resolve import resolve_actor
from backchannel.store import Store
from backchannel.store.entities import EntityRepo
from backchannel.store.schema import (
    articles,
    curation_log,
    entities,
    event_actors,
    mentions,
    reports,
    story_articles,
)
from backchannel.store.stories import story_row
from backchannel.web.highlight import segments
from backchannel.web.records import (
    ActorHit,
    ActorPage,
    ActorRef,
    ArticleHit,
    ArticlePage,
    CorrectionView,
    Counterpart,
    CurationPage,
    EventsPage,
    EventView,
    GraphEdge,
    GraphNode,
    Home,
    LogEntry,
    NameView,
    Network,
    PairPage,
    PartyView,
    ReportView,
    RoleView,
    SearchPage,
    StoriesPage,
    StoryPage,
)

CONTACTS_SHOWN = 200
TIMELINE_SHOWN = 300
PAIR_SHOWN = 300
PAIR_EVENTS = 100
EVENTS_SHOWN = 100
STORIES_SHOWN = 100
WINDOW = 3000  # the home page ranks actors over the newest this many mentions
READ_CACHE_KB = 65536
READ_MMAP_BYTES = 1 << 30
COUNTERPARTS = 30
EDGE_CAP = 500  # a network edge counts at most its pair's newest this many events
HITS = 20
OfficesOf = Callable[[str], Sequence[RoleView]]


@contextmanager
def _read(store: Store) -> Iterator[Connection]:
    with store.batch(None) as b:
        if b.entities.c.dialect.name == "sqlite":  # pages read widely: a bigger page cache and memory-mapped reads
            b.entities.c.exec_driver_sql(f"PRAGMA cache_size=-{READ_CACHE_KB}")
            b.entities.c.exec_driver_sql(f"PRAGMA mmap_size={READ_MMAP_BYTES}")
        yield b.entities.c


class NotFound(LookupError):
    """The page's subject is not in the store (the app answers 404)."""


# actors -----------------------------------------------------------------------------------
def _refs(c: Connection, ids: Iterable[str]) -> dict[str, ActorRef]:
    wanted = list(dict.fromkeys(i for i in ids if i))
    out: dict[str, ActorRef] = {}
    for i in range(0, len(wanted), 400):
        rows = c.execute(select(entities.c.id, entities.c.name, entities.c.type).where(entities.c.id.in_(wanted[i:i + 400])))
        out.update((r[0], ActorRef(r[0], r[1], r[2])) for r in rows)
    return out


def _aliases(c: Connection, entity_id: str) -> list[str]:
    """The entity and every entity merged into it (reports keep the ids they were stored with)."""
    found, frontier = [entity_id], [entity_id]
    while frontier:
        frontier = [r[0] for r in c.execute(select(entities.c.id).where(entities.c.merged_into.in_(frontier)))]
        found += [f for f in frontier if f not in found]
    return found


def _entity(c: Connection, ref: str) -> tuple[ActorRef, list[str]]:
    repo = EntityRepo(c)
    if not repo.exists(ref):
        raise NotFound(ref)
    entity_id = repo.resolve(ref)
    actor = _refs(c, [entity_id])[entity_id]
    return actor, _aliases(c, entity_id)


def resolve(store: Store, ref: str) -> str | None:
    """The current id of an entity id (merges followed), or None when there is no such entity."""
    with _read(store) as c:
        repo = EntityRepo(c)
        return repo.resolve(ref) if repo.exists(ref) else None


# reports ----------------------------------------------------------------------------------
_EVIDENCE = func.substr(articles.c.text, reports.c.evidence_start + 1, reports.c.evidence_end - reports.c.evidence_start)


def _report_query() -> Any:
    return (select(reports, articles.c.title, articles.c.outlet, articles.c.published, articles.c.language,
                   articles.c.url, _EVIDENCE.label("evidence"))
            .select_from(reports.join(articles, articles.c.id == reports.c.article_id))
            .where(articles.c.is_current))


def _views(c: Connection, rows: Sequence[Any]) -> list[ReportView]:
    ids = [p["entity_id"] for r in rows for p in r["participants"] if p.get("entity_id")]
    ids += [s["entity_id"] for r in rows for s in r["according_to"] if s.get("entity_id")]
    current = EntityRepo(c).resolve_many(ids)
    refs = _refs(c, current.values())

    def name(entity_id: str | None, fallback: str) -> str:
        ref = refs.get(current.get(entity_id or "", ""))
        return ref.name if ref else fallback

    return [ReportView(
        r["id"], r["article_id"], r["title"], r["outlet"], r["published"], r["language"], r["url"], r["kind"],
        r["polarity"],
        _parties(r["participants"], current, name),
        tuple(name(s.get("entity_id"), s["name"]) for s in r["according_to"]),
        r["when_text"], r["when_start"], r["where_name"], " ".join(str(r["evidence"] or "").split()),
        r["evidence_start"], r["evidence_end"], float(r["confidence"]),
    ) for r in rows]


def _parties(people: Sequence[dict[str, Any]], current: dict[str, str],
             name: Callable[[str | None, str], str]) -> tuple[PartyView, ...]:
    """The participants with their current entities; two that a merge made one are shown once."""
    out: dict[str, PartyView] = {}
    for n, p in enumerate(people):
        entity_id = current.get(p["entity_id"]) if p.get("entity_id") else None
        out.setdefault(entity_id or f"#{n}", PartyView(entity_id, name(p.get("entity_id"), p["name"]), p["role"]))
    return tuple(out.values())


def report(store: Store, report_id: str) -> ReportView:
    with _read(store) as c:
        rows = c.execute(_report_query().where(reports.c.id == report_id)).mappings().all()
        if not rows:
            raise NotFound(report_id)
        return _views(c, rows)[0]


# pages ------------------------------------------------------------------------------------
def home(store: Store) -> Home:
    with _read(store) as c:
        n_articles = c.execute(select(func.count()).where(articles.c.is_current)).scalar() or 0
        n_reports = c.execute(select(func.count()).select_from(reports)).scalar() or 0
        latest = select(mentions.c.entity_id).order_by(mentions.c.id.desc()).limit(WINDOW).subquery()
        top = c.execute(select(entities.c.id, entities.c.name, entities.c.type, func.count())
                        .select_from(latest.join(entities, entities.c.id == latest.c.entity_id))
                        .where(entities.c.type == "PER", entities.c.merged_into.is_(None))
                        .group_by(entities.c.id, entities.c.name, entities.c.type)
                        .order_by(func.count().desc(), entities.c.name).limit(12)).all()
        recent = c.execute(_article_hits().order_by(articles.c.published.desc()).limit(12)).all()
    return Home(int(n_articles), int(n_reports), tuple(ActorHit(ActorRef(r[0], r[1], r[2]), int(r[3])) for r in top),
                tuple(_hit(r) for r in recent))


def _article_hits() -> Any:
    return select(articles.c.id, articles.c.title, articles.c.outlet, articles.c.published, articles.c.language,
                  func.substr(articles.c.text, 1, 160)).where(articles.c.is_current)


def _hit(r: Any) -> ArticleHit:
    return ArticleHit(r[0], r[1], r[2], r[3], r[4], " ".join(str(r[5] or "").split()))


def _actor_ids(c: Connection, text: str) -> list[str]:
    """Entities a query names: the query layer's pick (any language and inflection) first, then
    every other entity carrying the name."""
    repo = EntityRepo(c)
    try:
        found = [resolve_actor(c, text)]
    except UsageError:
        found = []
    found += repo.find(text)
    current = repo.resolve_many(found)
    return list(dict.fromkeys(current[f] for f in found))


def search(store: Store, text: str) -> SearchPage:
    """Actors by name (:func:`backchannel.query.resolve.resolve_actor`) and articles by their text
    (:func:`backchannel.query.search`: SQLite FTS5, every word, longer words as prefixes)."""
    text = " ".join(text.split())[:200]
    if not text:
        return SearchPage(text, (), ())
    hits = query.search(store, text, limit=HITS)
    with _read(store) as c:
        ids = _actor_ids(c, text)
        counts: dict[str, int] = dict(c.execute(select(mentions.c.entity_id, func.count()).where(mentions.c.entity_id.in_(ids))
                                .group_by(mentions.c.entity_id)).all()) if ids else {}
        refs = _refs(c, ids)
        found_ids = [h.article_id for h in hits]
        languages = dict(c.execute(select(articles.c.id, articles.c.language)
                                   .where(articles.c.id.in_(found_ids))).all()) if hits else {}
        in_stories = list(dict.fromkeys(c.execute(select(story_articles.c.story_id)
                                                  .where(story_articles.c.article_id.in_(found_ids))).scalars()))
        stories_found = [r for r in (story_row(c, i) for i in in_stories) if r is not None]
    first = ids[:1]
    actors = [ActorHit(refs[i], int(counts.get(i, 0))) for i in first if i in refs]
    actors += sorted((ActorHit(refs[i], int(counts.get(i, 0))) for i in ids[1:] if i in refs),
                     key=lambda h: (-h.mentions, h.actor.name))
    found = tuple(ArticleHit(h.article_id, h.title, h.outlet, h.published, str(languages.get(h.article_id, "")),
                             h.snippet) for h in hits)
    return SearchPage(text, tuple(actors[:HITS]), found, tuple(stories_found))


def _reports_in_order(c: Connection, report_ids: Sequence[str]) -> list[ReportView]:
    """The reports, in the order given."""
    if not report_ids:
        return []
    rows = c.execute(_report_query().where(reports.c.id.in_(list(report_ids)))).mappings().all()
    views = {v.id: v for v in _views(c, rows)}
    return [views[i] for i in report_ids if i in views]


def _event_views(c: Connection, found: Sequence[EventClaims]) -> list[EventView]:
    ids = {claim.article_id for e in found for claim in e.claims}
    languages = dict(c.execute(select(articles.c.id, articles.c.language).where(articles.c.id.in_(sorted(ids))))
                     .all()) if ids else {}
    return [EventView(e.event, e.claims, tuple(sorted({str(languages[x.article_id]) for x in e.claims
                                                       if x.article_id in languages})))
            for e in found]


def actor(store: Store, ref: str, offices_of: OfficesOf | None = None) -> ActorPage:
    """An actor: its names, roles (knowledge base, then the text), counterparts ranked by shared
    events, its timeline (events in the order they happened) and the reports of those events."""
    with _read(store) as c:
        me, ids = _entity(c, ref)
        row = c.execute(select(entities.c.qid, entities.c.kb_id).where(entities.c.id == me.id)).first()
        n_mentions = c.execute(select(func.count()).where(mentions.c.entity_id.in_(ids))).scalar() or 0
        names = EntityRepo(c).names(me.id)
    profile = query.actor(store, me.id, top=COUNTERPARTS)
    events = query.timeline(store, me.id, limit=TIMELINE_SHOWN)
    found = query.contacts(store, me.id, limit=CONTACTS_SHOWN)
    roles = list(offices_of(row[1])) if offices_of and row and row[1] else []
    roles += [RoleView(r.label, None, None, "text", r.count) for r in profile.roles]
    with _read(store) as c:
        refs = _refs(c, [p.key for p in profile.counterparts])
        contacts = _reports_in_order(c, [r["report_id"] for r in found])
    return ActorPage(me, row[0] if row else None, int(n_mentions), tuple(NameView(lang, name) for lang, name in names),
                     tuple(roles), tuple(Counterpart(refs[p.key], p.count) for p in profile.counterparts
                                         if p.key in refs),
                     tuple(events), max(profile.events, len(events)), tuple(contacts))


def _edge(a: str, b: str) -> tuple[str, str]:
    return (a, b) if a < b else (b, a)


def network(store: Store, ref: str, limit: int = COUNTERPARTS) -> Network:
    """The actor, its counterparts (ranked by shared events), and the events among them: an edge
    counts a pair's newest ``EDGE_CAP`` events at most (so a page over a huge store reads a bounded
    slice of the actor index) and how many of those are denied or contested."""
    with _read(store) as c:
        me, _ids = _entity(c, ref)
    profile = query.actor(store, me.id, top=limit)
    members = sorted({me.id, *(p.key for p in profile.counterparts)})
    t = event_actors
    newest = (select(t.c.status).where(t.c.entity_id == bindparam("a"), t.c.other_id == bindparam("b"))
              .order_by(t.c.sort_key.desc()).limit(EDGE_CAP).subquery())
    tally = select(func.count(), func.sum(case((newest.c.status.in_(("denied", "contested")), 1), else_=0)))
    edges: list[GraphEdge] = []
    with _read(store) as c:
        refs = _refs(c, members)
        for i, a in enumerate(members):
            for b in members[i + 1:]:
                n, disputed = c.execute(tally, {"a": a, "b": b}).one()
                if n and a in refs and b in refs:
                    edges.append(GraphEdge(a, b, int(n), int(disputed or 0)))
    nodes = tuple(GraphNode(m, refs[m].name, refs[m].type, m == me.id) for m in members if m in refs)
    return Network(nodes, tuple(edges))


def pair(store: Store, a_ref: str, b_ref: str, kind: str | None = None) -> PairPage:
    """Two actors: their events with the claims (``query.claims``) and their contact reports
    (``query.contacts``) split by polarity, in the order the contacts happened."""
    with _read(store) as c:
        a, _ = _entity(c, a_ref)
        b, _ = _entity(c, b_ref)
    found = query.contacts(store, a.id, b.id, kind=kind, limit=PAIR_SHOWN)
    claimed = [e for e in query.claims(store, actor=a.id, with_=b.id, limit=PAIR_EVENTS)
               if not kind or e.event.kind == kind]
    with _read(store) as c:
        views = tuple(_reports_in_order(c, [r["report_id"] for r in found]))
        shown = tuple(_event_views(c, claimed))
    return PairPage(a, b, kind, shown, views, *(tuple(v for v in views if v.polarity == p)
                                                for p in ("asserted", "denied", "hypothetical")))


def event(store: Store, event_id: str) -> EventView:
    """One event (id or unique prefix) with its claims."""
    try:
        found = query.claims(store, event_id=event_id)
    except UsageError as e:
        raise NotFound(event_id) from e
    with _read(store) as c:
        return _event_views(c, found)[0]


def events(store: Store, kind: str | None = None, status: str | None = None, limit: int = EVENTS_SHOWN) -> EventsPage:
    """The newest events (by when the contact happened), optionally of one kind or status."""
    rows = query.list_events(store, EventFilter(kind=kind, status=status, limit=limit,  # type: ignore[arg-type]
                                                newest_first=True))
    what = " ".join(x for x in (status, kind) if x)
    return EventsPage("Events", f"The newest {limit} {what + ' ' if what else ''}events, by when the contact "
                                "happened (else when it was first reported).", tuple(rows))


def _when_key(e: EventRow) -> str:
    return e.when_start or e.first_reported or ""


def disputed(store: Store, limit: int = EVENTS_SHOWN) -> EventsPage:
    """Contested events (one source asserts, another denies) and denied ones, newest first."""
    rows = [e for status in ("contested", "denied")
            for e in query.list_events(store, EventFilter(status=status, limit=limit, newest_first=True))]
    rows = sorted(rows, key=lambda e: (_when_key(e), e.id), reverse=True)[:limit]
    return EventsPage("Disputed", "Events that one source asserts and another denies (contested), and events "
                                  "only denied, newest first.", tuple(rows))


def stories(store: Store, limit: int = STORIES_SHOWN) -> StoriesPage:
    """The largest stories first (articles about one event, across outlets and languages)."""
    return StoriesPage(tuple(store.stories(limit=limit)))


def story(store: Store, ref: str) -> StoryPage:
    """A story's articles side by side (oldest first; copies of another article marked)."""
    found = store.story(ref)
    if found is None:
        raise NotFound(ref)
    return StoryPage(found[0], tuple(found[1]))


def article(store: Store, ref: str) -> ArticlePage:
    found = store.article(ref)
    if found is None:
        raise NotFound(ref)
    with _read(store) as c:
        rows = c.execute(select(mentions.c.start, mentions.c.end, mentions.c.entity_id, mentions.c.type)
                         .where(mentions.c.article_id == found.id).order_by(mentions.c.start)).all()
        current = EntityRepo(c).resolve_many(r[2] for r in rows if r[2])
        reps = c.execute(_report_query().where(reports.c.article_id == found.id).order_by(reports.c.evidence_start))
        views = tuple(_views(c, reps.mappings().all()))
    marks = [(r[0], r[1], current.get(r[2]) if r[2] else None, r[3]) for r in rows]
    spans = [(v.evidence_start, v.evidence_end, v.id) for v in views]
    meta = tuple((str(k), str(v)) for k, v in sorted(found.metadata.items()))
    return ArticlePage(found.id, found.title, found.outlet, found.published, found.author, found.url, found.language,
                       found.language_declared, found.source_path, found.format, tuple(found.warnings), meta,
                       segments(found.text, marks, spans), views)


def curation(store: Store, limit: int = 100) -> CurationPage:
    from backchannel.store.corrections import listing

    with _read(store) as c:
        rows = c.execute(select(curation_log).order_by(curation_log.c.id.desc()).limit(limit)).mappings().all()
        fixes = listing(c, limit)
    log = tuple(LogEntry(r["at"].isoformat(timespec="seconds") if r["at"] else "", r["op"],
                         tuple((str(k), str(v)) for k, v in dict(r["args"]).items())) for r in rows)
    return CurationPage(log, tuple(CorrectionView(f.report_id, f.article_id, f.action, f.kind, f.polarity, f.note,
                                                  f.at.isoformat(timespec="seconds")) for f in fixes))
