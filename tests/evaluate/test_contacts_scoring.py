"""CONTRACT.md's contact scoring on small hand-made records."""

from __future__ import annotations

from typing import Any

import pytest

from backchannel.evaluate.contacts import GoldItem, doc_key, score

ENTITIES = {"Vladimir Putin": ["Путин", "Путін"], "Elon Musk": ["Маск", "Илон Маск"], "Xi Jinping": ["Си Цзиньпин"],
            "Dmitry Peskov": ["Песков"]}


def record(doc: str, polarity: str, *names: str, aliases: tuple[str, ...] = ()) -> dict[str, Any]:
    return {"article": {"source_path": f"some/dir/{doc}"}, "polarity": polarity,
            "participants": [{"name": n, "aliases": list(aliases)} for n in names]}


@pytest.mark.parametrize("path,key", [
    ("a/b/000_x.txt", "000_x"), ("wire.jsonl#2", "wire#2"), ("x/result.json#3", "result#3"), ("noext", "noext"),
])
def test_doc_key(path: str, key: str) -> None:
    assert doc_key(path) == key


def test_pairs_polarity_optional_and_nary() -> None:
    gold = {
        "a": [GoldItem(frozenset({"Elon Musk", "Vladimir Putin"}), frozenset({"asserted"}), False),
              GoldItem(frozenset({"Elon Musk", "Vladimir Putin"}), frozenset({"denied"}), False),
              GoldItem(frozenset({"Vladimir Putin", "Xi Jinping"}), frozenset({"asserted"}), True)],
        "b": [GoldItem(frozenset({"Vladimir Putin", "Xi Jinping"}), frozenset({"asserted", "hypothetical"}), False)],
    }
    records = [
        record("a.txt", "asserted", "Илон Маск", "Путин", "Си Цзиньпин"),  # 3 pairs: 1 tp, 1 optional, 1 fp
        record("b.md", "hypothetical", "Си Цзиньпин", "Vladimir Putin", aliases=()),
        record("c.txt", "asserted", "Путин", "Маск"),  # not a gold document: ignored
    ]
    s = score(records, gold, ENTITIES)
    assert (s.tp, s.fp, s.fn) == (2, 1, 1)
    assert s.matched_pairs == 3 and s.polarity_right == 2
    assert round(s.f1, 3) == round(2 * (2 / 3) * (2 / 3) / (4 / 3), 3)


def test_aliases_and_case_folding() -> None:
    gold = {"a": [GoldItem(frozenset({"Elon Musk", "Dmitry Peskov"}), frozenset({"denied"}), False)]}
    records = [record("a.txt", "denied", "ПЕСКОВ", "Elon R. Musk", aliases=("Маск",))]
    assert score(records, gold, ENTITIES).tp == 1
