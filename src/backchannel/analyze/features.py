"""Per-token features the recogniser reads: capitalisation, script, stem, morphology."""

from __future__ import annotations

import re
from collections.abc import Callable
from typing import cast

from backchannel.analyze.records import Token, WordInfo

_NONE = WordInfo(frozenset())
_ABBR = re.compile(r"^([^\W\d_a-zа-яёіїєґ]{2,}(?:-[^\W\d_a-zа-яёіїєґ]+)*)(?:[а-яіїє]{1,2})?$")


class Feature:
    """What the rules read about one word form; depends on the form only, so it is memoised. A
    plain class, which the compiled build makes a native one (the rules read its fields directly).
    Not to be changed once made: one instance serves every token of the form."""

    __slots__ = ("word", "cap", "upper", "initial", "latin", "stem", "info", "abbr")

    def __init__(self, word: bool, cap: bool, upper: bool, initial: bool, latin: bool, stem: str, info: WordInfo,
                 abbr: str = "") -> None:
        self.word = word
        self.cap = cap
        """Starts with an upper-case letter (or is an all-caps abbreviation)."""
        self.upper = upper
        """An abbreviation: at least two capitals, perhaps with a case ending (NATO, ЄС, МИДа)."""
        self.initial = initial
        """One letter and a dot: "В." """
        self.latin = latin
        self.stem = stem
        self.info = info
        self.abbr = abbr
        """The capitals of an abbreviation without its case ending ("МИДа" → "МИД")."""

    def __repr__(self) -> str:
        return (f"Feature({self.word}, {self.cap}, {self.upper}, {self.initial}, {self.latin}, {self.stem!r}, "
                f"{self.info!r}, {self.abbr!r})")


def feature(text: str, stem: Callable[[str], str], info: Callable[[str], WordInfo] | None) -> Feature:
    c = text[0]
    if not c.isalpha():
        return Feature(False, False, False, False, False, text, _NONE)
    cap = c.isupper() or (text[2:3] == "-" and text[:2] in ("al", "el") and text[3:4].isupper())  # "al-Baghdadi"
    m = _ABBR.match(text)
    if m is not None and len(m.group(1)) >= 5 and info is not None and "common" in info(text.capitalize()).tags:
        return Feature(True, False, False, False, c.isascii(), stem(text), _NONE)  # a headline in capitals
    upper = m is not None
    initial = len(text) == 2 and text[1] == "." and cap
    latin = c.isascii()
    word_info = info(text) if info is not None and cap and not latin and not initial and not upper else _NONE
    return Feature(True, cap, upper, initial, latin, stem(text.rstrip(".")), word_info, m.group(1) if m else "")


def features(
    tokens: tuple[Token, ...], stem: Callable[[str], str], info: Callable[[str], WordInfo] | None,
    cache: dict[str, Feature],
) -> list[Feature]:
    """Features of every token; ``cache`` memoises them per word form (owned by the models).
    The forms seen before are looked up in one pass; only the new ones are computed."""
    out: list[Feature | None] = list(map(cache.get, [t.text for t in tokens]))
    i = _next_missing(out, 0)
    while i >= 0:
        text = tokens[i].text
        found = cache.get(text)  # a new form seen earlier in this article
        if found is None:
            if len(cache) > 300_000:
                cache.clear()
            found = cache[text] = feature(text, stem, info)
        out[i] = found
        i = _next_missing(out, i + 1)
    return cast(list[Feature], out)


def _next_missing(found: list[Feature | None], start: int) -> int:
    """The first index from ``start`` on with no feature yet, or -1."""
    try:
        return found.index(None, start)
    except ValueError:
        return -1
