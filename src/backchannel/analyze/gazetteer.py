"""Names from the knowledge base (and pycountry's country names) keyed by stemmed word tuples,
so that inflected and multi-word names are found in one left-to-right scan."""

from __future__ import annotations

import re
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass

from backchannel.analyze.stems import fold, stems
from backchannel.kb.model import KnowledgeBase
from backchannel.model import EntityType

_WORD = re.compile(r"[^\W\d_]+(?:[-'’ʼ][^\W\d_]+)*|\d+", re.UNICODE)
MAX_WORDS = 7


@dataclass(frozen=True, slots=True)
class Entry:
    kb_id: str | None
    type: EntityType
    name: str
    """The name as written in the KB (nominative)."""
    lang: str
    country: str | None = None
    """ISO 3166 alpha-2 code when the entry is a country."""


@dataclass(frozen=True, slots=True)
class Gazetteer:
    lang: str
    entries: Mapping[tuple[str, ...], tuple[Entry, ...]]
    first: Mapping[str, tuple[int, ...]]
    """First key word → lengths of the keys that start with it, longest first."""
    forms: Mapping[tuple[str, ...], tuple[tuple[str, ...], ...]]
    """Key → the case-folded words of the names (or name forms) that gave it."""

    def lookup(self, keys: tuple[str, ...]) -> tuple[Entry, ...]:
        return self.entries.get(keys, ())

    def fits(self, keys: tuple[str, ...], text_words: Sequence[str]) -> bool:
        """Whether the text's words are inflections of a name with this key: each may differ
        from the name's word only after the name's last-but-one letter ("Путин" → "Путиным",
        but not "Еслами" → "Если", which only share a stem)."""
        folded = [fold(w) for w in text_words]
        return any(all(_inflects(n, t) for n, t in zip(name, folded, strict=True)) for name in self.forms.get(keys, ()))


def _inflects(name: str, word: str) -> bool:
    if len(name) < 4 or name == word:
        return name == word or word.startswith(name) or name.startswith(word)
    return word.startswith(name[:-1])


def words(name: str) -> list[str]:
    return _WORD.findall(name)


def build(lang: str, names: Iterable[Entry], forms: Iterable[tuple[Entry, str]] = ()) -> Gazetteer:
    """Index ``names`` (and extra inflected ``forms`` of some of them) by stemmed words."""
    table: dict[tuple[str, ...], list[Entry]] = {}
    shapes: dict[tuple[str, ...], set[tuple[str, ...]]] = {}
    for entry, form in [(e, e.name) for e in names] + list(forms):
        ws = words(form)
        if not ws or len(ws) > MAX_WORDS:
            continue
        key = (("=" + ws[0],) if len(ws) == 1 and ws[0].isupper() and len(ws[0]) > 1 else stems(ws, lang))
        bucket = table.setdefault(key, [])
        if entry not in bucket:
            bucket.append(entry)
        shapes.setdefault(key, set()).add(tuple(fold(w) for w in ws))
    first: dict[str, set[int]] = {}
    for key in table:
        first.setdefault(key[0], set()).add(len(key))
    # Entries in the text's own language first, so the base form comes from them.
    ordered = {k: tuple(sorted(v, key=lambda e: (e.lang != lang, e.lang != "en"))) for k, v in table.items()}
    return Gazetteer(lang, ordered, {k: tuple(sorted(v, reverse=True)) for k, v in first.items()},
                     {k: tuple(v) for k, v in shapes.items()})


def kb_entries(kb: KnowledgeBase) -> list[Entry]:
    out: list[Entry] = []
    for actor in kb.actors:
        country = actor.country if actor.kind == "country" else None
        for lang, name in actor.all_names():
            out.append(Entry(actor.id, actor.type, name, lang, country))
    return out


def country_entries() -> list[Entry]:
    """Country names from pycountry in en, ru and uk (no KB id: the KB may add its own)."""
    import gettext

    import pycountry

    out: list[Entry] = []
    translations = {
        lang: gettext.translation("iso3166-1", pycountry.LOCALES_DIR, languages=[lang], fallback=True)
        for lang in ("ru", "uk")
    }
    for c in pycountry.countries:
        en = [getattr(c, attr, None) for attr in ("name", "common_name", "official_name")]
        for name in en:
            if name and "," not in name:
                out.append(Entry(None, "LOC", name, "en", c.alpha_2))
        for lang, tr in translations.items():
            for name in en[:2]:
                if name:
                    local = tr.gettext(name)
                    if local != name and "," not in local:
                        out.append(Entry(None, "LOC", local, lang, c.alpha_2))
    return out
