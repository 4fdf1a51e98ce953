"""Safe, unique file names for notes: no path traversal, no characters Obsidian or Windows refuse,
no Windows device names, bounded length, and no two notes whose names differ only by case."""

from __future__ import annotations

import hashlib
import re
import unicodedata
from collections.abc import Iterable

MAX_CHARS = 80
MAX_BYTES = 180
UNSAFE = re.compile(r'[\x00-\x1f\x7f<>:"/\\|?*#^\[\]]')
"""Control characters, path separators, Windows-forbidden and wikilink-breaking characters."""
RESERVED = frozenset(
    ["CON", "PRN", "AUX", "NUL", "CONIN$", "CONOUT$"]
    + [f"{p}{n}" for p in ("COM", "LPT") for n in (*"123456789", "¹", "²", "³")]
)


def _fit(text: str) -> str:
    text = text[:MAX_CHARS]
    while len(text.encode("utf-8")) > MAX_BYTES:
        text = text[:-1]
    return text


def safe_stem(raw: str, fallback: str = "untitled") -> str:
    """A file name stem (no extension) that is safe on Linux, macOS and Windows and in a wikilink."""
    text = unicodedata.normalize("NFC", raw)
    text = "".join(c for c in text if unicodedata.category(c) not in ("Cs", "Co", "Cn", "Cf"))
    text = UNSAFE.sub(" ", text)
    text = " ".join(text.split())
    text = _fit(text).strip(" .")
    if not text or set(text) <= {"."}:
        text = fallback
    if text.split(".")[0].strip().upper() in RESERVED:
        text = "_" + text
    return text


def short_hash(key: str) -> str:
    return hashlib.sha1(key.encode("utf-8")).hexdigest()[:6]


class NameAllocator:
    """Gives each key a stem unique within the vault, case-insensitively; a stem taken by another
    key (or by a file we must not touch) gets a short hash of the key appended, so the name a key
    receives does not depend on the order of the others."""

    def __init__(self, taken: Iterable[str] = ()) -> None:
        self._used: dict[str, str] = {s.casefold(): "" for s in taken}
        self.stems: dict[str, str] = {}

    def allocate(self, key: str, wanted: str) -> str:
        if key in self.stems:
            return self.stems[key]
        stem = safe_stem(wanted)
        if stem.casefold() in self._used:
            stem = f"{_fit(stem)[: MAX_CHARS - 8].rstrip(' .')} {short_hash(key)}"
            n = 2
            while stem.casefold() in self._used:
                stem = f"{_fit(stem)[: MAX_CHARS - 12].rstrip(' .')} {short_hash(key + str(n))}"
                n += 1
        self._used[stem.casefold()] = key
        self.stems[key] = stem
        return stem
