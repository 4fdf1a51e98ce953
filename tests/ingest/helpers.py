"""Helpers for the reader tests: every input file is written by the test itself (into tmp_path)."""

from __future__ import annotations

import io
from collections.abc import Sequence
from pathlib import Path

from backchannel.config import Settings
from backchannel.ingest import read_inputs
from backchannel.model import RawDocument, Rejected

Result = RawDocument | Rejected


def read_all(
    inputs: Sequence[str | Path], settings: Settings | None = None, stdin: bytes | None = None
) -> list[Result]:
    stream = io.BytesIO(stdin) if stdin is not None else None
    return list(read_inputs([str(item) for item in inputs], settings or Settings(), stream))


def write(path: Path, data: bytes | str) -> Path:
    path.parent.mkdir(parents=True, exist_ok=True)
    if isinstance(data, str):
        path.write_text(data, encoding="utf-8")
    else:
        path.write_bytes(data)
    return path


def only(results: list[Result]) -> Result:
    assert len(results) == 1, results
    return results[0]


def documents(results: list[Result]) -> list[RawDocument]:
    return [item for item in results if isinstance(item, RawDocument)]


def rejections(results: list[Result]) -> list[Rejected]:
    return [item for item in results if isinstance(item, Rejected)]


SMALL = Settings(max_bytes=1000)
"""Settings with a tiny size limit, to test the limits without big files."""
