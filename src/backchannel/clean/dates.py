"""Publication dates, parsed by hand: ISO 8601, DD-MM-YYYY, DD.MM.YYYY, DD/MM/YYYY and
written dates in Russian, Ukrainian and English ("25 октября 2024", "25 жовтня 2024",
"October 25, 2024"). Only explicit dates with a year are read; nothing is guessed from
relative phrases (dateparser reads «2022 года» as "2022 years ago")."""

from __future__ import annotations

import calendar
import re
from dataclasses import dataclass
from datetime import date, datetime
from email.utils import parsedate_to_datetime

_MONTHS: dict[str, int] = {}
for _number, _names in enumerate(
    (
        "январ января январь jan january січня січень",
        "феврал февраля февраль feb february лютого лютий",
        "март марта mar march березня березень",
        "апрел апреля апрель apr april квітня квітень",
        "май мая may травня травень",
        "июн июня июнь jun june червня червень",
        "июл июля июль jul july липня липень",
        "август августа aug august серпня серпень",
        "сентябр сентября сентябрь sep sept september вересня вересень",
        "октябр октября октябрь oct october жовтня жовтень",
        "ноябр ноября ноябрь nov november листопада листопад",
        "декабр декабря декабрь dec december грудня грудень",
    ),
    start=1,
):
    _MONTHS.update({name: _number for name in _names.split()})

_MONTH = r"(?P<month_name>[A-Za-zА-Яа-яЁёІіЇїЄєҐґ]{3,10})\.?"
_TIME = r"(?:(?:[T\s,]+|\s*[,/|•–—-]\s*|\s+в\s+|\s+о\s+|\s+at\s+)(?P<hour>[01]?\d|2[0-3])[:.](?P<minute>[0-5]\d)(?::(?P<second>[0-5]\d)(?:\.\d+)?)?(?P<tz>Z|[+-][01]\d:?[0-5]\d)?)?"
_PATTERNS = tuple(
    re.compile(p + _TIME, re.IGNORECASE)
    for p in (
        r"(?<![\d.-])(?P<year>(?:19|20)\d\d)-(?P<month>[01]?\d)-(?P<day>[0-3]?\d)(?![\d-])",
        r"(?<![\d.-])(?P<day>[0-3]?\d)[-./](?P<month>[01]?\d)[-./](?P<year>(?:19|20)\d\d)(?![\d.-]\d)",
        r"(?<![\d–-])(?P<day>[0-3]?\d)\s+"
        + _MONTH
        + r",?\s+(?P<year>(?:19|20)\d\d)(?:\s*(?:г\.|года|год|року|р\.))?(?!\d)",
        _MONTH + r"\s+(?P<day>[0-3]?\d)(?:st|nd|rd|th)?,?\s+(?P<year>(?:19|20)\d\d)(?!\d)",
    )
)
_RFC2822 = re.compile(r"[A-Za-z]{3}, \d{1,2} [A-Za-z]{3} \d{4} \d\d:\d\d")
_URL_DATE = re.compile(r"/((?:19|20)\d\d)[/-]([01]?\d)[/-]([0-3]?\d)(?:[/._-]|$)")


@dataclass(frozen=True, slots=True)
class FoundDate:
    """A calendar date, with the full ISO timestamp when a time of day was given too."""

    day: str
    at: str | None
    start: int
    end: int


def _build(match: re.Match[str]) -> FoundDate | None:
    parts = match.groupdict()
    name = parts.get("month_name")
    month = _MONTHS.get(name.lower()) if name else int(parts["month"])
    year, day = int(parts["year"]), int(parts["day"])
    if month is None or not 1 <= month <= 12 or not 1 <= day <= calendar.monthrange(year, month)[1]:
        return None
    iso_day = date(year, month, day).isoformat()
    at = None
    if parts.get("hour") is not None:
        stamp = datetime(
            year, month, day, int(parts["hour"]), int(parts["minute"]), int(parts.get("second") or 0)
        )
        tz = parts.get("tz")
        suffix = "" if not tz else "+00:00" if tz.upper() == "Z" else f"{tz[:3]}:{tz[-2:]}"
        at = stamp.isoformat() + suffix
    return FoundDate(iso_day, at, match.start(), match.end())


def find_date(text: str) -> FoundDate | None:
    """The first explicit date (with a year) in a short text, such as a header line."""
    best: FoundDate | None = None
    for pattern in _PATTERNS:
        for match in pattern.finditer(text):
            found = _build(match)
            if found is not None:
                if best is None or found.start < best.start:
                    best = found
                break
    return best


def parse_date(value: str) -> FoundDate | None:
    """A metadata value that is a date (perhaps with a time and some words around it)."""
    value = value.strip()
    if not value or len(value) > 80:
        return None
    return _rfc2822(value) or find_date(value)


def _rfc2822(value: str) -> FoundDate | None:
    """Feed dates such as ``Fri, 25 Oct 2024 18:00:00 GMT``."""
    if not _RFC2822.match(value):
        return None
    try:
        stamp = parsedate_to_datetime(value)
    except (TypeError, ValueError, IndexError, OverflowError):
        return None
    return FoundDate(stamp.date().isoformat(), stamp.isoformat(), 0, len(value))


def date_from_url(url: str) -> FoundDate | None:
    """A date written in a URL path, such as ``/2024/10/25/``."""
    match = _URL_DATE.search(url)
    if match is None:
        return None
    year, month, day = (int(g) for g in match.groups())
    if not 1 <= month <= 12 or not 1 <= day <= calendar.monthrange(year, month)[1]:
        return None
    return FoundDate(date(year, month, day).isoformat(), None, match.start(), match.end())
