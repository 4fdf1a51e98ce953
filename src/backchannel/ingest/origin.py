"""Where a document came from, and the two ways a reader answers: a RawDocument or a Rejected."""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass

from backchannel.model import DocFormat, JSONValue, RawDocument, Rejected, sha256_hex

CONTAINER_FACTOR = 10
"""Whole-file containers parsed in memory (JSON, feeds) may be this many times ``max_bytes``."""


@dataclass(frozen=True, slots=True)
class Origin:
    """The two names of one input: ``path`` as the user gave it, ``key`` its stable identity."""

    path: str
    key: str

    def record(self, number: int) -> Origin:
        """The N-th record (1-based) of a multi-document input."""
        return Origin(f"{self.path}#{number}", f"{self.key}#{number}")

    def document(
        self,
        data: bytes,
        fmt: DocFormat,
        metadata: Mapping[str, JSONValue] | None = None,
        encoding: str | None = None,
    ) -> RawDocument:
        return RawDocument(self.path, self.key, data, fmt, dict(metadata or {}), encoding)

    def reject(self, reason: str, data: bytes | None = None) -> Rejected:
        return Rejected(self.path, self.key, reason, sha256_hex(data) if data is not None else None)


def megabytes(size: int) -> str:
    return f"{size / 1_000_000:.1f} MB"


def over_limit(size: int, limit: int, what: str = "file", setting: str = "max_bytes") -> str:
    """The reason given for an input over a size limit, e.g. ``file is 60.2 MB, over …``."""
    return f"{what} is {megabytes(size)}, over the limit of {megabytes(limit)} ({setting})"
