"""The stories step of ingest: features for a batch of analysed, linked articles, then
incremental assignment against the candidate stories in the store."""

from __future__ import annotations

from collections.abc import Sequence
from typing import Protocol

from sqlalchemy import Connection

from backchannel.analyze.embed import Vectors
from backchannel.consolidate.stories import (
    Assignment,
    StoryFeatures,
    StoryParams,
    assign_all,
    minhash,
    pick_sentences,
)
from backchannel.model import Article, ArticleAnalysis, StorySketch
from backchannel.store import stories as repo


class SentenceEmbedder(Protocol):
    def embed(self, texts: Sequence[str]) -> Vectors: ...


def can_meet_others(article: Article, analysis: ArticleAnalysis) -> bool:
    """Whether the store can ever pair this article with another: candidates are found by shared
    linked entities or, for an article without any, by date; an undated article without a single
    mention is nobody's candidate and has none, so its vectors would never be read."""
    return bool(analysis.mentions) or bool(article.published)


def sketch(article: Article, analysis: ArticleAnalysis, embedder: SentenceEmbedder, sentences: int) -> StorySketch:
    """The per-article story features (pure; runs where the analysis ran): the title's and first
    sentences' vectors, and the MinHash of the whole text."""
    vectors = Vectors.empty()
    if can_meet_others(article, analysis):
        body = (article.text[s.start : s.end] for s in analysis.sentences)
        vectors = embedder.embed(pick_sentences(article.title, body, sentences))
    return StorySketch(vectors.rows, vectors.dim, vectors.data, minhash(article.text))


def article_features(article: Article, analysis: ArticleAnalysis, entities: frozenset[str],
                     embedder: SentenceEmbedder, params: StoryParams) -> StoryFeatures:
    """Compact story features of one article: its sketch (computed now unless the analysis
    carries it), entity ids and date."""
    found = analysis.story or sketch(article, analysis, embedder, params.sentences)
    vectors = Vectors(found.rows, found.dim, found.vectors)
    return StoryFeatures(article.id, article.published, entities, vectors,
                         found.minhash, (article.published or "", article.id))


def update_stories(c: Connection, embedder: SentenceEmbedder, items: Sequence[tuple[Article, ArticleAnalysis]],
                   params: StoryParams, *, fresh: bool) -> list[Assignment]:
    """Assign a batch of stored, linked articles to stories (re-assigning them unless ``fresh``)."""
    ids = [article.id for article, _ in items]
    touched = set() if fresh else repo.remove(c, ids)
    entities = repo.linked_entities(c, ids)
    features = [article_features(a, an, entities.get(a.id, frozenset()), embedder, params) for a, an in items]
    assignments = assign_all(features, params, repo.candidates(c, features, params.max_members))
    repo.save(c, features, assignments)
    repo.refresh(c, touched | {a.story_id for a in assignments})
    return assignments
