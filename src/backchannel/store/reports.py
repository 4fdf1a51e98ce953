"""Contact reports in the store: rows from records (participants resolved to entities), and
the ``export contacts`` records read back."""

from __future__ import annotations

from collections.abc import Iterator, Mapping, Sequence
from typing import Any

from sqlalchemy import Connection, delete, func, insert, select

from backchannel.model import ContactReport
from backchannel.store.schema import articles, entity_names, report_participants, reports

CHUNK = 400


def report_rows(
    article_id: str, found: Sequence[ContactReport], entity_of: Mapping[int, str]
) -> tuple[list[dict[str, Any]], list[dict[str, Any]]]:
    """Rows for ``reports`` and ``report_participants``; ``entity_of`` maps mention clusters to entities."""
    rows: list[dict[str, Any]] = []
    parts: list[dict[str, Any]] = []
    for n, r in enumerate(found, 1):
        report_id = f"{article_id}-{n}"
        people = [{"entity_id": entity_of.get(p.cluster), "name": p.name, "role": p.role} for p in r.participants]
        rows.append({
            "id": report_id, "article_id": article_id, "kind": r.kind, "polarity": r.polarity,
            "confidence": round(r.confidence, 3), "cue": r.cue,
            "evidence_start": r.evidence_start, "evidence_end": r.evidence_end,
            "when_text": r.when.text if r.when else None, "when_start": r.when.start if r.when else None,
            "when_end": r.when.end if r.when else None, "when_precision": r.when.precision if r.when else None,
            "where_name": r.where.name if r.where else None,
            "where_entity_id": entity_of.get(r.where.cluster) if r.where and r.where.cluster is not None else None,
            "participants": people,
            "according_to": [
                {"entity_id": entity_of.get(s.cluster) if s.cluster is not None else None, "name": s.name}
                for s in r.according_to
            ],
        })
        seen: set[str] = set()
        for p in people:
            if p["entity_id"] and p["entity_id"] not in seen:
                seen.add(p["entity_id"])
                parts.append({"report_id": report_id, "entity_id": p["entity_id"], "role": p["role"]})
    return rows, parts


def replace_reports(c: Connection, article_ids: Sequence[str], rows: list[dict[str, Any]],
                    parts: list[dict[str, Any]], *, fresh: bool) -> None:
    if not fresh:
        for i in range(0, len(article_ids), CHUNK):
            chunk = list(article_ids[i : i + CHUNK])
            old = select(reports.c.id).where(reports.c.article_id.in_(chunk))
            c.execute(delete(report_participants).where(report_participants.c.report_id.in_(old)))
            c.execute(delete(reports).where(reports.c.article_id.in_(chunk)))
    if rows:
        c.execute(insert(reports), rows)
    if parts:
        c.execute(insert(report_participants), parts)
    from backchannel.store.corrections import apply_corrections

    apply_corrections(c, article_ids)  # the user's corrections survive re-analysis


class AliasCache:
    """Names of entities (all languages), read once per entity during an export."""

    def __init__(self, c: Connection) -> None:
        self.c = c
        self.known: dict[str, list[str]] = {}

    def preload(self, entity_ids: Sequence[str]) -> None:
        """Read the names of many entities at once."""
        wanted = sorted({e for e in entity_ids if e and e not in self.known})
        for i in range(0, len(wanted), CHUNK):
            rows = self.c.execute(select(entity_names.c.entity_id, entity_names.c.name)
                                  .where(entity_names.c.entity_id.in_(wanted[i : i + CHUNK]))
                                  .order_by(entity_names.c.entity_id, entity_names.c.lang, entity_names.c.name))
            for entity_id in wanted[i : i + CHUNK]:
                self.known[entity_id] = []
            for entity_id, name in rows:
                if name not in self.known[entity_id]:
                    self.known[entity_id].append(name)

    def __call__(self, entity_id: str | None) -> list[str]:
        if not entity_id:
            return []
        if entity_id not in self.known:
            rows = self.c.execute(select(entity_names.c.name).where(entity_names.c.entity_id == entity_id)
                                  .order_by(entity_names.c.lang, entity_names.c.name))
            self.known[entity_id] = list(dict.fromkeys(r[0] for r in rows))
        return self.known[entity_id]


