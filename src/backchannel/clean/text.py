"""Small text helpers shared by the cleaning stages: line keys and blank-line handling."""

from __future__ import annotations

import re
from collections.abc import Iterable

_SPACES = re.compile(r"\s+")
_DIGITS = re.compile(r"\d")
_EDGE_PUNCT = re.compile(r"^[\W_]+|[\W_]+$")


SHORT_LINE = 80


def line_key(line: str) -> str:
    """The normalised form of a line used to count repeats: case-folded, whitespace collapsed,
    digits turned into 0 in short lines (times, counters, dates of tickers; a long sentence
    that differs only in its numbers is content, not a template), punctuation and symbols
    stripped at both ends."""
    key = _SPACES.sub(" ", line.casefold()).strip()
    if len(key) <= SHORT_LINE:
        key = _DIGITS.sub("0", key)
    return _EDGE_PUNCT.sub("", key)


def join_lines(lines: Iterable[str]) -> str:
    """Lines joined by newlines, trailing whitespace stripped, runs of blank lines collapsed to
    one blank line and blank lines at both ends dropped."""
    out: list[str] = []
    for raw in lines:
        line = raw.rstrip()
        if line or (out and out[-1]):
            out.append(line)
    while out and not out[-1]:
        out.pop()
    return "\n".join(out)


def same_text(a: str, b: str) -> bool:
    """Whether two lines say the same thing (equal keys, or one a long prefix of the other)."""
    ka, kb = line_key(a), line_key(b)
    if not ka or not kb:
        return False
    if ka == kb:
        return True
    short, long_ = sorted((ka, kb), key=len)
    return len(short) >= 20 and long_.startswith(short) and len(short) >= 0.6 * len(long_)


def word_count(text: str) -> int:
    return len(text.split())
