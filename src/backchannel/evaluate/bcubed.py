"""B-cubed precision, recall and F1 of a clustering against gold clusters (Bagga & Baldwin 1998).

For each item, precision is the share of its system cluster that shares its gold cluster, and
recall the share of its gold cluster that shares its system cluster; both are averaged over items.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Mapping
from dataclasses import dataclass


@dataclass(frozen=True, slots=True)
class BCubed:
    precision: float
    recall: float
    f1: float
    items: int
    gold_clusters: int
    system_clusters: int

    def to_dict(self) -> dict[str, float | int]:
        return {"precision": round(self.precision, 4), "recall": round(self.recall, 4), "f1": round(self.f1, 4),
                "items": self.items, "gold_clusters": self.gold_clusters, "system_clusters": self.system_clusters}


def bcubed(gold: Mapping[str, str], system: Mapping[str, str]) -> BCubed:
    """Score over the items both mappings share (item → cluster label)."""
    items = [i for i in gold if i in system]
    if not items:
        return BCubed(0.0, 0.0, 0.0, 0, 0, 0)
    both = Counter((gold[i], system[i]) for i in items)
    gold_size = Counter(gold[i] for i in items)
    system_size = Counter(system[i] for i in items)
    precision = sum(both[(gold[i], system[i])] / system_size[system[i]] for i in items) / len(items)
    recall = sum(both[(gold[i], system[i])] / gold_size[gold[i]] for i in items) / len(items)
    f1 = 2 * precision * recall / (precision + recall) if precision + recall else 0.0
    return BCubed(precision, recall, f1, len(items), len(gold_size), len(system_size))
