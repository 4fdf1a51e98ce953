"""Bytes → normalised text: BOMs, the container's hint, UTF-8, UTF-16 without a BOM, then
single-byte Cyrillic (cp1251 / KOI8-R / KOI8-U chosen by a letter score), charset-normalizer
as the last resort. Binary data is refused."""

from __future__ import annotations

import codecs
import re
import unicodedata
from collections import Counter

from backchannel.clean.records import Decoded, Failure

_BOMS: tuple[tuple[bytes, str], ...] = (
    (codecs.BOM_UTF32_LE, "utf-32-le"),
    (codecs.BOM_UTF32_BE, "utf-32-be"),
    (codecs.BOM_UTF8, "utf-8"),
    (codecs.BOM_UTF16_LE, "utf-16-le"),
    (codecs.BOM_UTF16_BE, "utf-16-be"),
)
_SINGLE_BYTE = ("cp1251", "koi8_r", "koi8_u")
_META_CHARSET = re.compile(rb"""<meta[^>]{0,200}?charset\s*=\s*["']?([A-Za-z0-9_.:-]{2,40})""", re.IGNORECASE)
_CONTROL = frozenset(range(0x20)) - {0x09, 0x0A, 0x0C, 0x0D, 0x0B, 0x1B}
_FREQUENT = frozenset("оеаинтсрвлкмдпуяіы")
_LOWER_CYRILLIC = frozenset("абвгдеёжзийклмнопрстуфхцчшщъыьэюяіїєґў")
TRUNCATED = "input ends mid-character (truncated?)"
UNDECODABLE = "cannot decode text (not UTF-8/16, cp1251 or KOI8-R)"


def _translation() -> dict[int, str | None]:
    table: dict[int, str | None] = {c: None for c in range(0x20) if c not in (0x09, 0x0A)}
    table.update({c: None for c in range(0x7F, 0xA0)})
    table.update({c: None for c in (0x200B, 0x200C, 0x200D, 0x200E, 0x200F, 0x2060, 0xFEFF, 0x00AD)})
    table.update({c: None for c in (*range(0x202A, 0x202F), *range(0x2066, 0x206A))})
    table.update({c: " " for c in (0x09, 0xA0, 0x2007, 0x202F)})
    table.update({c: "\n" for c in (0x0B, 0x0C, 0x2028, 0x2029)})
    return table


_TABLE = _translation()


def normalise(text: str) -> str:
    """NFC; newlines unified; NUL, zero-width, BOM and control characters dropped; no-break
    spaces and tabs turned into spaces."""
    text = text.replace("\r\n", "\n").replace("\r", "\n").translate(_TABLE)
    return text if unicodedata.is_normalized("NFC", text) else unicodedata.normalize("NFC", text)


def decode(data: bytes, hint: str | None = None, *, html: bool = False) -> Decoded | Failure:
    """Decode a document's bytes; refuse binary data and undecodable bytes."""
    if not data.strip():
        return Failure("empty input")
    found = (
        _from_bom(data) or _from_hint(data, hint) or (_from_hint(data, _meta_charset(data)) if html else None)
    )
    result = found or _sniff(data)
    if isinstance(result, Failure):
        return result
    return Decoded(normalise(result.text), result.encoding, result.warnings)


def _from_bom(data: bytes) -> Decoded | None:
    for bom, encoding in _BOMS:
        if data.startswith(bom):
            body = data[len(bom) :]
            if encoding == "utf-8":
                return _strict(body, encoding) or _utf8_truncated(body)
            return _strict(body, encoding)
    return None


def _from_hint(data: bytes, hint: str | None) -> Decoded | None:
    if not hint:
        return None
    try:
        encoding = codecs.lookup(hint.strip()).name
    except (LookupError, ValueError):
        return None
    if encoding in ("utf-8", "utf-8-sig") and b"\x00" not in data:
        return _strict(data, "utf-8") or _utf8_truncated(data)
    decoded = _strict(data, encoding)
    if decoded is not None and b"\x00" in data and "16" not in encoding and "32" not in encoding:
        return None
    return decoded


