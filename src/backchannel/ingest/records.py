"""One JSON record (an object from a JSON array, a JSONL line, a Telegram message) → a RawDocument.

Field names are matched case-insensitively; the first field present in each list wins.
Every other scalar field (and list of scalars) is kept in the metadata under its own key.
"""

from __future__ import annotations

import math
import re
from collections.abc import Mapping
from datetime import UTC, datetime
from typing import Any

from backchannel.ingest.formats import looks_like_html
from backchannel.ingest.origin import Origin, over_limit
from backchannel.model import ORIGIN_FIELDS, JSONValue, RawDocument, Rejected

TEXT_FIELDS = ("text", "body", "content", "message", "full_text", "article")
FIELD_NAMES: dict[str, tuple[str, ...]] = {
    "title": ("title", "headline"),
    "published": ("date", "published", "pubdate", "published_at", "datetime", "created_at", "time"),
    "url": ("url", "link", "permalink"),
    "outlet": ("outlet", "source", "channel", "site", "publisher", "site_name"),
    "author": ("author", "by", "creator"),
    "language": ("language", "lang"),
    "description": ("description", "summary", "lead", "excerpt"),
}
"""Our metadata key (one of ``ORIGIN_FIELDS``) → the record fields it is read from, in order."""

_NESTED_TEXT = ("rendered", "text", "value", "html", "name")
_UNIX_DIGITS = re.compile(r"\d{9,13}")


def join_text(value: Any) -> str | None:
    """The text of a field: a string, a Telegram-style list of parts (strings or ``{"text": …}``),
    or an object such as WordPress's ``{"rendered": …}``. None when it holds no text at all."""
    if isinstance(value, str):
        return value
    if isinstance(value, list):
        parts = [join_text(part) for part in value]
        return "".join(part for part in parts if part is not None)
    if isinstance(value, dict):
        for key in _NESTED_TEXT:
            if isinstance(value.get(key), str):
                return str(value[key])
    return None


def iso_datetime(value: Any) -> str | None:
    """A date field as an ISO 8601 string: strings are kept as written, unix times become UTC."""
    if isinstance(value, str):
        value = value.strip()
        if not _UNIX_DIGITS.fullmatch(value):
            return value or None
        value = int(value)
    if isinstance(value, bool) or not isinstance(value, int | float):
        return None
    seconds = value / 1000 if abs(value) >= 1e11 else value
    try:
        return datetime.fromtimestamp(seconds, tz=UTC).isoformat()
    except (OverflowError, OSError, ValueError):
        return None


def _name(value: Any) -> str | None:
    """A person or outlet field: a string, an object with a ``name``, or a list of those."""
    if isinstance(value, list):
        names = [name for name in map(_name, value) if name]
        return ", ".join(names) or None
    text = join_text(value)
    return text.strip() or None if text is not None else None


def _plain(value: Any) -> str | None:
    """A title, url, language or description: text, or a number written as text."""
    if isinstance(value, int | float) and not isinstance(value, bool) and is_scalar(value):
        return str(value)
    text = join_text(value)
    return text.strip() or None if text is not None else None


def _safe(value: JSONValue) -> JSONValue:
    """Strings with lone surrogates (valid JSON escapes, invalid Unicode) get U+FFFD instead."""
    if isinstance(value, str):
        try:
            value.encode("utf-8")
        except UnicodeEncodeError:
            return value.encode("utf-8", errors="replace").decode("utf-8")
    elif isinstance(value, list):
        return [_safe(item) for item in value]
    return value


def is_scalar(value: Any) -> bool:
    if isinstance(value, float):
        return math.isfinite(value)
    return value is None or isinstance(value, str | int | bool)


def keep_value(value: Any) -> JSONValue | None:
    """A value worth keeping as metadata as it is: a scalar or a list of scalars, else None."""
    if is_scalar(value) and value is not None:
        return value  # type: ignore[no-any-return]
    if isinstance(value, list) and value and all(is_scalar(item) for item in value):
        return list(value)
    return None


def origin_fields(record: Mapping[str, Any]) -> tuple[dict[str, JSONValue], set[str]]:
    """Our ORIGIN_FIELDS read from a record, and the (original) keys they were read from."""
    lowered = {key.lower(): key for key in record}
    found: dict[str, JSONValue] = {}
    used: set[str] = set()
    for ours, candidates in FIELD_NAMES.items():
        for candidate in candidates:
            key = lowered.get(candidate)
            if key is None:
                continue
            value = record[key]
            if ours == "published":
                mapped = iso_datetime(value)
            elif ours in ("author", "outlet"):
                mapped = _name(value)
            else:
                mapped = _plain(value)
            if mapped is not None:
                found[ours] = mapped
                used.add(key)
                break
    return found, used


def record_document(
    record: Mapping[str, Any],
    origin: Origin,
    label: str,
    defaults: Mapping[str, JSONValue] | None = None,
    max_bytes: int | None = None,
) -> RawDocument | Rejected:
    """One record as a RawDocument; ``label`` names it in reasons (``record 3``, ``line 7``).

    ``defaults`` are container-level fields (an export's outlet) that the record's own fields override.
    """
    lowered = {key.lower(): key for key in record}
    text_key = next((lowered[name] for name in TEXT_FIELDS if name in lowered), None)
    if text_key is None:
        return origin.reject(f"{label} has no text field (looked for {', '.join(TEXT_FIELDS)})")
    text = join_text(record[text_key])
    if text is None or not text.strip():
        return origin.reject(f"{label}: empty text")
    data = text.encode("utf-8", errors="replace")
    if max_bytes is not None and len(data) > max_bytes:
        return origin.reject(over_limit(len(data), max_bytes, f"{label}: text"))
    mapped, used = origin_fields(record)
    metadata: dict[str, JSONValue] = dict(defaults or {})
    metadata.update(mapped)
    for key, value in record.items():
        if key == text_key or key in used or key in metadata or key.lower() in ORIGIN_FIELDS:
            continue
        kept = keep_value(value)
        if kept is not None:
            metadata[key] = kept
    metadata = {str(_safe(key)): _safe(value) for key, value in metadata.items()}
    return origin.document(data, "html" if looks_like_html(text) else "text", metadata, "utf-8")
