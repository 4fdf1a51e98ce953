"""Readers: one per input format, each turning files into RawDocuments (or Rejected values).

Public entry point::

    read_inputs(inputs, settings, stdin=None) -> Iterator[RawDocument | Rejected]

``inputs`` are what the user typed: files, folders (walked recursively, hidden entries
skipped), glob patterns, or ``-`` for standard input. Container formats (JSON/JSONL records,
Telegram Desktop exports, RSS/Atom feeds, WARC) yield one RawDocument per record.
"""

from __future__ import annotations

from collections.abc import Iterator, Sequence
from typing import BinaryIO

from backchannel.config import Settings
from backchannel.ingest.readers import read_input, read_path, read_stdin
from backchannel.ingest.sources import InputFile, expand_inputs, iter_inputs
from backchannel.model import RawDocument, Rejected

__all__ = [
    "InputFile",
    "expand_inputs",
    "iter_inputs",
    "read_input",
    "read_inputs",
    "read_path",
    "read_stdin",
]


def read_inputs(
    inputs: Sequence[str], settings: Settings, stdin: BinaryIO | None = None
) -> Iterator[RawDocument | Rejected]:
    """Every document the inputs hold, in order; an input that cannot be used becomes a Rejected.

    Never raises for a bad input. ``stdin`` is read when an input is ``-``. To show progress
    per file, call :func:`expand_inputs` and then :func:`read_input` for each file instead.
    """
    for item in iter_inputs(inputs):
        if isinstance(item, Rejected):
            yield item
        else:
            yield from read_input(item, settings, stdin)
