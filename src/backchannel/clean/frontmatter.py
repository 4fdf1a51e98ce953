"""Markdown with YAML front matter (Obsidian web-clipper style). The YAML adapter lives here:
values become JSON values (dates as ISO strings), wikilink brackets are stripped everywhere."""

from __future__ import annotations

import re
from datetime import date, datetime
from typing import Any

import yaml

from backchannel.clean.markdown import strip_markdown, unwikilink
from backchannel.clean.records import Extracted, Failure
from backchannel.model import JSONValue

_CLOSING = re.compile(r"^(?:---|\.\.\.)[ \t]*$", re.MULTILINE)
MAX_FRONT_MATTER = 200_000
MAX_NODES = 20_000
MAX_DEPTH = 40


class _TooComplex(Exception):
    """Raised inside the converter only; reported as a Failure."""


def split_front_matter(text: str) -> tuple[str | None, str]:
    """(YAML text or None, body): front matter sits between a first line ``---`` and the
    next line that is ``---`` or ``...``."""
    if not text.startswith("---\n"):
        return None, text
    closing = _CLOSING.search(text, 4)
    if closing is None:
        return None, text
    return text[4 : closing.start()], text[closing.end() + 1 :]


def parse_front_matter(yaml_text: str) -> dict[str, JSONValue] | Failure:
    """The front matter as JSON values, or why it cannot be read."""
    if len(yaml_text) > MAX_FRONT_MATTER:
        return Failure("front matter is too large")
    try:
        data = yaml.safe_load(yaml_text)
    except yaml.MarkedYAMLError as exc:
        mark = exc.problem_mark or exc.context_mark
        where = f"line {mark.line + 2}: " if mark is not None else ""
        problem = exc.problem or exc.context or "syntax error"
        return Failure(f"front matter is not valid YAML: {where}{problem}")
    except (yaml.YAMLError, ValueError, TypeError, OverflowError, RecursionError) as exc:
        return Failure(f"front matter is not valid YAML: {type(exc).__name__}: {str(exc)[:120]}")
    if data is None:
        return {}
    if not isinstance(data, dict):
        return Failure(f"front matter is not a YAML mapping (found {type(data).__name__})")
    try:
        return {str(key): _json(value, [0], 0) for key, value in data.items()}
    except (_TooComplex, RecursionError):
        return Failure("front matter is too deeply nested or too large")


def _json(value: Any, nodes: list[int], depth: int) -> JSONValue:
    nodes[0] += 1
    if nodes[0] > MAX_NODES or depth > MAX_DEPTH:
        raise _TooComplex
    if isinstance(value, str):
        return unwikilink(value)
    if value is None or isinstance(value, bool | int):
        return value
    if isinstance(value, float):
        return value if value == value and abs(value) != float("inf") else str(value)
    if isinstance(value, datetime | date):
        return value.isoformat()
    if isinstance(value, list | tuple | set):
        return [_json(item, nodes, depth + 1) for item in value]
    if isinstance(value, dict):
        return {str(k): _json(v, nodes, depth + 1) for k, v in value.items()}
    if isinstance(value, bytes):
        return value.hex()
    return str(value)


def read_markdown(text: str) -> Extracted | Failure:
    """Front matter fields and the Markdown body as plain lines; a leading level 1-2 heading
    is offered as the title (the header stage drops it when it repeats the title)."""
    yaml_text, body = split_front_matter(text)
    fields: dict[str, JSONValue] = {}
    if yaml_text is not None:
        parsed = parse_front_matter(yaml_text)
        if isinstance(parsed, Failure):
            return parsed
        fields = parsed
    stripped = strip_markdown(body.split("\n"))
    return Extracted(stripped.lines, fields, title=stripped.heading)
