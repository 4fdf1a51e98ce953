"""CSV tables for spreadsheets: ``actors.csv``, ``events.csv`` and ``reports.csv`` in one folder.
Lists are joined with ``; `` (a name containing ``; `` is therefore ambiguous in list columns)."""

from __future__ import annotations

import csv
from collections import Counter
from collections.abc import Iterable, Iterator, Sequence
from pathlib import Path

from backchannel.export.base import Target
from backchannel.export.codes import kind_code
from backchannel.export.dataset import (
    ExportActor,
    ExportData,
    Record,
    event_parties,
    party_id,
    report_parties,
)
from backchannel.export.targets import atomic_output

SEP = "; "
ACTOR_COLUMNS = ("id", "type", "name", "aliases", "names_en", "names_ru", "names_uk", "qid", "kb_id", "offices",
                 "reports", "events")
EVENT_COLUMNS = ("event_id", "kind", "cameo", "status", "start", "end", "participants", "participant_ids",
                 "reports", "outlets", "first_reported")
REPORT_COLUMNS = ("report_id", "article_id", "source_path", "title", "outlet", "url", "published", "language",
                  "kind", "cameo", "polarity", "participants", "participant_ids", "roles", "according_to",
                  "when_text", "when_start", "when_end", "where", "evidence", "evidence_start", "evidence_end",
                  "confidence")
Row = Sequence[str | int | float | None]


def _join(values: Iterable[object]) -> str:
    return SEP.join(str(v) for v in values if v is not None and v != "")


def actor_rows(actors: Iterable[ExportActor], reports: Sequence[Record], events: Sequence[Record]) -> Iterator[Row]:
    in_reports = Counter(a for r in reports for a in report_parties(r))
    in_events = Counter(a for e in events for a in event_parties(e))
    for a in actors:
        offices = [f"{o.title or o.role} ({o.start or '?'}–{o.end or ''})" for o in a.offices]
        yield (a.id, a.type, a.name, _join(a.aliases), *(_join(n for lang, n in a.names if lang == want)
                                                          for want in ("en", "ru", "uk")),
               a.qid, a.kb_id, _join(offices), in_reports[a.id], in_events[a.id])


def event_rows(events: Iterable[Record]) -> Iterator[Row]:
    for e in events:
        when = e.get("when") or {}
        parties = e.get("participants") or ()
        yield (e["event_id"], e["kind"], kind_code(str(e["kind"])).cameo, e["status"], when.get("start"),
               when.get("end"), _join(p.get("name") for p in parties), _join(party_id(p) for p in parties),
               _join(e["reports"]), _join(e.get("outlets") or ()), e.get("first_reported"))


def report_rows(reports: Iterable[Record]) -> Iterator[Row]:
    for r in reports:
        a = r.get("article") or {}
        when = r.get("when") or {}
        parties = r.get("participants") or ()
        evidence = r.get("evidence") or {}
        yield (r["report_id"], a.get("id"), a.get("source_path"), a.get("title"), a.get("outlet"), a.get("url"),
               a.get("published"), a.get("language"), r["kind"], kind_code(str(r["kind"])).cameo, r["polarity"],
               _join(p.get("name") for p in parties), _join(party_id(p) for p in parties),
               _join(p.get("role") for p in parties), _join(s.get("name") for s in r.get("according_to") or ()),
               when.get("text"), when.get("start"), when.get("end"), (r.get("where") or {}).get("name"),
               evidence.get("text"), evidence.get("start"), evidence.get("end"), r.get("confidence"))


def write_csv(path: Path, columns: Sequence[str], rows: Iterable[Row]) -> int:
    count = 0
    with atomic_output(path) as out:
        writer = csv.writer(out, lineterminator="\r\n")  # RFC 4180; a bare CR in a field gets quoted
        writer.writerow(columns)
        for row in rows:
            writer.writerow(["" if v is None else v for v in row])
            count += 1
    return count


class CsvExporter:
    target: Target = "folder"

    def export(self, data: ExportData, path: Path) -> int:
        path.mkdir(parents=True, exist_ok=True)
        return (write_csv(path / "actors.csv", ACTOR_COLUMNS, actor_rows(data.actors, data.reports, data.events))
                + write_csv(path / "events.csv", EVENT_COLUMNS, event_rows(data.events))
                + write_csv(path / "reports.csv", REPORT_COLUMNS, report_rows(data.reports)))
