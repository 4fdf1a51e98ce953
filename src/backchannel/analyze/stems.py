"""Matching keys for inflected names: lower case, ё→е, apostrophes unified, case endings cut.

The same function keys the knowledge base's nominative names and the words of a text, so
"Путиным", "Путина" and "Путин" meet at ``путин`` and "Кирієнком" at ``кирієнк``. Surname
suffixes (-ов, -ев, -ин) are never cut, so "Токаева" → ``токаев`` = "Токаев".
"""

from __future__ import annotations

_ENDINGS_RU = sorted(
    "ами ями ого его ому ему ыми ими ой ей ий ый ая яя ое ее ую юю ом ем ам ям ах ях ых их ым им ою ею "
    "а я о е у ю ы и ь й".split(),
    key=len, reverse=True,
)
_ENDINGS_UK = sorted(
    "ами ями ого ому ими ові еві єві ою ею єю ів їв ах ях ий ій ої ом ем єм им ім ам ям их іх "
    "а я у ю і ї е є о и ь й".split(),
    key=len, reverse=True,
)
_CYRILLIC = frozenset("абвгґдеєёжзиіїйклмнопрстуфхцчшщъыьэюя")
MIN_STEM = 3
_STEM_VOWELS = frozenset("еиіїє")


def fold(word: str) -> str:
    """Case-folded form with ё=е and one apostrophe. (``str.replace`` rather than a
    ``str.translate`` table: translating Cyrillic text through a table is a dictionary look-up
    per character, several times slower on a word and ten times on a sentence.)"""
    return word.casefold().replace("ё", "е").replace("’", "'").replace("ʼ", "'").replace("`", "'")


def _by_length(endings: list[str]) -> tuple[tuple[int, frozenset[str]], ...]:
    lengths = sorted({len(e) for e in endings}, reverse=True)
    return tuple((n, frozenset(e for e in endings if len(e) == n)) for n in lengths)


# The endings grouped by length, longest first: at most one ending of each length can match, so
# looking the word's last n letters up gives the same cut as trying every ending in turn.
_BY_LENGTH = {"ru": _by_length(_ENDINGS_RU), "uk": _by_length(_ENDINGS_UK)}


def stem(word: str, lang: str) -> str:
    """Matching key of one word (see module doc). Latin words lose only a possessive 's."""
    w = fold(word)
    if not w or w[-1] not in _CYRILLIC:
        return w[:-2] if w.endswith("'s") else w
    size = len(w)
    for n, endings in _BY_LENGTH["uk" if lang == "uk" else "ru"]:
        if size - n >= MIN_STEM and w[-n:] in endings:
            w = w[:-n]
            # "Сергея"/"Сергей", "Сергія"/"Сергій", "России"/"Россия": one more vowel goes
            if w[-1] in _STEM_VOWELS and len(w) > MIN_STEM:
                w = w[:-1]
            return w
    return w


def cached_stem(cache: dict[str, str], word: str, lang: str) -> str:
    """:func:`stem` memoised in ``cache`` (one per language, owned by the caller; cleared when big)."""
    found = cache.get(word)
    if found is None:
        if len(cache) > 200_000:
            cache.clear()
        found = cache[word] = stem(word, lang)
    return found


def stems(words: list[str] | tuple[str, ...], lang: str) -> tuple[str, ...]:
    return tuple(stem(w, lang) for w in words)
