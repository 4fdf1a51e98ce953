"""JSON and JSON Lines files: record containers, single records, Telegram exports.

A ``.json`` file is parsed whole (it may be up to ``CONTAINER_FACTOR × max_bytes``); a JSONL
file is streamed line by line, so it has no whole-file limit, only a per-line one.
"""

from __future__ import annotations

import io
import json
from collections.abc import Iterator, Mapping
from typing import Any, BinaryIO

from backchannel.ingest import telegram
from backchannel.ingest.origin import Origin, megabytes
from backchannel.ingest.records import origin_fields, record_document
from backchannel.model import JSONValue, RawDocument, Rejected

LIST_KEYS = ("items", "articles", "posts", "data", "messages")
"""Keys of an object that wraps a list of records, e.g. ``{"source": "…", "articles": […]}``."""

_CONTAINER_DEFAULTS = ("outlet", "language")


def _parse_error(exc: Exception, one_line: bool = False) -> str:
    if isinstance(exc, json.JSONDecodeError):
        where = f"column {exc.colno}" if one_line else f"line {exc.lineno}, column {exc.colno}"
        message = exc.msg.removesuffix(" at").removesuffix(" starting").lower()
        return f"{message} at {where}"
    if isinstance(exc, RecursionError):
        return "nested too deeply"
    return str(exc)


def _type_name(value: Any) -> str:
    """What a JSON value is, with its article: ``an array``, ``a string``, ``null``…"""
    if value is None:
        return "null"
    names = {dict: "an object", list: "an array", str: "a string", bool: "a boolean"}
    return names.get(type(value), "a number")


def read_json(
    data: bytes, origin: Origin, max_bytes: int, text_if_invalid: bool = False
) -> Iterator[RawDocument | Rejected]:
    """A whole JSON document: an array of records, an object wrapping one, a Telegram export, or one record.

    ``text_if_invalid``: the kind was only guessed from a leading ``{``/``[``, so bytes that
    are not JSON are a plain-text document (``[Reuters] Moscow…``) rather than a rejection.
    """
    try:
        value = json.loads(data)
    except (ValueError, RecursionError) as exc:
        if isinstance(exc, json.JSONDecodeError) and exc.msg == "Extra data" and exc.lineno > 1:
            yield from read_jsonl(io.BytesIO(data), origin, max_bytes)  # JSON Lines saved as .json
        elif text_if_invalid and len(data) <= max_bytes:
            yield origin.document(data, "text")
        else:
            yield origin.reject(f"invalid JSON: {_parse_error(exc)}", data)
        return
    if isinstance(value, dict):
        if telegram.is_export(value):
            yield from telegram.read_export(value, origin, max_bytes)
            return
        lowered = {key.lower(): key for key in value}
        wrapped = next(
            (lowered[key] for key in LIST_KEYS if key in lowered and isinstance(value[lowered[key]], list)),
            None,
        )
        if wrapped is None:
            yield record_document(value, origin, "the record", max_bytes=max_bytes)
            return
        yield from _read_records(value[wrapped], origin, max_bytes, _container_defaults(value, wrapped), data)
    elif isinstance(value, list):
        yield from _read_records(value, origin, max_bytes, {}, data)
    else:
        yield origin.reject(f"JSON holds {_type_name(value)}, not an object or an array of records", data)


def _container_defaults(value: Mapping[str, Any], wrapped: str) -> dict[str, JSONValue]:
    """Outlet and language of a wrapping object, given to its records that name none."""
    found, _ = origin_fields({key: item for key, item in value.items() if key != wrapped})
    defaults = {key: found[key] for key in _CONTAINER_DEFAULTS if key in found}
    if "outlet" not in defaults:
        name = next(
            (item for key, item in value.items() if key.lower() == "name" and isinstance(item, str)), ""
        )
        if name.strip():
            defaults["outlet"] = name.strip()
    return defaults


def _read_records(
    records: list[Any], origin: Origin, max_bytes: int, defaults: Mapping[str, JSONValue], data: bytes
) -> Iterator[RawDocument | Rejected]:
    if not records:
        yield origin.reject("no records (empty JSON array)", data)
        return
    for number, record in enumerate(records, start=1):
        at = origin.record(number)
        if isinstance(record, dict):
            yield record_document(record, at, f"record {number}", defaults, max_bytes)
        else:
            yield at.reject(f"record {number} is {_type_name(record)}, not an object")


def _skip_line(stream: BinaryIO) -> None:
    while True:
        chunk = stream.readline(1 << 20)
        if not chunk or chunk.endswith(b"\n"):
            return


def read_jsonl(stream: BinaryIO, origin: Origin, max_bytes: int) -> Iterator[RawDocument | Rejected]:
    """One record per line, streamed; a bad line is rejected and the next lines are read."""
    number = 0
    seen = False
    while line := stream.readline(max_bytes + 1):
        number += 1
        at = origin.record(number)
        if len(line) > max_bytes and not line.endswith(b"\n"):
            _skip_line(stream)
            seen = True
            yield at.reject(
                f"line {number} is over {megabytes(max_bytes)}, the limit for one record (max_bytes)"
            )
            continue
        if not line.strip():
            continue
        seen = True
        try:
            value = json.loads(line.rstrip(b"\r\n"))
        except (ValueError, RecursionError) as exc:
            yield at.reject(f"line {number}: invalid JSON: {_parse_error(exc, one_line=True)}", line)
            continue
        if isinstance(value, dict):
            yield record_document(value, at, f"line {number}", max_bytes=max_bytes)
        else:
            yield at.reject(f"line {number} is {_type_name(value)}, not an object", line)
    if not seen:
        yield origin.reject("no records (empty file)")
