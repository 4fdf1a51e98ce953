"""Export fixtures: a small ExportData built by hand (with consolidated events and stories, in
CONTRACT.md's shapes) and, once per session, the sample corpus ingested into a store."""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any

import pytest

from backchannel.export.dataset import ExportActor, ExportData, Office
from backchannel.model import Article
from backchannel.workspace import Workspace
from tests.conftest import CORPUS


def article(aid: str, title: str | None, published: str | None, language: str = "ru",
            outlet: str = "Степной вестник", path: str = "in/a.txt") -> Article:
    return Article(id=aid, source_path=path, source_key=path, raw_sha256="0" * 64, format="txt", title=title,
                   outlet=outlet, url=f"https://example.org/{aid}", author=None, published=published,
                   language=language, language_declared=None, warnings=(), metadata={},
                   text="Путин и Токаев поговорили по телефону. [[не ссылка]] Песков это опроверг.")


def party(eid: str | None, name: str, role: str = "participant") -> dict[str, Any]:
    return {"entity_id": eid, "name": name, "aliases": [], "role": role}


def report(rid: str, art: Article, kind: str, polarity: str, parties: list[dict[str, Any]],
           start: str | None = None, according_to: list[dict[str, Any]] | None = None,
           where: dict[str, Any] | None = None) -> dict[str, Any]:
    return {
        "report_id": rid,
        "article": {"id": art.id, "source_path": art.source_path, "title": art.title, "outlet": art.outlet,
                    "url": art.url, "published": art.published, "language": art.language},
        "kind": kind, "polarity": polarity, "participants": parties,
        "according_to": according_to or [],
        "when": {"text": "вчера", "start": start, "end": start, "precision": "day"} if start else None,
        "where": where,
        "evidence": {"text": "Путин и Токаев поговорили по телефону.", "start": 0, "end": 38},
        "confidence": 0.9,
    }


PUTIN = ExportActor("vladimir-putin", "PER", "Vladimir Putin",
                    (("en", "Vladimir Putin"), ("en", "Putin"), ("ru", "Владимир Путин"), ("ru", "Путин")),
                    qid="Q7747", kb_id="vladimir-putin",
                    offices=(Office("head_of_state", "RU", "President of Russia", "2012-05-07"),))
TOKAYEV = ExportActor("kassym-jomart-tokayev", "PER", "Kassym-Jomart Tokayev",
                      (("en", "Kassym-Jomart Tokayev"), ("ru", "Токаев")), kb_id="kassym-jomart-tokayev")
ERDOGAN = ExportActor("recep-tayyip-erdogan", "PER", "Recep Tayyip Erdoğan", (("ru", "Эрдоган"),), qid="Q39723")
PESKOV = ExportActor("dmitry-peskov", "PER", "Dmitry Peskov", (("ru", "Песков"),))
ASTANA = ExportActor("astana", "LOC", "Astana", (("ru", "Астана"),))


@pytest.fixture
def sample() -> ExportData:
    """Three articles, four reports (asserted, denied, hypothetical), two events, one story."""
    a1 = article("a1", "Путин и Токаев поговорили", "2024-05-17", path="in/a1.txt")
    a2 = article("a2", "Песков опроверг", "2024-05-18", path="in/a2.txt")
    a3 = article("a3", None, "2024-08-01", language="uk", outlet="Київ", path="in/wire.jsonl#3")
    p, t, e = party("vladimir-putin", "Vladimir Putin", "initiator"), party("kassym-jomart-tokayev", "Токаев",
                                                                          "recipient"), party("recep-tayyip-erdogan", "Эрдоган")
    reports = (
        report("a1-1", a1, "call", "asserted", [p, t], "2024-05-17"),
        report("a2-1", a2, "call", "denied", [p, t], "2024-05-17",
               according_to=[{"entity_id": "dmitry-peskov", "name": "Dmitry Peskov"}]),
        report("a2-2", a2, "meeting", "hypothetical", [party("vladimir-putin", "Путин"), e,
                                                       party(None, "Неизвестный Посредник")], "2024-09",
               where={"entity_id": "astana", "name": "Astana"}),
        report("a3-1", a3, "visit", "asserted", [party("recep-tayyip-erdogan", "Ердоган", "initiator"),
                                                 party("kassym-jomart-tokayev", "Токаєв", "recipient")], "2024-08-01"),
    )
    events = (
        {"event_id": "ev1", "kind": "call",
         "participants": [{k: v for k, v in x.items() if k != "role"} for x in (p, t)],
         "when": {"start": "2024-05-17", "end": "2024-05-17"}, "status": "contested",
         "reports": ["a1-1", "a2-1"], "outlets": ["Степной вестник"], "first_reported": "2024-05-17"},
        {"event_id": "ev2", "kind": "visit",
         "participants": [{"entity_id": "recep-tayyip-erdogan", "name": "Recep Tayyip Erdoğan", "aliases": []},
                          {"entity_id": "kassym-jomart-tokayev", "name": "Kassym-Jomart Tokayev", "aliases": []}],
         "when": {"start": "2024-08-01", "end": None}, "status": "reported",
         "reports": ["a3-1"], "outlets": ["Київ"], "first_reported": "2024-08-01"},
        {"event_id": "ev3", "kind": "meeting",
         "participants": [{"entity_id": "vladimir-putin", "name": "Vladimir Putin", "aliases": []},
                          {"entity_id": "recep-tayyip-erdogan", "name": "Recep Tayyip Erdoğan", "aliases": []},
                          {"entity_id": None, "name": "Неизвестный Посредник", "aliases": []}],
         "when": {"start": "2024-09", "end": None}, "status": "planned",
         "reports": ["a2-2"], "outlets": ["Степной вестник"], "first_reported": "2024-05-18"},
    )
    stories = ({"story_id": "s1", "title": "Звонок Путина Токаеву",
                "articles": [{"id": "a1", "source_path": "in/a1.txt", "language": "ru"},
                             {"id": "a2", "source_path": "in/a2.txt", "language": "ru"}],
                "languages": ["ru"], "first_published": "2024-05-17"},)
    unlinked = ExportActor("name:Неизвестный Посредник", "MISC", "Неизвестный Посредник")
    return ExportData(articles=(a1, a2, a3), actors=(ASTANA, PESKOV, ERDOGAN, TOKAYEV, PUTIN, unlinked),
                      reports=reports, events=events, stories=stories)


@pytest.fixture(scope="session")
def corpus_db(tmp_path_factory: pytest.TempPathFactory) -> Iterator[str]:
    """The sample corpus, ingested once per test session."""
    db = str(tmp_path_factory.mktemp("corpus") / "corpus.db")
    with Workspace.open(db=db) as ws:
        ws.ingest([str(CORPUS)])
    yield db


@pytest.fixture
def corpus_ws(corpus_db: str) -> Iterator[Workspace]:
    with Workspace.open(db=corpus_db) as ws:
        yield ws
