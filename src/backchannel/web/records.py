"""What the web pages and the JSON API show: typed, frozen records (FastAPI serialises them as
they are, and the templates read the same objects)."""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True, slots=True)
class ActorRef:
    id: str
    name: str
    type: str


@dataclass(frozen=True, slots=True)
class PartyView:
    entity_id: str | None
    name: str
    role: str


@dataclass(frozen=True, slots=True)
class ReportView:
    """One contact report with its article and evidence sentence."""

    id: str
    article_id: str
    title: str | None
    outlet: str | None
    published: str | None
    language: str
    url: str | None
    kind: str
    polarity: str
    participants: tuple[PartyView, ...]
    according_to: tuple[str, ...]
    when_text: str | None
    when_start: str | None
    where: str | None
    evidence: str
    evidence_start: int
    evidence_end: int
    confidence: float

    @property
    def date(self) -> str:
        """When it happened if known, else when it was published."""
        return self.when_start or self.published or ""


@dataclass(frozen=True, slots=True)
class Counterpart:
    actor: ActorRef
    reports: int
    asserted: int
    denied: int
    hypothetical: int
    last: str | None


@dataclass(frozen=True, slots=True)
class NameView:
    lang: str
    name: str


@dataclass(frozen=True, slots=True)
class RoleView:
    """An office (from the knowledge base, with dates) or a role phrase read in the articles."""

    title: str
    start: str | None
    end: str | None
    source: str  # kb | text
    mentions: int = 0


@dataclass(frozen=True, slots=True)
class ActorPage:
    actor: ActorRef
    qid: str | None
    mentions: int
    names: tuple[NameView, ...]
    roles: tuple[RoleView, ...]
    counterparts: tuple[Counterpart, ...]
    contacts: tuple[ReportView, ...]
    contacts_total: int
    window: int
    """Counterparts and the network are computed over this many of the newest reports."""


@dataclass(frozen=True, slots=True)
class GraphNode:
    id: str
    label: str
    type: str
    center: bool


@dataclass(frozen=True, slots=True)
class GraphEdge:
    source: str
    target: str
    reports: int
    denied: int


@dataclass(frozen=True, slots=True)
class Network:
    nodes: tuple[GraphNode, ...]
    edges: tuple[GraphEdge, ...]


@dataclass(frozen=True, slots=True)
class PairPage:
    a: ActorRef
    b: ActorRef
    kind: str | None
    reports: tuple[ReportView, ...]
    asserted: tuple[ReportView, ...]
    denied: tuple[ReportView, ...]
    hypothetical: tuple[ReportView, ...]


@dataclass(frozen=True, slots=True)
class ReportGroup:
    """Reports about one pair of actors and one kind of contact (what stands in for an event
    until consolidated events are stored)."""

    a: ActorRef
    b: ActorRef
    kind: str
    reports: int
    asserted: int
    denied: int
    hypothetical: int
    outlets: tuple[str, ...]
    languages: tuple[str, ...]
    first: str | None
    last: str | None


@dataclass(frozen=True, slots=True)
class GroupsPage:
    """Events, stories or disputes; ``available`` is False until the store holds them."""

    available: bool
    note: str
    groups: tuple[ReportGroup, ...]


@dataclass(frozen=True, slots=True)
class ArticleHit:
    id: str
    title: str | None
    outlet: str | None
    published: str | None
    language: str
    snippet: str


@dataclass(frozen=True, slots=True)
class ActorHit:
    actor: ActorRef
    mentions: int


@dataclass(frozen=True, slots=True)
class SearchPage:
    query: str
    actors: tuple[ActorHit, ...]
    articles: tuple[ArticleHit, ...]


@dataclass(frozen=True, slots=True)
class Segment:
    """A stretch of an article's text with what covers it: a mention (linked to its entity)
    and/or the evidence sentence of one or more contact reports."""

    start: int
    end: int
    text: str
    entity_id: str | None
    mention_type: str | None
    reports: tuple[str, ...]


@dataclass(frozen=True, slots=True)
class ArticlePage:
    id: str
    title: str | None
    outlet: str | None
    published: str | None
    author: str | None
    url: str | None
    language: str
    language_declared: str | None
    source_path: str
    format: str
    warnings: tuple[str, ...]
    metadata: tuple[tuple[str, str], ...]
    segments: tuple[Segment, ...]
    reports: tuple[ReportView, ...]


@dataclass(frozen=True, slots=True)
class LogEntry:
    at: str
    op: str
    args: tuple[tuple[str, str], ...]


@dataclass(frozen=True, slots=True)
class CorrectionView:
    report_id: str
    article_id: str
    action: str
    kind: str | None
    polarity: str | None
    note: str | None
    at: str


@dataclass(frozen=True, slots=True)
class CurationPage:
    log: tuple[LogEntry, ...]
    corrections: tuple[CorrectionView, ...]


@dataclass(frozen=True, slots=True)
class Home:
    articles: int
    reports: int
    actors: tuple[ActorHit, ...]
    recent: tuple[ArticleHit, ...]
