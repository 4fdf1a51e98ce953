"""One input → its documents: choose the reader by extension or by the first bytes, enforce the
size limits, and turn every failure into a Rejected.

Limits: a single document (text, Markdown, HTML) may be ``max_bytes``; a JSON or feed file,
parsed whole, ``CONTAINER_FACTOR × max_bytes``; JSONL and WARC files are streamed, so only
each record is limited. Plain text, Markdown and HTML are passed on undecoded.
"""

from __future__ import annotations

import gzip
import io
import stat
import zlib
from collections.abc import Iterator
from pathlib import Path
from typing import BinaryIO, cast

from backchannel.config import Settings
from backchannel.ingest.formats import (
    SINGLE_DOCUMENT,
    SNIFF_BYTES,
    Kind,
    has_front_matter,
    kind_from_name,
    sniff,
    unsupported_reason,
)
from backchannel.ingest.jsonfile import read_json, read_jsonl
from backchannel.ingest.origin import CONTAINER_FACTOR, Origin, megabytes, over_limit
from backchannel.ingest.sources import InputFile
from backchannel.model import DocFormat, RawDocument, Rejected, sha256_hex

Results = Iterator[RawDocument | Rejected]
_GZIP_ERRORS = (OSError, EOFError, zlib.error)
_CONTAINER_SETTING = f"{CONTAINER_FACTOR} × max_bytes for JSON and feeds"


def read_input(item: InputFile, settings: Settings, stdin: BinaryIO | None = None) -> Results:
    """The documents of one input file (or of standard input when ``item.path`` is None)."""
    if item.path is None:
        yield from read_stdin(stdin, settings)
        return
    origin = Origin(item.source_path, item.source_key)
    reason = unsupported_reason(item.path.name)
    if reason:
        yield origin.reject(reason)
        return
    try:
        info = item.path.stat()
        if not stat.S_ISREG(info.st_mode):
            yield origin.reject("not a regular file (use - to read standard input)")
            return
        named = kind_from_name(item.path.name)
        too_big = _size_problem(named, info.st_size, settings) if named else None
        if too_big:  # checked before the file is even opened
            yield origin.reject(too_big)
            return
        with open(item.path, "rb") as stream:
            kind = named or _sniff_stream(stream)
            if kind is None:
                yield origin.reject("binary file")
                return
            yield from _read_kind(kind, stream, info.st_size, item.path.name, origin, settings, named is None)
    except OSError as exc:
        yield origin.reject(f"cannot read file: {exc.strerror or exc}")


def _size_problem(kind: Kind, size: int, settings: Settings) -> str | None:
    """Why an input of ``size`` bytes is too big to be read as ``kind``; None when it is not."""
    if kind in SINGLE_DOCUMENT and size > settings.max_bytes:
        return over_limit(size, settings.max_bytes)
    if kind in ("json", "feed") and size > settings.max_bytes * CONTAINER_FACTOR:
        return over_limit(size, settings.max_bytes * CONTAINER_FACTOR, setting=_CONTAINER_SETTING)
    return None


def _sniff_stream(stream: BinaryIO) -> Kind | None:
    """The kind the first bytes of a stream show; the stream is put back at its start."""
    kind = sniff(stream.read(SNIFF_BYTES))
    stream.seek(0)
    return kind


def _read_fully(stream: BinaryIO, size: int) -> bytes:
    """Up to ``size`` bytes, however the stream hands them out (pipes give short reads)."""
    chunks: list[bytes] = []
    while size > 0 and (chunk := stream.read(size)):
        chunks.append(chunk)
        size -= len(chunk)
    return b"".join(chunks)


