"""Linking keys: one spelling-insensitive skeleton for a name in Russian, Ukrainian or English.

"Сергей Кириенко", "Сергій Кирієнко" and "Sergei Kiriyenko" all become ``sergei kirienko``-like
skeletons: Cyrillic is transliterated with a coarse table in which the letters that ru and uk
spell differently collapse (и/і/ї/ы/й → i, е/є/э → e, г/ґ → g), Latin loses diacritics and
``y``/``j`` become ``i``, and doubled letters are squeezed.
"""

from __future__ import annotations

import re
import unicodedata
from functools import lru_cache

_CYR = {
    "а": "a", "б": "b", "в": "v", "г": "g", "ґ": "g", "д": "d", "е": "e", "ё": "e", "є": "e", "э": "e",
    "ж": "zh", "з": "z", "и": "i", "і": "i", "ї": "i", "й": "i", "ы": "i", "к": "k", "л": "l", "м": "m",
    "н": "n", "о": "o", "п": "p", "р": "r", "с": "s", "т": "t", "у": "u", "ф": "f", "х": "kh", "ц": "ts",
    "ч": "ch", "ш": "sh", "щ": "shch", "ъ": "", "ь": "", "ю": "iu", "я": "ia", "'": "", "’": "", "ʼ": "",
}
_CYR_TABLE = str.maketrans(_CYR)
"""``_CYR`` as a table for ``str.translate`` (one C pass instead of a Python loop over the letters)."""
_LATIN = str.maketrans({"y": "i", "j": "i", "w": "v", "'": "", "’": "", "-": " "})
_NON_WORD = re.compile(r"[^a-z0-9 ]+")
_REPEAT = re.compile(r"(.)\1+")
_SPACES = re.compile(r"\s+")


@lru_cache(maxsize=200_000)
def skeleton(name: str) -> str:
    if name.isupper() and len(name) <= 8:  # abbreviations: EU ≠ EEU, ООН; only transliterated
        text = name.casefold().replace("+", " plus").translate(_CYR_TABLE)
        return _SPACES.sub(" ", _NON_WORD.sub(" ", text)).strip()
    text = name.casefold().replace("-", " ").replace("+", " plus")
    text = text.translate(_CYR_TABLE)
    if not text.isascii():  # ASCII has nothing to decompose and no combining marks
        text = unicodedata.normalize("NFKD", text)
        text = "".join(ch for ch in text if not unicodedata.combining(ch))
    text = text.translate(_LATIN)
    text = _REPEAT.sub(r"\1", _NON_WORD.sub(" ", text))
    text = text.replace("kh", "h").replace("ks", "x").replace("ie", "e").replace("ei", "i")
    text = _REPEAT.sub(r"\1", text)
    return _SPACES.sub(" ", text).strip()


def key(entity_type: str, name: str) -> str:
    return f"{entity_type}:{skeleton(name)}"
