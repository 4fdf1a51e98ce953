"""Internal records of the analysis stage (not part of the public model).

Token offsets are character offsets into ``Article.text`` (``start``/``end``, end exclusive).
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import NamedTuple

from backchannel.model import EntityType


class Token(NamedTuple):
    """One token (a named tuple: tokens are made by the thousand per article)."""

    start: int
    end: int
    text: str
    sent: int
    """Index of the sentence the token belongs to."""
    first: bool
    """Whether the token opens its sentence (or follows an opening quote or dash there)."""


@dataclass(frozen=True, slots=True)
class WordInfo:
    """What morphology says about one word form (from the dictionary only; guesses are not kept).

    ``tags`` holds the grammemes of every dictionary reading: ``Name``, ``Surn``, ``Patr``,
    ``Geox``, ``Orgn``, ``Abbr``, ``common`` (a reading that is none of these), ``known``.
    """

    tags: frozenset[str]
    lemmas: tuple[str, ...] = ()
    cases: frozenset[str] = frozenset()


@dataclass(frozen=True, slots=True)
class Span:
    """A recognised name: tokens ``[first, last)`` of the article, its type and evidence."""

    first: int
    last: int
    type: EntityType
    source: str
    """What decided the type: ``kb``, ``morph``, ``cue``, ``pattern``, ``model``, ``doc``, ``guess``."""
    kb_ids: tuple[str, ...] = ()
    kb_name: str | None = None
    """The knowledge-base name the span matched, in the article's language when there is one."""
    role: str | None = None
    country: str | None = None
    """ISO code when the span names a country."""


@dataclass(frozen=True, slots=True)
class RoleCue:
    """A role phrase found in the text: tokens ``[first, last)``, the KB role and whose office."""

    first: int
    last: int
    role: str
    of: str | None
    text: str


@dataclass(slots=True)
class Draft:
    """A mention being built (mutable only inside one function's scope)."""

    span: Span
    start: int
    end: int
    surface: str
    base: str = ""
    cluster: int = -1
    kb_id: str | None = None
    role: str | None = None
    extras: dict[str, str] = field(default_factory=dict)
