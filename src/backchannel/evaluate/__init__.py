"""Evaluation harnesses against the shared gold sets (``../shared/data/eval``).

NER: :mod:`backchannel.evaluate.ner` — ``run_ner_eval`` scores any recogniser, ``evaluate_ner``
scores the real analysis stage (what ``backchannel eval ner`` and
``python -m backchannel.evaluate.ner`` run). The package itself imports only the records and
readers (so that ``-m backchannel.evaluate.ner`` runs cleanly); it reads no data and loads no
model at import.
"""

from __future__ import annotations

from backchannel.evaluate.datasets import DATASET_NAMES, Dataset, datasets, default_root
from backchannel.evaluate.gold import GoldDoc, GoldMention
from backchannel.evaluate.report import NerReport

__all__ = ["DATASET_NAMES", "Dataset", "GoldDoc", "GoldMention", "NerReport", "datasets", "default_root"]
