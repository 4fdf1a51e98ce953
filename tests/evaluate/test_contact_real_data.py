"""The contact gold converters over the shared evaluation data, and the seeds scored through
``eval contacts --dataset`` (skipped when ../shared/data/eval is absent)."""

from __future__ import annotations

import pytest

from backchannel.config import Settings
from backchannel.evaluate.contact_eval import load_gold, run_gold
from backchannel.evaluate.datasets import default_root

pytestmark = [
    pytest.mark.slow,
    pytest.mark.skipif(not default_root().is_dir(), reason="../shared/data/eval is absent"),
]

# dataset → split → (documents, gold pairs, of which not optional)
EXPECTED = {
    "factru-meeting": {"dev": (131, 58, 58), "test": (123, 55, 55)},
    "wikievents": {"dev": (20, 4, 2), "test": (20, 5, 4)},
    "rams": {"dev": (924, 83, 22), "test": (871, 79, 26)},
}


@pytest.mark.parametrize("name", EXPECTED)
def test_counts(name: str) -> None:
    for split, expected in EXPECTED[name].items():
        gold = load_gold(name, split)
        items = [c for line in gold.gold for c in line["contacts"]]
        got = (len(gold.docs), len(items), sum(1 for c in items if not c["optional"]))
        assert got == expected, split
        assert len({d.key for d in gold.docs}) == len(gold.docs)
        for line in gold.gold:
            for c in line["contacts"]:
                assert all(n in gold.entities or n.startswith("?") for n in c["between"])


def test_factru_split_halves_cover_every_document() -> None:
    dev, test = load_gold("factru-meeting", "dev"), load_gold("factru-meeting", "test")
    assert {d.key for d in dev.docs}.isdisjoint(d.key for d in test.docs)
    assert len(dev.docs) + len(test.docs) == len(load_gold("factru-meeting", None).docs) == 254


def test_seeds_through_a_temporary_store() -> None:
    result = run_gold(Settings(db="unused.db"), load_gold("seeds", None))
    assert result.documents == 5 and result.f1 >= 0.9 and result.polarity_accuracy >= 0.9
