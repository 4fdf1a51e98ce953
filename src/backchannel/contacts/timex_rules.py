"""The rules of the time grammar: one regex and one handler per kind of expression.

Rules run on folded text (``timex_lexicon.fold``: lower case, offsets kept). A rule matches the
*core* of an expression ("октябре 2022 года", "конца 2022 года", "Thursday");
``backchannel.contacts.timex`` adds the words before it (a preposition, "с"/"since", a hedge),
joins ranges and picks the longest expression where rules overlap. A handler turns a match into
a ``Value`` (or None: not a time after all, e.g. "31 февраля").
"""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass
from datetime import date, timedelta

from backchannel.contacts import timex_calendar as cal
from backchannel.contacts import timex_lexicon as lex
from backchannel.contacts.timex_calendar import UNRESOLVED, Value

Handler = Callable[[re.Match[str], date | None], Value | None]


@dataclass(frozen=True, slots=True)
class Rule:
    """One kind of expression.

    ``script``: cyr (ru, uk), en or any; ``gate``: the key of the stems (``gates()``) one of which must
    begin a word of the text for the rule to run at all (``digits``: a digit); ``leads``: when set, one
    of these words must stand right before the match ("в октябре", "in 2022"); ``ranged``: the rule
    reads a whole range itself ("с 7 по 12 августа": its "с" opens no interval).
    """

    name: str
    script: str
    pattern: re.Pattern[str]
    handle: Handler
    gate: str
    leads: frozenset[str] = frozenset()
    ranged: bool = False


# --- fragments ----------------------------------------------------------------------------

B = r"(?<!\w)"
_YYYY = r"(?:19|20)\d{2}(?!\d)"
_YEAR_WORD = (r"(?:\s*(?:годах|годов|годы|года|году|годом|год|гг\.|г\.|г|роках|років|роки|року|році|рік"
              r"|рр\.|р\.|р)(?!\w))")
_ORD = r"(?:-(?:го|м|му|й|ом|ий|ому)(?!\w))"
_MONTH = rf"(?:{lex.MONTH_CYR}|{lex.MONTH_EN})"
_WEEKDAY = rf"(?:{lex.WEEKDAY_CYR}|{lex.WEEKDAY_EN})"
_SEP_CYR = r"\s*(?:[-–—]|\s(?:по|до|и|і|та|й)\s)\s*"
_SEP_EN = r"\s*(?:[-–—]|\s(?:to|and|through|until|till)\s)\s*"


def _day(g: str) -> str:
    return rf"(?<![\w.:,])(?P<{g}>3[01]|[12]\d|0?[1-9])(?!\d)(?:-?(?:го|ого|е|st|nd|rd|th)(?!\w))?"


def _yearref(g: str = "y") -> str:
    """A year after a month, a part or a season: "2022 года", "2022-го", "2022", "прошлого года", "торік"."""
    return rf"(?:(?P<{g}>{_YYYY})(?!['’]?s(?!\w)){_ORD}?{_YEAR_WORD}?|(?P<{g}rel>{lex.alternation(lex.YEAR_REL)})(?!\w))"


def _year_of(m: re.Match[str], anchor: date | None, g: str = "y") -> int | None:
    """The year the match names; None when it names none or a relative one without an anchor."""
    if m.group(g):
        return int(m.group(g))
    rel = m.group(g + "rel")
    if rel and anchor is not None:
        return anchor.year + lex.YEAR_REL[lex.norm(rel)]
    return None


def _names_year(m: re.Match[str], g: str = "y") -> bool:
    return bool(m.group(g) or m.group(g + "rel"))


# --- handlers -----------------------------------------------------------------------------


def _iso_or_dotted(m: re.Match[str], anchor: date | None) -> Value | None:
    short = "d2" in m.re.groupindex and m["d2"] is not None
    y, mon, d = (int(m[g]) for g in (("y2", "m2", "d2") if short else ("y", "m", "d")))
    if short:
        y += 2000 if y < 50 else 1900
    found = cal.make_date(y, mon, d)
    return cal.day_value(found) if found else None


