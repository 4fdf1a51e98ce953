"""Metadata: fields from every source merged in order of trust, then title, outlet, URL,
author, description and publication date resolved from them."""

from __future__ import annotations

import re
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass
from urllib.parse import urlsplit

from backchannel.clean.dates import FoundDate, date_from_url, parse_date
from backchannel.clean.header import clean_title
from backchannel.clean.records import Header
from backchannel.model import JSONValue

_EMAIL_NAME = re.compile(r"\S+@\S+\s*\((.+)\)")
PUBLISHED_KEYS = ("published", "date", "pubdate", "datepublished", "published_at", "publication_date")
OUTLET_KEYS = ("publication", "site", "outlet", "sitename")


@dataclass(frozen=True, slots=True)
class ArticleMeta:
    """The metadata an Article carries in its own columns."""

    title: str | None
    url: str | None
    author: str | None
    published: str | None
    description: str | None
    language: JSONValue


def _empty(value: JSONValue) -> bool:
    return value is None or value == "" or value == [] or value == {}


def merge(sources: Iterable[Mapping[str, JSONValue]]) -> dict[str, JSONValue]:
    """Fields of all sources; for a key present in several, the first non-empty value wins."""
    merged: dict[str, JSONValue] = {}
    for source in sources:
        for key, value in source.items():
            if key not in merged or (_empty(merged[key]) and not _empty(value)):
                merged[key] = value
    return merged


def text_of(value: JSONValue) -> str | None:
    """A field as one line of text: strings, numbers, lists of strings joined by commas."""
    if isinstance(value, str):
        text = " ".join(value.split())
    elif isinstance(value, int | float) and not isinstance(value, bool):
        text = str(value)
    elif isinstance(value, list):
        text = ", ".join(t for t in (text_of(item) for item in value) if t)
    else:
        return None
    return text or None


def first_text(fields: Mapping[str, JSONValue], *keys: str) -> str | None:
    lowered = {key.lower(): value for key, value in fields.items()}
    return next((t for key in keys if (t := text_of(lowered.get(key))) is not None), None)


def published_from(fields: Mapping[str, JSONValue], header: Header) -> FoundDate | None:
    """Front matter / container / HTML meta, then the header zone, then the URL path."""
    for key in PUBLISHED_KEYS:
        value = first_text(fields, key)
        found = parse_date(value) if value else None
        if found is not None:
            return found
    found = parse_date(header.published) if header.published else None
    url = first_text(fields, "url", "canonical", "link")
    return found or (date_from_url(url) if url else None)


def host_of(url: str | None) -> str | None:
    if not url:
        return None
    try:
        host = urlsplit(url if "//" in url else f"//{url}").hostname
    except ValueError:
        return None
    return host.removeprefix("www.") if host and "." in host else None


def outlet_from(
    fields: Mapping[str, JSONValue], found_in_text: Sequence[str | None], default: str | None
) -> str | None:
    """Front matter publication / site, container outlet, HTML site name, URL host, then what
    the text itself showed (in the order given: a name beside the header date, a copyright
    holder, a domain named in removed boilerplate), then the configured default."""
    named = first_text(fields, *OUTLET_KEYS) or host_of(first_text(fields, "url", "canonical"))
    return named or next((name for name in found_in_text if name), None) or default


def complete(fields: Mapping[str, JSONValue], header: Header, body_title: str | None) -> dict[str, JSONValue]:
    """Every field, plus what the body told (title, description, author) where the metadata
    is silent, and ``published`` as ISO 8601 (``published_at`` too when a time is known)."""
    out = dict(fields)
    derived: dict[str, str | None] = {
        "title": body_title or header.title,
        "description": header.description,
        "author": header.author,
    }
    for key, value in derived.items():
        if value and first_text(out, key) is None:
            out[key] = clean_title(value) if key == "title" else value
    found = published_from(fields, header)
    if found is not None:
        stamp = found.at or found.day
        original = out.get("published")
        if original is not None and original != stamp and text_of(original) is not None:
            parsed = parse_date(str(text_of(original)))
            if parsed is None or (parsed.at or parsed.day) != stamp:
                out.setdefault("published_original", original)
        out["published"] = stamp
        if found.at:
            out["published_at"] = found.at
    return out


def person(value: str | None) -> str | None:
    """An author field without a feed's e-mail address (``news@x.example (Jane Roe)``)."""
    if value is None:
        return None
    match = _EMAIL_NAME.fullmatch(value)
    return match.group(1).strip() if match else value


def article_meta(fields: Mapping[str, JSONValue]) -> ArticleMeta:
    """The Article's columns, read back from a Draft's completed fields."""
    published = first_text(fields, "published")
    found = parse_date(published) if published else None
    return ArticleMeta(
        title=first_text(fields, "title"),
        url=first_text(fields, "url", "canonical"),
        author=person(first_text(fields, "author")),
        published=found.day if found else None,
        description=first_text(fields, "description"),
        language=fields.get("language"),
    )
