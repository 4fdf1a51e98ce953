"""Exporters: one interface (``records`` → ``write`` each → ``finalize``), one module per format.

Built-in exporters are registered in ``REGISTRY`` exactly as a plugin would be.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import IO

from backchannel.errors import UsageError
from backchannel.export.base import Exporter
from backchannel.export.events import EventsJsonl
from backchannel.export.jsonl import ArticlesJsonl, ContactsJsonl, MentionsJsonl, StoriesJsonl

Factory = Callable[[IO[str]], Exporter]

REGISTRY: dict[tuple[str, str], Factory] = {
    ("articles", "jsonl"): ArticlesJsonl,
    ("mentions", "jsonl"): MentionsJsonl,
    ("contacts", "jsonl"): ContactsJsonl,
    ("events", "jsonl"): EventsJsonl,
    ("stories", "jsonl"): StoriesJsonl,
}


def kinds() -> list[str]:
    return sorted({kind for kind, _ in REGISTRY})


def exporter_for(kind: str, fmt: str, out: IO[str]) -> Exporter:
    factory = REGISTRY.get((kind, fmt))
    if factory is None:
        formats = sorted(f for k, f in REGISTRY if k == kind)
        if not formats:
            raise UsageError(f"unknown export '{kind}'", f"choose one of: {', '.join(kinds())}")
        raise UsageError(f"export '{kind}' has no format '{fmt}'", f"choose one of: {', '.join(formats)}")
    return factory(out)


__all__ = ["Exporter", "REGISTRY", "exporter_for", "kinds"]
