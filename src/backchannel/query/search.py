"""Full-text search over articles: SQLite FTS5 (``articles_fts``, kept by triggers), a LIKE
query on other databases."""

from __future__ import annotations

import re
from typing import Any

from sqlalchemy import or_, select, text

from backchannel.query.events import reading
from backchannel.query.records import SearchHit
from backchannel.store import Store
from backchannel.store.schema import articles

_WORD = re.compile(r"\w+")
PREFIX_FROM = 4
"""Words this long also match longer forms ("Путин" finds "Путина", "Путину")."""


def fts_query(text_: str) -> str:
    """Every word must occur; words of ``PREFIX_FROM`` letters or more match as prefixes."""
    words = _WORD.findall(text_)
    return " ".join(f'"{w}"*' if len(w) >= PREFIX_FROM else f'"{w}"' for w in words)


def search(store: Store, query: str, limit: int = 20) -> list[SearchHit]:
    if not _WORD.search(query):
        return []
    with reading(store) as c:
        rows: list[tuple[Any, ...]]
        if c.dialect.name == "sqlite":
            rows = [tuple(r) for r in c.execute(text(
                "SELECT a.id, a.title, a.outlet, a.published, a.source_path, "
                "snippet(articles_fts, 1, '[', ']', '…', 16) FROM articles_fts "
                "JOIN articles a ON a.rowid = articles_fts.rowid "
                "WHERE articles_fts MATCH :q AND a.is_current ORDER BY rank LIMIT :n"),
                {"q": fts_query(query), "n": limit})]
        else:
            words = _WORD.findall(query)
            q = select(articles.c.id, articles.c.title, articles.c.outlet, articles.c.published,
                       articles.c.source_path, articles.c.text).where(articles.c.is_current)
            for w in words:
                q = q.where(or_(articles.c.text.icontains(w, autoescape=True),
                                articles.c.title.icontains(w, autoescape=True)))
            rows = [(*r[:5], _snippet(r[5], words[0])) for r in c.execute(q.limit(limit))]
    return [SearchHit(r[0], r[1], r[2], r[3], r[4], " ".join(str(r[5]).split())) for r in rows]


def _snippet(body: str, word: str, width: int = 80) -> str:
    at = body.casefold().find(word.casefold())
    start = max(0, at - width // 2)
    return ("…" if start else "") + body[start : start + width] + "…"
