"""Translation between store rows and our records (the only place that knows both)."""

from __future__ import annotations

from datetime import datetime
from typing import Any

from sqlalchemy import RowMapping

from backchannel.model import Article, LanguageSpan


def without_nul(value: Any) -> Any:
    """``value`` with every NUL character replaced by U+FFFD (same length, so offsets hold):
    PostgreSQL text cannot hold NUL, and both backends must store the same."""
    if isinstance(value, str):
        return value.replace("\x00", "\ufffd") if "\x00" in value else value
    if isinstance(value, list | tuple):
        return [without_nul(v) for v in value]
    if isinstance(value, dict):
        return {without_nul(k): without_nul(v) for k, v in value.items()}
    return value


def article_row(article: Article, *, version: int, raw_size: int, run_id: int | None, now: datetime) -> dict[str, Any]:
    return {key: without_nul(value) for key, value in _article_row(article, version, raw_size, run_id, now).items()}


def _article_row(article: Article, version: int, raw_size: int, run_id: int | None, now: datetime) -> dict[str, Any]:
    return {
        "id": article.id,
        "source_key": article.source_key,
        "source_path": article.source_path,
        "version": version,
        "is_current": True,
        "raw_sha256": article.raw_sha256,
        "raw_size": raw_size,
        "format": article.format,
        "title": article.title,
        "outlet": article.outlet,
        "url": article.url,
        "author": article.author,
        "published": article.published,
        "language": article.language,
        "language_declared": article.language_declared,
        "warnings": list(article.warnings),
        "meta": dict(article.metadata),
        "languages": [[s.start, s.end, s.language] for s in article.languages],
        "text": article.text,
        "ingested_at": now,
        "run_id": run_id,
    }


def article_from_row(row: RowMapping) -> Article:
    return Article(
        id=row["id"],
        source_path=row["source_path"],
        source_key=row["source_key"],
        raw_sha256=row["raw_sha256"],
        format=row["format"],
        title=row["title"],
        outlet=row["outlet"],
        url=row["url"],
        author=row["author"],
        published=row["published"],
        language=row["language"],
        language_declared=row["language_declared"],
        warnings=tuple(row["warnings"] or ()),
        metadata=dict(row["meta"] or {}),
        text=row["text"],
        languages=tuple(LanguageSpan(int(s), int(e), str(lang)) for s, e, lang in row["languages"] or ()),
    )
