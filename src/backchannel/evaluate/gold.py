"""Gold records every evaluation reader produces, whatever the dataset's own format."""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from pathlib import Path

from backchannel.model import EntityType

ENTITY_TYPES: tuple[EntityType, ...] = ("PER", "ORG", "LOC", "MISC")


@dataclass(frozen=True, slots=True)
class GoldMention:
    start: int
    end: int
    surface: str
    base: str | None
    """Nominative base form where the dataset gives one (SlavicNER; factRuEval persons)."""
    type: EntityType
    link_id: str | None = None
    """Cross-document (SlavicNER: cross-lingual) entity id, where the dataset gives one."""


@dataclass(frozen=True, slots=True)
class GoldDoc:
    id: str
    lang: str
    text: str
    mentions: tuple[GoldMention, ...]
    topic: str | None = None
    date: str | None = None
    """Publication date ``YYYY-MM-DD`` when known."""


def outermost(mentions: Iterable[GoldMention]) -> tuple[GoldMention, ...]:
    """Flat NER: drop mentions inside a longer kept one and exact duplicates; text order."""
    kept: list[GoldMention] = []
    for m in sorted(mentions, key=lambda m: (m.start, -(m.end - m.start))):
        inside = any(
            k.start <= m.start and m.end <= k.end and (k.start, k.end) != (m.start, m.end) for k in kept
        )
        duplicate = any((k.start, k.end, k.type) == (m.start, m.end, m.type) for k in kept)
        if not inside and not duplicate:
            kept.append(m)
    return tuple(kept)


def read_text(path: Path) -> str:
    """A file's text exactly as stored: no newline translation, so character offsets hold."""
    return path.read_bytes().decode("utf-8")
