"""The exporter interfaces: a stream of records (``records`` → ``write`` each → ``finalize``)
for JSON lines, and a whole :class:`ExportData` written to a file or a folder for the formats
that need every record at once (graphs, vaults, entity files)."""

from __future__ import annotations

from collections.abc import Iterable
from pathlib import Path
from typing import IO, TYPE_CHECKING, Any, Literal, Protocol

if TYPE_CHECKING:
    from backchannel.export.dataset import ExportData
    from backchannel.workspace import Workspace

Target = Literal["file", "folder"]


class Exporter(Protocol):
    def __init__(self, out: IO[str]) -> None: ...

    def records(self, workspace: Workspace) -> Iterable[Any]:
        """The records this export writes, read from the workspace."""
        ...

    def write(self, record: Any) -> None: ...

    def finalize(self) -> None: ...


class TargetExporter(Protocol):
    """Writes one export: ``target`` says whether ``path`` is a file or a folder; returns the
    number of records (notes, nodes + edges, entities, lines) written."""

    target: Target

    def export(self, data: ExportData, path: Path) -> int: ...
