"""Role phrases ("глава МИД", "президент", "пресс-секретарь Кремля") and country adjectives
("российский"), read from ``data/roles.yaml``:

    roles:
      foreign_minister: {ru: [глава МИД, министр иностранных дел], uk: [...], en: [...],
                         specific: [{phrase: госсекретарь США, lang: ru, role: foreign_minister, of: US}]}
    countries_adjectives:
      RU: {ru: [российский], uk: [російський], en: [Russian]}

A few common phrases are built in so the stage works before (and beside) that file.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from importlib import resources
from typing import Any

from backchannel.analyze.gazetteer import words
from backchannel.analyze.stems import stems
from backchannel.errors import ConfigError
from backchannel.kb.model import KnowledgeBase

_BUILTIN: dict[str, Any] = {
    "roles": {
        "head_of_state": {"ru": ["президент", "глава государства", "лидер"], "uk": ["президент", "глава держави", "лідер"],
                          "en": ["president", "head of state", "leader"]},
        "head_of_government": {"ru": ["премьер-министр", "премьер", "глава правительства"],
                               "uk": ["прем'єр-міністр", "прем'єр", "глава уряду"],
                               "en": ["prime minister", "premier", "head of government"]},
        "foreign_minister": {"ru": ["глава МИД", "министр иностранных дел", "глава министерства иностранных дел"],
                             "uk": ["глава МЗС", "міністр закордонних справ", "очільник МЗС", "голова МЗС"],
                             "en": ["foreign minister", "foreign secretary"],
                             "specific": [{"phrase": "госсекретарь США", "lang": "ru", "role": "foreign_minister", "of": "US"},
                                          {"phrase": "держсекретар США", "lang": "uk", "role": "foreign_minister", "of": "US"},
                                          {"phrase": "secretary of state", "lang": "en", "role": "foreign_minister", "of": "US"}]},
        "defence_minister": {"ru": ["министр обороны", "глава минобороны"], "uk": ["міністр оборони", "глава міноборони"],
                             "en": ["defence minister", "defense minister"]},
        "spokesperson": {"ru": ["пресс-секретарь"], "uk": ["прес-секретар", "речник"], "en": ["spokesman", "spokeswoman", "spokesperson", "press secretary"],
                         "specific": [{"phrase": "пресс-секретарь Кремля", "lang": "ru", "role": "spokesperson", "of": "RU"},
                                      {"phrase": "речник Кремля", "lang": "uk", "role": "spokesperson", "of": "RU"},
                                      {"phrase": "прес-секретар Кремля", "lang": "uk", "role": "spokesperson", "of": "RU"},
                                      {"phrase": "Kremlin spokesman", "lang": "en", "role": "spokesperson", "of": "RU"},
                                      {"phrase": "глава Кремля", "lang": "ru", "role": "head_of_state", "of": "RU"},
                                      {"phrase": "господар Кремля", "lang": "uk", "role": "head_of_state", "of": "RU"}]},
    },
    "countries_adjectives": {
        "RU": {"ru": ["российский"], "uk": ["російський"], "en": ["Russian"]},
        "UA": {"ru": ["украинский"], "uk": ["український"], "en": ["Ukrainian"]},
        "US": {"ru": ["американский"], "uk": ["американський"], "en": ["American", "US", "U.S."]},
        "TR": {"ru": ["турецкий"], "uk": ["турецький"], "en": ["Turkish"]},
        "CN": {"ru": ["китайский"], "uk": ["китайський"], "en": ["Chinese"]},
        "FR": {"ru": ["французский"], "uk": ["французький"], "en": ["French"]},
        "DE": {"ru": ["германский", "немецкий"], "uk": ["німецький"], "en": ["German"]},
        "GB": {"ru": ["британский"], "uk": ["британський"], "en": ["British"]},
        "BY": {"ru": ["белорусский"], "uk": ["білоруський"], "en": ["Belarusian"]},
    },
}


@dataclass(frozen=True, slots=True)
class Phrase:
    role: str
    of: str | None
    """ISO country code or KB id the phrase itself names ("пресс-секретарь Кремля" → RU)."""


@dataclass(frozen=True, slots=True)
class RoleBook:
    phrases: dict[str, dict[tuple[str, ...], Phrase]]
    """Per language: stemmed phrase → role (and owner when the phrase says it)."""
    first: dict[str, dict[str, tuple[int, ...]]]
    adjectives: dict[str, dict[str, str]]
    """Per language: stem of a country adjective → ISO code."""
    org_owner: dict[str, str]
    """KB id of a country, organisation or institution → the ``of`` its offices use (the ISO
    code for a country, the id itself otherwise: "представитель НАТО" → ``org-nato``)."""


def _merge(into: dict[str, Any], data: Mapping[str, Any]) -> None:
    for role, langs in (data.get("roles") or {}).items():
        slot = into.setdefault("roles", {}).setdefault(role, {})
        for lang, items in (langs or {}).items():
            slot.setdefault(lang, []).extend(items or [])
    for iso, langs in (data.get("countries_adjectives") or {}).items():
        slot = into.setdefault("countries_adjectives", {}).setdefault(iso, {})
        for lang, items in (langs or {}).items():
            slot.setdefault(lang, []).extend(items or [])


def _read_file() -> Mapping[str, Any]:
    path = resources.files("backchannel") / "data" / "roles.yaml"
    if not path.is_file():
        return {}
    import yaml

    data = yaml.safe_load(path.read_text(encoding="utf-8")) or {}
    if not isinstance(data, Mapping):
        raise ConfigError("data/roles.yaml must be a mapping with 'roles' and 'countries_adjectives'")
    return data


def build_roles(data: Mapping[str, Any], kb: KnowledgeBase) -> RoleBook:
    phrases: dict[str, dict[tuple[str, ...], Phrase]] = {"ru": {}, "uk": {}, "en": {}}
    for role, langs in (data.get("roles") or {}).items():
        for lang, items in (langs or {}).items():
            if lang == "specific":
                for spec in items or []:
                    book = phrases.setdefault(str(spec["lang"]), {})
                    book[stems(words(str(spec["phrase"])), str(spec["lang"]))] = Phrase(str(spec.get("role", role)), spec.get("of"))
                continue
            for phrase in items or []:
                phrases.setdefault(lang, {}).setdefault(stems(words(str(phrase)), lang), Phrase(str(role), None))
    adjectives: dict[str, dict[str, str]] = {}
    for iso, langs in (data.get("countries_adjectives") or {}).items():
        for lang, items in (langs or {}).items():
            for adj in items or []:
                for w in words(str(adj))[-1:]:
                    adjectives.setdefault(lang, {})[stems([w], lang)[0]] = str(iso)
    first: dict[str, dict[str, tuple[int, ...]]] = {}
    for lang, book in phrases.items():
        lengths: dict[str, set[int]] = {}
        for key in book:
            if key:
                lengths.setdefault(key[0], set()).add(len(key))
        first[lang] = {k: tuple(sorted(v, reverse=True)) for k, v in lengths.items()}
    owners = {a.id: (a.country if a.kind == "country" and a.country else a.id)
              for a in kb.actors if a.type in ("ORG", "LOC")}
    return RoleBook(phrases, first, adjectives, owners)


def load_roles(kb: KnowledgeBase) -> RoleBook:
    data: dict[str, Any] = {}
    _merge(data, _BUILTIN)
    _merge(data, _read_file())
    return build_roles(data, kb)