def _meta_charset(data: bytes) -> str | None:
    match = _META_CHARSET.search(data[:4096])
    return match.group(1).decode("ascii") if match else None


def _sniff(data: bytes) -> Decoded | Failure:
    nul = b"\x00" in data
    if nul or _too_many_controls(data):
        return _utf16_without_bom(data) or Failure(
            "binary data (NUL bytes)" if nul else "binary data (control characters)"
        )
    found = _strict(data, "utf-8") or _utf8_truncated(data) or _single_byte_cyrillic(data)
    return found or _charset_normalizer(data) or Failure(UNDECODABLE)


def _strict(data: bytes, encoding: str) -> Decoded | None:
    try:
        return Decoded(data.decode(encoding), codecs.lookup(encoding).name)
    except (UnicodeDecodeError, LookupError):
        return None


def _utf8_truncated(data: bytes) -> Decoded | None:
    """UTF-8 whose only fault is a character cut off at the very end."""
    try:
        data.decode("utf-8")
    except UnicodeDecodeError as exc:
        if exc.reason == "unexpected end of data" and exc.end == len(data) and len(data) - exc.start < 4:
            return Decoded(data[: exc.start].decode("utf-8"), "utf-8", (TRUNCATED,))
    return None


def _utf16_without_bom(data: bytes) -> Decoded | None:
    """UTF-16 recognised by its high bytes: at one parity a few values (0x00 for ASCII,
    0x04 for Cyrillic...) make up nearly all bytes, while the other parity varies."""
    sample = data[: 8192 - 8192 % 2]
    if len(sample) < 8:
        return None
    for parity, encoding in ((1, "utf-16-le"), (0, "utf-16-be")):
        high, low = sample[parity::2], sample[1 - parity :: 2]
        common = Counter(high).most_common(2)
        if sum(n for _, n in common) >= 0.9 * len(high) and len(set(low)) > len({b for b, _ in common}):
            decoded = _strict(data[: len(data) - len(data) % 2], encoding)
            if decoded is not None and _mostly_printable(decoded.text):
                return decoded
    return None


def _mostly_printable(text: str) -> bool:
    bad = sum(1 for ch in text if (ord(ch) < 32 and ch not in "\t\n\r\f") or 0xE000 <= ord(ch) <= 0xF8FF)
    return bad <= 0.01 * len(text)


def _too_many_controls(data: bytes) -> bool:
    sample = data[:65536]
    controls = sum(sample.count(bytes([c])) for c in _CONTROL)
    return controls > 3 and controls > 0.01 * len(sample)


def cyrillic_score(text: str) -> float:
    """How much a decoding looks like Russian/Ukrainian: frequent lowercase letters score 1,
    other lowercase Cyrillic letters 0.5, anything else 0; averaged over non-ASCII characters."""
    total = 0.0
    count = 0
    for ch in text:
        if ord(ch) < 128:
            continue
        count += 1
        if ch in _FREQUENT:
            total += 1.0
        elif ch in _LOWER_CYRILLIC:
            total += 0.5
    return total / count if count else 0.0


def _single_byte_cyrillic(data: bytes) -> Decoded | None:
    best: Decoded | None = None
    best_score = 0.0
    for encoding in _SINGLE_BYTE:
        decoded = _strict(data, encoding)
        if decoded is None:
            continue
        score = cyrillic_score(decoded.text)
        if score > best_score:
            best, best_score = decoded, score
    return best if best_score >= 0.35 else None


def _charset_normalizer(data: bytes) -> Decoded | None:
    """Adapter: charset-normalizer's best guess, if it has one."""
    try:
        from charset_normalizer import from_bytes

        match = from_bytes(data[:200_000]).best()
    except Exception:  # a guesser's failure is only "no guess"
        return None
    if match is None or not match.encoding:
        return None
    decoded = _strict(data, match.encoding)
    if decoded is None:
        return None
    return Decoded(decoded.text, match.encoding, (f"encoding guessed as {match.encoding}",))
