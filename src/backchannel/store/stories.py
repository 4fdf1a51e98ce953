"""Stories in the store: compact per-article features, candidate stories for new articles,
membership, and the story rows read back by the CLI and ``export stories``."""

from __future__ import annotations

from collections.abc import Iterable, Iterator, Sequence
from dataclasses import dataclass
from datetime import date, timedelta
from typing import Any

import numpy as np
from sqlalchemy import Connection, delete, func, insert, select

from backchannel.analyze.embed import Vectors
from backchannel.consolidate.stories import Assignment, StoryFeatures, StoryState
from backchannel.store.schema import (
    articles,
    mentions,
    stories,
    story_articles,
    story_entities,
    story_features,
)

CHUNK = 400
CANDIDATE_ARTICLES = 64
"""Per new article: at most this many earlier articles (most shared entities first) pick the candidate stories."""
WINDOW_DAYS = 10


@dataclass(frozen=True, slots=True)
class StoryRow:
    id: str
    title: str | None
    first_published: str | None
    last_published: str | None
    articles: int
    languages: tuple[str, ...]
    outlets: int


@dataclass(frozen=True, slots=True)
class StoryMember:
    article_id: str
    source_path: str
    outlet: str | None
    language: str
    published: str | None
    title: str | None
    score: float
    copy_of: str | None


def _chunks(items: Sequence[str]) -> Iterator[list[str]]:
    for i in range(0, len(items), CHUNK):
        yield list(items[i : i + CHUNK])


def linked_entities(c: Connection, article_ids: Sequence[str]) -> dict[str, frozenset[str]]:
    """The linked entity ids of each article's mentions."""
    found: dict[str, set[str]] = {a: set() for a in article_ids}
    for chunk in _chunks(article_ids):
        rows = c.execute(select(mentions.c.article_id, mentions.c.entity_id).distinct()
                         .where(mentions.c.article_id.in_(chunk), mentions.c.entity_id.is_not(None)))
        for article_id, entity_id in rows:
            found[article_id].add(entity_id)
    return {a: frozenset(e) for a, e in found.items()}


