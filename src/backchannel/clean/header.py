"""The header zone of a plain-text (or Markdown) body: the first few lines, where pages put
the headline, a lead, a date/author line, separators, language switches and view counters.
Only this zone is read for a date: dates inside body sentences are never publication dates.

A headline-first line becomes the title and stays in the text (it is the source's own
sentence); a line repeating a title the metadata already gave is dropped."""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass, field

from backchannel.clean.byline import DateLine, byline_author, is_byline, read_date_line
from backchannel.clean.dates import FoundDate, find_date
from backchannel.clean.records import Header
from backchannel.clean.text import same_text

ZONE = 12
"""Non-blank lines at the top that may belong to the header."""

_DATE_TOKEN = re.compile(r"^\s*(?:date|дата|published|опубликовано|опубліковано)\s*[:：]?\s*", re.I)
_SEPARATOR = re.compile(r"[\s/|•·—–\-_*=~]+")
_COUNTER = re.compile(r"(?:👁\s*)?\d{1,4}(?:[.,]\d)?\s*(?:т|тыс|тис|k|к|m|м|млн)?\.?", re.I)
_TIME = re.compile(r"[0-2]?\d:[0-5]\d(?::[0-5]\d)?")
_SENTENCE_BREAK = re.compile(r"[.!?…]\s+[«\"“]?[A-ZА-ЯЁІЇЄҐ]")
_LEAD_JUNK = re.compile(r"^[^\w«\"“„'(\[]+")
_TAIL_JUNK = re.compile(r"[^\w»\"”').!?]+$")


def clean_title(text: str) -> str:
    """A title without leading emoji/bullets and trailing separators."""
    return _TAIL_JUNK.sub("", _LEAD_JUNK.sub("", text.strip())).strip()


@dataclass(slots=True)
class _Scan:
    rows: list[str]
    title: str | None
    after_title: bool
    published: str | None
    removed: list[str] = field(default_factory=list)
    dropped: set[int] = field(default_factory=set)
    description: str | None = None
    author: str | None = None
    outlet: str | None = None
    dated: bool = False
    by_update: bool = False

    def drop(self, index: int) -> None:
        self.removed.append(self.rows[index])
        self.dropped.add(index)

    def lines(self) -> tuple[str, ...]:
        return tuple(line for i, line in enumerate(self.rows) if i not in self.dropped)

    def header(self) -> Header:
        return Header(
            self.lines(),
            self.title,
            self.description,
            self.author,
            self.published,
            tuple(self.removed),
            self.outlet,
        )


def read_header(lines: Sequence[str], known_title: str | None, *, full: bool = True) -> Header:
    """Read the header zone. With ``full`` false (HTML) only a repeated title is dropped."""
    rows = list(lines)
    published = _inline_date(rows) if full else None
    first = _next_text(rows, 0)
    if first is None:
        return Header(tuple(rows), published=published)
    scan = _Scan(rows, known_title, False, published)
    if known_title and same_text(rows[first], known_title):
        scan.drop(first)
        scan.after_title = True
    elif full and not known_title and _is_headline(rows[first]) and _next_text(rows, first + 1) is not None:
        scan.title, scan.after_title = clean_title(rows[first]), True
        first += 1
    if not full:
        return Header(scan.lines(), scan.title if scan.after_title else None, removed=tuple(scan.removed))
    _walk(scan, first)
    if not scan.after_title:
        scan.title = None
    return scan.header()


def _walk(scan: _Scan, start: int) -> None:
    """Drop header lines from ``start`` on; stop at the first line of body text."""
    pending: list[int] = []
    for index in _zone(scan.rows, start):
        line = scan.rows[index]
        kind = _classify(line, scan.title)
        if kind is None:
            lead = scan.after_title and not scan.dated and _is_lead(line)
            if len(pending) >= 2 or not (lead or _is_chrome(line)):
                return
            pending.append(index)
            continue
        if pending and not _settle(scan, pending, isinstance(kind, DateLine)):
            return
        pending = []
        if isinstance(kind, DateLine):
            _take_date(scan, kind)
        elif kind == "byline":
            scan.author = scan.author or byline_author(line)
        scan.drop(index)


def _settle(scan: _Scan, pending: list[int], before_date: bool) -> bool:
    """Lines between header lines: a lead (before the first date line) or page chrome."""
    if before_date and scan.after_title and not scan.dated:
        scan.description = " ".join(scan.rows[i].strip() for i in pending)
    elif not all(_is_chrome(scan.rows[i]) for i in pending):
        return False
    for i in pending:
        scan.drop(i)
    return True


def _take_date(scan: _Scan, line: DateLine) -> None:
    if scan.published is None or (scan.by_update and not line.updated):
        scan.published, scan.by_update = _stamp(line.found), line.updated
    scan.author = scan.author or line.author
    scan.outlet = scan.outlet or line.outlet
    scan.dated = True


def _zone(rows: list[str], start: int) -> list[int]:
    return [i for i in range(start, len(rows)) if rows[i].strip()][:ZONE]


def _next_text(rows: Sequence[str], start: int) -> int | None:
    return next((i for i in range(start, len(rows)) if rows[i].strip()), None)


def _stamp(found: FoundDate) -> str:
    return found.at or found.day


def _inline_date(rows: list[str]) -> str | None:
    """A ``date 2025-08-24`` token in front of the first paragraph (removed from it)."""
    first = _next_text(rows, 0)
    if first is None:
        return None
    label = _DATE_TOKEN.match(rows[first])
    if label is None:
        return None
    rest = rows[first][label.end() :]
    found = find_date(rest)
    if found is None or found.start != 0:
        return None
    rows[first] = rest[found.end :].lstrip(" ,;:|/—–-")
    return _stamp(found)


def _is_lead(line: str) -> bool:
    """A subtitle under the headline: one sentence at most, not a paragraph."""
    text = line.strip()
    return len(text) <= 250 and not _SENTENCE_BREAK.search(text)


def _is_chrome(line: str) -> bool:
    """A short unpunctuated line among header lines (rubric, language switch, button)."""
    text = line.strip()
    return len(text) <= 40 and len(text.split()) <= 4 and text[-1] not in ".!?…:"


def _is_headline(line: str) -> bool:
    text = line.strip()
    if not 8 <= len(text) <= 200 or len(text.split()) > 30 or text[-1] in ".:;,…":
        return False
    if not any(ch.isalpha() for ch in text) or text.count(". ") > 1:
        return False
    return _classify(text, None) is None


def _classify(line: str, title: str | None) -> DateLine | str | None:
    """A header line's kind: its DateLine, 'byline', 'title' (repeated), 'separator'; None for text."""
    text = line.strip()
    if _SEPARATOR.fullmatch(text) or _COUNTER.fullmatch(text) or _TIME.fullmatch(text):
        return "separator"
    if title and same_text(text, title):
        return "title"
    if is_byline(text):
        return "byline"
    return read_date_line(text)
