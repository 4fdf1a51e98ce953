"""Calendar arithmetic of the time grammar: resolving a month, a day, a weekday or a season
against the article's date, and the month and day ranges of "early", "mid" and "late".

Decisions (documented here, tested in ``tests/contacts/test_timex.py``):

* a day or month without a year is the most recent occurrence on or before the anchor, unless
  the next occurrence is close ahead (a day within 60 days, a month within 2 months): news
  announce what happens soon and report what happened;
* a weekday is the most recent one on or before the anchor ("last" = strictly before,
  "this" = in the anchor's week, "next" = strictly after);
* part of a month: early = days 1–10, mid = 11–20, late = 21–end; halves 1–15 / 16–end;
* part of a year: early = months 1–3, mid = 5–8, late = 10–12; halves and quarters as named;
* seasons: spring 3–5, summer 6–8, autumn 9–11, winter of year Y = December Y-1 – February Y
  ("зимой 2022 года" is January–February 2022 and the December before it).
"""

from __future__ import annotations

import calendar
from dataclasses import dataclass
from datetime import date, timedelta

DAY, MONTH, SEASON, YEAR, INTERVAL, UNKNOWN = "day", "month", "season", "year", "interval", "unknown"

_DAYS_AHEAD = 60
_MONTHS_AHEAD = 2
_MONTH_PARTS = {"early": (1, 10), "mid": (11, 20), "late": (21, 31), "h1": (1, 15), "h2": (16, 31)}
_YEAR_PARTS = {"early": (1, 3), "mid": (5, 8), "late": (10, 12), "h1": (1, 6), "h2": (7, 12),
               "q1": (1, 3), "q2": (4, 6), "q3": (7, 9), "q4": (10, 12)}
_SEASONS = {"spring": 3, "summer": 6, "autumn": 9, "winter": 12}


@dataclass(frozen=True, slots=True)
class Value:
    """A normalised time: ISO prefixes and a precision; ``month``/``day`` keep what the text said
    when it gave no year, so that "30 июля – 2 августа 2025" can take the year of its second half."""

    start: str | None
    end: str | None
    precision: str
    month: int | None = None
    day: int | None = None


UNRESOLVED = Value(None, None, UNKNOWN)


def iso_month(y: int, m: int) -> str:
    return f"{y:04d}-{m:02d}"


def make_date(y: int, m: int, d: int) -> date | None:
    if 1 <= m <= 12 and 1 <= d <= calendar.monthrange(y, m)[1] and 1 <= y <= 9999:
        return date(y, m, d)
    return None


def day_value(d: date) -> Value:
    return Value(d.isoformat(), d.isoformat(), DAY)


def days_value(first: date, last: date) -> Value:
    return Value(first.isoformat(), last.isoformat(), INTERVAL if first != last else DAY)


def month_value(y: int, m: int) -> Value:
    return Value(iso_month(y, m), iso_month(y, m), MONTH)


def year_value(y: int) -> Value:
    return Value(f"{y:04d}", f"{y:04d}", YEAR)


def months_value(y1: int, m1: int, y2: int, m2: int, precision: str = INTERVAL) -> Value:
    return Value(iso_month(y1, m1), iso_month(y2, m2), precision)


def shift_month(y: int, m: int, k: int) -> tuple[int, int]:
    idx = y * 12 + (m - 1) + k
    return idx // 12, idx % 12 + 1


# --- resolving against the anchor ----------------------------------------------------------


def resolve_day(anchor: date, m: int, d: int) -> date | None:
    """The date of "15 августа" seen from ``anchor`` (see the module docstring)."""
    past = next((x for y in (anchor.year, anchor.year - 1, anchor.year - 2, anchor.year - 3)
                 if (x := make_date(y, m, d)) is not None and x <= anchor), None)
    future = next((x for y in (anchor.year, anchor.year + 1)
                   if (x := make_date(y, m, d)) is not None and x > anchor), None)
    if future is not None and (future - anchor).days <= _DAYS_AHEAD:
        return future
    return past


