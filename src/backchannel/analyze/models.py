"""Everything heavy the analysis stage needs, built once by ``load_models`` in the composition root."""

from __future__ import annotations

from dataclasses import dataclass, field, replace
from typing import TYPE_CHECKING

from backchannel.analyze import lexicon
from backchannel.analyze.gazetteer import (
    Entry,
    Gazetteer,
    build,
    city_entries,
    country_entries,
    english_subdivision_entries,
    kb_entries,
    subdivision_entries,
    words,
)
from backchannel.analyze.given_names import given_names, surnames
from backchannel.analyze.lexicon import Lexicon
from backchannel.analyze.roles import RoleBook, load_roles
from backchannel.analyze.stems import cached_stem
from backchannel.config import EnglishNer, Settings
from backchannel.kb.model import Actor, KnowledgeBase

if TYPE_CHECKING:
    from backchannel.analyze.features import Feature
    from backchannel.analyze.morph import Morphology
    from backchannel.analyze.slovnet_ner import SlovnetNer
    from backchannel.analyze.spacy_ner import SpacyNer

LANGS = ("ru", "uk", "en")


@dataclass(slots=True, repr=False)
class Models:
    """Per-language gazetteers, lexicons and morphology, the KB and the role book.

    ``stem_cache`` memoises ``stems.stem``; like the morphology caches it only makes repeated
    words cheaper and never changes a result.
    """

    kb: KnowledgeBase
    gazetteers: dict[str, Gazetteer]
    lexicons: dict[str, Lexicon]
    morph: dict[str, Morphology]
    roles: RoleBook
    slovnet: SlovnetNer | None = None
    spacy: SpacyNer | None = None
    """spaCy's English NER (loaded on the first English article); None without the package."""
    actors: dict[str, Actor] = field(default_factory=dict)
    person_keys: dict[str, frozenset[tuple[str, ...]]] = field(default_factory=dict)
    """Per language: gazetteer keys that name a person (for the typo rule of coreference)."""
    offices: dict[tuple[str, str], tuple[Actor, ...]] = field(default_factory=dict)
    """(role, of) → the actors who hold or held that office."""
    name_words: dict[str, frozenset[str]] = field(default_factory=dict)
    """Per language: the words of the KB's person names, as written ("Ын" of "Ким Чен Ын")."""
    stem_cache: dict[str, dict[str, str]] = field(default_factory=dict)
    feature_cache: dict[str, dict[str, Feature]] = field(default_factory=dict)

    def __repr__(self) -> str:
        return f"Models({len(self.kb.actors)} actors, langs={sorted(self.gazetteers)}, slovnet={self.slovnet is not None}, spacy={self.spacy is not None})"

    def holders(self, role: str, of: str, day: str | None) -> list[Actor]:
        """Like ``KnowledgeBase.holders``, from an index (``day`` None: current holders only)."""
        return [
            a for a in self.offices.get((role, of), ())
            if any(o.role == role and o.of == of and (o.holds_on(day) if day else o.end is None) for o in a.offices)
        ]

    def stem(self, lang: str, word: str) -> str:
        return cached_stem(self.stem_cache.setdefault(lang, {}), word, lang)


def _first_names(kb: KnowledgeBase) -> frozenset[str]:
    out: set[str] = set()
    for actor in kb.actors:
        if actor.type == "PER":
            for name in actor.names.get("en", ()):
                ws = words(name)
                if len(ws) > 1:
                    out.add(ws[0].casefold())
    return frozenset(out)


_NOT_PLACE = frozenset({"ADJF", "CONJ", "PREP", "NPRO", "VERB", "ADVB", "PRCL", "INFN", "NUMR", "Name", "Surn"})


def _place_like(name: str, morph: Morphology) -> bool:
    """Whether a Cyrillic city name from GeoNames can stand for a place in text: not a word that
    is mostly something else ("Северный", "Но", "Тем"); every word of at least four letters."""
    ws = words(name)
    if not ws or any(len(w) < 4 for w in ws):
        return False
    tags = morph.info(ws[0]).tags
    return "Geox" in tags or not tags & _NOT_PLACE


def _region_like(name: str, morph: Morphology) -> bool:
    """Whether a subdivision name can stand for the place in text: several words, or one word the
    dictionary knows only as a place or not at all ("Бавария", "Пенджаб"; not "Пара", "Марке", "Захід")."""
    if " " in name:
        return True
    tags = morph.info(name).tags
    return len(name) >= 4 and tags <= {"Geox", "known"}


_NOT_REGIONS = frozenset("""central centre centrale coast lakes unity plateau plateaux rivers delta bay gulf capital
    littoral north south east west northern southern eastern western midlands national sahel savannah victoria
    nelson georgia washington""".split())
