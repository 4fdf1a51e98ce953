"""Per-token features the recogniser reads: capitalisation, script, stem, morphology."""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass

from backchannel.analyze.records import Token, WordInfo

_NONE = WordInfo(frozenset())
_ABBR = re.compile(r"^([^\W\d_a-zа-яёіїєґ]{2,}(?:-[^\W\d_a-zа-яёіїєґ]+)*)(?:[а-яіїє]{1,2})?$")


@dataclass(frozen=True, slots=True)
class Feature:
    word: bool
    cap: bool
    """Starts with an upper-case letter (or is an all-caps abbreviation)."""
    upper: bool
    """An abbreviation: at least two capitals, perhaps with a case ending (NATO, ЄС, МИДа)."""
    initial: bool
    """One letter and a dot: "В." """
    latin: bool
    stem: str
    info: WordInfo
    abbr: str = ""
    """The capitals of an abbreviation without its case ending ("МИДа" → "МИД")."""


def features(
    tokens: tuple[Token, ...], stem: Callable[[str], str], info: Callable[[str], WordInfo] | None
) -> list[Feature]:
    out: list[Feature] = []
    for t in tokens:
        text = t.text
        c = text[0]
        if not c.isalpha():
            out.append(Feature(False, False, False, False, False, text, _NONE))
            continue
        cap = c.isupper()
        m = _ABBR.match(text)
        upper = m is not None
        initial = len(text) == 2 and text[1] == "." and cap
        latin = c.isascii()
        word_info = info(text) if info is not None and cap and not latin and not initial and not upper else _NONE
        out.append(Feature(True, cap, upper, initial, latin, stem(text.rstrip(".")), word_info, m.group(1) if m else ""))
    return out
