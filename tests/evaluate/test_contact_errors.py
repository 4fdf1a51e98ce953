"""The error dump of ``eval contacts --errors``: misses and spurious pairs with their sentences."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

from backchannel.evaluate.contact_errors import error_lines, gold_sentences, sentences, write_errors
from backchannel.evaluate.contacts import GoldItem, score

ENTITIES = {"Ivan Petrenko": ["Петренко", "Иван Петренко"], "Oleg Kuzmin": ["Кузьмин", "Олег Кузьмин"],
            "Anna Kotova": ["Котова"]}
TEXT = ("Иван Петренко прилетел в Казань. Там Петренко встретился с Олегом Кузьминым. "
        "Позже к ним присоединилась Анна Котова.")


def _record(*names: str, evidence: str = "") -> dict[str, Any]:
    return {"article": {"source_path": "dir/a.txt"}, "kind": "meeting", "polarity": "asserted",
            "participants": [{"name": n, "aliases": []} for n in names], "evidence": {"text": evidence}}


def test_sentences_and_the_ones_naming_a_pair() -> None:
    assert len(sentences(TEXT)) == 3
    found = gold_sentences(TEXT, ["Ivan Petrenko", "Oleg Kuzmin"], ENTITIES)
    assert found == ["Там Петренко встретился с Олегом Кузьминым."]
    assert gold_sentences(TEXT, ["Anna Kotova", "Nobody"], ENTITIES) == ["Позже к ним присоединилась Анна Котова."]


def test_error_lines_carry_reports_and_sentences(tmp_path: Path) -> None:
    gold = {"a": [GoldItem(frozenset({"Ivan Petrenko", "Anna Kotova"}), frozenset({"asserted"}), False)]}
    records = [_record("Петренко", "Кузьмин", evidence="Там Петренко встретился с Олегом Кузьминым.")]
    result = score(records, gold, ENTITIES)
    lines = list(error_lines(result.errors, records, {"a": TEXT}, ENTITIES))
    missed = next(x for x in lines if "missed" in x)
    spurious = next(x for x in lines if "spurious" in x)
    assert missed["reports"] == [] and any("Котова" in s for s in missed["sentences"])
    assert spurious["reports"][0]["evidence"].startswith("Там Петренко")
    path = tmp_path / "errors.jsonl"
    assert write_errors(path, lines) == 2
    assert [json.loads(x)["doc"] for x in path.read_text(encoding="utf-8").splitlines()] == ["a", "a"]
