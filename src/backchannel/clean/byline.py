"""Date/byline lines of a header: ``25-10-2024, 12:57 / Автор: Влад Максімов``,
``12.04.2025 18:47 | Невский телеграф | Политика``, ``Jane Roe · 20 February 2025 · 3 min read``.
A line counts only when, besides the date, it holds nothing but short labelled parts."""

from __future__ import annotations

import re
from dataclasses import dataclass

from backchannel.clean.dates import FoundDate, find_date

_SEGMENTS = re.compile(r"\s+[|·•/]\s+|\s*[|·•]\s*")
_TIME = re.compile(r"\b[0-2]?\d:[0-5]\d(?::[0-5]\d)?\b")
_AUTHOR = re.compile(r"(?:^|(?<=[\s,]))(?:автор|author|by|текст|text)\s*[:：]?\s*(\S[^|·•\n]{1,80})", re.I)
_BYLINE = re.compile(r"\s*(?:автор|author|by)\s*[:：]?\s+(\S.{1,60})", re.I)
_LABELS = re.compile(
    r"\b(?:опубликовано|обновлено|опубліковано|оновлено|published|updated|posted|дата|date|on|в|о|at|г|года|року|р)\b\.?",
    re.I,
)
_READING_TIME = re.compile(
    r"\d+\s*(?:min(?:ute)?s?\.?(?:\s+read)?|мин(?:ут[аы]?)?\.?(?:\s+чтения)?|хв(?:илин[аи]?)?\.?(?:\s+читання)?)",
    re.I,
)
_COUNTER = re.compile(r"(?:👁\s*)?\d{1,4}(?:[.,]\d)?\s*(?:т|тыс|тис|k|к|m|м|млн)?\.?", re.I)
_WORD = re.compile(r"\w+")
_UPDATED = re.compile(r"обновлено|оновлено|updated", re.I)
MAX_LINE = 140


@dataclass(frozen=True, slots=True)
class DateLine:
    found: FoundDate
    updated: bool
    """The date is a "last updated" date."""
    author: str | None = None
    outlet: str | None = None
    """An unlabelled name right after the date (``date | Outlet | Section``)."""


def is_byline(text: str) -> bool:
    """``Автор: X`` / ``By X`` alone on a line."""
    return len(text) <= 80 and _BYLINE.fullmatch(text) is not None


def byline_author(text: str) -> str | None:
    match = _AUTHOR.search(text)
    name = match.group(1).strip(" ,.;/") if match else ""
    return name or None


def read_date_line(text: str) -> DateLine | None:
    """The date (and author, outlet) of a header line, None when it is not a date line."""
    text = text.strip()
    if len(text) > MAX_LINE:
        return None
    found = find_date(text)
    if found is None:
        return None
    segments = [s.strip() for s in _SEGMENTS.split(text) if s.strip()]
    at = next((i for i, s in enumerate(segments) if find_date(s) is not None), None)
    if at is None or _residue_words(segments[at]) > 3:
        return None
    author = byline_author(segments[at])
    names: list[tuple[int, str]] = []
    for index, segment in enumerate(segments):
        if index == at or _READING_TIME.fullmatch(segment) or _COUNTER.fullmatch(segment):
            continue
        if _AUTHOR.match(segment):
            author = author or byline_author(segment)
        elif _is_name(segment):
            names.append((index, segment))
        elif _residue_words(segment) > 0:
            return None
    before = [name for index, name in names if index < at]
    after = [name for index, name in names if index > at]
    return DateLine(
        found=found,
        updated=bool(_UPDATED.search(text)),
        author=author or (before[0] if before and _is_person(before[0]) else None),
        outlet=after[0] if after else None,
    )


def _residue_words(segment: str) -> int:
    found = find_date(segment)
    rest = segment if found is None else segment[: found.start] + " " + segment[found.end :]
    rest = _LABELS.sub(" ", _TIME.sub(" ", _AUTHOR.sub(" ", rest)))
    return len(_WORD.findall(rest))


def _is_name(segment: str) -> bool:
    return len(segment) <= 50 and len(segment.split()) <= 5 and not any(ch.isdigit() for ch in segment)


def _is_person(segment: str) -> bool:
    words = segment.split()
    return 2 <= len(words) <= 3 and all(w[:1].isupper() for w in words)
