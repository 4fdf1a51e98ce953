"""The export vocabulary as data: contact kinds → CAMEO 04x codes and PLOVER modes, event
statuses ↔ report polarities, entity types → FollowTheMoney schemata. Every exporter reads
these tables; none hard-codes a code."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Final


@dataclass(frozen=True, slots=True)
class KindCode:
    """How one contact kind is written as an event code."""

    cameo: str
    """CAMEO code (04x CONSULT family; 020 APPEAL for a request, which PLOVER files under DEMAND)."""
    plover: str
    """PLOVER event category."""
    mode: str | None
    """PLOVER CONSULT mode (phone, visit, host, third-party, multilateral), None when unspecified."""
    label: str


KIND_CODES: Final[dict[str, KindCode]] = {
    "call": KindCode("041", "CONSULT", "phone", "Discuss by telephone"),
    "visit": KindCode("042", "CONSULT", "visit", "Make a visit"),
    "meeting": KindCode("040", "CONSULT", None, "Consult, not specified below"),
    "talks": KindCode("046", "CONSULT", None, "Engage in negotiation"),
    "message": KindCode("040", "CONSULT", None, "Consult, not specified below"),
    "contact": KindCode("040", "CONSULT", None, "Consult, not specified below"),
    "request": KindCode("020", "DEMAND", None, "Make an appeal or request"),
}
HOST = KindCode("043", "CONSULT", "host", "Host a visit")
THIRD_LOCATION = KindCode("044", "CONSULT", "third-party", "Meet at a \"third\" location")
MULTILATERAL_MODE: Final = "multilateral"
INTENT = KindCode("036", "AGREE", None, "Express intent to meet or negotiate")
"""A hypothetical contact (planned, proposed, expected) is an expressed intent to meet."""
QUAD_CODES: Final[dict[str, int]] = {
    "AGREE": 1, "CONSULT": 1, "SUPPORT": 1, "CONCEDE": 1, "COOPERATE": 2, "AID": 2, "RETREAT": 2, "INVESTIGATE": 2,
    "DEMAND": 3, "ACCUSE": 3, "REJECT": 3, "SANCTION": 3, "THREATEN": 3,
    "PROTEST": 4, "MOBILIZE": 4, "COERCE": 4, "ASSAULT": 4,
}
"""PLOVER quad categories: 1 verbal cooperation, 2 material cooperation, 3 verbal conflict, 4 material conflict."""
PLOVER_MODES: Final = ("phone", "visit", "host", "third-party", "multilateral")
UNKNOWN_KIND = KindCode("040", "CONSULT", None, "Consult, not specified below")


def kind_code(kind: str) -> KindCode:
    return KIND_CODES.get(kind, UNKNOWN_KIND)


EVENT_STATUSES: Final = ("confirmed", "contested", "denied", "reported", "planned")
POLARITIES: Final = ("asserted", "denied", "hypothetical")

STATUS_POLARITIES: Final[dict[str, frozenset[str]]] = {
    "confirmed": frozenset({"asserted"}),
    "reported": frozenset({"asserted"}),
    "denied": frozenset({"denied"}),
    "planned": frozenset({"hypothetical"}),
    "contested": frozenset({"asserted", "denied"}),
    **{p: frozenset({p}) for p in POLARITIES},
}
"""Which report polarities a ``--status`` value keeps (event statuses and polarities both accepted)."""

REPORT_STATUS: Final[dict[str, str]] = {"asserted": "reported", "denied": "denied", "hypothetical": "planned"}
"""The event status a lone report implies (used where no consolidated event exists)."""

FTM_SCHEMA: Final[dict[str, str]] = {"PER": "Person", "ORG": "Organization", "LOC": "PublicBody", "MISC": "LegalEntity"}
"""FollowTheMoney schema per entity type (a place that acts in a contact is a state: PublicBody)."""

ENTITY_TYPES: Final = ("PER", "ORG", "LOC", "MISC")
