"""Events in the store: incremental consolidation after each batch, and the rows queries read.

After a batch's reports are stored, only the events they touch are recomputed: the events that
held reports of the batch's articles (or of older versions of their sources), and the events
that share a participant pair with one of the new reports and whose span of days overlaps its
time (found through ``event_actors``, the index of events by actor and pair), so the work per
batch depends on the batch and the pair's nearby events, not on the size of the store. Their reports plus the new ones are clustered again
(:func:`backchannel.consolidate.events.cluster`) and the events replaced. Clustering is
deterministic, so the same reports always leave the same events.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from itertools import combinations
from typing import Any

from sqlalchemy import Connection, and_, delete, func, insert, or_, select, tuple_, update

from backchannel.consolidate.events import FAR_FUTURE, FAR_PAST, cluster, interval_of
from backchannel.consolidate.keys import skeleton
from backchannel.model import ContactEvent, ReportFacts
from backchannel.store.schema import articles, event_actors, event_reports, events, reports

CHUNK = 400
PAIR_CHUNK = 100


def _chunks(items: Sequence[str]) -> Iterable[list[str]]:
    for i in range(0, len(items), CHUNK):
        yield list(items[i : i + CHUNK])


def _facts(row: Any) -> ReportFacts:
    parties = sorted({p["entity_id"] for p in row["participants"] if p.get("entity_id")})
    sources = sorted({s["entity_id"] or skeleton(s["name"]) for s in row["according_to"]
                      if s.get("entity_id") or s.get("name")})
    return ReportFacts(
        id=row["id"], article_id=row["article_id"], published=row["published"], outlet=row["outlet"],
        kind=row["kind"], polarity=row["polarity"], participants=tuple(parties), sources=tuple(sources),
        when_start=row["when_start"], when_end=row["when_end"], precision=row["when_precision"],
        evidence=row["evidence"] or "",
    )


def _facts_query() -> Any:
    evidence = func.substr(articles.c.text, reports.c.evidence_start + 1, reports.c.evidence_end - reports.c.evidence_start)
    return (select(reports.c.id, reports.c.article_id, reports.c.kind, reports.c.polarity, reports.c.participants,
                   reports.c.according_to, reports.c.when_start, reports.c.when_end, reports.c.when_precision,
                   articles.c.published, articles.c.outlet, evidence.label("evidence"))
            .select_from(reports.join(articles, articles.c.id == reports.c.article_id))
            .where(articles.c.is_current))


def facts_of_articles(c: Connection, article_ids: Sequence[str]) -> list[ReportFacts]:
    out: list[ReportFacts] = []
    for chunk in _chunks(article_ids):
        out += [_facts(r) for r in c.execute(_facts_query().where(reports.c.article_id.in_(chunk))).mappings()]
    return out


def facts_of_reports(c: Connection, report_ids: Sequence[str]) -> list[ReportFacts]:
    out: list[ReportFacts] = []
    for chunk in _chunks(report_ids):
        out += [_facts(r) for r in c.execute(_facts_query().where(reports.c.id.in_(chunk))).mappings()]
    return out


def _touched_articles(c: Connection, article_ids: Sequence[str]) -> list[str]:
    """The batch's articles and the older versions of their sources (whose reports leave events)."""
    found = set(article_ids)
    for chunk in _chunks(article_ids):
        keys = select(articles.c.source_key).where(articles.c.id.in_(chunk))
        found.update(c.execute(select(articles.c.id).where(articles.c.source_key.in_(keys))).scalars())
    return sorted(found)


def _candidate_events(c: Connection, touched: Sequence[str], new: Sequence[ReportFacts]) -> set[str]:
    found: set[str] = set()
    for chunk in _chunks(touched):
        found.update(c.execute(select(event_reports.c.event_id).where(event_reports.c.article_id.in_(chunk))).scalars())
    spans: dict[tuple[str, str], list[tuple[str, str]]] = {}
    for r in new:
        when = interval_of(r)
        lo, hi = (when.lo.isoformat(), when.hi.isoformat()) if when else (FAR_PAST.isoformat(), FAR_FUTURE.isoformat())
        for pair in combinations(r.participants, 2):
            spans.setdefault(pair, []).append((lo, hi))
    t = event_actors
    pairs = sorted(spans)
    for i in range(0, len(pairs), PAIR_CHUNK):  # an OR of index lookups (a row-value IN would scan the table)
        wanted = or_(*(and_(t.c.entity_id == a, t.c.other_id == b) for a, b in pairs[i : i + PAIR_CHUNK]))
        rows = c.execute(select(t.c.entity_id, t.c.other_id, t.c.event_id, t.c.span_start, t.c.span_end).where(wanted))
        found.update(r[2] for r in rows if any(r[3] <= hi and r[4] >= lo for lo, hi in spans[(r[0], r[1])]))
    return found


def update_events(c: Connection, article_ids: Sequence[str]) -> int:
    """Recompute the events touched by these (new or re-analysed) articles; returns how many
    events were written."""
    if not article_ids:
        return 0
    touched = _touched_articles(c, article_ids)
    new = facts_of_articles(c, article_ids)
    candidates = sorted(_candidate_events(c, touched, new))
    kept: list[str] = []
    for chunk in _chunks(candidates):
        kept += c.execute(select(event_reports.c.report_id).where(
            event_reports.c.event_id.in_(chunk), event_reports.c.article_id.not_in(touched))).scalars().all()
    pool = {r.id: r for r in [*facts_of_reports(c, sorted(kept)), *new]}
    delete_events(c, candidates)
    found = cluster(pool.values())
    write_events(c, found)
    return len(found)


