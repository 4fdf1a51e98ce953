"""``backchannel kb import FILE``: FollowTheMoney entities (JSON lines, or a JSON list) or
Wikidata-style JSON lines, turned into Actor records (source ``import``)."""

from __future__ import annotations

import hashlib
import json
import re
from collections.abc import Iterator, Mapping
from pathlib import Path
from typing import Any

from backchannel.errors import InputError
from backchannel.kb.model import Actor
from backchannel.model import EntityType

FTM_TYPES: dict[str, EntityType] = {
    "Person": "PER", "Organization": "ORG", "Company": "ORG", "PublicBody": "ORG", "LegalEntity": "ORG",
    "Address": "LOC", "Country": "LOC",
}
WD_TYPES: dict[str, EntityType] = {"Q5": "PER", "Q6256": "LOC", "Q3624078": "LOC", "Q515": "LOC", "Q5119": "LOC"}
_UK = re.compile(r"[іїєґІЇЄҐ]")
_CYR = re.compile(r"[а-яёА-ЯЁ]")


def guess_lang(name: str) -> str:
    if _UK.search(name):
        return "uk"
    return "ru" if _CYR.search(name) else "en"


def _slug(prefix: str, raw: str) -> str:
    return f"{prefix}-" + hashlib.sha1(raw.encode()).hexdigest()[:12]


def _by_lang(names: list[str]) -> dict[str, tuple[str, ...]]:
    out: dict[str, list[str]] = {}
    for name in names:
        if isinstance(name, str) and name.strip():
            out.setdefault(guess_lang(name), []).append(name.strip())
    return {k: tuple(dict.fromkeys(v)) for k, v in out.items()}


def from_ftm(obj: Mapping[str, Any]) -> Actor | None:
    entity_type = FTM_TYPES.get(str(obj.get("schema")))
    props = obj.get("properties") or {}
    if entity_type is None or not isinstance(props, Mapping):
        return None
    names = _by_lang([*props.get("name", []), *props.get("alias", []), *props.get("weakAlias", [])])
    if not names:
        return None
    qids = [q for q in props.get("wikidataId", []) if isinstance(q, str) and re.fullmatch(r"Q\d+", q)]
    countries = props.get("country") or props.get("nationality") or []
    return Actor(
        id=_slug("ftm", str(obj.get("id") or json.dumps(obj, sort_keys=True))), type=entity_type, names=names,
        qid=qids[0] if qids else None, country=str(countries[0]).upper() if countries else None, source="import",
    )


def _values(section: Any) -> list[tuple[str, str]]:
    out: list[tuple[str, str]] = []
    if isinstance(section, Mapping):
        for lang, value in section.items():
            items = value if isinstance(value, list) else [value]
            for item in items:
                text = item.get("value") if isinstance(item, Mapping) else item
                if isinstance(text, str) and text.strip():
                    out.append((str(lang), text.strip()))
    return out


def from_wikidata(obj: Mapping[str, Any]) -> Actor | None:
    qid = str(obj.get("id", ""))
    if not re.fullmatch(r"Q\d+", qid):
        return None
    names: dict[str, list[str]] = {}
    for lang, name in _values(obj.get("labels")) + _values(obj.get("aliases")):
        if lang in ("en", "ru", "uk"):
            names.setdefault(lang, []).append(name)
    if not names:
        return None
    instance = [
        c.get("mainsnak", {}).get("datavalue", {}).get("value", {}).get("id")
        for c in (obj.get("claims") or {}).get("P31", []) if isinstance(c, Mapping)
    ]
    declared = obj.get("type")
    entity_type: EntityType = declared if declared in ("PER", "ORG", "LOC", "MISC") else next(
        (WD_TYPES[i] for i in instance if i in WD_TYPES), "ORG")
    return Actor(id=f"wd-{qid.lower()}", type=entity_type, qid=qid, source="import",
                 names={k: tuple(dict.fromkeys(v)) for k, v in names.items()})


def read_import(path: Path) -> Iterator[Actor]:
    """Actors from a FollowTheMoney or Wikidata-style file; unusable records are skipped."""
    try:
        text = path.read_text(encoding="utf-8")
    except (OSError, UnicodeDecodeError) as exc:
        raise InputError(f"cannot read {path}: {exc}", "give a UTF-8 JSON or JSON-lines file") from exc
    stripped = text.lstrip()
    try:
        records = json.loads(stripped) if stripped.startswith("[") else [
            json.loads(line) for line in text.splitlines() if line.strip()]
    except json.JSONDecodeError as exc:
        raise InputError(f"{path} is not JSON or JSON lines: {exc}", "export FollowTheMoney entities or Wikidata JSON") from exc
    for obj in records:
        if not isinstance(obj, Mapping):
            continue
        actor = from_ftm(obj) if "schema" in obj else from_wikidata(obj)
        if actor is not None:
            yield actor
