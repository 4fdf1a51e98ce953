"""The per-article story sketch: computed with the analysis (so in worker processes), and no
vectors for an article that the store can never pair with another."""

from __future__ import annotations

from dataclasses import replace

import pytest

from backchannel.analyze.embed import Embedder
from backchannel.consolidate.stories import StoryParams, minhash
from backchannel.consolidate.story_step import article_features, can_meet_others, sketch
from backchannel.model import Article, ArticleAnalysis, Mention, Sentence

TEXT = ("Президент Финляндии провел телефонный разговор с премьер-министром Эстонии. "
        "Они обсудили поставки электроэнергии и новый кабель по дну Балтийского моря.")


def article(published: str | None) -> Article:
    return Article("a1", "a.txt", "a.txt", "0" * 64, "txt", "Финляндия и Эстония обсудили энергетический кабель",
                   None, None, None, published, "ru", None, (), {}, TEXT)


def analysis(mentions: tuple[Mention, ...] = ()) -> ArticleAnalysis:
    cut = TEXT.index("Они")
    return ArticleAnalysis("a1", "ru", (Sentence(0, cut - 1), Sentence(cut, len(TEXT))), mentions)


@pytest.fixture(scope="module")
def embedder() -> Embedder:
    return Embedder(threads=1)


def test_an_undated_article_without_mentions_can_meet_no_other() -> None:
    assert not can_meet_others(article(None), analysis())
    assert can_meet_others(article("2025-03-04"), analysis())


def test_the_sketch_embeds_the_title_and_first_sentences_and_hashes_the_whole_text(embedder: Embedder) -> None:
    found = sketch(article("2025-03-04"), analysis(), embedder, 4)
    assert (found.rows, found.dim) == (3, 384)
    assert found.minhash == minhash(TEXT)
    assert sketch(article("2025-03-04"), analysis(), embedder, 2).rows == 2
    lonely = sketch(article(None), analysis(), embedder, 4)
    assert lonely.rows == 0 and lonely.minhash == found.minhash


def test_features_use_the_sketch_the_analysis_carries(embedder: Embedder) -> None:
    carried = replace(analysis(), story=sketch(article("2025-03-04"), analysis(), embedder, 1))
    features = article_features(article("2025-03-04"), carried, frozenset({"e1"}), embedder, StoryParams())
    assert features.vectors.rows == 1
    fresh = article_features(article("2025-03-04"), analysis(), frozenset(), embedder, StoryParams(sentences=4))
    assert fresh.vectors.rows == 3 and fresh.vectors.data[: 2 * 384] != b""
