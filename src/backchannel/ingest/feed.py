"""RSS/Atom/RDF feeds, read with feedparser (the only module that imports it): one RawDocument
per entry, its content (or summary) as HTML, with the entry's title, link, date and author
and the feed's title as outlet."""

from __future__ import annotations

import calendar
import re
from collections.abc import Iterator, Mapping
from datetime import UTC, datetime
from typing import Any

from backchannel.ingest.origin import Origin, over_limit
from backchannel.model import DocFormat, JSONValue, RawDocument, Rejected


def read_feed(data: bytes, origin: Origin, max_bytes: int) -> Iterator[RawDocument | Rejected]:
    import feedparser  # heavy: imported when a feed is read, not with the package

    try:
        # bytes, never a str: feedparser would take a str for a URL or a file name
        parsed = feedparser.parse(data, resolve_relative_uris=False)
    except Exception as exc:  # feedparser on hostile input: translate at the edge
        yield origin.reject(f"not a valid RSS/Atom feed: {type(exc).__name__}: {exc}", data)
        return
    entries: list[Any] = list(parsed.get("entries") or [])
    if not entries:
        problem = parsed.get("bozo_exception") if parsed.get("bozo") else None
        if problem is not None or not parsed.get("version"):
            detail = str(problem or "no <rss>, <feed> or <rdf:RDF> element").strip().splitlines()[0]
            yield origin.reject(f"not a valid RSS/Atom feed: {detail}", data)
        else:
            yield origin.reject("feed has no entries", data)
        return
    feed: Mapping[str, Any] = parsed.get("feed") or {}
    defaults: dict[str, JSONValue] = {}
    title = _text(feed.get("title"))
    if title:
        defaults["outlet"] = outlet_of_feed_title(title)
        defaults["feed_title"] = title
    if _text(feed.get("language")):
        defaults["language"] = _text(feed.get("language"))
    for number, entry in enumerate(entries, start=1):
        yield _entry_document(entry, origin.record(number), number, defaults, max_bytes)


_SEPARATORS = re.compile(r"\s+[—–|-]\s+|:\s+")
_SECTIONS = frozenset({
    "главное", "главные новости", "новости", "все новости", "последние новости", "лента новостей", "политика",
    "в мире", "мир", "головне", "новини", "усі новини", "всі новини", "останні новини", "політика", "світ",
    "news", "top news", "top stories", "latest", "latest news", "world", "world news", "politics", "home",
    "breaking news", "all news", "headlines", "rss",
})


def outlet_of_feed_title(title: str) -> str:
    """The outlet in a feed title such as "Outlet — Top stories" or "World news | Outlet": the part
    that is not a section name; the whole title when no part is one."""
    parts = [p.strip() for p in _SEPARATORS.split(title) if p.strip()]
    if len(parts) == 2:
        first, second = parts
        if second.casefold() in _SECTIONS:
            return first
        if first.casefold() in _SECTIONS:
            return second
    return title


def _text(value: Any) -> str | None:
    return value.strip() or None if isinstance(value, str) else None


def _iso(parsed: Any) -> str | None:
    """feedparser's parsed dates are UTC ``struct_time``s."""
    try:
        return datetime.fromtimestamp(calendar.timegm(parsed), tz=UTC).isoformat()
    except (TypeError, ValueError, OverflowError, OSError):
        return None


def _body(entry: Mapping[str, Any]) -> tuple[str, str] | None:
    """The entry's main text and its MIME type: the first HTML content, else any content, else the summary."""
    contents = [item for item in entry.get("content") or [] if _text(item.get("value"))]
    contents.sort(key=lambda item: "html" not in str(item.get("type", "")))
    if contents:
        return str(contents[0]["value"]), str(contents[0].get("type") or "text/html")
    summary = _text(entry.get("summary"))
    if summary:
        detail = entry.get("summary_detail") or {}
        return str(entry["summary"]), str(detail.get("type") or "text/html")
    return None


def _entry_document(
    entry: Mapping[str, Any], origin: Origin, number: int, defaults: Mapping[str, JSONValue], max_bytes: int
) -> RawDocument | Rejected:
    body = _body(entry)
    if body is None:
        return origin.reject(f"entry {number} has no content or summary")
    text, mime = body
    data = text.encode("utf-8", errors="replace")
    if len(data) > max_bytes:
        return origin.reject(over_limit(len(data), max_bytes, f"entry {number}"))
    metadata: dict[str, JSONValue] = dict(defaults)
    found: dict[str, str | None] = {
        "title": _text(entry.get("title")),
        "url": _text(entry.get("link")),
        "published": _iso(entry.get("published_parsed"))
        or _text(entry.get("published"))
        or _iso(entry.get("updated_parsed"))
        or _text(entry.get("updated")),
        "author": _text(entry.get("author")),
        "language": _text((entry.get("title_detail") or {}).get("language")),
        "guid": _text(entry.get("id")),
    }
    if entry.get("summary") != text:
        found["description"] = _text(entry.get("summary"))
    metadata.update({key: value for key, value in found.items() if value})
    tags: list[JSONValue] = [str(tag["term"]) for tag in entry.get("tags") or [] if _text(tag.get("term"))]
    if tags:
        metadata["tags"] = tags
    fmt: DocFormat = "text" if mime == "text/plain" else "html"
    return origin.document(data, fmt, metadata, "utf-8")