def iter_contact_records(c: Connection, entity_ids: Sequence[str] = (),
                         report_ids: Sequence[str] | None = None) -> Iterator[dict[str, Any]]:
    """``export contacts`` records (CONTRACT.md shape) for current articles (only ``report_ids``, when given)."""
    from backchannel.store.schema import entities

    aliases = AliasCache(c)
    names: dict[str, str] = {}

    def display(entity_id: str | None, fallback: str) -> str:
        if not entity_id:
            return fallback
        if entity_id not in names:
            names[entity_id] = c.execute(select(entities.c.name).where(entities.c.id == entity_id)).scalar() or fallback
        return names[entity_id]

    evidence = func.substr(articles.c.text, reports.c.evidence_start + 1, reports.c.evidence_end - reports.c.evidence_start)
    q = (select(reports, articles.c.source_path, articles.c.title, articles.c.outlet, articles.c.url,
                articles.c.published, articles.c.language, evidence.label("evidence"))
         .select_from(reports.join(articles, articles.c.id == reports.c.article_id))
         .where(articles.c.is_current)
         .order_by(func.coalesce(articles.c.published, ""), reports.c.article_id, reports.c.id))
    if entity_ids:
        q = q.where(reports.c.id.in_(report_ids_with(c, entity_ids)))
    if report_ids is not None:
        q = q.where(reports.c.id.in_(list(report_ids)))
    found = c.execute(q).mappings().all()
    if report_ids is not None:  # a few reports: read their entities' names at once
        people = [p["entity_id"] for r in found for p in [*r["participants"], *r["according_to"]] if p["entity_id"]]
        people += [r["where_entity_id"] for r in found if r["where_entity_id"]]
        aliases.preload(people)
        names.update(c.execute(select(entities.c.id, entities.c.name).where(entities.c.id.in_(sorted(set(people))))).all())
    for r in found:
        yield {
            "report_id": r["id"],
            "article": {"id": r["article_id"], "source_path": r["source_path"], "title": r["title"],
                        "outlet": r["outlet"], "url": r["url"], "published": r["published"], "language": r["language"]},
            "kind": r["kind"],
            "polarity": r["polarity"],
            "participants": [
                {"entity_id": p["entity_id"], "name": display(p["entity_id"], p["name"]),
                 "aliases": [a for a in aliases(p["entity_id"]) if a != display(p["entity_id"], p["name"])]
                 or ([p["name"]] if p["name"] != display(p["entity_id"], p["name"]) else []),
                 "role": p["role"]}
                for p in r["participants"]
            ],
            "according_to": [{"entity_id": s["entity_id"], "name": display(s["entity_id"], s["name"])}
                             for s in r["according_to"]],
            "when": ({"text": r["when_text"], "start": r["when_start"], "end": r["when_end"],
                      "precision": r["when_precision"]} if r["when_text"] else None),
            "where": ({"entity_id": r["where_entity_id"], "name": display(r["where_entity_id"], r["where_name"])}
                      if r["where_name"] else None),
            "evidence": {"text": r["evidence"],
                         "start": r["evidence_start"], "end": r["evidence_end"]},
            "confidence": r["confidence"],
            "cue": r["cue"],
        }


def report_ids_with(c: Connection, entity_ids: Sequence[str]) -> Any:
    """A subquery of the reports in which every one of ``entity_ids`` takes part."""
    q = select(report_participants.c.report_id)
    for i, entity_id in enumerate(entity_ids):
        alias = report_participants.alias(f"p{i}")
        q = q.where(report_participants.c.report_id.in_(select(alias.c.report_id).where(alias.c.entity_id == entity_id)))
    return q.distinct()
