"""The web UI's reads: one function per page, each returning a record from ``records.py``.

This is the only module of ``web/`` that queries the store. Contacts are read from the contact
reports (``reports``/``report_participants``); when consolidated events, stories and claims are
stored, the functions for those pages switch to them here and nothing else changes.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Iterator, Sequence
from contextlib import contextmanager
from typing import Any

from sqlalchemy import Connection, and_, func, literal_column, or_, select

from backchannel.consolidate.keys import key
from backchannel.store import Store
from backchannel.store.entities import EntityRepo
from backchannel.store.schema import (
    articles,
    curation_log,
    entities,
    entity_names,
    mentions,
    report_participants,
    reports,
)
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
    GraphEdge,
    GraphNode,
    GroupsPage,
    Home,
    LogEntry,
    NameView,
    Network,
    PairPage,
    PartyView,
    ReportGroup,
    ReportView,
    RoleView,
    SearchPage,
)

CONTACTS_SHOWN = 200
PAIR_SHOWN = 300
WINDOW = 3000
GROUP_WINDOW = 5000
TEXT_WINDOW = 20000  # article text is searched in the newest this many articles (a scan: no full-text index yet)
READ_CACHE_KB = 65536
READ_MMAP_BYTES = 1 << 30
COUNTERPARTS = 30
HITS = 20
TYPES = ("PER", "ORG", "LOC", "MISC")
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
def _variants(text: str) -> set[str]:
    return {text, text.lower(), text.capitalize(), text.title(), text.upper()}


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
_DATE = func.coalesce(reports.c.when_start, articles.c.published, "")


def _report_query() -> Any:
    return (select(reports, articles.c.title, articles.c.outlet, articles.c.published, articles.c.language,
                   articles.c.url, _EVIDENCE.label("evidence"))
            .select_from(reports.join(articles, articles.c.id == reports.c.article_id))
            .where(articles.c.is_current))


def _with_entity(ids: Sequence[str]) -> Any:
    return select(report_participants.c.report_id).where(report_participants.c.entity_id.in_(list(ids)))


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


def _stems(text: str) -> list[str]:
    """Each word of a name cut to a stem that its inflected forms share (Путина, Путіним → Путин, Путін)."""
    words = [w for w in text.split() if w]
    return [w[: max(4, len(w) - 2)] if len(w) > 4 else w for w in words]


def _actor_ids(c: Connection, query: str) -> list[str]:
    """Entities a query names: an id, an exact name, a spelling-insensitive key, or a name whose
    words start like the query's words (any case, any inflection)."""
    repo = EntityRepo(c)
    found = list(repo.find(query))
    owners = repo.owners(key(t, query) for t in TYPES)
    found += [owner for owner, _ in owners.values()]
    stems = _stems(query)
    if stems:
        cond = and_(*(or_(*(part for v in _variants(s) for part in (
            entity_names.c.name.startswith(v, autoescape=True), entity_names.c.name.contains(" " + v, autoescape=True))))
            for s in stems))
        found += [r[0] for r in c.execute(select(entity_names.c.entity_id).where(cond).distinct().limit(200))]
    current = repo.resolve_many(found)
    return list(dict.fromkeys(current[f] for f in found))


def search(store: Store, query: str) -> SearchPage:
    query = " ".join(query.split())[:200]
    if not query:
        return SearchPage(query, (), ())
    with _read(store) as c:
        ids = _actor_ids(c, query)
        counts: dict[str, int] = dict(c.execute(select(mentions.c.entity_id, func.count()).where(mentions.c.entity_id.in_(ids))
                                .group_by(mentions.c.entity_id)).all()) if ids else {}
        refs = _refs(c, ids)
        actors = sorted((ActorHit(refs[i], int(counts.get(i, 0))) for i in ids if i in refs),
                        key=lambda h: (-h.mentions, h.actor.name))[:HITS]
        variants = _variants(query)
        cond = or_(*(articles.c.text.contains(v, autoescape=True) for v in variants),
                   *(articles.c.title.contains(v, autoescape=True) for v in variants))
        hits = _article_hits().where(cond)
        oldest = c.execute(select(articles.c.published).where(articles.c.is_current)
                           .order_by(articles.c.published.desc()).offset(TEXT_WINDOW - 1).limit(1)).scalar()
        if oldest:  # a large store: only the newest TEXT_WINDOW articles (by date) are scanned
            hits = hits.where(articles.c.published >= oldest)
        rows = c.execute(hits.order_by(articles.c.published.desc()).limit(HITS)).all()
    return SearchPage(query, tuple(actors), tuple(_hit(r) for r in rows))


def _newest(c: Connection, table: Any) -> Any:
    """Newest rows first: SQLite's rowid (insertion order, which an index on the filtered column
    keeps, so a LIMIT stops early); the first primary-key column elsewhere."""
    if c.dialect.name == "sqlite":
        return literal_column(f"{table.name}.rowid").desc()
    return list(table.primary_key.columns)[0].desc()


