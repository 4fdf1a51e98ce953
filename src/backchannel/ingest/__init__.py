"""Readers: one per input format, each turning files into RawDocuments (or Rejected values).

Public entry point::

    read_inputs(inputs, settings, stdin=None) -> Iterator[RawDocument | Rejected]

``inputs`` are what the user typed: files, folders (walked recursively, hidden entries
skipped), glob patterns, or ``-`` for standard input. Container formats (JSON/JSONL records,
Telegram Desktop exports, RSS/Atom feeds, WARC) yield one RawDocument per record.
"""
