"""The contact gold converters on tiny files in each dataset's format, written for these tests."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from backchannel.evaluate.contact_gold import (
    english_aliases,
    in_split,
    name_like,
    rams_is_contact,
    read_factru_meetings,
    read_rams_contacts,
    read_wikievents_contacts,
)
from backchannel.evaluate.contacts import gold_items, score

TEXT = "Иван Петренко встретился с Олегом Кузьминым. Петренко позже написал Кузьмину."


def _factru(root: Path, name: str = "book_1") -> None:
    folder = root / "factrueval2016" / "devset"
    folder.mkdir(parents=True)
    (folder / f"{name}.txt").write_text(TEXT, encoding="utf-8")
    (folder / f"{name}.spans").write_text(
        "10 name 0 4 1 1  # 1 Иван\n11 surname 5 8 2 1  # 2 Петренко\n"
        "12 name 27 6 5 1  # 5 Олегом\n13 surname 34 9 6 1  # 6 Кузьминым\n"
        "14 surname 51 8 9 1  # 9 Петренко\n", encoding="utf-8")
    (folder / f"{name}.objects").write_text(
        "100 Person 10 11 # Иван Петренко\n101 Person 12 13 # Олегом Кузьминым\n102 Person 14 # Петренко\n",
        encoding="utf-8")
    (folder / f"{name}.coref").write_text(
        "7 100 102\nfirstname Иван\nlastname Петренко\n\n8 101\nfirstname Олег\nlastname Кузьмин\n", encoding="utf-8")
    (folder / f"{name}.facts").write_text(
        "1-0 Meeting\nParticipant obj7 Петренко Иван\nParticipant obj8 Кузьмин Олег\n\n"
        "1-1 Meeting\nParticipant obj7 Петренко Иван\nМодальность будущее\nParticipant obj8 Кузьмин Олег\n",
        encoding="utf-8")


def test_factru_meeting_facts_become_pairs_with_aliases_and_polarity(tmp_path: Path) -> None:
    _factru(tmp_path)
    gold = read_factru_meetings(tmp_path)
    assert [d.key for d in gold.docs] == ["book_1"] and gold.docs[0].text == TEXT
    (line,) = gold.gold
    assert [(c["between"], c["polarity"]) for c in line["contacts"]] == [
        (["Иван Петренко", "Олег Кузьмин"], "asserted"), (["Иван Петренко", "Олег Кузьмин"], "hypothetical")]
    assert {"Петренко", "Иван Петренко", "Петренко Иван"} <= set(gold.entities["Иван Петренко"])
    assert "Олегом Кузьминым" in gold.entities["Олег Кузьмин"]
    assert gold.kinds is not None and "message" not in gold.kinds


def test_entities_sharing_an_alias_across_documents_are_one(tmp_path: Path) -> None:
    _factru(tmp_path)
    gold = read_factru_meetings(tmp_path)
    assert gold.add_entity("Петренко", ["Петренко"]) == "Иван Петренко"


def test_a_system_report_scores_against_the_converted_gold(tmp_path: Path) -> None:
    _factru(tmp_path)
    gold = read_factru_meetings(tmp_path)
    report = {"article": {"source_path": "/tmp/x/book_1.txt"}, "polarity": "asserted", "kind": "meeting",
              "participants": [{"name": "Иван Петренко", "aliases": []}, {"name": "Кузьмин", "aliases": []}]}
    result = score([report], gold_items(gold.gold), gold.entities)
    assert (result.tp, result.fp, result.fn) == (1, 0, 1)


def test_split_is_deterministic_and_complementary() -> None:
    keys = [f"book_{i}" for i in range(200)]
    dev = {k for k in keys if in_split(k, "dev")}
    test = {k for k in keys if in_split(k, "test")}
    assert dev.isdisjoint(test) and dev | test == set(keys) and 60 < len(dev) < 140
    assert all(in_split(k, None) for k in keys)


@pytest.mark.parametrize("mention,name", [
    ("the Kremlin", "Kremlin"), ("Mr. Blair", "Blair"), ("he", None), ("the two leaders", None),
    ("Bureau of Investigation", "Bureau of Investigation"), ("officials", None),
])
def test_name_like(mention: str, name: str | None) -> None:
    assert name_like(mention) == name


def test_english_aliases_add_a_surname() -> None:
    assert english_aliases("John Smith") == ["John Smith", "Smith"]
    assert english_aliases("United Nations Security Council") == ["United Nations Security Council"]


@pytest.mark.parametrize("event_type,is_contact", [
    ("contact.discussion.meet", True), ("contact.negotiate.correspondence", True),
    ("contact.requestadvise.meet", True), ("contact.discussion.n/a", True),
    ("contact.mediastatement.broadcast", False), ("contact.publicstatementinperson.n/a", False),
    ("contact.funeralvigil.meet", False), ("contact.prevarication.broadcast", False),
    ("conflict.attack.n/a", False), ("contact.collaborate.n/a", False),
])
def test_rams_contact_types(event_type: str, is_contact: bool) -> None:
    assert rams_is_contact(event_type) is is_contact


def test_rams_reader(tmp_path: Path) -> None:
    (tmp_path / "rams").mkdir()
    record = {"doc_key": "d1", "sentences": [["John", "Smith", "met", "Peter", "Brown", "."], ["He", "left", "."]],
              "evt_triggers": [[2, 2, [["contact.discussion.meet", 1.0]]]],
              "ent_spans": [[0, 1, [["evt1arg01participant", 1.0]]], [3, 4, [["evt1arg02participant", 1.0]]]]}
    other = {"doc_key": "d2", "sentences": [["Rain", "fell", "."]], "evt_triggers": [], "ent_spans": []}
    (tmp_path / "rams" / "dev.jsonlines").write_text(json.dumps(record) + "\n" + json.dumps(other) + "\n")
    gold = read_rams_contacts(tmp_path, "dev")
    assert [d.text for d in gold.docs] == ["John Smith met Peter Brown.\nHe left.", "Rain fell."]
    assert gold.gold[0]["contacts"][0]["between"] == ["John Smith", "Peter Brown"]
    assert gold.gold[1]["contacts"] == [] and not gold.polarity_scored


def test_wikievents_reader_keeps_meet_and_makes_nominals_optional(tmp_path: Path) -> None:
    (tmp_path / "wikievents").mkdir()
    mentions = [{"id": "e1", "text": "John Smith"}, {"id": "e2", "text": "Peter Brown"}, {"id": "e3", "text": "officials"}]
    events = [
        {"event_type": "Contact.Contact.Meet", "arguments": [
            {"entity_id": "e1", "role": "Participant"}, {"entity_id": "e2", "role": "Participant"},
            {"entity_id": "e3", "role": "Participant"}]},
        {"event_type": "Contact.Contact.Broadcast", "arguments": [
            {"entity_id": "e1", "role": "Participant"}, {"entity_id": "e2", "role": "Participant"}]},
    ]
    record = {"doc_id": "w1", "text": "John Smith met Peter Brown and officials.",
              "sentences": [[[], "John Smith met Peter Brown and officials."]], "entity_mentions": mentions,
              "event_mentions": events}
    (tmp_path / "wikievents" / "test_info.jsonl").write_text(json.dumps(record) + "\n")
    (line,) = read_wikievents_contacts(tmp_path, "test").gold
    assert sorted((c["between"], c["optional"]) for c in line["contacts"]) == [
        (["?officials", "John Smith"], True), (["?officials", "Peter Brown"], True),
        (["John Smith", "Peter Brown"], False)]
