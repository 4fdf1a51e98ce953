"""The exporter interface every format implements."""

from __future__ import annotations

from collections.abc import Iterable
from typing import IO, TYPE_CHECKING, Any, Protocol

if TYPE_CHECKING:
    from backchannel.workspace import Workspace


class Exporter(Protocol):
    def __init__(self, out: IO[str]) -> None: ...

    def records(self, workspace: Workspace) -> Iterable[Any]:
        """The records this export writes, read from the workspace."""
        ...

    def write(self, record: Any) -> None: ...

    def finalize(self) -> None: ...
