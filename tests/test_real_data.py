"""End to end over the shared data (skipped when ../shared is absent): the issue's 'done when'.

The seeds go through the whole pipeline into a store and must meet their gold; every
Telegram post and every SlavicNER ru/uk raw file ingests without a crash, and a second
ingest reports everything unchanged.
"""

from __future__ import annotations

import json

import pytest

from backchannel.config import Settings
from backchannel.workspace import Workspace
from tests.conftest import shared_data

pytestmark = pytest.mark.slow


def test_seeds_end_to_end(db_path: str) -> None:
    data = shared_data()
    gold = {g["doc"]: g for g in map(json.loads, (data / "gold" / "seeds.contacts.jsonl").read_text().splitlines())}
    with Workspace.open(Settings(db=db_path)) as ws:
        summary = ws.ingest([str(data / "seeds")])
        assert (summary.ingested, summary.rejected) == (len(gold), 0)
        articles = {a.source_path.rsplit("/", 1)[-1]: a for a in ws.articles()}
    assert set(articles) == set(gold)
    for doc, g in gold.items():
        a = articles[doc]
        assert a.language == g["lang"], doc
        assert a.published == g["published"], doc
        assert any("declared language" in w for w in a.warnings) == bool(g.get("lang_in_metadata_is_wrong")), doc
        for s in g["body_must_contain"]:
            assert s in a.text, (doc, s)
        for s in g["body_must_not_contain"]:
            assert s not in a.text, (doc, s)


def test_eval_corpora_ingest_and_reingest_unchanged(db_path: str) -> None:
    data = shared_data() / "eval"
    inputs = [str(data / "telegram-ru-news-2024" / "raw"), str(data / "slavicner" / "raw")]
    # stories off: embedding 5,108 documents would take a quarter of an hour (tests/cli/test_stories_cli.py covers them)
    with Workspace.open(Settings(db=db_path, story_sentences=0)) as ws:
        first = ws.ingest(inputs)
        assert (first.ingested, first.rejected) == (3905 + 1203, 0)
        second = ws.ingest(inputs)
        assert (second.ingested, second.unchanged, second.rejected) == (0, 3905 + 1203, 0)
        assert ws.check() == []
