from __future__ import annotations

import json
from pathlib import Path

import pytest

from backchannel.export.dataset import ExportData, Filters, contact_events, stream_filter
from backchannel.workspace import Workspace


def ids(data: ExportData) -> tuple[set[str], set[str], set[str], set[str]]:
    return ({r["report_id"] for r in data.reports}, {e["event_id"] for e in data.events},
            {a.id for a in data.articles}, {s["story_id"] for s in data.stories})


def test_no_filter_keeps_everything(sample: ExportData) -> None:
    assert sample.filtered(Filters()) == sample


@pytest.mark.parametrize("filters,reports,events", [
    (Filters(actors=("Путин",)), {"a1-1", "a2-1", "a2-2"}, {"ev1", "ev3"}),
    (Filters(actors=("recep-tayyip-erdogan",)), {"a2-2", "a3-1"}, {"ev2", "ev3"}),
    (Filters(actors=("Неизвестный Посредник",)), {"a2-2"}, {"ev3"}),
    (Filters(since="2024-08"), {"a2-2", "a3-1"}, {"ev2", "ev3"}),
    (Filters(until="2024-05"), {"a1-1", "a2-1"}, {"ev1"}),
    (Filters(since="2024-05-18", until="2024-08-31"), {"a3-1"}, {"ev2"}),
    (Filters(kinds=("visit", "meeting")), {"a2-2", "a3-1"}, {"ev2", "ev3"}),
    (Filters(statuses=("contested",)), {"a1-1", "a2-1"}, {"ev1"}),
    (Filters(statuses=("denied",)), {"a2-1"}, {"ev1"}),
    (Filters(statuses=("planned",)), {"a2-2"}, {"ev3"}),
    (Filters(stories=("s1",)), {"a1-1", "a2-1", "a2-2"}, {"ev1", "ev3"}),
    (Filters(actors=("nobody",)), set(), set()),
])
def test_filters(sample: ExportData, filters: Filters, reports: set[str], events: set[str]) -> None:
    kept = sample.filtered(filters)
    assert ids(kept)[:2] == (reports, events)
    referenced = {p.get("entity_id") or "name:" + p["name"] for r in kept.reports for p in r["participants"]}
    assert referenced <= {a.id for a in kept.actors}
    assert {r["article"]["id"] for r in kept.reports} <= {a.id for a in kept.articles}


def test_story_filter_keeps_the_story_and_its_articles(sample: ExportData) -> None:
    kept = sample.filtered(Filters(stories=("s1",)))
    assert ids(kept)[2:] == ({"a1", "a2"}, {"s1"})


def test_reports_stand_in_for_events_until_events_exist(sample: ExportData) -> None:
    assert contact_events(sample) == sample.events
    alone = ExportData(articles=sample.articles, actors=sample.actors, reports=sample.reports)
    derived = contact_events(alone)
    assert [e["reports"] for e in derived] == [[r["report_id"]] for r in sample.reports]
    assert [e["status"] for e in derived] == ["reported", "denied", "planned", "reported"]
    assert set(derived[0]) == {"event_id", "kind", "participants", "when", "status", "reports", "outlets",
                               "first_reported"}


def test_stream_filter(sample: ExportData) -> None:
    kept = sample.filtered(Filters(kinds=("visit",)))
    keep = stream_filter(kept, "contacts")
    assert [r["report_id"] for r in sample.reports if keep(r)] == ["a3-1"]
    assert stream_filter(kept, "articles")({"id": "a3"}) and not stream_filter(kept, "articles")({"id": "a1"})


def test_load_reads_the_corpus(corpus_ws: Workspace) -> None:
    data = corpus_ws.export_data()
    import io

    out = io.StringIO()
    corpus_ws.export("contacts", out)
    assert len(data.reports) == len(out.getvalue().splitlines()) > 20
    assert len(data.articles) == sum(1 for _ in corpus_ws.articles())
    putin = data.actor_index()["vladimir-putin"]
    assert putin.qid == "Q7747" and "Путин" in putin.aliases and putin.offices
    for event in data.events:  # once an events exporter is registered: CONTRACT shape
        assert {"event_id", "kind", "participants", "when", "status", "reports"} <= set(event)
    json.dumps([dict(r) for r in data.reports])


def test_filtered_stream_export(corpus_ws: Workspace) -> None:
    import io

    out = io.StringIO()
    count = corpus_ws.export("contacts", out, filters=Filters(actors=("Путин",), kinds=("call",)))
    rows = [json.loads(line) for line in out.getvalue().splitlines()]
    assert count == len(rows) > 0
    assert all(r["kind"] == "call" and any(p["entity_id"] == "vladimir-putin" for p in r["participants"])
               for r in rows)


def test_events_and_stories_come_from_registered_exporters(corpus_ws: Workspace, tmp_path: Path,
                                                           monkeypatch: pytest.MonkeyPatch) -> None:
    """Once ``("events", "jsonl")`` and ``("stories", "jsonl")`` are registered, every export reads them."""
    from collections.abc import Iterable
    from typing import IO, Any

    from backchannel.export import REGISTRY
    from backchannel.export.dataset import event_from_report
    from backchannel.export.jsonl import JsonLines

    class Events(JsonLines):
        def records(self, workspace: Workspace) -> Iterable[dict[str, Any]]:
            return (event_from_report(r) for r in workspace.store.iter_contacts())

    class Stories(JsonLines):
        def records(self, workspace: Workspace) -> Iterable[dict[str, Any]]:
            articles = list(workspace.articles())[:2]
            yield {"story_id": "s1", "title": "t", "languages": sorted({a.language for a in articles}),
                   "first_published": None,
                   "articles": [{"id": a.id, "source_path": a.source_path, "language": a.language} for a in articles]}

    def events(out: IO[str]) -> Events:
        return Events(out)

    def stories(out: IO[str]) -> Stories:
        return Stories(out)

    monkeypatch.setitem(REGISTRY, ("events", "jsonl"), events)
    monkeypatch.setitem(REGISTRY, ("stories", "jsonl"), stories)
    data = corpus_ws.export_data()
    assert len(data.events) == len(data.reports) and len(data.stories) == 1
    kept = corpus_ws.export_data(Filters(stories=("s1",)))
    assert {a.id for a in kept.articles} == {a["id"] for a in data.stories[0]["articles"]}
    from backchannel.export.graph import build_graph
    from backchannel.export.obsidian import ObsidianExporter
    from tests.export.test_obsidian import parse

    assert build_graph(data).weighted_by == "events"
    ObsidianExporter().export(data, tmp_path)
    assert len(list((tmp_path / "Stories").iterdir())) == 1 and parse(tmp_path).nonexistent_notes == []
