"""Knowledge-base records."""

from __future__ import annotations

from collections.abc import Iterator, Mapping
from dataclasses import dataclass, field

from backchannel.model import EntityType

LANGS = ("en", "ru", "uk")

ROLES: tuple[str, ...] = (
    "head_of_state",          # president, monarch, supreme leader
    "head_of_government",     # prime minister, chancellor, premier
    "deputy_head_of_government",
    "foreign_minister",       # incl. US Secretary of State, UK Foreign Secretary
    "defence_minister",       # incl. US Secretary of Defense / of War
    "interior_minister",
    "finance_minister",
    "spokesperson",           # press secretary / spokesperson of `of` (a country's leader, a ministry, an org)
    "chief_of_staff",         # head of a presidential administration / White House chief of staff
    "deputy_chief_of_staff",
    "security_council_secretary",  # incl. US National Security Advisor
    "envoy",                  # special envoy / representative (title says for what)
    "ambassador",
    "intelligence_chief",
    "military_chief",         # chief of general staff, commander-in-chief
    "parliament_speaker",
    "party_leader",
    "opposition_leader",
    "secretary_general",      # of an international organisation
    "organisation_head",      # president/chair/director of an international organisation or institution
    "central_bank_governor",
    "mayor",
    "governor",
    "business_executive",     # CEO/owner of a company
    "other",
)


@dataclass(frozen=True, slots=True)
class Office:
    """An office an actor holds or held: ``role`` from ROLES, ``of`` an ISO 3166 alpha-2 code
    (``RU``) or a KB id of an organisation (``org-nato``); dates ISO (year, year-month or day)."""

    role: str
    of: str
    title: Mapping[str, str] = field(default_factory=dict)
    start: str | None = None
    end: str | None = None

    def holds_on(self, day: str) -> bool:
        """Whether the office was held on ``day`` (ISO date); partial dates compare by prefix."""
        if self.start and day < self.start[: len(day)] and not day.startswith(self.start):
            return False
        if self.end and day > self.end and not day.startswith(self.end):
            return False
        return True


@dataclass(frozen=True, slots=True)
class Actor:
    """One real actor. ``names[lang][0]`` is the display name in that language."""

    id: str
    type: EntityType
    names: Mapping[str, tuple[str, ...]]
    qid: str | None = None
    kind: str | None = None
    """Finer type: person, country, organisation, institution, company, media, city, region."""
    country: str | None = None
    gender: str | None = None
    offices: tuple[Office, ...] = ()
    source: str = "builtin"

    @property
    def display_name(self) -> str:
        for lang in ("en", "ru", "uk"):
            if self.names.get(lang):
                return self.names[lang][0]
        return self.id

    def all_names(self) -> Iterator[tuple[str, str]]:
        for lang, names in self.names.items():
            for name in names:
                yield lang, name


@dataclass(frozen=True, slots=True)
class KnowledgeBase:
    actors: tuple[Actor, ...]

    def by_id(self) -> dict[str, Actor]:
        return {a.id: a for a in self.actors}

    def holders(self, role: str, of: str, day: str | None) -> list[Actor]:
        """Actors holding ``role`` of ``of`` on ``day`` (any time when ``day`` is None)."""
        return [
            a for a in self.actors
            if any(o.role == role and o.of == of and (day is None or o.holds_on(day)) for o in a.offices)
        ]