def _day_month(m: re.Match[str], anchor: date | None) -> Value | None:
    mon, d = lex.month_number(m["mon"]), int(m["d"])
    if cal.make_date(2000, mon, d) is None:
        return None
    if _names_year(m):
        y = _year_of(m, anchor)
        found = cal.make_date(y, mon, d) if y else None
        return cal.day_value(found) if found else (UNRESOLVED if y is None else None)
    found = cal.resolve_day(anchor, mon, d) if anchor else None
    if found is None:
        return Value(None, None, cal.UNKNOWN, mon, d)
    return Value(found.isoformat(), found.isoformat(), cal.DAY, mon, d)


def _day_range(m: re.Match[str], anchor: date | None) -> Value | None:
    mon, d1, d2 = lex.month_number(m["mon"]), int(m["d"]), int(m["d2"])
    if d1 >= d2 or cal.make_date(2000, mon, d2) is None:
        return None
    if _names_year(m):
        y = _year_of(m, anchor)
    else:
        first = cal.resolve_day(anchor, mon, d1) if anchor else None
        y = first.year if first else None
    a, b = (cal.make_date(y, mon, d1), cal.make_date(y, mon, d2)) if y else (None, None)
    if a is None or b is None:
        return None if y else Value(None, None, cal.UNKNOWN, mon, d1)
    return Value(a.isoformat(), b.isoformat(), cal.INTERVAL, mon, d1)


def _month_year(m: re.Match[str], anchor: date | None) -> Value | None:
    y = _year_of(m, anchor)
    return cal.month_value(y, lex.month_number(m["mon"])) if y else UNRESOLVED


def _month_alone(m: re.Match[str], anchor: date | None) -> Value | None:
    mon = lex.month_number(m["mon"])
    if anchor is None:
        return Value(None, None, cal.UNKNOWN, mon)
    iso = cal.iso_month(cal.resolve_month(anchor, mon), mon)
    return Value(iso, iso, cal.MONTH, mon)


def _month_span(m: re.Match[str], anchor: date | None) -> Value | None:
    """"в марте-апреле [2020 года]", "March–April": two neighbouring months."""
    first, last = lex.month_number(m["mon"]), lex.month_number(m["mon2"])
    if _names_year(m):
        y2 = _year_of(m, anchor)
        y1 = y2 - (first > last) if y2 else None
    else:
        y1 = cal.resolve_month(anchor, first) if anchor else None
        y2 = y1 + (first > last) if y1 else None
    return cal.months_value(y1, first, y2, last) if y1 and y2 else UNRESOLVED


def _month_mod(m: re.Match[str], anchor: date | None) -> Value | None:
    if anchor is None:
        return UNRESOLVED
    mon, mode = lex.month_number(m["mon"]), lex.WEEKDAY_MODS[lex.norm(m["mod"])]
    if mode == "last":
        y = anchor.year if mon < anchor.month else anchor.year - 1
    elif mode == "next":
        y = anchor.year if mon > anchor.month else anchor.year + 1
    else:
        y = anchor.year
    return cal.month_value(y, mon)


def _season_year(m: re.Match[str], anchor: date | None) -> Value | None:
    y = _year_of(m, anchor)
    return cal.season(y, lex.season_name(m["s"])) if y else UNRESOLVED


def _season_rel(m: re.Match[str], anchor: date | None) -> Value | None:
    if anchor is None:
        return UNRESOLVED
    mode = lex.SEASON_MODS[lex.norm(m["mod"])] if m.groupdict().get("mod") else "plain"
    name = lex.season_name(m["s"])
    return cal.season(cal.resolve_season(anchor, name, mode), name)


