from __future__ import annotations

import pytest

from backchannel.evaluate.bcubed import bcubed

CASES = [
    # gold, system, precision, recall
    ({"a": "1", "b": "1", "c": "2"}, {"a": "x", "b": "x", "c": "y"}, 1.0, 1.0),
    # everything in one system cluster: recall 1, precision (2/3 + 2/3 + 1/3) / 3
    ({"a": "1", "b": "1", "c": "2"}, {"a": "x", "b": "x", "c": "x"}, 5 / 9, 1.0),
    # all singletons: precision 1, recall (1/2 + 1/2 + 1) / 3
    ({"a": "1", "b": "1", "c": "2"}, {"a": "x", "b": "y", "c": "z"}, 1.0, 2 / 3),
    # labels need not match, only the partition
    ({"a": "1", "b": "2"}, {"a": "2", "b": "1"}, 1.0, 1.0),
]


@pytest.mark.parametrize(("gold", "system", "precision", "recall"), CASES)
def test_bcubed(gold: dict[str, str], system: dict[str, str], precision: float, recall: float) -> None:
    score = bcubed(gold, system)
    assert score.precision == pytest.approx(precision)
    assert score.recall == pytest.approx(recall)
    assert score.f1 == pytest.approx(2 * precision * recall / (precision + recall))


def test_bcubed_scores_shared_items_only_and_counts_clusters() -> None:
    score = bcubed({"a": "1", "b": "1", "c": "2"}, {"a": "x", "b": "y", "d": "z"})
    assert score.items == 2 and score.gold_clusters == 1 and score.system_clusters == 2
    assert bcubed({}, {}).f1 == 0.0
