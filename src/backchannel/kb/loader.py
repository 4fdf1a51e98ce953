"""Loading and validating the knowledge base's YAML files."""

from __future__ import annotations

import re
from collections.abc import Iterable, Mapping
from datetime import date
from functools import cache
from importlib import resources
from typing import Any

from backchannel.errors import ConfigError
from backchannel.kb.model import LANGS, ROLES, Actor, KnowledgeBase, Office

_ID = re.compile(r"^[a-z0-9][a-z0-9-]*$")
_QID = re.compile(r"^Q[1-9][0-9]*$")
_DATE = re.compile(r"^\d{4}(-\d{2}(-\d{2})?)?$")
TYPES = {"PER", "ORG", "LOC", "MISC"}


def _date(value: Any, where: str) -> str | None:
    if value is None:
        return None
    text = value.isoformat() if isinstance(value, date) else str(value)
    if not _DATE.match(text):
        raise ConfigError(f"{where}: date {value!r} is not YYYY, YYYY-MM or YYYY-MM-DD")
    return text


def _names(value: Any, where: str) -> dict[str, tuple[str, ...]]:
    if not isinstance(value, Mapping) or not value:
        raise ConfigError(f"{where}: 'names' must map languages (en, ru, uk) to lists of names")
    out: dict[str, tuple[str, ...]] = {}
    for lang, names in value.items():
        if lang not in LANGS:
            raise ConfigError(f"{where}: unknown language {lang!r} in names (use {', '.join(LANGS)})")
        items = [names] if isinstance(names, str) else names
        if not isinstance(items, list) or not all(isinstance(n, str) and n.strip() for n in items):
            raise ConfigError(f"{where}: names.{lang} must be a list of non-empty strings")
        out[str(lang)] = tuple(dict.fromkeys(n.strip() for n in items))
    return out


def _office(value: Any, where: str) -> Office:
    if not isinstance(value, Mapping) or "role" not in value or "of" not in value:
        raise ConfigError(f"{where}: an office needs 'role' and 'of'")
    if value["role"] not in ROLES:
        raise ConfigError(f"{where}: unknown role {value['role']!r}")
    title = value.get("title") or {}
    if not isinstance(title, Mapping):
        raise ConfigError(f"{where}: office title must map languages to strings")
    return Office(
        role=str(value["role"]),
        of=str(value["of"]),
        title={str(k): str(v) for k, v in title.items()},
        start=_date(value.get("start"), where),
        end=_date(value.get("end"), where),
    )


def parse_actor(item: Any, where: str, source: str = "builtin") -> Actor:
    if not isinstance(item, Mapping):
        raise ConfigError(f"{where}: each entry must be a mapping")
    actor_id = str(item.get("id", ""))
    if not _ID.match(actor_id):
        raise ConfigError(f"{where}: id {actor_id!r} must be lower-case letters, digits and hyphens")
    where = f"{where} ({actor_id})"
    if item.get("type") not in TYPES:
        raise ConfigError(f"{where}: type must be one of {sorted(TYPES)}")
    qid = item.get("qid")
    if qid is not None and not _QID.match(str(qid)):
        raise ConfigError(f"{where}: qid {qid!r} is not a Wikidata id like Q7747")
    offices = item.get("offices") or []
    if not isinstance(offices, list):
        raise ConfigError(f"{where}: 'offices' must be a list")
    return Actor(
        id=actor_id,
        type=item["type"],
        names=_names(item.get("names"), where),
        qid=str(qid) if qid else None,
        kind=item.get("kind"),
        country=item.get("country"),
        gender=item.get("gender"),
        offices=tuple(_office(o, where) for o in offices),
        source=source,
    )


def parse_actors(items: Iterable[Any], where: str, source: str = "builtin") -> list[Actor]:
    return [parse_actor(item, f"{where} entry {i}", source) for i, item in enumerate(items, 1)]


def _load_yaml(text: str) -> Any:
    import yaml

    loader = getattr(yaml, "CSafeLoader", yaml.SafeLoader)
    return yaml.load(text, Loader=loader)  # noqa: S506 - a safe loader


@cache
def load_kb() -> KnowledgeBase:
    """The built-in knowledge base (every ``data/kb/*.yaml``), validated; ids must be unique."""
    actors: list[Actor] = []
    folder = resources.files("backchannel") / "data" / "kb"
    for entry in sorted(folder.iterdir(), key=lambda e: e.name):
        if entry.name.endswith(".yaml"):
            data = _load_yaml(entry.read_text(encoding="utf-8")) or []
            if not isinstance(data, list):
                raise ConfigError(f"{entry.name}: the file must be a YAML list of actors")
            actors += parse_actors(data, entry.name)
    seen: dict[str, int] = {}
    for a in actors:
        seen[a.id] = seen.get(a.id, 0) + 1
    dup = sorted(k for k, n in seen.items() if n > 1)
    if dup:
        raise ConfigError(f"duplicate knowledge-base ids: {', '.join(dup[:10])}")
    return KnowledgeBase(tuple(actors))