def _part(m: re.Match[str], anchor: date | None) -> Value | None:
    """"в начале марта", "с конца 2022 года", "в конце прошлого месяца", "late summer", "mid-2023"."""
    part = lex.PARTS[lex.norm(m["part"])]
    if m["mon"]:
        mon = lex.month_number(m["mon"])
        y = _year_of(m, anchor) if _names_year(m) else (cal.resolve_month(anchor, mon) if anchor else None)
        return cal.part_of_month(y, mon, part) if y else UNRESOLVED
    if m["s"]:
        whole = _season_year(m, anchor) if _names_year(m) else _season_rel(m, anchor)
        pick = {"early": 0, "mid": 1, "late": 2}.get(part)
        if whole is None or whole.start is None or pick is None:
            return whole
        y, mon = (int(p) for p in whole.start.split("-"))
        return cal.month_value(*cal.shift_month(y, mon, pick))
    if anchor is None and not m["z"]:
        return UNRESOLVED
    if m["curm"] or m["mrel"]:
        assert anchor is not None
        offset = lex.MONTH_REL[lex.norm(m["mrel"])] if m["mrel"] else 0
        return cal.part_of_month(*cal.shift_month(anchor.year, anchor.month, offset), part)
    y = _year_of(m, anchor, "z") if _names_year(m, "z") else (anchor.year if anchor else None)
    return cal.part_of_year(y, part) if y else UNRESOLVED


def _year_range(m: re.Match[str], anchor: date | None) -> Value | None:
    y1, y2 = int(m["y1"]), int(m["y2"])
    if y2 < 100:
        y2 += y1 - y1 % 100
    return Value(f"{y1:04d}", f"{y2:04d}", cal.INTERVAL) if y1 < y2 else None


def _year(m: re.Match[str], anchor: date | None) -> Value | None:
    return cal.year_value(int(m["y"]))


def _decade(m: re.Match[str], anchor: date | None) -> Value | None:
    y = int(m["y"])
    return Value(f"{y:04d}", f"{y + 9:04d}", cal.INTERVAL)


def _relative(m: re.Match[str], anchor: date | None) -> Value | None:
    if anchor is None:
        return UNRESOLVED
    key = lex.norm(m["rel"])
    if key in lex.DAY_REL:
        return cal.day_value(anchor + timedelta(days=lex.DAY_REL[key]))
    if key in lex.WEEK_REL:
        return cal.week(anchor, lex.WEEK_REL[key])
    if key in lex.MONTH_REL:
        return cal.month_value(*cal.shift_month(anchor.year, anchor.month, lex.MONTH_REL[key]))
    if key in lex.YEAR_REL:
        return cal.year_value(anchor.year + lex.YEAR_REL[key])
    if key in lex.WEEKEND_REL:
        return cal.weekend(anchor, lex.WEEKEND_REL[key])
    return cal.days_value(anchor - timedelta(days=7), anchor)


def _ago(m: re.Match[str], anchor: date | None) -> Value | None:
    if anchor is None:
        return UNRESOLVED
    unit, count = lex.AGO_UNITS[lex.norm(m["u"])], lex.norm(m["n"] or "1")
    if count in lex.FEW:
        return cal.a_few_ago(anchor, unit)
    n = int(count) if count.isdigit() else lex.NUMERALS[count]
    return cal.ago(anchor, n, unit)


def _weekday(m: re.Match[str], anchor: date | None) -> Value | None:
    if anchor is None:
        return UNRESOLVED
    mode = lex.WEEKDAY_MODS[lex.norm(m["mod"])] if m.groupdict().get("mod") else "plain"
    return cal.day_value(cal.weekday(anchor, lex.weekday_number(m["wd"]), mode))


# --- the rules ----------------------------------------------------------------------------


def gates() -> dict[str, tuple[str, ...]]:
    """The prefilter of each rule: stems one of which must begin a word of the text."""
    return {"months": lex.MONTH_GATE, "weekdays": lex.WEEKDAY_GATE, "seasons": lex.SEASON_GATE,
            "parts": lex.gate(lex.PARTS), "relative": lex.gate(_RELATIVE), "ago": lex.AGO}


