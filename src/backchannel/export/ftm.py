"""FollowTheMoney entities (JSON lines) for Aleph / OpenSanctions tooling.

Actors become Person / Organization / PublicBody / LegalEntity (``codes.FTM_SCHEMA``), articles
become Article, every contact report an Event (or a Call, for an asserted phone call) with its
date, place, sourceUrl and the article as proof; consolidated events become Events that cite
all their reports' articles. Written without the ``followthemoney`` package (tests validate
the output with it).
"""

from __future__ import annotations

import hashlib
import re
from collections.abc import Iterator, Mapping, Sequence
from typing import Any

from backchannel.export.codes import FTM_SCHEMA, kind_code
from backchannel.export.dataset import ExportActor, ExportData, Record, party_id, report_date
from backchannel.export.targets import JsonLinesFile
from backchannel.model import Article

SAFE_ID = re.compile(r"^[A-Za-z0-9._-]{1,100}$")
FtmEntity = dict[str, Any]


def ftm_id(kind: str, key: str) -> str:
    return f"bc-{kind}-{key}" if SAFE_ID.match(key) else f"bc-{kind}-" + hashlib.sha1(key.encode()).hexdigest()[:20]


def entity(entity_id: str, schema: str, properties: Mapping[str, Sequence[str | None]]) -> FtmEntity:
    """An FtM entity dict; empty values and empty properties are left out."""
    props = {k: list(dict.fromkeys(str(v) for v in vs if v)) for k, vs in properties.items()}
    return {"id": entity_id, "schema": schema, "properties": {k: v for k, v in props.items() if v}}


def _iso639_3(code: str | None) -> str | None:
    if not code or len(code) != 2:
        return None
    import pycountry

    found = pycountry.languages.get(alpha_2=code)
    return str(found.alpha_3) if found is not None else None


def actor_entity(actor: ExportActor) -> FtmEntity:
    schema = FTM_SCHEMA.get(actor.type, "LegalEntity")
    props: dict[str, Sequence[str | None]] = {"name": [actor.name], "alias": list(actor.aliases),
                                               "wikidataId": [actor.qid]}
    if schema == "Person":
        props["position"] = [o.title or f"{o.role} ({o.of})" for o in actor.offices]
    return entity(ftm_id("actor", actor.id), schema, props)


def article_entity(article: Article) -> FtmEntity:
    return entity(ftm_id("article", article.id), "Article", {
        "title": [article.title], "publishedAt": [article.published], "sourceUrl": [article.url],
        "publisher": [article.outlet], "author": [article.author], "language": [_iso639_3(article.language)],
        "fileName": [article.source_path.rsplit("/", 1)[-1]],
    })


def _names(parties: Sequence[Record]) -> str:
    return " – ".join(str(p.get("name") or "?") for p in parties)


def report_entity(report: Record) -> FtmEntity:
    parties = list(report.get("participants") or ())
    when = report.get("when") or {}
    article = report.get("article") or {}
    code = kind_code(str(report["kind"]))
    sources = "; ".join(str(s.get("name")) for s in report.get("according_to") or ())
    common: dict[str, Sequence[str | None]] = {
        "date": [report_date(report)], "startDate": [when.get("start")], "endDate": [when.get("end")],
        "sourceUrl": [article.get("url")], "publisher": [article.get("outlet")],
        "proof": [ftm_id("article", str(article["id"]))] if article.get("id") else [],
        "summary": [(report.get("evidence") or {}).get("text")],
        "description": [f"{report['polarity']}" + (f" according to {sources}" if sources else "")],
        "recordId": [str(report["report_id"])],
    }
    ids = [ftm_id("actor", party_id(p)) for p in parties]
    callers = [p for p in parties if p.get("role") == "initiator"] or parties[:1]
    if report["kind"] == "call" and report["polarity"] == "asserted" and len(parties) == 2:
        receivers = [p for p in parties if p not in callers]
        return entity(ftm_id("report", str(report["report_id"])), "Call", {
            **common, "caller": [ftm_id("actor", party_id(p)) for p in callers],
            "receiver": [ftm_id("actor", party_id(p)) for p in receivers],
        })
    return entity(ftm_id("report", str(report["report_id"])), "Event", {
        **common, "name": [f"{report['kind']}: {_names(parties)}"], "involved": ids,
        "organizer": [ftm_id("actor", party_id(p)) for p in parties if p.get("role") == "initiator"],
        "location": [(report.get("where") or {}).get("name")],
        "keywords": [str(report["kind"]), str(report["polarity"]), "CAMEO " + code.cameo],
    })


def event_entity(event: Record, reports: Mapping[str, Record]) -> FtmEntity:
    parties = list(event.get("participants") or ())
    when = event.get("when") or {}
    cited = [reports[r] for r in event["reports"] if r in reports]
    return entity(ftm_id("event", str(event["event_id"])), "Event", {
        "name": [f"{event['kind']}: {_names(parties)}"],
        "involved": [ftm_id("actor", party_id(p)) for p in parties],
        "date": [when.get("start") or event.get("first_reported")], "startDate": [when.get("start")],
        "endDate": [when.get("end")],
        "sourceUrl": [(r.get("article") or {}).get("url") for r in cited],
        "proof": [ftm_id("article", str(r["article"]["id"])) for r in cited],
        "publisher": [str(o) for o in event.get("outlets") or ()],
        "keywords": [str(event["kind"]), str(event["status"]), "CAMEO " + kind_code(str(event["kind"])).cameo],
        "summary": [f"{event['status']}: {len(event['reports'])} report(s)"],
        "recordId": [str(event["event_id"])],
    })


def ftm_entities(data: ExportData) -> Iterator[FtmEntity]:
    cited = {r["article"]["id"] for r in data.reports}
    for actor in data.actors:
        yield actor_entity(actor)
    for article in data.articles:
        if article.id in cited:
            yield article_entity(article)
    for report in data.reports:
        yield report_entity(report)
    index = data.report_index()
    for event in data.events:
        yield event_entity(event, index)


class FtmExporter(JsonLinesFile):
    def items(self, data: ExportData) -> Iterator[dict[str, Any]]:
        return ftm_entities(data)