"""One-word English subdivision names that are mostly common words or people in news."""


def _english_region_like(name: str, people: frozenset[str]) -> bool:
    """Whether an English subdivision name can stand for the place in text: several words, or
    one of at least four letters that is no common word (:data:`_NOT_REGIONS`) nor a first name
    or surname (``people``)."""
    if " " in name:
        return True
    word = name.casefold()
    return len(word) >= 4 and word not in _NOT_REGIONS and word not in people


def _inflected(entries: list[Entry], lang: str, morph: Morphology | None) -> list[tuple[Entry, str]]:
    """Other forms of one-word place and organisation names ("Київ" → "Києві"), whose stems the
    ending rules cannot bring together; from the dictionary, so only for words it knows (of the
    town list, only Ukrainian names in -ка/-га/-ха)."""
    if morph is None:
        return []
    out: list[tuple[Entry, str]] = []
    for e in entries:
        if (e.lang == lang and e.type in ("LOC", "ORG") and " " not in e.name and not e.name.isupper()
                and (not e.weak or (lang == "uk" and e.name.endswith(_UK_ALTERNATING)))):
            out.extend((e, form) for form in morph.forms(e.name))
    return out


_UK_ALTERNATING = ("ка", "га", "ха")
"""Endings whose consonant alternates in Ukrainian ("Шепетівка" → "Шепетівці", "Прага" → "Празі"):
town-list names with them get their dictionary forms too."""


def load_models(settings: Settings | None = None, *, kb: KnowledgeBase | None = None, slovnet: bool = False,
                spacy: bool = True) -> Models:
    """Build the analysis models once. ``slovnet=True`` adds natasha/slovnet's Russian NER
    (more recall on unknown Russian names, ~10x slower); the default is the rule path.
    spaCy's English NER is added when the setting ``english_ner`` is ``spacy`` (not the
    default) and its package is installed, loaded on the first English article; otherwise (or
    with ``spacy=False``) English stays on the rules and spaCy is never imported."""
    from backchannel.analyze.morph import Morphology
    from backchannel.kb import load_kb

    english: EnglishNer = "rules" if not spacy else (settings or Settings()).english_ner
    kb = kb if kb is not None else load_kb()
    ru_morph = Morphology("ru")
    morph = {"ru": ru_morph, "uk": Morphology("uk", fallback=ru_morph)}
    fallback = [Entry(None, kind, name, lang) for kind, lang, names in lexicon.FALLBACK_NAMES for name in names]
    first_names = _first_names(kb) | given_names()
    people = first_names | surnames()
    entries = kb_entries(kb) + country_entries() + fallback + [
        e for e in city_entries() if e.lang == "en" or _place_like(e.name, ru_morph)
    ] + [e for e in subdivision_entries() if _region_like(e.name, morph[e.lang])] + [
        e for e in english_subdivision_entries() if _english_region_like(e.name, people)]
    gazetteers = {lang: build(lang, entries, _inflected(entries, lang, morph.get(lang))) for lang in LANGS}
    lexicons = {
        lang: Lexicon(lang, lexicon.person_cues(lang), lexicon.org_heads(lang), lexicon.org_triggers(lang),
                      first_names, lexicon.loc_heads(lang))
        for lang in LANGS
    }
    slovnet_ner = None
    if slovnet:
        from backchannel.analyze.slovnet_ner import SlovnetNer

        slovnet_ner = SlovnetNer()
    person_keys = {
        lang: frozenset(k for k, found in gaz.entries.items() if any(e.type == "PER" for e in found))
        for lang, gaz in gazetteers.items()
    }
    offices: dict[tuple[str, str], list[Actor]] = {}
    for actor in kb.actors:
        for office in actor.offices:
            slot = offices.setdefault((office.role, office.of), [])
            if actor not in slot:
                slot.append(actor)
    name_words = {lang: frozenset(w for a in kb.actors if a.type == "PER" for n in a.names.get(lang, ()) for w in n.split())
                  for lang in LANGS}
    return Models(kb, gazetteers, lexicons, morph, load_roles(kb), slovnet_ner, english_model(english),
                  kb.by_id(), person_keys, {k: tuple(v) for k, v in offices.items()}, name_words)


def english_model(english: EnglishNer) -> SpacyNer | None:
    """spaCy's English NER adapter for ``english_ner`` = ``spacy`` (None without its package);
    None for ``rules``, without looking for the package."""
    if english != "spacy":
        return None
    from backchannel.analyze.spacy_ner import load_spacy_ner

    return load_spacy_ner()


def with_english_ner(models: Models, english: EnglishNer) -> Models:
    """The same models (shared, not copied) with English NER chosen by ``english_ner``."""
    return replace(models, spacy=english_model(english))
