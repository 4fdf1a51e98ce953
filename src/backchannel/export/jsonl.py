"""JSON-lines exporters (CONTRACT.md shapes)."""

from __future__ import annotations

import json
from collections.abc import Iterable
from typing import IO, TYPE_CHECKING, Any

from backchannel.model import Article

if TYPE_CHECKING:
    from backchannel.workspace import Workspace


def article_json(article: Article) -> dict[str, Any]:
    """The ``export articles`` shape; extra keys (format, metadata, languages) extend the contract."""
    return {
        "id": article.id,
        "source_path": article.source_path,
        "title": article.title,
        "outlet": article.outlet,
        "url": article.url,
        "author": article.author,
        "published": article.published,
        "language": article.language,
        "language_declared": article.language_declared,
        "warnings": list(article.warnings),
        "text": article.text,
        "format": article.format,
        "metadata": dict(article.metadata),
        "languages": [{"start": s.start, "end": s.end, "language": s.language} for s in article.languages],
    }


class JsonLines:
    def __init__(self, out: IO[str]) -> None:
        self.out = out

    def write(self, record: dict[str, Any]) -> None:
        self.out.write(json.dumps(record, ensure_ascii=False, default=str))
        self.out.write("\n")

    def finalize(self) -> None:
        self.out.flush()


class ArticlesJsonl(JsonLines):
    def records(self, workspace: Workspace) -> Iterable[dict[str, Any]]:
        return (article_json(a) for a in workspace.articles())


class MentionsJsonl(JsonLines):
    def records(self, workspace: Workspace) -> Iterable[dict[str, Any]]:
        return workspace.store.iter_mentions()


class ContactsJsonl(JsonLines):
    def records(self, workspace: Workspace) -> Iterable[dict[str, Any]]:
        return workspace.store.iter_contacts()


class StoriesJsonl(JsonLines):
    def records(self, workspace: Workspace) -> Iterable[dict[str, Any]]:
        return workspace.store.iter_stories()
