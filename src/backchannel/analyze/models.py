"""Everything heavy the analysis stage needs, built once by ``load_models`` in the composition root."""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import TYPE_CHECKING

from backchannel.analyze import lexicon
from backchannel.analyze.gazetteer import Entry, Gazetteer, build, country_entries, kb_entries, words
from backchannel.analyze.ner import Lexicon
from backchannel.analyze.roles import RoleBook, load_roles
from backchannel.analyze.stems import stem
from backchannel.config import Settings
from backchannel.kb.model import Actor, KnowledgeBase

if TYPE_CHECKING:
    from backchannel.analyze.morph import Morphology
    from backchannel.analyze.slovnet_ner import SlovnetNer

LANGS = ("ru", "uk", "en")


@dataclass(slots=True)
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
    actors: dict[str, Actor] = field(default_factory=dict)
    person_keys: dict[str, frozenset[tuple[str, ...]]] = field(default_factory=dict)
    """Per language: gazetteer keys that name a person (for the typo rule of coreference)."""
    stem_cache: dict[str, dict[str, str]] = field(default_factory=dict)

    def stem(self, lang: str, word: str) -> str:
        cache = self.stem_cache.setdefault(lang, {})
        found = cache.get(word)
        if found is None:
            if len(cache) > 200_000:
                cache.clear()
            found = cache[word] = stem(word, lang)
        return found


def _first_names(kb: KnowledgeBase) -> frozenset[str]:
    out: set[str] = set()
    for actor in kb.actors:
        if actor.type == "PER":
            for name in actor.names.get("en", ()):
                ws = words(name)
                if len(ws) > 1:
                    out.add(ws[0].casefold())
    return frozenset(out)


def _inflected(entries: list[Entry], lang: str, morph: Morphology | None) -> list[tuple[Entry, str]]:
    """Other forms of one-word place and organisation names ("Київ" → "Києві"), whose stems the
    ending rules cannot bring together; from the dictionary, so only for words it knows."""
    if morph is None:
        return []
    out: list[tuple[Entry, str]] = []
    for e in entries:
        if e.lang == lang and e.type in ("LOC", "ORG") and " " not in e.name and not e.name.isupper():
            out.extend((e, form) for form in morph.forms(e.name))
    return out


def load_models(settings: Settings | None = None, *, kb: KnowledgeBase | None = None, slovnet: bool = False) -> Models:
    """Build the analysis models once. ``slovnet=True`` adds natasha/slovnet's Russian NER
    (more recall on unknown Russian names, ~10x slower); the default is the rule path."""
    from backchannel.analyze.morph import Morphology
    from backchannel.kb import load_kb

    del settings  # nothing configurable yet; kept so the composition root passes one object
    kb = kb if kb is not None else load_kb()
    fallback = [Entry(None, kind, name, lang) for kind, lang, names in lexicon.FALLBACK_NAMES  # type: ignore[arg-type]
                for name in names]
    entries = kb_entries(kb) + country_entries() + fallback
    first_names = _first_names(kb)
    ru_morph = Morphology("ru")
    morph = {"ru": ru_morph, "uk": Morphology("uk", fallback=ru_morph)}
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
    return Models(kb, gazetteers, lexicons, morph, load_roles(kb), slovnet_ner, kb.by_id(), person_keys)
