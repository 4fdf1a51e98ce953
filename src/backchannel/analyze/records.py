"""Internal records of the analysis stage (not part of the public model).

Token offsets are character offsets into ``Article.text`` (``start``/``end``, end exclusive).
"""

from __future__ import annotations

from dataclasses import dataclass

from backchannel.model import EntityType


class Token:
    """One token. A plain class, which the compiled build makes a native one: tokens are made by
    the thousand per article (a native constructor costs about a third of a named tuple's) and
    their fields are read by the rules over and over. Not to be changed once made."""

    __slots__ = ("start", "end", "text", "sent", "first")

    def __init__(self, start: int, end: int, text: str, sent: int, first: bool) -> None:
        self.start = start
        self.end = end
        self.text = text
        self.sent = sent
        """Index of the sentence the token belongs to."""
        self.first = first
        """Whether the token opens its sentence (or follows an opening quote or dash there)."""

    def _fields(self) -> tuple[int, int, str, int, bool]:
        return self.start, self.end, self.text, self.sent, self.first

    def __eq__(self, other: object) -> bool:
        return isinstance(other, Token) and self._fields() == other._fields()

    def __hash__(self) -> int:
        return hash(self._fields())

    def __repr__(self) -> str:
        return f"Token({self.start}, {self.end}, {self.text!r}, {self.sent}, {self.first})"


@dataclass(frozen=True, slots=True)
class WordInfo:
    """What morphology says about one word form (from the dictionary only; guesses are not kept).

    ``tags`` holds the grammemes of every dictionary reading: ``Name``, ``Surn``, ``Patr``,
    ``Geox``, ``Orgn``, ``Abbr``, ``common`` (a reading that is none of these), ``known``.
    """

    tags: frozenset[str]
    lemmas: tuple[str, ...] = ()
    cases: frozenset[str] = frozenset()


class Span:
    """A recognised name: tokens ``[first, last)`` of the article, its type and evidence. A plain
    class with value equality, which the compiled build makes a native one: spans are made by the
    dozen per article, and a named tuple's ``__new__`` (or a compiled frozen dataclass's
    ``__init__``) runs interpreted. Not to be changed once made."""

    __slots__ = ("first", "last", "type", "source", "kb_ids", "kb_name", "role", "country")

    def __init__(self, first: int, last: int, type: EntityType, source: str, kb_ids: tuple[str, ...] = (),  # noqa: A002
                 kb_name: str | None = None, role: str | None = None, country: str | None = None) -> None:
        self.first = first
        self.last = last
        self.type: EntityType = type
        self.source = source
        """What decided the type: ``kb``, ``morph``, ``cue``, ``pattern``, ``model``, ``doc``, ``guess``."""
        self.kb_ids = kb_ids
        self.kb_name = kb_name
        """The knowledge-base name the span matched, in the article's language when there is one."""
        self.role = role
        self.country = country
        """ISO code when the span names a country."""

    def _fields(self) -> tuple[int, int, str, str, tuple[str, ...], str | None, str | None, str | None]:
        return self.first, self.last, self.type, self.source, self.kb_ids, self.kb_name, self.role, self.country

    def __eq__(self, other: object) -> bool:
        return isinstance(other, Span) and self._fields() == other._fields()

    def __hash__(self) -> int:
        return hash(self._fields())

    def __repr__(self) -> str:
        return (f"Span({self.first}, {self.last}, {self.type!r}, {self.source!r}, {self.kb_ids!r}, "
                f"{self.kb_name!r}, {self.role!r}, {self.country!r})")


@dataclass(frozen=True, slots=True)
class RoleCue:
    """A role phrase found in the text: tokens ``[first, last)``, the KB role and whose office."""

    first: int
    last: int
    role: str
    of: str | None
    text: str


class Draft:
    """A mention being built (mutable only inside one function's scope). A plain class, which the
    compiled build makes a native one (a dataclass would keep an interpreted ``__init__``)."""

    __slots__ = ("span", "start", "end", "surface", "base", "cluster", "kb_id", "role", "extras")

    def __init__(self, span: Span, start: int, end: int, surface: str, base: str = "", cluster: int = -1,
                 kb_id: str | None = None, role: str | None = None) -> None:
        self.span = span
        self.start = start
        self.end = end
        self.surface = surface
        self.base = base
        self.cluster = cluster
        self.kb_id = kb_id
        self.role = role
        self.extras: dict[str, str] = {}

    def __repr__(self) -> str:
        return (f"Draft({self.span!r}, {self.start}, {self.end}, {self.surface!r}, base={self.base!r}, "
                f"cluster={self.cluster}, kb_id={self.kb_id!r}, role={self.role!r})")
