"""``backchannel eval contacts GOLD.jsonl --entities ENTITIES.json``: stored contact reports
scored against a gold file, exactly as CONTRACT.md ("Gold files") defines it.

Per document (matched by the file name of ``article.source_path`` without its extension; a
container record keeps its ``#N``), the unit is (unordered pair of participants, polarity); an
n-ary report yields every pair. A participant matches a gold entity when its name or one of its
aliases equals one of the entity's aliases (case-folded, ё = е). Optional gold items are neither
rewarded nor penalised. Micro precision, recall and F1 over all gold documents; polarity
accuracy over the pairs matched regardless of polarity.
"""

from __future__ import annotations

import json
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass, field
from itertools import combinations
from pathlib import Path
from typing import Any

from backchannel.errors import InputError
from backchannel.evaluate.scoring import Counts

Pair = frozenset[str]


def fold(name: str) -> str:
    return " ".join(name.casefold().replace("ё", "е").split())


def doc_key(path: str) -> str:
    """``dir/wire.jsonl#2`` → ``wire#2``; ``dir/000_x.txt`` → ``000_x``."""
    name = path.replace("\\", "/").rsplit("/", 1)[-1]
    name, _, record = name.partition("#")
    stem = name.rsplit(".", 1)[0] if "." in name else name
    return f"{stem}#{record}" if record else stem


@dataclass(frozen=True, slots=True)
class GoldItem:
    pair: Pair
    polarities: frozenset[str]
    optional: bool


@dataclass(slots=True)
class ContactScore:
    tp: int = 0
    fp: int = 0
    fn: int = 0
    matched_pairs: int = 0
    polarity_right: int = 0
    documents: int = 0
    errors: list[dict[str, Any]] = field(default_factory=list)
    polarity_scored: bool = True
    """False where the gold has no modality (every polarity accepted): accuracy is not reported."""

    @property
    def counts(self) -> Counts:
        return Counts(self.tp, self.fp, self.fn)

    @property
    def precision(self) -> float:
        return self.counts.precision

    @property
    def recall(self) -> float:
        return self.counts.recall

    @property
    def f1(self) -> float:
        return self.counts.f1

    @property
    def polarity_accuracy(self) -> float:
        return self.polarity_right / self.matched_pairs if self.matched_pairs else 0.0

    def to_dict(self) -> dict[str, Any]:
        return {"documents": self.documents, "tp": self.tp, "fp": self.fp, "fn": self.fn,
                "precision": round(self.precision, 3), "recall": round(self.recall, 3), "f1": round(self.f1, 3),
                "matched_pairs": self.matched_pairs,
                "polarity_accuracy": round(self.polarity_accuracy, 3) if self.polarity_scored else None,
                "errors": self.errors[:200]}

    def to_markdown(self, title: str) -> str:
        polarity = f"{self.polarity_accuracy:.3f}" if self.polarity_scored else "n/a (no modality in gold)"
        return "\n".join([
            f"# Contacts: {title}", "",
            "| documents | P | R | F1 | polarity accuracy (matched pairs) |", "|---:|---:|---:|---:|---:|",
            f"| {self.documents} | {self.precision:.3f} | {self.recall:.3f} | **{self.f1:.3f}** | "
            f"{polarity} ({self.matched_pairs}) |", "",
        ])


def read_json(path: Path) -> Any:
    try:
        return json.loads(path.read_text(encoding="utf-8"))
    except (OSError, UnicodeDecodeError, json.JSONDecodeError) as exc:
        raise InputError(f"cannot read {path}: {exc}", "give the gold files in the CONTRACT.md format") from exc


def read_gold(path: Path) -> dict[str, list[GoldItem]]:
    try:
        lines = path.read_text(encoding="utf-8").splitlines()
        docs = [json.loads(line) for line in lines if line.strip()]
    except (OSError, UnicodeDecodeError, json.JSONDecodeError) as exc:
        raise InputError(f"cannot read gold file {path}: {exc}", "one JSON object per line, as in CONTRACT.md") from exc
    return gold_items(docs)


def gold_items(docs: Iterable[Mapping[str, Any]]) -> dict[str, list[GoldItem]]:
    """Gold lines (already parsed) by document key."""
    gold: dict[str, list[GoldItem]] = {}
    for d in docs:
        items = gold.setdefault(doc_key(str(d["doc"])), [])
        for c in d.get("contacts", []):
            accept = c.get("accept_polarity") or [c["polarity"]]
            items.append(GoldItem(frozenset(c["between"]), frozenset(accept), bool(c.get("optional"))))
    return gold


def alias_index(entities: Mapping[str, Sequence[str]]) -> dict[str, str]:
    index: dict[str, str] = {}
    for canonical, aliases in entities.items():
        for alias in [canonical, *aliases]:
            index.setdefault(fold(alias), canonical)
    return index


def canonical_of(participant: Mapping[str, Any], index: Mapping[str, str]) -> str:
    for name in [participant.get("name", ""), *participant.get("aliases", [])]:
        found = index.get(fold(str(name)))
        if found:
            return found
    return f"?{participant.get('name', '')}"


def report_pairs(record: Mapping[str, Any], index: Mapping[str, str]) -> list[Pair]:
    """The unordered pairs of gold entities one report yields: every two of its participants."""
    names = sorted({canonical_of(p, index) for p in record["participants"]})
    return [frozenset(ab) for ab in combinations(names, 2)]


def system_units(records: Iterable[Mapping[str, Any]], index: Mapping[str, str]) -> dict[str, set[tuple[Pair, str]]]:
    units: dict[str, set[tuple[Pair, str]]] = {}
    for r in records:
        doc = units.setdefault(doc_key(r["article"]["source_path"]), set())
        doc.update((pair, str(r["polarity"])) for pair in report_pairs(r, index))
    return units


def score(records: Iterable[Mapping[str, Any]], gold: Mapping[str, list[GoldItem]],
          entities: Mapping[str, Sequence[str]]) -> ContactScore:
    index = alias_index(entities)
    system = system_units(records, index)
    result = ContactScore(documents=len(gold))
    for doc, items in gold.items():
        found = system.get(doc, set())
        used: set[tuple[Pair, str]] = set()
        for item in items:
            hits = {u for u in found if u[0] == item.pair and u[1] in item.polarities}
            if item.optional:
                used |= hits
                continue
            if hits:
                result.tp += 1
                used |= hits
            else:
                result.fn += 1
                result.errors.append({"doc": doc, "missed": sorted(item.pair), "polarity": sorted(item.polarities)})
        for unit in found - used:
            if any(unit[0] == item.pair and item.optional for item in items):
                continue
            result.fp += 1
            result.errors.append({"doc": doc, "spurious": sorted(unit[0]), "polarity": unit[1]})
        pairs = {u[0] for u in found}
        for item in items:
            if item.pair in pairs and not item.optional:
                result.matched_pairs += 1
                if any(u[0] == item.pair and u[1] in item.polarities for u in found):
                    result.polarity_right += 1
    return result
