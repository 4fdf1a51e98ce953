"""The readers over the shared evaluation data parse everything (skipped when it is absent)."""

from __future__ import annotations

import collections

import pytest

from backchannel.evaluate.datasets import datasets, default_root

pytestmark = [
    pytest.mark.slow,
    pytest.mark.skipif(not default_root().is_dir(), reason="../shared/data/eval is absent"),
]

# dataset → language → (documents, {type: gold mentions})
EXPECTED = {
    "slavicner": {
        "ru": (
            706,
            {"PER": 4329, "ORG": 5120, "LOC": 6534, "MISC": 3738},
        ),  # 876 minus us_election_2020's 170
        "uk": (244, {"PER": 799, "ORG": 2294, "LOC": 2569, "MISC": 1068}),  # 327 minus 83
    },
    "ner-uk": {"uk": (169, {"PER": 2180, "ORG": 1547, "LOC": 819, "MISC": 379})},
    "factrueval": {"ru": (132, {"PER": 1368, "ORG": 1579, "LOC": 1298})},
    "wikievents": {"en": (40, {"PER": 480, "ORG": 325, "LOC": 621, "MISC": 193})},
}


@pytest.mark.parametrize("name", EXPECTED)
def test_counts_and_offsets(name: str) -> None:
    (ds,) = datasets([name])
    docs = list(ds.docs())
    got: dict[str, tuple[int, dict[str, int]]] = {}
    for lang in sorted({d.lang for d in docs}):
        mine = [d for d in docs if d.lang == lang]
        types = collections.Counter[str](m.type for d in mine for m in d.mentions)
        got[lang] = (len(mine), dict(types))
    assert got == EXPECTED[name]
    assert all(d.text[m.start : m.end] == m.surface for d in docs for m in d.mentions)
    assert len({d.id for d in docs}) == len(docs)


def test_slavicner_gold_for_base_forms_and_linking() -> None:
    (ds,) = datasets(["slavicner"])
    mentions = [m for d in ds.docs() for m in d.mentions]
    assert all(m.base and m.link_id for m in mentions)
    per_ids = {m.link_id for m in mentions if m.type == "PER"}
    assert "PER-Vladimir-Putin" in per_ids


def test_factrueval_person_base_forms() -> None:
    (ds,) = datasets(["factrueval"])
    persons = [m for d in ds.docs() for m in d.mentions if m.type == "PER"]
    assert sum(1 for m in persons if m.base) == 1336
    assert ("Владимира Путина", "Владимир Путин") in {(m.surface, m.base) for m in persons}