_RELATIVE = (*lex.DAY_REL, *lex.WEEK_REL, *lex.MONTH_REL, *lex.YEAR_REL, *lex.WEEKEND_REL, *lex.RECENT)


def build_rules() -> tuple[Rule, ...]:
    """Compile the grammar (some 40 ms; ``timex`` does it once, on first use)."""
    parts, seasons = lex.alternation(lex.PARTS), rf"(?:{lex.SEASON_CYR}|{lex.SEASON_EN})"
    n_words = lex.alternation([*lex.NUMERALS, *lex.FEW])
    digits, months, weekdays = "digits", "months", "weekdays"
    yref = _yearref()

    def rule(name: str, script: str, gate: str, rx: str, handle: Handler,
             leads: tuple[str, ...] = (), ranged: bool = False) -> Rule:
        return Rule(name, script, re.compile(rx), handle, gate, frozenset(lex.norm(w) for w in leads), ranged)

    return (
        rule("iso", "any", digits, r"(?<![\d-])(?P<y>\d{4})-(?P<m>\d{2})-(?P<d>\d{2})(?!\d)", _iso_or_dotted),
        rule("dotted", "any", digits, r"(?<![\d.])(?:(?P<d>\d{1,2})\.(?P<m>\d{1,2})\.(?P<y>(?:19|20)\d{2})|(?P<d2>\d{2})\.(?P<m2>\d{2})\.(?P<y2>\d{2}))"
             r"(?!\d|\.\d)(?:\s*(?:года|г\.|року|р\.)(?!\w))?", _iso_or_dotted),
        rule("day_range", "cyr", digits, rf"{_day('d')}{_SEP_CYR}{_day('d2')}\s+(?P<mon>{lex.MONTH_CYR})"
             rf"(?:,?\s+{yref})?", _day_range, ranged=True),
        rule("day_range_en", "en", digits, rf"{_day('d')}{_SEP_EN}{_day('d2')}\s+(?:of\s+)?(?P<mon>{lex.MONTH_EN})"
             rf"(?:,?\s+{yref})?", _day_range, ranged=True),
        rule("en_range_day", "en", digits, rf"(?P<mon>{lex.MONTH_EN})\s+{_day('d')}{_SEP_EN}{_day('d2')}"
             rf"(?:,?\s+{yref})?", _day_range, ranged=True),
        rule("day_month", "any", digits, rf"{_day('d')}\s+(?:of\s+)?(?P<mon>{_MONTH})(?:,?\s+{yref})?", _day_month),
        rule("month_day", "en", digits, rf"(?P<mon>{lex.MONTH_EN})\s+(?:the\s+)?{_day('d')}(?:,?\s+{yref})?",
             _day_month),
        rule("part", "any", "parts",
             rf"{B}(?P<part>{parts})(?:\s+|-)(?:(?:(?P<mon>{_MONTH})|(?:the\s+)?(?P<s>{seasons}))"
             rf"(?:,?\s+(?:of\s+)?{yref})?|(?P<curm>месяца|місяця|the\s+month)(?!\w)"
             rf"|(?P<mrel>{lex.alternation(lex.MONTH_REL)})(?!\w)|(?:года|року|the\s+year)(?!\w)|{_yearref('z')})",
             _part),
        rule("month_year", "any", months, rf"{B}(?P<mon>{_MONTH})\s+(?:of\s+)?{yref}", _month_year),
        rule("month_span", "any", months, rf"{B}(?P<mon>{_MONTH})\s*[-–—]\s*(?P<mon2>{_MONTH})(?:\s+{yref})?",
             _month_span, ranged=True),
        rule("month_mod", "en", months, rf"{B}(?P<mod>last|this|next|past)\s+(?P<mon>{lex.MONTH_EN})", _month_mod),
        rule("month", "any", months, rf"{B}(?P<mon>{_MONTH})", _month_alone,
             leads=lex.CYR_MONTH_LEADS + lex.EN_MONTH_LEADS),
        rule("season_year", "any", "seasons", rf"{B}(?:the\s+)?(?P<s>{seasons})\s+(?:of\s+)?{yref}",
             _season_year),
        rule("season_mod", "any", "seasons",
             rf"{B}(?P<mod>{lex.alternation(lex.SEASON_MODS)})\s+(?P<s>{seasons})", _season_rel),
        rule("season", "cyr", "seasons", rf"{B}(?P<s>{lex.SEASON_CYR_ADVERB})", _season_rel),
        rule("season_en", "en", "seasons", rf"{B}(?:the\s+)?(?P<s>{lex.SEASON_EN})(?!\s+of\s+(?!(?:19|20)\d\d))", _season_rel,
             leads=lex.EN_SEASON_LEADS),
        rule("year_span", "cyr", digits, rf"{B}(?P<y1>{_YYYY})(?:\s*[-–—]\s*|\s+(?:и|і|та|й)\s+)"
             rf"(?P<y2>{_YYYY}|\d{{2}}(?!\d))(?:-?(?:х|е|м|го))?"
             r"\s*(?:годах|годами|годы|годов|гг\.|роках|роками|роки|років|рр\.)(?!\w)", _year_range, ranged=True),
        rule("year_from_to", "cyr", digits, rf"{B}(?:с|со|з|із|від)\s+(?P<y1>{_YYYY}){_YEAR_WORD}?\s+(?:по|до)\s+"
             rf"(?P<y2>{_YYYY}){_YEAR_WORD}?", _year_range, ranged=True),
        rule("year_from_to_en", "en", digits, rf"{B}(?:in|from|between|during)\s+(?P<y1>{_YYYY})\s*(?:[-–—]"
             rf"|\s(?:to|and|until|through)\s)\s*(?P<y2>{_YYYY}|\d{{2}}(?!\d))", _year_range, ranged=True),
        rule("year", "cyr", digits, rf"(?<![\w.,])(?P<y>{_YYYY})(?:{_ORD}{_YEAR_WORD}?|{_YEAR_WORD})", _year),
        rule("decade", "cyr", digits, r"(?<![\w.,])(?P<y>(?:19|20)\d0)-?(?:х|е|ые|ых|их|ті|тих)(?!\w)"
             r"(?:\s*(?:годах|годы|годов|роках|роки|років)(?!\w))?", _decade),
        rule("decade_en", "en", digits, r"(?<![\w.,])(?:the\s+)?(?P<y>(?:19|20)\d0)['’]?s(?!\w)", _decade),
        rule("year_en", "en", digits, rf"(?<![\w.,$€£-])(?P<y>{_YYYY})(?![.,]\d|\s*%|-\d|\w)", _year,
             leads=lex.EN_YEAR_LEADS),
        rule("relative", "any", "relative",
             rf"(?<!russia )(?<!usa )(?<!россия ){B}(?P<rel>{lex.alternation(_RELATIVE)})(?!\w){lex.TIME_OF_DAY}(?!\w)",
             _relative),
        rule("ago", "any", "ago", rf"{B}(?:(?P<n>\d{{1,2}}|{n_words})\s+)?(?P<u>{lex.alternation(lex.AGO_UNITS)})"
             rf"\s+{lex.alternation(lex.AGO)}(?!\w)", _ago),
        rule("weekday_mod", "any", weekdays,
             rf"{B}(?P<mod>{lex.alternation(lex.WEEKDAY_MODS)})\s+(?P<wd>{_WEEKDAY})", _weekday),
        rule("weekday", "cyr", weekdays, rf"{B}(?P<wd>{lex.WEEKDAY_CYR})", _weekday, leads=lex.CYR_WEEKDAY_LEADS),
        rule("weekday_en", "en", weekdays, rf"{B}(?P<wd>{lex.WEEKDAY_EN})", _weekday),
    )
