"""``backchannel eval contacts --dataset NAME [--split dev|test]``: a dataset's documents go
through our normal ingest into a temporary store, and the stored reports are scored against
the dataset's gold (converted by :mod:`backchannel.evaluate.contact_gold`).

Each document is written to a temporary folder as ``<key>.txt`` (plain text, no metadata), so
the document key of every stored report is the gold's key; the seeds are ingested from their
own files. Nothing is written outside the temporary folder except the results files.
"""

from __future__ import annotations

import json
import tempfile
from dataclasses import replace
from pathlib import Path

from backchannel.config import Settings
from backchannel.errors import InputError, UsageError
from backchannel.evaluate.contact_errors import dump_errors
from backchannel.evaluate.contact_gold import READERS, ContactGold
from backchannel.evaluate.contacts import ContactScore, gold_items, score
from backchannel.evaluate.datasets import default_root

CONTACT_DATASETS: tuple[str, ...] = tuple(READERS)
SPLITS: tuple[str, ...] = ("dev", "test")


def result_name(dataset: str, split: str | None) -> str:
    return f"{dataset}-{split}" if split else dataset


def load_gold(dataset: str, split: str | None, root: Path | None = None) -> ContactGold:
    if dataset not in READERS:
        raise UsageError(f"unknown contact dataset {dataset}", f"choose from {', '.join(CONTACT_DATASETS)}")
    if split is not None and split not in SPLITS:
        raise UsageError(f"unknown split {split}", "choose dev or test")
    gold = READERS[dataset](default_root() if root is None else root, split)
    if not gold.gold:
        raise InputError(f"no documents of {dataset} found under {root or default_root()}",
                         "put the evaluation data in ../shared/data/eval (or give --data)")
    return gold


def run_gold(settings: Settings, gold: ContactGold, errors: Path | None = None) -> ContactScore:
    """Ingest the gold's documents into a fresh temporary store and score its reports (and write
    the misses and spurious pairs with their sentences to ``errors``, JSON lines, if given)."""
    from backchannel.workspace import Workspace

    with tempfile.TemporaryDirectory(prefix="backchannel-eval-") as tmp:
        folder = Path(tmp) / "docs"
        folder.mkdir()
        for doc in gold.docs:
            (folder / f"{doc.key}.txt").write_text(doc.text, encoding="utf-8")
        inputs = [str(folder)] if gold.docs else []
        inputs += [str(p) for p in gold.paths]
        with Workspace.open(replace(settings, db=str(Path(tmp) / "eval.db"))) as ws:
            ws.ingest(inputs)
            records = [r for r in ws.store.iter_contacts() if gold.kinds is None or r["kind"] in gold.kinds]
            result = score(records, gold_items(gold.gold), gold.entities)
            if errors is not None:
                dump_errors(errors, result, records, ws.store, gold.entities)
    result.polarity_scored = gold.polarity_scored
    return result


def write_results(result: ContactScore, name: str, folder: Path) -> None:
    folder.mkdir(parents=True, exist_ok=True)
    (folder / f"contacts-{name}.json").write_text(json.dumps(result.to_dict(), ensure_ascii=False, indent=1))
    (folder / f"contacts-{name}.md").write_text(result.to_markdown(name))


def evaluate_dataset(settings: Settings, dataset: str, split: str | None, root: Path | None = None,
                     results: Path | None = None, errors: Path | None = None) -> ContactScore:
    result = run_gold(settings, load_gold(dataset, split, root), errors)
    if results is not None:
        write_results(result, result_name(dataset, split), results)
    return result