def _features(row: Any) -> StoryFeatures:
    vectors = Vectors(len(row.vectors) // (2 * row.dim), row.dim, bytes(row.vectors))
    signature = tuple(int(v) for v in np.frombuffer(bytes(row.minhash), dtype="<u4"))
    return StoryFeatures(row.article_id, row.published, frozenset(row.entities), vectors, signature,
                         (row.published or "", row.article_id))


def _window(day: str | None) -> tuple[str, str] | None:
    try:
        d = date.fromisoformat(day[:10]) if day else None
    except ValueError:
        return None
    if d is None:
        return None
    return (d - timedelta(days=WINDOW_DAYS)).isoformat(), (d + timedelta(days=WINDOW_DAYS)).isoformat()


def _nearby(c: Connection, article: StoryFeatures) -> set[str]:
    """Earlier articles that may share the new one's story: in its date window, sharing entities."""
    window = _window(article.published)
    if article.entities:
        q = select(story_entities.c.article_id).where(story_entities.c.entity_id.in_(sorted(article.entities)))
        if window:
            q = q.where(story_entities.c.published.between(*window))
        q = q.group_by(story_entities.c.article_id).order_by(func.count().desc(), story_entities.c.article_id)
    elif window:
        q = (select(story_features.c.article_id).where(story_features.c.published.between(*window))
             .order_by(story_features.c.published.desc(), story_features.c.article_id))
    else:
        return set()
    return set(c.execute(q.limit(CANDIDATE_ARTICLES)).scalars())


def candidates(c: Connection, batch: Sequence[StoryFeatures], max_members: int) -> list[StoryState]:
    """The stored stories any article of ``batch`` may join, with their latest members' features."""
    nearby: set[str] = set()
    for article in batch:
        nearby |= _nearby(c, article)
    story_ids: set[str] = set()
    for chunk in _chunks(sorted(nearby)):
        story_ids.update(c.execute(select(story_articles.c.story_id).where(story_articles.c.article_id.in_(chunk))).scalars())
    states: dict[str, StoryState] = {}
    for chunk in _chunks(sorted(story_ids)):
        q = (select(story_articles.c.story_id, story_features)
             .select_from(story_articles.join(story_features, story_features.c.article_id == story_articles.c.article_id))
             .where(story_articles.c.story_id.in_(chunk))
             .order_by(story_articles.c.story_id, func.coalesce(story_features.c.published, ""), story_features.c.article_id))
        for row in c.execute(q):
            states.setdefault(row.story_id, StoryState(row.story_id)).members.append(_features(row))
    for state in states.values():
        del state.members[:-max_members]
    return [states[k] for k in sorted(states)]


def remove(c: Connection, article_ids: Sequence[str]) -> set[str]:
    """Forget these articles' features and membership; returns the stories they were in."""
    touched: set[str] = set()
    for chunk in _chunks(article_ids):
        touched.update(c.execute(select(story_articles.c.story_id).where(story_articles.c.article_id.in_(chunk))).scalars())
        for table in (story_articles, story_features, story_entities):
            c.execute(delete(table).where(table.c.article_id.in_(chunk)))
    return touched


def save(c: Connection, features: Sequence[StoryFeatures], assignments: Sequence[Assignment]) -> None:
    """Store the new articles' features, entity index rows and story membership."""
    if not features:
        return
    c.execute(insert(story_features), [
        {"article_id": f.article_id, "published": f.published, "entities": sorted(f.entities),
         "vectors": f.vectors.data, "dim": f.vectors.dim,
         "minhash": np.asarray(f.minhash, dtype="<u4").tobytes()} for f in features])
    index = [{"entity_id": e, "article_id": f.article_id, "published": f.published}
             for f in features for e in sorted(f.entities)]
    if index:
        c.execute(insert(story_entities), index)
    c.execute(insert(story_articles), [
        {"article_id": a.article_id, "story_id": a.story_id, "score": a.score, "copy_of": a.copy_of}
        for a in assignments])


def refresh(c: Connection, story_ids: Iterable[str]) -> None:
    """Recompute the summary rows of these stories from their current members."""
    ids = sorted(set(story_ids))
    for chunk in _chunks(ids):
        c.execute(delete(stories).where(stories.c.id.in_(chunk)))
        q = (select(story_articles.c.story_id, articles.c.id, articles.c.title, articles.c.published,
                    articles.c.language, articles.c.outlet)
             .select_from(story_articles.join(articles, articles.c.id == story_articles.c.article_id))
             .where(story_articles.c.story_id.in_(chunk), articles.c.is_current)
             .order_by(story_articles.c.story_id, func.coalesce(articles.c.published, "9999"), articles.c.id))
        members: dict[str, list[Any]] = {}
        for row in c.execute(q):
            members.setdefault(row.story_id, []).append(row)
        rows = []
        for story_id, rs in members.items():
            titled = [r for r in rs if r.title]
            dates = sorted(r.published for r in rs if r.published)
            rows.append({
                "id": story_id, "title": titled[0].title if titled else None,
                "representative_id": (titled or rs)[0].id,
                "first_published": dates[0] if dates else None, "last_published": dates[-1] if dates else None,
                "articles": len(rs), "languages": sorted({r.language for r in rs}),
                "outlets": len({r.outlet for r in rs if r.outlet}),
            })
        if rows:
            c.execute(insert(stories), rows)


def _story_row(r: Any) -> StoryRow:
    return StoryRow(r.id, r.title, r.first_published, r.last_published, r.articles, tuple(r.languages), r.outlets)


def story_rows(c: Connection, *, limit: int | None = None, min_articles: int = 1) -> list[StoryRow]:
    q = (select(stories).where(stories.c.articles >= min_articles)
         .order_by(stories.c.articles.desc(), func.coalesce(stories.c.first_published, "").desc(), stories.c.id))
    if limit:
        q = q.limit(limit)
    return [_story_row(r) for r in c.execute(q)]


def story_row(c: Connection, story_id: str) -> StoryRow | None:
    row = c.execute(select(stories).where(stories.c.id == story_id)).first()
    return _story_row(row) if row else None


def story_members(c: Connection, story_id: str) -> list[StoryMember]:
    q = (select(articles.c.id, articles.c.source_path, articles.c.outlet, articles.c.language, articles.c.published,
                articles.c.title, story_articles.c.score, story_articles.c.copy_of)
         .select_from(story_articles.join(articles, articles.c.id == story_articles.c.article_id))
         .where(story_articles.c.story_id == story_id, articles.c.is_current)
         .order_by(func.coalesce(articles.c.published, ""), articles.c.id))
    return [StoryMember(*r) for r in c.execute(q)]


def story_id_like(c: Connection, id_or_prefix: str) -> str | None:
    """A story id from an id or a unique prefix (4+ characters)."""
    if c.execute(select(stories.c.id).where(stories.c.id == id_or_prefix)).first():
        return id_or_prefix
    if len(id_or_prefix) < 4:
        return None
    found = c.execute(select(stories.c.id).where(stories.c.id.startswith(id_or_prefix, autoescape=True)).limit(2)).scalars().all()
    return found[0] if len(found) == 1 else None


def iter_story_records(c: Connection) -> Iterator[dict[str, Any]]:
    """``export stories`` records (CONTRACT.md shape; ``copy_of`` and ``outlet`` extend it)."""
    for row in story_rows(c):
        members = story_members(c, row.id)
        yield {
            "story_id": row.id, "title": row.title,
            "articles": [{"id": m.article_id, "source_path": m.source_path, "language": m.language,
                          "outlet": m.outlet, "published": m.published, "title": m.title, "copy_of": m.copy_of}
                         for m in members],
            "languages": list(row.languages), "first_published": row.first_published,
        }
