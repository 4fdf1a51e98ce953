"""What the web pages and the JSON API show: typed, frozen records (FastAPI serialises them as
they are, and the templates read the same objects)."""

from __future__ import annotations

from dataclasses import dataclass

from backchannel.query.records import Claim, EventRow
from backchannel.store.stories import StoryMember, StoryRow


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
    """Another actor and how many consolidated events the two share."""

    actor: ActorRef
    events: int


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
    timeline: tuple[EventRow, ...]
    """The actor's events in the order the contacts happened (the first ``TIMELINE_SHOWN``)."""
    events_total: int
    contacts: tuple[ReportView, ...]
    """The contact reports of those events (``query.contacts``), event after event."""


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
    events: tuple[EventView, ...]
    reports: tuple[ReportView, ...]
    asserted: tuple[ReportView, ...]
    denied: tuple[ReportView, ...]
    hypothetical: tuple[ReportView, ...]


@dataclass(frozen=True, slots=True)
class EventView:
    """One consolidated event with its claims: who asserts, denies or plans it, quoted, with the
    articles; ``languages`` are those of the reporting articles."""

    event: EventRow
    claims: tuple[Claim, ...]
    languages: tuple[str, ...]


@dataclass(frozen=True, slots=True)
class EventsPage:
    """A list of events (all, or the contested ones), newest first."""

    title: str
    note: str
    events: tuple[EventRow, ...]


@dataclass(frozen=True, slots=True)
class StoriesPage:
    stories: tuple[StoryRow, ...]


@dataclass(frozen=True, slots=True)
class StoryPage:
    """A story and its articles, oldest first; ``copy_of`` names the article a copy repeats."""

    story: StoryRow
    articles: tuple[StoryMember, ...]


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
    stories: tuple[StoryRow, ...] = ()
    """The stories of the articles found."""


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
