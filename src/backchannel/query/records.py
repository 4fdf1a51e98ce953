"""What queries return: typed, frozen records (``dataclasses.asdict`` gives their JSON)."""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True, slots=True)
class Actor:
    id: str
    name: str


@dataclass(frozen=True, slots=True)
class EventRow:
    """One consolidated contact with its status and where it was reported."""

    id: str
    kind: str
    participants: tuple[Actor, ...]
    when_start: str | None
    when_end: str | None
    precision: str
    status: str
    sources: int
    reports: int
    outlets: tuple[str, ...]
    first_reported: str | None
    last_reported: str | None

    @property
    def when(self) -> str:
        """The time as a reader wants it: ``2024-12-03``, ``2022-10 → …``, ``≤ 2024-10-25 (unknown)``."""
        if self.when_start or self.when_end:
            start, end = self.when_start or "…", self.when_end
            if self.precision == "interval" or (end and end != start):
                return f"{start} → {end or '…'}"
            return start
        return f"≤ {self.first_reported} (unknown)" if self.first_reported else "unknown"


@dataclass(frozen=True, slots=True)
class Claim:
    """One report of an event: who says what (asserts, denies, plans), quoted, with its article."""

    report_id: str
    polarity: str
    kind: str
    voice: int
    """Reports with the same voice number are one independent source (copies, same original)."""
    according_to: tuple[str, ...]
    when_text: str | None
    evidence: str
    article_id: str
    title: str | None
    outlet: str | None
    url: str | None
    published: str | None
    source_path: str


@dataclass(frozen=True, slots=True)
class EventClaims:
    event: EventRow
    claims: tuple[Claim, ...]


@dataclass(frozen=True, slots=True)
class Count:
    key: str
    label: str
    count: int


@dataclass(frozen=True, slots=True)
class ActorProfile:
    """An actor's names per language, roles seen in the text, counterparts ranked by events, and
    events per year."""

    id: str
    name: str
    type: str
    names: tuple[tuple[str, str], ...]
    roles: tuple[Count, ...]
    counterparts: tuple[Count, ...]
    per_year: tuple[Count, ...]
    events: int


@dataclass(frozen=True, slots=True)
class SearchHit:
    article_id: str
    title: str | None
    outlet: str | None
    published: str | None
    source_path: str
    snippet: str