def delete_events(c: Connection, event_ids: Sequence[str]) -> None:
    for chunk in _chunks(event_ids):
        for table in (event_actors, event_reports, events):
            column = table.c.id if table is events else table.c.event_id
            c.execute(delete(table).where(column.in_(chunk)))


def sort_key(e: ContactEvent) -> str:
    return e.when_start or e.first_reported or ""


def write_events(c: Connection, found: Sequence[ContactEvent]) -> None:
    event_rows: list[dict[str, Any]] = []
    report_rows: list[dict[str, Any]] = []
    actor_rows: list[dict[str, Any]] = []
    for e in found:
        key = sort_key(e)
        event_rows.append({
            "id": e.id, "kind": e.kind, "participants": list(e.participants), "when_start": e.when_start,
            "when_end": e.when_end, "when_precision": e.precision, "sort_key": key, "status": e.status,
            "sources": e.sources, "report_count": len(e.reports), "outlets": list(e.outlets),
            "first_reported": e.first_reported, "last_reported": e.last_reported,
        })
        report_rows += [{"report_id": rid, "event_id": e.id, "article_id": rid.rpartition("-")[0], "voice": g}
                        for rid, g in e.groups]
        for p in e.participants:
            actor_rows += [{"entity_id": p, "other_id": q, "event_id": e.id, "sort_key": key, "kind": e.kind,
                            "status": e.status, "span_start": e.span_start, "span_end": e.span_end}
                           for q in ("", *e.participants) if q != p]
    for table, rows in ((events, event_rows), (event_reports, report_rows), (event_actors, actor_rows)):
        if rows:
            c.execute(insert(table), rows)


def rebuild_events(c: Connection) -> int:
    """Recompute every event from the stored reports (what a fresh store would hold)."""
    c.execute(delete(event_actors))
    c.execute(delete(event_reports))
    c.execute(delete(events))
    ids = c.execute(select(articles.c.id).where(articles.c.is_current).order_by(articles.c.id)).scalars().all()
    found = cluster(facts_of_articles(c, ids))
    write_events(c, found)
    return len(found)


def iter_event_records(c: Connection, chunk: int = 1000) -> Iterable[dict[str, Any]]:
    """``export events`` records (CONTRACT.md shape, plus ``when.precision``, ``sources`` and
    ``last_reported``), in the order the contacts happened."""
    from backchannel.store.reports import AliasCache
    from backchannel.store.schema import entities

    aliases = AliasCache(c)
    last: tuple[str, str] = ("", "")
    while True:
        rows = c.execute(select(events).where(tuple_(events.c.sort_key, events.c.id) > tuple_(*last))
                         .order_by(events.c.sort_key, events.c.id).limit(chunk)).mappings().all()
        if not rows:
            return
        ids = [r["id"] for r in rows]
        members: dict[str, list[str]] = {}
        for rid, eid in c.execute(select(event_reports.c.report_id, event_reports.c.event_id)
                                  .where(event_reports.c.event_id.in_(ids)).order_by(event_reports.c.report_id)):
            members.setdefault(eid, []).append(rid)
        people = {p for r in rows for p in r["participants"]}
        names = dict(c.execute(select(entities.c.id, entities.c.name).where(entities.c.id.in_(sorted(people)))).all())
        for r in rows:
            yield {
                "event_id": r["id"], "kind": r["kind"],
                "participants": [{"entity_id": p, "name": names.get(p, p),
                                  "aliases": [a for a in aliases(p) if a != names.get(p, p)]} for p in r["participants"]],
                "when": {"start": r["when_start"], "end": r["when_end"], "precision": r["when_precision"]},
                "status": r["status"], "reports": members.get(r["id"], []), "outlets": r["outlets"],
                "first_reported": r["first_reported"], "last_reported": r["last_reported"], "sources": r["sources"],
            }
        last = (rows[-1]["sort_key"], rows[-1]["id"])


def merge_actor(c: Connection, keep: str, other: str) -> int:
    """After ``other`` is merged into ``keep`` (curation): the events of ``other`` name ``keep``
    instead — in their participants and in the actor index — so pages, timelines and ``events``
    show the merged actor at once. Events are not re-clustered (two events of the merged actors
    stay two until ``reanalyze``); a pair of the two merged actors becomes an event of ``keep``
    alone. Returns how many events changed."""
    t = event_actors
    touching = or_(t.c.entity_id == other, t.c.other_id == other)
    rows = c.execute(select(t).where(touching)).mappings().all()
    if not rows:
        return 0
    ids = sorted({r["event_id"] for r in rows})
    c.execute(delete(t).where(touching))
    present: set[tuple[str, str, str]] = set()
    for chunk in _chunks(ids):
        present |= {(r[0], r[1], r[2]) for r in c.execute(select(t.c.entity_id, t.c.other_id, t.c.event_id)
                                                           .where(t.c.event_id.in_(chunk)))}
    moved: list[dict[str, Any]] = []
    for r in rows:
        a = keep if r["entity_id"] == other else r["entity_id"]
        b = keep if r["other_id"] == other else r["other_id"]
        if a == b or (a, b, r["event_id"]) in present:
            continue
        present.add((a, b, r["event_id"]))
        moved.append({**r, "entity_id": a, "other_id": b})
    if moved:
        c.execute(insert(t), moved)
    for chunk in _chunks(ids):
        for event_id, participants in c.execute(select(events.c.id, events.c.participants).where(events.c.id.in_(chunk))).all():
            merged = sorted({keep if p == other else p for p in participants})
            c.execute(update(events).where(events.c.id == event_id).values(participants=merged))
    return len(ids)
