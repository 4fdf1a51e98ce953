"""Exports that write a whole :class:`ExportData` to a file or a folder (one interface, one
registry; built-in formats register exactly as a plugin would)."""

from __future__ import annotations

import json
import os
import tempfile
from collections.abc import Callable, Iterable, Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import IO, Any

from backchannel.errors import InputError, UsageError
from backchannel.export.base import Target, TargetExporter
from backchannel.export.dataset import ExportData


@contextmanager
def atomic_output(path: Path) -> Iterator[IO[str]]:
    """A text file written beside ``path`` and moved over it only when writing succeeded."""
    folder = path.parent if str(path.parent) else Path(".")
    if not folder.is_dir():
        raise InputError(f"{folder}: no such folder", "create it first or choose another path")
    fd, tmp = tempfile.mkstemp(prefix="." + path.name[:40] + ".", suffix=".tmp", dir=folder)
    try:
        with os.fdopen(fd, "w", encoding="utf-8", newline="\n") as handle:
            yield handle
        os.replace(tmp, path)
    except BaseException:
        Path(tmp).unlink(missing_ok=True)
        raise


class JsonLinesFile:
    """A file exporter writing one JSON object per line; subclasses say which objects."""

    target: Target = "file"

    def items(self, data: ExportData) -> Iterable[dict[str, Any]]:
        raise NotImplementedError

    def export(self, data: ExportData, path: Path) -> int:
        count = 0
        with atomic_output(path) as out:
            for item in self.items(data):
                out.write(json.dumps(item, ensure_ascii=False) + "\n")
                count += 1
        return count


def _registry() -> dict[str, Callable[[], TargetExporter]]:
    from backchannel.export.ftm import FtmExporter
    from backchannel.export.gexf import GexfExporter
    from backchannel.export.graphml import GraphmlExporter
    from backchannel.export.obsidian import ObsidianExporter
    from backchannel.export.plover import PloverExporter
    from backchannel.export.tables import CsvExporter

    return {
        "obsidian": ObsidianExporter,
        "gexf": GexfExporter,
        "graphml": GraphmlExporter,
        "ftm": FtmExporter,
        "plover": PloverExporter,
        "csv": CsvExporter,
    }


TARGETS: dict[str, Callable[[], TargetExporter]] = {}
"""Extra target exporters (plugins) by name; the built-in ones are added on first use."""


def target_exporter(name: str) -> TargetExporter:
    known = {**_registry(), **TARGETS}
    factory = known.get(name)
    if factory is None:
        raise UsageError(f"unknown export '{name}'", f"choose one of: {', '.join(sorted(known))}")
    return factory()