def resolve_month(anchor: date, m: int) -> int:
    """The year of "в октябре" seen from ``anchor``."""
    ahead = (m - anchor.month) % 12
    if 0 < ahead <= _MONTHS_AHEAD:
        return anchor.year if m > anchor.month else anchor.year + 1
    return anchor.year if m <= anchor.month else anchor.year - 1


def weekday(anchor: date, wd: int, mode: str) -> date:
    """``mode``: plain (on or before the anchor), last (strictly before), this (anchor's week), next."""
    back = (anchor.weekday() - wd) % 7
    if mode == "last":
        return anchor - timedelta(days=back or 7)
    if mode == "this":
        return anchor + timedelta(days=wd - anchor.weekday())
    if mode == "next":
        return anchor + timedelta(days=(wd - anchor.weekday()) % 7 or 7)
    return anchor - timedelta(days=back)


def week(anchor: date, offset: int) -> Value:
    monday = anchor - timedelta(days=anchor.weekday()) + timedelta(weeks=offset)
    return days_value(monday, monday + timedelta(days=6))


def weekend(anchor: date, mode: str) -> Value:
    saturday = anchor - timedelta(days=(anchor.weekday() - 5) % 7)
    if mode == "last" and anchor.weekday() >= 5:
        saturday -= timedelta(days=7)
    elif mode == "this":
        saturday = anchor + timedelta(days=5 - anchor.weekday())
    elif mode == "next":
        saturday = anchor + timedelta(days=5 - anchor.weekday() + 7)
    return days_value(saturday, saturday + timedelta(days=1))


def a_few_ago(anchor: date, unit: str) -> Value:
    """"несколько дней назад", "a few years ago": two to seven units back, as an interval."""
    if unit in ("day", "week"):
        step = timedelta(days=1 if unit == "day" else 7)
        return days_value(anchor - 7 * step, anchor - 2 * step)
    if unit == "month":
        return months_value(*shift_month(anchor.year, anchor.month, -7), *shift_month(anchor.year, anchor.month, -2))
    return Value(f"{anchor.year - 7:04d}", f"{anchor.year - 2:04d}", INTERVAL)


def ago(anchor: date, n: int, unit: str) -> Value:
    if unit == "day":
        return day_value(anchor - timedelta(days=n))
    if unit == "week":
        return day_value(anchor - timedelta(weeks=n))
    if unit == "month":
        return month_value(*shift_month(anchor.year, anchor.month, -n))
    return year_value(anchor.year - n)


# --- parts and seasons --------------------------------------------------------------------


def part_of_month(y: int, m: int, part: str) -> Value:
    lo, hi = _MONTH_PARTS.get(part, (1, 31))
    last = calendar.monthrange(y, m)[1]
    return days_value(date(y, m, lo), date(y, m, min(hi, last)))


def part_of_year(y: int, part: str) -> Value:
    lo, hi = _YEAR_PARTS.get(part, (1, 12))
    return months_value(y, lo, y, hi)


def season(y: int, name: str) -> Value:
    """The season of year ``y``; winter ``y`` starts in December ``y - 1``."""
    first = _SEASONS[name]
    start = (y - 1, 12) if name == "winter" else (y, first)
    end = shift_month(*start, 2)
    return months_value(*start, *end, precision=SEASON)


def resolve_season(anchor: date, name: str, mode: str) -> int:
    """The year of "весной" / "last summer" / "this winter" / "next spring" seen from ``anchor``."""
    here = anchor.year * 12 + anchor.month - 1

    def bounds(y: int) -> tuple[int, int]:
        first = (y - 1) * 12 + 11 if name == "winter" else y * 12 + _SEASONS[name] - 1
        return first, first + 2

    years = (anchor.year - 1, anchor.year, anchor.year + 1, anchor.year + 2)
    containing = next((y for y in years if bounds(y)[0] <= here <= bounds(y)[1]), None)
    upcoming = next(y for y in years if bounds(y)[0] > here)
    past = max(y for y in years if bounds(y)[1] < here)
    if mode == "last":
        return past
    if mode == "next":
        return upcoming
    if containing is not None:
        return containing
    if mode == "this":
        return upcoming if name == "winter" else anchor.year
    return upcoming if bounds(upcoming)[0] - here <= _MONTHS_AHEAD else past
