"""The records that flow through backchannel: typed, frozen, JSON-friendly.

Character offsets (``start``/``end``, end exclusive) always point into ``Article.text``,
the cleaned text that is stored, so every fact can be shown in context.
"""

from __future__ import annotations

import hashlib
from collections.abc import Mapping
from dataclasses import dataclass, field
from typing import Literal, TypeAlias

JSONValue: TypeAlias = "str | int | float | bool | None | list[JSONValue] | dict[str, JSONValue]"

DocFormat = Literal["text", "markdown", "html"]
"""What the bytes of a RawDocument are: plain text, Markdown (maybe with YAML front matter), or HTML."""

ORIGIN_FIELDS: tuple[str, ...] = ("title", "url", "published", "outlet", "author", "language", "description")
"""Keys a reader may put in ``RawDocument.metadata`` from its container (feed, JSON record, WARC header)."""


def sha256_hex(data: bytes) -> str:
    return hashlib.sha256(data).hexdigest()


@dataclass(frozen=True, slots=True)
class RawDocument:
    """One document as a reader found it: its own bytes plus what its container said about it.

    ``source_path`` is the path as the user gave it (``#N`` appended for the N-th record,
    1-based, of a multi-document file); ``source_key`` is the stable identity used for
    idempotency (the absolute path, ``#N`` likewise; ``stdin`` for standard input).
    For records of a container (JSON, feed, WARC) ``data`` is the record's own body
    (text or HTML) and ``encoding`` is set when the container already decoded it.
    """

    source_path: str
    source_key: str
    data: bytes
    format: DocFormat
    metadata: Mapping[str, JSONValue] = field(default_factory=dict)
    encoding: str | None = None

    @property
    def sha256(self) -> str:
        return sha256_hex(self.data)


@dataclass(frozen=True, slots=True)
class Rejected:
    """An input that cannot be used, with a one-line reason. Stored and counted, never dropped."""

    source_path: str
    source_key: str
    reason: str
    sha256: str | None = None


@dataclass(frozen=True, slots=True)
class LanguageSpan:
    """The language of one paragraph, listed where a page mixes languages."""

    start: int
    end: int
    language: str


@dataclass(frozen=True, slots=True)
class Draft:
    """A decoded document before corpus-learned boilerplate removal (see ``backchannel.clean``).

    ``text`` is decoded and normalised, with rule-based boilerplate already removed;
    ``fields`` is every metadata field found so far (front matter, container, header lines);
    ``line_keys`` are the normalised keys of its lines, counted per outlet in the store so
    that lines repeating across many articles of one outlet can be removed.
    """

    raw: RawDocument
    text: str
    fields: Mapping[str, JSONValue]
    outlet: str | None
    line_keys: frozenset[str]
    warnings: tuple[str, ...] = ()


@dataclass(frozen=True, slots=True)
class Article:
    """A clean article with trustworthy metadata: what every later stage reads."""

    id: str
    source_path: str
    source_key: str
    raw_sha256: str
    format: DocFormat
    title: str | None
    outlet: str | None
    url: str | None
    author: str | None
    published: str | None
    """Publication date, ISO ``YYYY-MM-DD`` (``published_at`` in ``metadata`` keeps a time when known)."""
    language: str
    """Detected language of the body (ISO 639-1), ``und`` when undetermined."""
    language_declared: str | None
    """What the metadata claimed, kept even when wrong."""
    warnings: tuple[str, ...]
    metadata: Mapping[str, JSONValue]
    """Every field the input carried (front matter, feed, JSON record), wikilink brackets stripped."""
    text: str
    languages: tuple[LanguageSpan, ...] = ()


def article_id(source_key: str, raw_sha256: str) -> str:
    """Stable id of one version of one source: the same input always gets the same id."""
    return sha256_hex(f"{source_key}\n{raw_sha256}".encode())[:16]


IngestStatus = Literal["ingested", "unchanged", "rejected"]


@dataclass(frozen=True, slots=True)
class IngestOutcome:
    """What happened to one input document in one ingest run."""

    source_path: str
    status: IngestStatus
    article_id: str | None = None
    reason: str | None = None
    new_version: bool = False


@dataclass(frozen=True, slots=True)
class IngestSummary:
    ingested: int
    unchanged: int
    rejected: int
    new_versions: int
    rejections: tuple[Rejected, ...]
    seconds: float


# --- actors (analysis records) -----------------------------------------------------------

EntityType = Literal["PER", "ORG", "LOC", "MISC"]


@dataclass(frozen=True, slots=True)
class Sentence:
    start: int
    end: int


