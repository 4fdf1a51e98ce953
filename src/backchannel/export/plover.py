"""PLOVER-style event records (JSON lines), one per dated contact report, with CAMEO codes.

Initiators are the ``source``, recipients the ``recipient``; without roles the first party is the
source. A hypothetical contact is coded as an expressed intent (CAMEO 036, PLOVER AGREE); a
denied one keeps its code with ``has_event: false``. ``link`` joins the records of one
consolidated event. The schema is ``backchannel/data/schemas/plover.schema.json``.
"""

from __future__ import annotations

import json
from collections.abc import Iterator
from importlib import resources
from typing import Any

from backchannel.export.codes import INTENT, MULTILATERAL_MODE, QUAD_CODES, KindCode, kind_code
from backchannel.export.dataset import ExportActor, ExportData, Record, party_id, report_date
from backchannel.export.graph import period
from backchannel.export.targets import JsonLinesFile

CODEBOOK = "plover-base (backchannel CAMEO 04x)"


def schema() -> dict[str, Any]:
    """The JSON Schema every record validates against."""
    text = (resources.files("backchannel") / "data" / "schemas" / "plover.schema.json").read_text(encoding="utf-8")
    loaded: dict[str, Any] = json.loads(text)
    return loaded


def _actor(party: Record, actors: dict[str, ExportActor]) -> dict[str, Any]:
    actor = actors.get(party_id(party))
    out: dict[str, Any] = {"actor_text": str(party.get("name") or "")}
    if actor is not None:
        out["identifier_text"] = actor.name
        out["identifier_id"] = actor.qid or actor.id
        if actor.offices:
            out["office"] = actor.offices[0].title or actor.offices[0].role
    return out


def _code(report: Record) -> KindCode:
    if report["polarity"] == "hypothetical":
        return INTENT
    return kind_code(str(report["kind"]))


def _sides(report: Record) -> tuple[list[Record], list[Record]]:
    parties = list(report.get("participants") or ())
    sources = [p for p in parties if p.get("role") == "initiator"] or parties[:1]
    return sources, [p for p in parties if p not in sources]


def plover_record(report: Record, actors: dict[str, ExportActor], link: str | None) -> dict[str, Any] | None:
    """The PLOVER record of one report; None when it has no date or no party."""
    day = report_date(report)
    sources, recipients = _sides(report)
    if not day or not sources:
        return None
    code = _code(report)
    mode = code.mode if code.plover == "CONSULT" else None
    if code.plover == "CONSULT" and len(report["participants"]) > 2 and report["kind"] in ("meeting", "talks"):
        mode = MULTILATERAL_MODE
    article = report.get("article") or {}
    when = report.get("when") or {}
    record: dict[str, Any] = {
        "id": str(report["report_id"]),
        "has_event": report["polarity"] != "denied",
        "date": period(day)[0],
        "source": [_actor(p, actors) for p in sources],
        "recipient": [_actor(p, actors) for p in recipients],
        "event": [code.plover],
        "quad_code": QUAD_CODES[code.plover],
        "event_text": [str((report.get("evidence") or {}).get("text") or "")],
        "text_info": {"start": report["evidence"]["start"], "end": report["evidence"]["end"]},
        "cite_info": {k: v for k, v in {
            "url": article.get("url"), "title": article.get("title"), "publication": article.get("outlet"),
            "language": article.get("language") if article.get("language") != "und" else None,
            "citation": article.get("source_path"), "coder": "backchannel", "codebook": CODEBOOK,
        }.items() if v},
        "coder": "backchannel",
        "cameo": code.cameo,
        "polarity": report["polarity"],
        "report_id": str(report["report_id"]),
    }
    if mode:
        record["mode"] = [mode]
    if when.get("end"):
        record["enddate"] = period(str(when["end"]))[1]
    if report.get("where"):
        record["event_loc"] = {"name": str(report["where"].get("name") or "")}
    if link:
        record["link"] = link
    return record


def plover_records(data: ExportData) -> Iterator[dict[str, Any]]:
    actors = data.actor_index()
    event_of = {rid: str(e["event_id"]) for e in data.events for rid in e["reports"]}
    for report in data.reports:
        record = plover_record(report, actors, event_of.get(str(report["report_id"])))
        if record is not None:
            yield record


class PloverExporter(JsonLinesFile):
    def items(self, data: ExportData) -> Iterator[dict[str, Any]]:
        return plover_records(data)