def read_stdin(stdin: BinaryIO | None, settings: Settings) -> Results:
    """Standard input, read whole (at most ``max_bytes``); its key is ``stdin:<sha256>``."""
    if stdin is None:
        yield Rejected("-", "stdin", "standard input is not available")
        return
    try:
        data = _read_fully(stdin, settings.max_bytes + 1)
    except OSError as exc:
        yield Rejected("-", "stdin", f"cannot read standard input: {exc.strerror or exc}")
        return
    origin = Origin("-", f"stdin:{sha256_hex(data)}")
    if len(data) > settings.max_bytes:
        yield origin.reject(
            f"standard input is over the limit of {megabytes(settings.max_bytes)} (max_bytes)"
        )
        return
    kind = sniff(data[:SNIFF_BYTES])
    if kind is None:
        yield origin.reject("binary file", data)
        return
    yield from _read_kind(kind, io.BytesIO(data), len(data), "-", origin, settings, sniffed=True)


def _read_kind(
    kind: Kind,
    stream: BinaryIO,
    size: int,
    name: str,
    origin: Origin,
    settings: Settings,
    sniffed: bool = False,
) -> Results:
    """Read a (seekable) stream of ``size`` bytes as ``kind`` (``sniffed``: guessed from its bytes)."""
    too_big = _size_problem(kind, size, settings)
    if too_big:
        yield origin.reject(too_big)
        return
    limit = settings.max_bytes
    if kind in SINGLE_DOCUMENT:
        data = _read_fully(stream, limit + 1)
        if not data.strip():
            yield origin.reject("empty file", data)
        elif len(data) > limit:  # grew since it was measured
            yield origin.reject(over_limit(len(data), limit))
        else:
            markdown = kind == "markdown" or (kind == "text" and has_front_matter(data))
            fmt: DocFormat = "markdown" if markdown else "html" if kind == "html" else "text"
            yield origin.document(data, fmt)
    elif kind in ("json", "feed"):
        data = _read_fully(stream, limit * CONTAINER_FACTOR + 1)
        if kind == "json":
            yield from read_json(data, origin, settings.max_bytes, text_if_invalid=sniffed)
        else:
            from backchannel.ingest.feed import read_feed

            yield from read_feed(data, origin, settings.max_bytes)
    elif kind == "jsonl":
        yield from read_jsonl(stream, origin, settings.max_bytes)
    elif kind == "warc":
        from backchannel.ingest.warc import read_warc

        yield from read_warc(stream, origin, settings.max_bytes)
    else:
        yield from _read_gzip(stream, name, origin, settings)


def _read_gzip(stream: BinaryIO, name: str, origin: Origin, settings: Settings) -> Results:
    """A gzip'ed file: the inner format from the name without ``.gz``, or from the inner bytes."""
    inner = name[:-3] if name.lower().endswith(".gz") else ""
    reason = unsupported_reason(inner)
    if reason:
        yield origin.reject(reason + ".gz")
        return
    unpacked = cast(BinaryIO, gzip.GzipFile(fileobj=stream, mode="rb"))
    done = 0
    try:
        named = kind_from_name(inner)
        kind = named or _sniff_stream(unpacked)
        if kind is None or kind == "gzip":
            yield origin.reject(
                "binary file inside gzip" if kind is None else "gzip inside gzip is not supported"
            )
            return
        if kind == "warc":
            stream.seek(0)
            yield from _read_kind(kind, stream, 0, inner, origin, settings)
            return
        if kind == "jsonl":
            for result in read_jsonl(unpacked, origin, settings.max_bytes):
                done += 1
                yield result
            return
        limit = settings.max_bytes * (1 if kind in SINGLE_DOCUMENT else CONTAINER_FACTOR)
        data = _read_fully(unpacked, limit + 1)
    except _GZIP_ERRORS as exc:
        after = f" (after {done} records)" if done else ""
        yield origin.reject(f"truncated or corrupt gzip file{after}: {type(exc).__name__}: {exc}")
        return
    if len(data) > limit:
        setting = "max_bytes" if kind in SINGLE_DOCUMENT else _CONTAINER_SETTING
        yield origin.reject(f"decompressed size is over the limit of {megabytes(limit)} ({setting})")
        return
    yield from _read_kind(kind, io.BytesIO(data), len(data), inner, origin, settings, named is None)


def read_path(path: Path, settings: Settings) -> Results:
    """The documents of one file, named by its own path (a convenience for tests and scripts)."""
    yield from read_input(InputFile(str(path), str(path.resolve()), path), settings)
