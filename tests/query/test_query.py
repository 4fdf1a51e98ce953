"""Events in the store (incremental, idempotent), the query library, the CLI and ``export events`` —
through the real pipeline on short articles written for these tests."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import pytest
from sqlalchemy import select

from backchannel import query
from backchannel.cli import run
from backchannel.store.events import rebuild_events
from backchannel.store.schema import event_actors, event_reports, events
from backchannel.workspace import Workspace

CALL_RU = """---
title: Эрдоган и Путин поговорили по телефону
publication: Утренний вестник
published: 2025-11-05
---
Президент Турции Реджеп Тайип Эрдоган 4 ноября провел телефонный разговор с Владимиром Путиным, сообщили в \
администрации турецкого лидера. Стороны обсудили зерновую сделку.
"""
CALL_EN = """---
title: Putin and Erdogan discuss grain by phone
publication: Evening Courier
published: 2025-11-05
---
Russian President Vladimir Putin spoke by phone with Turkish President Recep Tayyip Erdogan on November 4, the \
Kremlin said. The leaders discussed the grain deal.
"""
DENIAL = """---
title: Песков опроверг встречу Путина и Эрдогана
publication: Вечерние новости
published: 2025-11-20
---
Пресс-секретарь Кремля Дмитрий Песков заявил, что Владимир Путин не встречался с Реджепом Тайипом Эрдоганом в Сочи \
18 ноября. Ранее турецкая газета написала, что Путин встретился с Эрдоганом в Сочи 18 ноября.
"""


def snapshot(ws: Workspace) -> dict[str, list[Any]]:
    with ws.store.batch(None) as b:
        c = b.entities.c
        return {t.name: sorted(tuple(map(str, r)) for r in c.execute(select(t))) for t in (events, event_reports, event_actors)}


@pytest.fixture(scope="module")
def folder(tmp_path_factory: pytest.TempPathFactory) -> Path:
    root = tmp_path_factory.mktemp("events")
    (root / "in").mkdir()
    (root / "in" / "call-ru.md").write_text(CALL_RU, encoding="utf-8")
    (root / "in" / "denial.md").write_text(DENIAL, encoding="utf-8")
    return root


@pytest.fixture(scope="module")
def ws(folder: Path) -> Workspace:
    workspace = Workspace.open(db=str(folder / "test.db"))
    workspace.ingest([str(folder / "in")])
    return workspace


def test_incremental_events_equal_a_rebuild_and_reingest_changes_nothing(ws: Workspace, folder: Path) -> None:
    [call] = query.list_events(ws.store, query.EventFilter(kind="call"))
    assert call.status == "reported" and call.when_start == "2025-11-04"
    (folder / "in" / "call-en.md").write_text(CALL_EN, encoding="utf-8")
    ws.ingest([str(folder / "in")])  # a second batch joins the existing event
    [call] = query.list_events(ws.store, query.EventFilter(kind="call"))
    assert call.status == "confirmed" and call.sources == 2
    assert call.outlets == ("Evening Courier", "Утренний вестник")
    before = snapshot(ws)
    ws.ingest([str(folder / "in")])
    ws.reanalyze()
    assert snapshot(ws) == before
    with ws.store.batch(None) as b:
        rebuild_events(b.entities.c)
    assert snapshot(ws) == before


def test_a_new_version_replaces_its_reports_in_events(ws: Workspace, folder: Path) -> None:
    path = folder / "in" / "call-en.md"
    path.write_text(CALL_EN.replace("spoke by phone with", "did not speak by phone with"), encoding="utf-8")
    ws.ingest([str(folder / "in")])
    calls = query.list_events(ws.store, query.EventFilter(actor="Putin", kind="call"))
    assert [e.status for e in calls] == ["contested"]
    path.write_text(CALL_EN + "\nUpdated.\n", encoding="utf-8")  # a third version, asserting again
    ws.ingest([str(folder / "in")])
    assert [e.status for e in query.list_events(ws.store, query.EventFilter(kind="call"))] == ["confirmed"]


def test_disputed_meeting_is_contested_with_both_claims(ws: Workspace) -> None:
    meeting = next(ec for ec in query.claims(ws.store, actor="Эрдогана", with_="Путіна") if ec.event.kind == "meeting")
    assert meeting.event.status == "contested"
    assert {c.polarity for c in meeting.claims} == {"asserted", "denied"}
    assert all("Сочи" in c.evidence for c in meeting.claims)


def test_actor_names_in_any_language_and_inflection(ws: Workspace) -> None:
    profile = query.actor(ws.store, "Путіна")
    assert profile.id == "vladimir-putin" and profile.counterparts[0].key == "recep-tayyip-erdogan"
    assert {lang for lang, _ in profile.names} >= {"en", "ru", "uk"}
    assert [e.id for e in query.timeline(ws.store, "Putin")] == [e.id for e in query.timeline(ws.store, "Путина")]


def test_timeline_is_ordered_by_when_it_happened(ws: Workspace) -> None:
    rows = query.timeline(ws.store, "Эрдоган", "Putin")
    assert [e.when_start for e in rows] == sorted(e.when_start or "" for e in rows)
    assert rows[0].when == "2025-11-04"


def test_contacts_filters(ws: Workspace) -> None:
    everything = query.contacts(ws.store, "Putin")
    assert everything and all(r["event_id"] for r in everything)
    assert {r["kind"] for r in query.contacts(ws.store, "Putin", kind="meeting")} == {"meeting"}
    assert query.contacts(ws.store, "Putin", since="2025-11-10", kind="call") == []
    assert {r["status"] for r in query.contacts(ws.store, "Putin", status="contested")} == {"contested"}
    assert query.contacts(ws.store, "Putin", until="2025-10") == []


def test_search(ws: Workspace) -> None:
    hits = query.search(ws.store, "Эрдоган Сочи")
    assert [h.title for h in hits] == ["Песков опроверг встречу Путина и Эрдогана"]
    assert query.search(ws.store, "зерновую сделку")[0].outlet == "Утренний вестник"
    assert query.search(ws.store, "...") == []


def test_cli_and_export(ws: Workspace, folder: Path, capsys: pytest.CaptureFixture[str]) -> None:
    db = ["--db", str(folder / "test.db")]
    assert run([*db, "export", "events", "--format", "jsonl"]) == 0
    lines = [json.loads(line) for line in capsys.readouterr().out.splitlines()]
    assert lines and set(lines[0]) >= {"event_id", "kind", "participants", "when", "status", "reports", "outlets",
                                      "first_reported"}
    assert set(lines[0]["participants"][0]) >= {"entity_id", "name", "aliases"}
    assert set(lines[0]["when"]) >= {"start", "end"}
    for args in (["events"], ["timeline", "Путина"], ["actor", "Putin"], ["search", "Сочи"],
                 ["event", lines[0]["event_id"][:8]], ["contacts", "Putin", "--status", "confirmed"]):
        assert run([*db, *args]) == 0, args
        assert run([*db, *args, "--json"]) == 0, args
    capsys.readouterr()
    assert run([*db, "actor", "Nobody Atall"]) == 2
    assert "no actor" in capsys.readouterr().err