def _latest_reports(c: Connection, ids: Sequence[str], limit: int) -> list[str]:
    """The ids of the newest ``limit`` reports in which one of ``ids`` takes part."""
    q = (select(report_participants.c.report_id).where(report_participants.c.entity_id.in_(list(ids)))
         .order_by(_newest(c, report_participants)).limit(limit))
    return list(dict.fromkeys(r[0] for r in c.execute(q)))


def _roles(c: Connection, ids: Sequence[str], offices_of: OfficesOf | None, kb_id: str | None) -> list[RoleView]:
    roles = list(offices_of(kb_id)) if offices_of and kb_id else []
    recent = (select(mentions.c.role).where(mentions.c.entity_id.in_(list(ids)))
              .order_by(mentions.c.id.desc()).limit(WINDOW).subquery())
    rows = c.execute(select(recent.c.role, func.count()).where(recent.c.role.is_not(None))
                     .group_by(recent.c.role).order_by(func.count().desc()).limit(12))
    return roles + [RoleView(str(r[0]), None, None, "text", int(r[1])) for r in rows]


def _articles_of(c: Connection, article_ids: Iterable[str]) -> dict[str, str]:
    """Publication date ("" when undated) of each of these articles that is current."""
    wanted = list(dict.fromkeys(article_ids))
    out: dict[str, str] = {}
    for i in range(0, len(wanted), 900):
        rows = c.execute(select(articles.c.id, articles.c.published)
                         .where(articles.c.id.in_(wanted[i:i + 900]), articles.c.is_current))
        out.update((r[0], r[1] or "") for r in rows)
    return out


def _counterparts(c: Connection, ids: Sequence[str], window: Sequence[str], limit: int) -> list[Counterpart]:
    """Who else takes part in the reports ``window``, ranked by how many."""
    rows = c.execute(
        select(report_participants.c.entity_id, reports.c.id, reports.c.polarity, reports.c.when_start,
               reports.c.article_id)
        .select_from(report_participants.join(reports, reports.c.id == report_participants.c.report_id))
        .where(report_participants.c.report_id.in_(list(window)),
               report_participants.c.entity_id.not_in(list(ids)))).all()
    published = _articles_of(c, (r[4] for r in rows))
    current = EntityRepo(c).resolve_many(r[0] for r in rows)
    tally: dict[str, dict[str, Any]] = {}
    for entity_id, report_id, polarity, when, article_id in rows:
        target = current[entity_id]
        if target in ids or article_id not in published:
            continue
        acc = tally.setdefault(target, {"reports": set(), "asserted": 0, "denied": 0, "hypothetical": 0, "last": ""})
        if report_id not in acc["reports"]:
            acc["reports"].add(report_id)
            acc[polarity] = acc.get(polarity, 0) + 1
            acc["last"] = max(acc["last"], when or published[article_id])
    refs = _refs(c, tally)
    ranked = sorted((k for k in tally if k in refs), key=lambda k: (-len(tally[k]["reports"]), refs[k].name))[:limit]
    return [Counterpart(refs[k], len(tally[k]["reports"]), tally[k]["asserted"], tally[k]["denied"],
                        tally[k]["hypothetical"], tally[k]["last"] or None) for k in ranked]


def _reports_by_id(c: Connection, report_ids: Sequence[str]) -> list[ReportView]:
    """The reports, oldest first (by when they happened, else when published; undated last)."""
    rows = c.execute(_report_query().where(reports.c.id.in_(list(report_ids)))).mappings().all()
    return sorted(_views(c, rows), key=lambda v: (not v.date, v.date, v.id))


def actor(store: Store, ref: str, offices_of: OfficesOf | None = None) -> ActorPage:
    """An actor; counterparts are ranked over its newest WINDOW reports, the newest CONTACTS_SHOWN are listed."""
    with _read(store) as c:
        me, ids = _entity(c, ref)
        row = c.execute(select(entities.c.qid, entities.c.kb_id).where(entities.c.id == me.id)).first()
        n_mentions = c.execute(select(func.count()).where(mentions.c.entity_id.in_(ids))).scalar() or 0
        names = EntityRepo(c).names(me.id)
        counted = func.count(func.distinct(report_participants.c.report_id)) if len(ids) > 1 else func.count()
        total = c.execute(select(counted).where(report_participants.c.entity_id.in_(ids))).scalar() or 0
        window = _latest_reports(c, ids, WINDOW)
        contacts = _reports_by_id(c, window[:CONTACTS_SHOWN])
        return ActorPage(me, row[0] if row else None, int(n_mentions),
                         tuple(NameView(lang, name) for lang, name in names),
                         tuple(_roles(c, ids, offices_of, row[1] if row else None)),
                         tuple(_counterparts(c, ids, window, COUNTERPARTS)), tuple(contacts), int(total), WINDOW)


def _edge(a: str, b: str) -> tuple[str, str]:
    return (a, b) if a < b else (b, a)


