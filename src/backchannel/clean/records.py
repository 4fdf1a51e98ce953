"""Records passed between the cleaning stages (internal to ``backchannel.clean``)."""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass

from backchannel.model import JSONValue


@dataclass(frozen=True, slots=True)
class Failure:
    """A stage could not use its input; ``reason`` becomes ``Rejected.reason``."""

    reason: str


@dataclass(frozen=True, slots=True)
class Decoded:
    """Bytes turned into normalised text."""

    text: str
    encoding: str
    warnings: tuple[str, ...] = ()


@dataclass(frozen=True, slots=True)
class Extracted:
    """The main text of a document as lines (blank lines separate paragraphs), with the
    fields its own markup carried (front matter, HTML meta tags)."""

    lines: tuple[str, ...]
    fields: Mapping[str, JSONValue]
    title: str | None = None
    """A title found in the body's markup (a leading Markdown heading), used when no
    metadata names one."""
    warnings: tuple[str, ...] = ()


@dataclass(frozen=True, slots=True)
class Stripped:
    """Lines left after rule-based boilerplate removal, and the lines that were removed."""

    lines: tuple[str, ...]
    removed: tuple[str, ...]


@dataclass(frozen=True, slots=True)
class Header:
    """What the header zone of a plain-text body said, and the body without it."""

    lines: tuple[str, ...]
    title: str | None = None
    description: str | None = None
    author: str | None = None
    published: str | None = None
    removed: tuple[str, ...] = ()
    outlet: str | None = None
    """A name given next to the date (``12.04.2025 | Outlet | Section``)."""
