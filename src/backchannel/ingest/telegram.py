"""Telegram Desktop channel exports (``result.json``): one RawDocument per message with text.

The export is an object with the channel's ``name`` and a ``messages`` list; a message's
``text`` is a string or a list of parts (strings and ``{"type": "bold", "text": …}``).
Service messages (pins, title changes) are skipped; media-only posts are rejected.
"""

from __future__ import annotations

from collections.abc import Iterator, Mapping
from typing import Any

from backchannel.ingest.origin import Origin
from backchannel.ingest.records import join_text, record_document
from backchannel.model import JSONValue, RawDocument, Rejected

_MESSAGE_TYPES = ("message", "service")


def is_export(value: Mapping[str, Any]) -> bool:
    """Whether a JSON object is a Telegram Desktop export of one chat or channel."""
    messages = value.get("messages")
    if not isinstance(messages, list):
        return False
    return any(isinstance(item, dict) and item.get("type") in _MESSAGE_TYPES for item in messages[:100])


def read_export(value: Mapping[str, Any], origin: Origin, max_bytes: int) -> Iterator[RawDocument | Rejected]:
    defaults: dict[str, JSONValue] = {}
    name = value.get("name")
    if isinstance(name, str) and name.strip():
        defaults["outlet"] = name.strip()
    if isinstance(value.get("id"), int) and not isinstance(value.get("id"), bool):
        defaults["channel_id"] = value["id"]
    # ``#N`` counts the export's messages only (1-based): service entries (pins, joins) are not
    # articles and are skipped without a number, so a reader's "the 2nd post" is ``#2``.
    number = 0
    for message in value["messages"]:
        if not isinstance(message, dict) or message.get("type") != "message":
            continue
        number += 1
        at = origin.record(number)
        text = join_text(message.get("text"))
        if text is None or not text.strip():
            yield at.reject(f"message {number} has no text (media-only post)")
            continue
        yield record_document(message, at, f"message {number}", defaults, max_bytes)
    if not number:
        yield origin.reject("Telegram export has no messages (only service messages or none at all)")