def network(store: Store, ref: str, limit: int = COUNTERPARTS) -> Network:
    """The actor, its most frequent counterparts, and the contacts among them (over its newest WINDOW reports)."""
    with _read(store) as c:
        me, ids = _entity(c, ref)
        window = _latest_reports(c, ids, WINDOW)
        around = _counterparts(c, ids, window, limit)
        members = {me.id: me, **{p.actor.id: p.actor for p in around}}
        edges = {_edge(me.id, p.actor.id): [p.reports, p.denied] for p in around}
        others = [p.actor.id for p in around]
        if len(others) > 1:
            a, b = report_participants.alias("a"), report_participants.alias("b")
            q = (select(a.c.entity_id, b.c.entity_id, reports.c.polarity)
                 .select_from(a.join(b, and_(a.c.report_id == b.c.report_id, a.c.entity_id < b.c.entity_id))
                              .join(reports, reports.c.id == a.c.report_id))
                 .where(a.c.report_id.in_(window), a.c.entity_id.in_(others), b.c.entity_id.in_(others)))
            for x, y, polarity in c.execute(q).all():
                acc = edges.setdefault(_edge(x, y), [0, 0])
                acc[0] += 1
                acc[1] += polarity == "denied"
    nodes = tuple(GraphNode(m.id, m.name, m.type, m.id == me.id) for m in members.values())
    return Network(nodes, tuple(GraphEdge(s, t, v[0], v[1]) for (s, t), v in sorted(edges.items())))


def pair(store: Store, a_ref: str, b_ref: str, kind: str | None = None) -> PairPage:
    """The newest PAIR_SHOWN reports in which both actors take part, oldest first."""
    with _read(store) as c:
        a, a_ids = _entity(c, a_ref)
        b, b_ids = _entity(c, b_ref)
        x, y = report_participants.alias("x"), report_participants.alias("y")
        q = (select(x.c.report_id).select_from(x.join(y, and_(y.c.report_id == x.c.report_id, y.c.entity_id.in_(b_ids))))
             .where(x.c.entity_id.in_(a_ids)).order_by(_newest(c, x)).limit(PAIR_SHOWN))
        if kind:
            q = q.where(x.c.report_id.in_(select(reports.c.id).where(reports.c.kind == kind)))
        views = tuple(_reports_by_id(c, [r[0] for r in c.execute(q)]))
    return PairPage(a, b, kind, views, *(tuple(v for v in views if v.polarity == p)
                                         for p in ("asserted", "denied", "hypothetical")))


def _groups(c: Connection) -> list[ReportGroup]:
    """The newest GROUP_WINDOW reports grouped by (pair of participants, kind), newest group first."""
    window = [r[0] for r in c.execute(select(reports.c.id).order_by(_newest(c, reports)).limit(GROUP_WINDOW))]
    x, y = report_participants.alias("x"), report_participants.alias("y")
    rows = c.execute(
        select(x.c.entity_id, y.c.entity_id, reports.c.kind, reports.c.polarity, _DATE, articles.c.outlet,
               articles.c.language)
        .select_from(x.join(y, and_(x.c.report_id == y.c.report_id, x.c.entity_id < y.c.entity_id))
                     .join(reports, reports.c.id == x.c.report_id).join(articles, articles.c.id == reports.c.article_id))
        .where(x.c.report_id.in_(window), articles.c.is_current)).all()
    current = EntityRepo(c).resolve_many([r[0] for r in rows] + [r[1] for r in rows])
    refs = _refs(c, current.values())
    tally: dict[tuple[str, str, str], dict[str, Any]] = {}
    for a, b, kind, polarity, date, outlet, language in rows:
        a, b = _edge(current[a], current[b])
        if a == b or a not in refs or b not in refs:
            continue
        acc = tally.setdefault((a, b, kind), {"n": 0, "asserted": 0, "denied": 0, "hypothetical": 0, "dates": [],
                                              "outlets": set(), "languages": set()})
        acc["n"] += 1
        acc[polarity] = acc.get(polarity, 0) + 1
        acc["dates"].append(date or "")
        acc["outlets"].update([outlet] if outlet else [])
        acc["languages"].add(language)
    groups = [ReportGroup(refs[a], refs[b], kind, v["n"], v["asserted"], v["denied"], v["hypothetical"],
                          tuple(sorted(v["outlets"])), tuple(sorted(v["languages"])),
                          min((d for d in v["dates"] if d), default=None), max(v["dates"]) or None)
              for (a, b, kind), v in tally.items()]
    return sorted(groups, key=lambda g: (g.last or "", g.reports), reverse=True)


def events(store: Store, limit: int = 100) -> GroupsPage:
    with _read(store) as c:
        groups = _groups(c)[:limit]
    return GroupsPage(False, "No consolidated events yet: the newest contact reports are shown grouped by pair "
                             f"and kind (up to {GROUP_WINDOW:,} reports).", tuple(groups))


def disputed(store: Store, limit: int = 100) -> GroupsPage:
    """Pairs and kinds of contact that one source asserts and another denies, newest first."""
    with _read(store) as c:
        groups = [g for g in _groups(c) if g.asserted and g.denied][:limit]
    return GroupsPage(False, "From reports: a pair and kind of contact with both asserted and denied reports "
                             f"(among the newest {GROUP_WINDOW:,} reports).", tuple(groups))


def stories(store: Store, limit: int = 50) -> GroupsPage:
    del store, limit
    return GroupsPage(False, "No stories yet: articles are not grouped into stories in this store.", ())


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
