"""Adapter for Faker's person providers (MIT licence): the given names of Latin-script locales,
which the recogniser uses to tell "Gisele Sanchez" or "Vicente Sainz de la Peña" from other
capitalised runs in English (and Latin) text. Read from the installed package when the models
are built; nothing of Faker is copied into this repository."""

from __future__ import annotations

import importlib

from backchannel.analyze import lexicon

LOCALES = (
    "en_US", "en_GB", "en_IE", "en_IN", "es_ES", "es_MX", "fr_FR", "de_DE", "it_IT", "pt_BR", "pt_PT",
    "nl_NL", "pl_PL", "tr_TR", "sv_SE",
)
# Given names that are far more often English words, or open a place or an organisation's name.
_AMBIGUOUS = frozenset(
    """will may june april august grant hope faith joy mark bill art rich king major general summer winter
    autumn dawn gay honor honour sunny golden ivory christian young long rose iris lily violet ruby pearl
    crystal amber jade holly ivy page chase dean earl baron duke prince reign royal rock stone brook
    brooke glen dale forest river sky storm star angel destiny justice liberty trinity unity charity
    patience prudence constance mercy grace sterling miles price guy jack jean lane van wade walker
    carter cooper hunter mason parker tanner taylor bishop deacon pope marshal sheriff""".split()
)


def _names(locales: tuple[str, ...], attrs: tuple[str, ...]) -> list[str]:
    """The names that Faker's person providers of ``locales`` list under ``attrs`` (none without Faker)."""
    out: list[str] = []
    for locale in locales:
        try:
            provider = importlib.import_module(f"faker.providers.person.{locale}").Provider
        except ImportError:
            continue
        for attr in attrs:
            out.extend(str(name) for name in getattr(provider, attr, ()))
    return out


def given_names(locales: tuple[str, ...] = LOCALES) -> frozenset[str]:
    """Case-folded given names (at least three letters, Latin script) of ``locales``; empty when
    Faker is not installed."""
    words = {name.casefold() for name in _names(locales, ("first_names", "first_names_male", "first_names_female"))}
    out = {w for w in words if len(w) >= 3 and w.isalpha() and w[0].isascii()}
    return frozenset(out - _AMBIGUOUS - lexicon.EN_COMMON - lexicon.MONTHS_AND_DAYS)


def surnames(locales: tuple[str, ...] = LOCALES) -> frozenset[str]:
    """Case-folded surnames (Latin letters, accents dropped) of ``locales``; empty when Faker is
    not installed. The English region list leaves out the names that are also surnames
    ("Mendoza", "Hidalgo"), which news more often writes for people."""
    import unicodedata

    words = {unicodedata.normalize("NFKD", name).encode("ascii", "ignore").decode().casefold()
             for name in _names(locales, ("last_names",))}
    return frozenset(w for w in words if w.isalpha())
