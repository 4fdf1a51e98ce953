"""The readers over the shared evaluation data: no crash, the expected counts (skipped without it)."""

from __future__ import annotations

import collections
from pathlib import Path

import pytest

from backchannel.config import Settings
from backchannel.ingest import read_inputs
from backchannel.model import RawDocument, Rejected

DATA = Path(__file__).parents[2].parent / "shared" / "data"

pytestmark = [
    pytest.mark.slow,
    pytest.mark.skipif(not DATA.is_dir(), reason="the shared data folder is absent"),
]


def _read(*inputs: Path | str) -> tuple[list[RawDocument], list[Rejected]]:
    results = list(read_inputs([str(item) for item in inputs], Settings()))
    docs = [item for item in results if isinstance(item, RawDocument)]
    return docs, [item for item in results if isinstance(item, Rejected)]


def test_telegram_news_posts() -> None:
    docs, rejected = _read(DATA / "eval" / "telegram-ru-news-2024" / "raw" / "*.json")
    assert len(docs) == 3905
    assert rejected == []
    outlets = collections.Counter(doc.metadata["outlet"] for doc in docs)
    assert len(outlets) == 4
    assert all(doc.source_path.rsplit("#", 1)[1].isdigit() for doc in docs)
    assert all(doc.encoding == "utf-8" and "published" in doc.metadata for doc in docs)


def test_slavicner_texts() -> None:
    docs, rejected = _read(DATA / "eval" / "slavicner" / "raw")
    assert len(docs) == 1203
    assert rejected == []
    assert {doc.format for doc in docs} == {"text"}


def test_seed_articles() -> None:
    docs, rejected = _read(DATA / "seeds" / "*.txt")
    assert rejected == []
    assert len(docs) == len(list((DATA / "seeds").glob("*.txt")))
    assert [doc.format for doc in docs if doc.source_path.endswith("000_e2c63f8cc674573b.txt")] == [
        "markdown"
    ]
