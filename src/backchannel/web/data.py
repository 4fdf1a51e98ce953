"""The web UI's reads: one function per page, each returning a record from ``records.py``.

This is the only module of ``web/`` that queries the store. Contacts are read from the contact
reports (``reports``/``report_participants``); when consolidated events, stories and claims are
stored, the functions for those pages switch to them here and nothing else changes.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Iterator, Sequence
from contextlib import contextmanager
from typing import Any

from sqlalchemy import Connection, and_, case, func, literal, or_, select

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
COUNTERPARTS = 30
HITS = 20
TYPES = ("PER", "ORG", "LOC", "MISC")
OfficesOf = Callable[[str], Sequence[RoleView]]


@contextmanager
def _read(store: Store) -> Iterator[Connection]:
    with store.batch(None) as b:
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
        tuple(PartyView(current.get(p["entity_id"]) if p.get("entity_id") else None, name(p.get("entity_id"), p["name"]),
                        p["role"]) for p in r["participants"]),
        tuple(name(s.get("entity_id"), s["name"]) for s in r["according_to"]),
        r["when_text"], r["when_start"], r["where_name"], " ".join(str(r["evidence"] or "").split()),
        r["evidence_start"], r["evidence_end"], float(r["confidence"]),
    ) for r in rows]


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
        top = EntityRepo(c).listing(entity_type="PER", search=None, limit=12)
        recent = c.execute(_article_hits().order_by(articles.c.published.desc()).limit(12)).all()
    return Home(int(n_articles), int(n_reports),
                tuple(ActorHit(ActorRef(r.id, r.name, r.type), r.mentions) for r in top),
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
        rows = c.execute(_article_hits().where(cond).order_by(articles.c.published.desc()).limit(HITS)).all()
    return SearchPage(query, tuple(actors), tuple(_hit(r) for r in rows))


def _roles(c: Connection, ids: Sequence[str], offices_of: OfficesOf | None, kb_id: str | None) -> list[RoleView]:
    roles = list(offices_of(kb_id)) if offices_of and kb_id else []
    rows = c.execute(select(mentions.c.role, func.count()).where(mentions.c.entity_id.in_(list(ids)),
                                                                 mentions.c.role.is_not(None))
                     .group_by(mentions.c.role).order_by(func.count().desc()).limit(12))
    return roles + [RoleView(str(r[0]), None, None, "text", int(r[1])) for r in rows]


def _counterparts(c: Connection, ids: Sequence[str], limit: int) -> list[Counterpart]:
    other = report_participants.alias("other")
    mine = report_participants.alias("mine")
    q = (select(other.c.entity_id, func.count(func.distinct(reports.c.id)),
                func.sum(case((reports.c.polarity == "asserted", 1), else_=0)),
                func.sum(case((reports.c.polarity == "denied", 1), else_=0)),
                func.sum(case((reports.c.polarity == "hypothetical", 1), else_=0)),
                func.max(_DATE))
         .select_from(mine.join(other, and_(other.c.report_id == mine.c.report_id, other.c.entity_id.not_in(list(ids))))
                      .join(reports, reports.c.id == mine.c.report_id)
                      .join(articles, articles.c.id == reports.c.article_id))
         .where(mine.c.entity_id.in_(list(ids)), articles.c.is_current)
         .group_by(other.c.entity_id).order_by(func.count(func.distinct(reports.c.id)).desc()).limit(limit * 2))
    rows = c.execute(q).all()
    current = EntityRepo(c).resolve_many(r[0] for r in rows)
    refs = _refs(c, current.values())
    merged: dict[str, list[Any]] = {}
    for r in rows:
        target = current[r[0]]
        if target in ids or target not in refs:
            continue
        acc = merged.setdefault(target, [0, 0, 0, 0, ""])
        for i in range(4):
            acc[i] += int(r[i + 1] or 0)
        acc[4] = max(acc[4], r[5] or "")
    ranked = sorted(merged.items(), key=lambda kv: (-kv[1][0], refs[kv[0]].name))[:limit]
    return [Counterpart(refs[k], v[0], v[1], v[2], v[3], v[4] or None) for k, v in ranked]


def actor(store: Store, ref: str, offices_of: OfficesOf | None = None) -> ActorPage:
    with _read(store) as c:
        me, ids = _entity(c, ref)
        row = c.execute(select(entities.c.qid, entities.c.kb_id).where(entities.c.id == me.id)).first()
        n_mentions = c.execute(select(func.count()).where(mentions.c.entity_id.in_(ids))).scalar() or 0
        names = EntityRepo(c).names(me.id)
        total = c.execute(select(func.count(func.distinct(report_participants.c.report_id)))
                          .where(report_participants.c.entity_id.in_(ids))).scalar() or 0
        latest = c.execute(_report_query().where(reports.c.id.in_(_with_entity(ids)))
                           .order_by(_DATE.desc(), reports.c.id).limit(CONTACTS_SHOWN)).mappings().all()
        contacts = sorted(_views(c, latest), key=lambda v: (not v.date, v.date, v.id))  # undated last
        return ActorPage(me, row[0] if row else None, int(n_mentions),
                         tuple(NameView(lang, name) for lang, name in names),
                         tuple(_roles(c, ids, offices_of, row[1] if row else None)),
                         tuple(_counterparts(c, ids, COUNTERPARTS)), tuple(contacts), int(total))


def _edge(a: str, b: str) -> tuple[str, str]:
    return (a, b) if a < b else (b, a)


def network(store: Store, ref: str, limit: int = COUNTERPARTS) -> Network:
    """The actor, its most frequent counterparts, and the contacts among them."""
    with _read(store) as c:
        me, ids = _entity(c, ref)
        around = _counterparts(c, ids, limit)
        members = {me.id: me, **{p.actor.id: p.actor for p in around}}
        edges: dict[tuple[str, str], list[int]] = {}
        for p in around:
            edges[_edge(me.id, p.actor.id)] = [p.reports, p.denied]
        others = [p.actor.id for p in around]
        if len(others) > 1:
            a, b = report_participants.alias("a"), report_participants.alias("b")
            q = (select(a.c.entity_id, b.c.entity_id, func.count(), func.sum(case((reports.c.polarity == "denied", 1), else_=0)))
                 .select_from(a.join(b, and_(a.c.report_id == b.c.report_id, a.c.entity_id < b.c.entity_id))
                              .join(reports, reports.c.id == a.c.report_id))
                 .where(a.c.entity_id.in_(others), b.c.entity_id.in_(others))
                 .group_by(a.c.entity_id, b.c.entity_id))
            for x, y, n, denied in c.execute(q).all():
                acc = edges.setdefault(_edge(x, y), [0, 0])
                acc[0] += int(n)
                acc[1] += int(denied or 0)
    nodes = tuple(GraphNode(m.id, m.name, m.type, m.id == me.id) for m in members.values())
    return Network(nodes, tuple(GraphEdge(s, t, v[0], v[1]) for (s, t), v in sorted(edges.items())))


def pair(store: Store, a_ref: str, b_ref: str, kind: str | None = None) -> PairPage:
    with _read(store) as c:
        a, a_ids = _entity(c, a_ref)
        b, b_ids = _entity(c, b_ref)
        q = _report_query().where(reports.c.id.in_(_with_entity(a_ids)), reports.c.id.in_(_with_entity(b_ids)))
        if kind:
            q = q.where(reports.c.kind == kind)
        rows = c.execute(q.order_by(_DATE, reports.c.id).limit(1000)).mappings().all()
        views = tuple(_views(c, rows))
    return PairPage(a, b, kind, views, *(tuple(v for v in views if v.polarity == p)
                                         for p in ("asserted", "denied", "hypothetical")))


def _groups(c: Connection, where: Any, limit: int, having: Any = None) -> list[ReportGroup]:
    """Reports grouped by (pair of participants, kind), newest first."""
    a, b = report_participants.alias("a"), report_participants.alias("b")
    pol = {p: func.sum(case((reports.c.polarity == p, 1), else_=0)) for p in ("asserted", "denied", "hypothetical")}
    q = (select(a.c.entity_id, b.c.entity_id, reports.c.kind, func.count(), pol["asserted"], pol["denied"],
                pol["hypothetical"], func.min(_DATE), func.max(_DATE))
         .select_from(a.join(b, and_(a.c.report_id == b.c.report_id, a.c.entity_id < b.c.entity_id))
                      .join(reports, reports.c.id == a.c.report_id)
                      .join(articles, articles.c.id == reports.c.article_id))
         .where(articles.c.is_current, where)
         .group_by(a.c.entity_id, b.c.entity_id, reports.c.kind))
    if having is not None:
        q = q.having(having(pol))
    rows = c.execute(q.order_by(func.max(_DATE).desc()).limit(limit)).all()
    refs = _refs(c, [r[0] for r in rows] + [r[1] for r in rows])
    out: list[ReportGroup] = []
    for r in rows:
        if r[0] not in refs or r[1] not in refs:
            continue
        sources = select(articles.c.outlet, articles.c.language).select_from(
            reports.join(articles, articles.c.id == reports.c.article_id)).where(
            reports.c.id.in_(_with_entity([r[0]])), reports.c.id.in_(_with_entity([r[1]])), reports.c.kind == r[2],
            articles.c.is_current).distinct()
        found = c.execute(sources).all()
        out.append(ReportGroup(refs[r[0]], refs[r[1]], r[2], int(r[3]), int(r[4] or 0), int(r[5] or 0), int(r[6] or 0),
                               tuple(sorted({s[0] for s in found if s[0]})), tuple(sorted({s[1] for s in found})),
                               r[7] or None, r[8] or None))
    return out


def events(store: Store, limit: int = 50) -> GroupsPage:
    with _read(store) as c:
        groups = _groups(c, literal(True), limit)
    return GroupsPage(False, "No consolidated events yet: contacts are shown as reports grouped by pair and kind.",
                      tuple(groups))


def disputed(store: Store, limit: int = 50) -> GroupsPage:
    """Pairs and kinds of contact that one source asserts and another denies, newest first."""
    with _read(store) as c:
        denied_ids = select(reports.c.id).where(reports.c.polarity == "denied")
        pairs = _groups(c, reports.c.id.in_(denied_ids), limit * 4)
        out = []
        for g in pairs:
            full = _groups(c, and_(reports.c.id.in_(_with_entity([g.a.id])), reports.c.id.in_(_with_entity([g.b.id])),
                                   reports.c.kind == g.kind), 1)
            if full and full[0].asserted and full[0].denied:
                out.append(full[0])
    return GroupsPage(False, "From reports: a pair and kind of contact with both asserted and denied reports.",
                      tuple(out[:limit]))


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