@dataclass(frozen=True, slots=True)
class Mention:
    """One named-entity mention in ``Article.text``.

    ``base`` is the nominative base form ("Путина" → "Путин", "Володимиром Путіним" →
    "Володимир Путін"); ``cluster`` groups the mentions of one actor inside the article
    (in-document coreference: "Дмитрий Песков" … "Песков"); ``role`` is a title or office
    standing next to a person ("пресс-секретарь Кремля"); ``kb_id`` is the knowledge-base
    actor the mention was resolved to, when it was.
    """

    start: int
    end: int
    surface: str
    base: str
    type: EntityType
    cluster: int
    role: str | None = None
    kb_id: str | None = None


@dataclass(frozen=True, slots=True)
class ArticleAnalysis:
    """What the per-article stage found: pure output of ``analyze(article, models)``."""

    article_id: str
    language: str
    sentences: tuple[Sentence, ...]
    mentions: tuple[Mention, ...]
    reports: tuple[ContactReport, ...] = ()
    story: StorySketch | None = None
    """Story features computed with the analysis (in the worker that ran it); None when stories are off."""


# --- contacts (analysis records) ---------------------------------------------------------

ContactKind = Literal["call", "meeting", "talks", "visit", "message", "request", "contact"]
"""PLOVER CONSULT modes and more; see ``backchannel.contacts.vocabulary`` for CAMEO codes."""
Polarity = Literal["asserted", "denied", "hypothetical"]
PartyRole = Literal["initiator", "recipient", "participant"]


@dataclass(frozen=True, slots=True)
class Party:
    """One participant of a contact: a mention cluster of the article (its entity is known after
    linking), the base form of the mention named in the evidence, and its role."""

    cluster: int
    name: str
    role: PartyRole
    start: int
    end: int


@dataclass(frozen=True, slots=True)
class Source:
    """Who the article cites for a report ("пишет The Wall Street Journal", "заявил Песков")."""

    name: str
    cluster: int | None = None


@dataclass(frozen=True, slots=True)
class TimeRef:
    """A time expression normalised against the article's date.

    ``start``/``end`` are ISO prefixes at the precision known (``2022``, ``2022-10``,
    ``2025-08-15``); an open interval has ``end`` None ("с конца 2022 года" → start ``2022-10``).
    ``precision``: day, month, season, year, interval, unknown.
    """

    text: str
    start: str | None
    end: str | None
    precision: str
    span_start: int
    span_end: int


@dataclass(frozen=True, slots=True)
class Place:
    name: str
    cluster: int | None = None


@dataclass(frozen=True, slots=True)
class ContactReport:
    """One article's statement about one contact (n-ary: every party listed)."""

    kind: ContactKind
    polarity: Polarity
    participants: tuple[Party, ...]
    according_to: tuple[Source, ...]
    when: TimeRef | None
    where: Place | None
    evidence_start: int
    evidence_end: int
    confidence: float
    cue: str


# --- events (consolidated contacts) --------------------------------------------------------

EventStatus = Literal["confirmed", "contested", "denied", "reported", "planned"]
"""confirmed: two or more independent asserting sources; reported: one; contested: asserted and
denied; denied: only denials; planned: only hypothetical reports."""


@dataclass(frozen=True, slots=True)
class ReportFacts:
    """What event consolidation needs of one stored report (read back from the store)."""

    id: str
    article_id: str
    published: str | None
    outlet: str | None
    kind: ContactKind
    polarity: Polarity
    participants: tuple[str, ...]
    """Entity ids of the resolved participants, sorted, without repeats."""
    sources: tuple[str, ...]
    """Keys of who the report cites (entity id, or the name's skeleton); empty when the outlet speaks."""
    when_start: str | None
    when_end: str | None
    precision: str | None
    evidence: str


@dataclass(frozen=True, slots=True)
class ContactEvent:
    """One contact as told by many reports: both sides of a dispute are kept as its reports."""

    id: str
    kind: ContactKind
    participants: tuple[str, ...]
    when_start: str | None
    when_end: str | None
    precision: str
    status: EventStatus
    reports: tuple[str, ...]
    outlets: tuple[str, ...]
    sources: int
    """Independent asserting sources (copies and reports citing the same original count once)."""
    first_reported: str | None
    last_reported: str | None
    groups: tuple[tuple[str, int], ...] = ()
    """(report id, independent-source group) for every report: reports of one group are one voice."""
    span_start: str = "0001-01-01"
    span_end: str = "9999-12-31"
    """The days any of its reports may mean (ISO): a newcomer outside them cannot join it."""


@dataclass(frozen=True, slots=True)
class StorySketch:
    """The per-article part of an article's story features, computed in the pure stage: a few
    sentence vectors (``rows`` × ``dim`` L2-normalised little-endian float16 values; none when the
    article can never meet another) and a MinHash signature of its words."""

    rows: int
    dim: int
    vectors: bytes
    minhash: tuple[int, ...]
