"""Entities, knowledge-base import, re-analysis and the mentions export through the CLI."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from backchannel.cli import run

UK_TEXT = """Зеленський провів переговори з Ердоганом

Президент України Володимир Зеленський у середу провів телефонну розмову з президентом Туреччини
Реджепом Таїпом Ердоганом. Зеленський подякував Ердогану за підтримку. Участь у розмові взяв і
радник Олександр Вербицький-Навроцький, повідомили в Офісі президента.
"""


@pytest.fixture
def db(tmp_path: Path, db_path: str) -> str:
    article = tmp_path / "uk.txt"
    article.write_text(UK_TEXT, encoding="utf-8")
    assert run(["--db", db_path, "ingest", "-q", str(article)]) == 0
    return db_path


def lines(out: str) -> list[dict[str, object]]:
    return [json.loads(line) for line in out.splitlines() if line.strip()]


def test_mentions_export_and_entities(db: str, capsys: pytest.CaptureFixture[str]) -> None:
    capsys.readouterr()
    assert run(["--db", db, "export", "mentions", "--format", "jsonl"]) == 0
    mentions = lines(capsys.readouterr().out)
    by_entity = {m["entity_id"]: m for m in mentions}
    assert "volodymyr-zelensky" in by_entity and "recep-tayyip-erdogan" in by_entity
    erdogan = [m for m in mentions if m["entity_id"] == "recep-tayyip-erdogan"]
    assert {m["base"] for m in erdogan} >= {"Реджеп Таїп Ердоган"}
    assert all(m["entity_name"] == "Recep Tayyip Erdoğan" for m in erdogan)
    assert run(["--db", db, "entities", "list", "--type", "PER", "--json"]) == 0
    ids = [e["id"] for e in lines(capsys.readouterr().out)]
    assert "volodymyr-zelensky" in ids
    assert run(["--db", db, "entities", "show", "Ердоган"]) == 0
    assert "Recep Tayyip Erdoğan" in capsys.readouterr().out


def test_curation_commands_and_log(db: str, capsys: pytest.CaptureFixture[str]) -> None:
    assert run(["--db", db, "entities", "alias", "add", "volodymyr-zelensky", "Зе", "--lang", "uk"]) == 0
    assert run(["--db", db, "entities", "rename", "volodymyr-zelensky", "Volodymyr Zelenskyy"]) == 0
    assert run(["--db", db, "entities", "merge", "volodymyr-zelensky", "recep-tayyip-erdogan"]) == 0
    assert run(["--db", db, "entities", "split", "volodymyr-zelensky", "Реджеп Таїп Ердоган", "--lang", "uk"]) == 0
    capsys.readouterr()
    assert run(["--db", db, "entities", "log"]) == 0
    log = capsys.readouterr().out
    for op in ("alias", "rename", "merge", "split"):
        assert op in log
    assert run(["--db", db, "entities", "merge", "nobody-here", "volodymyr-zelensky"]) == 2


def test_kb_import_and_reanalyze(db: str, tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    ftm = tmp_path / "people.ftm.json"
    ftm.write_text("\n".join(json.dumps(e, ensure_ascii=False) for e in [
        {"id": "p1", "schema": "Person", "properties": {"name": ["Oleksandr Verbytskyi-Navrotskyi"],
                                                        "alias": ["Олександр Вербицький-Навроцький"]}},
        {"id": "p2", "schema": "Person", "properties": {"name": ["Recep Tayyip Erdoğan"], "wikidataId": ["Q39259"]}},
        {"id": "x", "schema": "Vessel", "properties": {"name": ["Not an actor"]}},
    ]), encoding="utf-8")
    wikidata = tmp_path / "wd.jsonl"
    wikidata.write_text(json.dumps({"id": "Q999999901", "labels": {"en": {"value": "Ada Testperson"}},
                                    "aliases": {"ru": [{"value": "Ада Тестперсон"}]},
                                    "claims": {"P31": [{"mainsnak": {"datavalue": {"value": {"id": "Q5"}}}}]}}),
                        encoding="utf-8")
    assert run(["--db", db, "kb", "import", str(ftm)]) == 0
    out = capsys.readouterr().out
    assert "imported 2 actors (1 matched built-in actors" in out
    assert run(["--db", db, "kb", "import", str(wikidata)]) == 0
    assert run(["--db", db, "entities", "show", "Ада Тестперсон"]) == 0
    assert "wd-q999999901" in capsys.readouterr().out
    assert run(["--db", db, "reanalyze", "-q"]) == 0
    assert run(["--db", db, "check"]) == 0
    bad = tmp_path / "bad.json"
    bad.write_text("{not json", encoding="utf-8")
    assert run(["--db", db, "kb", "import", str(bad)]) == 1
