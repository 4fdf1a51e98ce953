"""Web archives (WARC/ARC, plain or gzip'ed), read with warcio (the only module that imports it).

One RawDocument per HTTP 200 response with an HTML or plain-text body; other records are
skipped. Decompression is done here with the standard library (so a gzip'ed archive need not
be record-chunked), and every read is watched: a truncated or corrupt archive ends in one
Rejected for the file, after the documents read before the damage.
"""

from __future__ import annotations

import codecs
import contextlib
import gzip
import io
import zlib
from collections.abc import Iterator
from typing import Any, BinaryIO

from backchannel.ingest.origin import Origin, megabytes
from backchannel.model import DocFormat, JSONValue, RawDocument, Rejected

_FORMATS: dict[str, DocFormat] = {"text/html": "html", "application/xhtml+xml": "html", "text/plain": "text"}


class _Watched:
    """A read-only stream that remembers the first error it raised (warcio swallows some)."""

    def __init__(self, stream: BinaryIO | gzip.GzipFile) -> None:
        self._stream = stream
        # read1 for gzip: a short read, so that what came before a damaged part is not lost with it
        self._read = stream.read1 if isinstance(stream, gzip.GzipFile) else stream.read
        self.error: BaseException | None = None

    def read(self, size: int = -1) -> bytes:
        try:
            return self._read(size)
        except (OSError, EOFError, zlib.error) as exc:
            self.error = self.error or exc
            raise

    def readline(self, size: int = -1) -> bytes:
        try:
            return self._stream.readline(size)
        except (OSError, EOFError, zlib.error) as exc:
            self.error = self.error or exc
            raise


def _one_line(exc: BaseException) -> str:
    lines = [line.strip() for line in str(exc).splitlines() if line.strip()]
    return f"{type(exc).__name__}: {lines[0]}" if lines else type(exc).__name__


def _charset(content_type: str) -> str | None:
    for param in content_type.split(";")[1:]:
        name, _, value = param.partition("=")
        if name.strip().lower() == "charset" and value.strip(" \"'"):
            try:
                return codecs.lookup(value.strip(" \"'")).name
            except LookupError:
                return None
    return None


def read_warc(stream: BinaryIO, origin: Origin, max_bytes: int) -> Iterator[RawDocument | Rejected]:
    """``stream`` must be seekable (a file, or bytes in memory)."""
    from warcio.archiveiterator import ArchiveIterator  # heavy: imported when an archive is read

    compressed = stream.read(2) == b"\x1f\x8b"
    stream.seek(0)
    watched = _Watched(gzip.GzipFile(fileobj=stream, mode="rb") if compressed else stream)
    found = records = 0  # documents yielded, archive records seen
    last: Any = None
    try:
        archive = ArchiveIterator(watched, arc2warc=True)
        while True:
            with contextlib.redirect_stderr(io.StringIO()):  # warcio prints warnings on damaged records
                record = next(archive, None)
                _check_complete(last)
                if record is None:
                    break
                records += 1
                last = record
                result = _response(record, origin.record(records), records, max_bytes)
            if result is not None:
                found += 1
                yield result
    except Exception as exc:  # warcio on hostile input: translate at the edge
        watched.error = watched.error or exc
    if watched.error is not None:
        what = "gzip'ed archive" if compressed else "archive"
        yield origin.reject(
            f"truncated or corrupt {what} (after {found} documents): {_one_line(watched.error)}"
        )
    elif not found:
        yield origin.reject(f"no HTML or plain-text HTTP 200 responses among its {records} archive records")


def _check_complete(record: Any) -> None:
    """warcio stops quietly at a record cut short; its block's reader still expects bytes then."""
    remaining = getattr(getattr(record, "raw_stream", None), "limit", 0) if record is not None else 0
    if isinstance(remaining, int) and remaining > 0:
        raise EOFError(
            f"record {record.rec_headers.get_header('WARC-Target-URI')} is cut short by {remaining} bytes"
        )


def _response(record: Any, origin: Origin, number: int, max_bytes: int) -> RawDocument | Rejected | None:
    """The record's document, a Rejected for an unusable HTML response, or None for a record to skip."""
    from warcio.bufferedreaders import BufferedReader

    http = record.http_headers
    if record.rec_type != "response" or http is None or http.get_statuscode() != "200":
        return None
    content_type = http.get_header("Content-Type") or ""
    fmt = _FORMATS.get(content_type.split(";")[0].strip().lower())
    if fmt is None:
        return None
    coding = (http.get_header("Content-Encoding") or "identity").strip().lower()
    if coding not in ("identity", "none", *BufferedReader.get_supported_decompressors()):
        return origin.reject(f"record {number}: unsupported Content-Encoding {coding}")
    body = record.content_stream().read(max_bytes + 1)
    if len(body) > max_bytes:
        return origin.reject(
            f"record {number}: body is over {megabytes(max_bytes)}, the limit for one document (max_bytes)"
        )
    metadata: dict[str, JSONValue] = {"content_type": content_type}
    for key, header in (
        ("url", "WARC-Target-URI"),
        ("captured", "WARC-Date"),
        ("warc_record_id", "WARC-Record-ID"),
    ):
        value = record.rec_headers.get_header(header)
        if value:
            metadata[key] = value
    return origin.document(body, fmt, metadata, _charset(content_type))
