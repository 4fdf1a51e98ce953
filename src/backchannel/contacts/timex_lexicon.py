"""Word tables of the time grammar (``backchannel.contacts.timex``): months, weekdays, seasons,
parts of a period, relative phrases and numerals in Russian, Ukrainian and English.

Lookups take a phrase as found in the text and normalise it (lower case, one space, ``ё`` → ``е``,
every apostrophe → ``'``); the regex fragments built from the tables accept the same variants.
"""

from __future__ import annotations

import re
from collections.abc import Iterable

# --- months -------------------------------------------------------------------------------

_CYR_CASES = r"(?:ь|я|е|ю|ём|ем)"
_UK_CASES = r"(?:ень|ня|ні|нем|ню)"
MONTH_CYR = (
    rf"(?:январ{_CYR_CASES}|феврал{_CYR_CASES}|март(?:а|е|у|ом)?|апрел{_CYR_CASES}|ма(?:й|я|е|ю|ем)"
    rf"|июн{_CYR_CASES}|июл{_CYR_CASES}|август(?:а|е|у|ом)?|сентябр{_CYR_CASES}|октябр{_CYR_CASES}"
    rf"|ноябр{_CYR_CASES}|декабр{_CYR_CASES}"
    rf"|січ{_UK_CASES}|лют(?:ий|ого|ому|им)|берез{_UK_CASES}|квіт{_UK_CASES}|трав{_UK_CASES}"
    rf"|черв{_UK_CASES}|лип{_UK_CASES}|серп{_UK_CASES}|верес{_UK_CASES}|жовт{_UK_CASES}"
    rf"|листопад(?:а|і|ом|у)?|груд{_UK_CASES}"
    r"|(?:янв|февр?|мар|апр|авг|сент?|окт|нояб?|дек)\.)(?!\w)"
)
"""A Russian or Ukrainian month name in any case, or a Russian abbreviation with its dot."""

MONTH_EN = (
    r"(?:january|february|march|april|may|june|july|august|september|october|november|december"
    r"|(?:jan|feb|mar|apr|jun|jul|aug|sept|sep|oct|nov|dec)\.?)(?![a-z]|-a-)"
)
"""An English month name (the grammar runs on folded text; ``timex`` wants it capitalised in the
original, so that "may" and "march" stay verbs)."""

_MONTH_STEMS: tuple[tuple[str, int], ...] = (
    ("январ", 1), ("янв", 1), ("феврал", 2), ("фев", 2), ("март", 3), ("мар", 3), ("апр", 4), ("ма", 5),
    ("июн", 6), ("июл", 7), ("авг", 8), ("сен", 9), ("окт", 10), ("ноя", 11), ("дек", 12),
    ("січ", 1), ("лют", 2), ("берез", 3), ("квіт", 4), ("трав", 5), ("черв", 6), ("лип", 7),
    ("серп", 8), ("верес", 9), ("жовт", 10), ("листопад", 11), ("груд", 12),
)
_EN_MONTHS = ("jan", "feb", "mar", "apr", "may", "jun", "jul", "aug", "sep", "oct", "nov", "dec")


def month_number(word: str) -> int:
    """1–12 for a word that ``MONTH_CYR`` or ``MONTH_EN`` matched."""
    w = word.lower()
    if w[:3] in _EN_MONTHS:
        return _EN_MONTHS.index(w[:3]) + 1
    return next(n for stem, n in _MONTH_STEMS if w.startswith(stem))


# --- weekdays -----------------------------------------------------------------------------

_AP = "['’ʼ]"
WEEKDAY_CYR = (
    r"(?:понедельник(?:а|у|ом)?|вторник(?:а|у|ом)?|сред(?:а|у|ы)|четверг(?:а|у|ом)?|пятниц(?:а|у|ы)"
    r"|суббот(?:а|у|ы)|воскресень(?:е|я|ю)"
    rf"|понеділ(?:ок|ка|ку)|вівтор(?:ок|ка|ку)|серед(?:а|у|и)|четвер(?:га|гу)?|п{_AP}?ятниц(?:я|ю|і)"
    r"|субот(?:а|у|и|і)|неділ(?:я|ю|і))(?!\w)"
)
WEEKDAY_EN = (r"(?:monday|tuesday|wednesday|thursday|friday|saturday|sunday)(?![a-z])"
              r"(?!\s+(?:times|telegraph|express|mirror|post|herald|people|mail)\b)")
"""An English weekday, not the name of a newspaper ("The Sunday Times")."""

_WEEKDAY_STEMS: tuple[tuple[str, int], ...] = (
    ("понедельн", 0), ("вторн", 1), ("сред", 2), ("четв", 3), ("пятн", 4), ("суббот", 5), ("воскрес", 6),
    ("понеділ", 0), ("вівтор", 1), ("серед", 2), ("п'ятн", 4), ("субот", 5), ("неділ", 6),
    ("mon", 0), ("tue", 1), ("wed", 2), ("thu", 3), ("fri", 4), ("sat", 5), ("sun", 6),
)


def weekday_number(word: str) -> int:
    """0 (Monday) – 6 (Sunday) for a word that ``WEEKDAY_CYR`` or ``WEEKDAY_EN`` matched."""
    w = norm(word)
    return next(n for stem, n in _WEEKDAY_STEMS if w.startswith(stem))


WEEKDAY_MODS: dict[str, str] = {
    **dict.fromkeys(["прошлый", "прошлую", "прошлое", "минувший", "минувшую", "минувшее", "последний",
                     "минулий", "минулу", "минулого", "минулої", "last", "past"], "last"),
    **dict.fromkeys(["этот", "эту", "это", "нынешний", "нынешнюю", "цей", "цю", "цього", "цієї", "this"], "this"),
    **dict.fromkeys(["следующий", "следующую", "следующее", "ближайший", "ближайшую", "наступний",
                     "наступну", "наступного", "наступної", "next", "coming", "this coming"], "next"),
}
"""Words before a weekday or season: ``last`` (strictly before the anchor), ``this``, ``next``."""

SEASON_MODS: dict[str, str] = {
    **dict.fromkeys(["прошлой", "прошлым", "прошлого", "прошлую", "прошлое", "минувшей", "минувшим",
                     "минувшего", "минулої", "минулого", "минулу", "минуле", "last", "past", "this past"], "last"),
    **dict.fromkeys(["этой", "этим", "этого", "эту", "это", "нынешней", "нынешним", "нынешнего", "этим же",
                     "цієї", "цього", "цю", "це", "this"], "this"),
    **dict.fromkeys(["следующей", "следующим", "следующего", "следующую", "будущей", "будущим",
                     "наступної", "наступного", "наступну", "next"], "next"),
}

# --- seasons ------------------------------------------------------------------------------

SEASON_CYR = (
    r"(?:весн(?:а|ы|у|е|ой|ою)|лет(?:о|а|ом|у)|осен(?:ь|и|ью)|зим(?:а|ы|у|е|ой|ою)"
    r"|весн(?:и|і)|навесні|літ(?:о|а|і|ом)|влітку|улітку|осін(?:ь|ню)|восени|зим(?:і)|взимку|узимку)(?!\w)"
)
SEASON_CYR_ADVERB = (
    r"(?:весной|весною|навесні|летом|літом|влітку|улітку|осенью|восени|осінню|зимой|зимою|взимку|узимку)(?!\w)"
)
"""The forms that mean "in that season" on their own ("весной", "влітку")."""
SEASON_EN = r"(?:spring|summer|autumn|fall|winter)(?![a-z])"

_SEASON_STEMS: tuple[tuple[str, str], ...] = (
    ("навесн", "spring"), ("весн", "spring"), ("spring", "spring"),
    ("лет", "summer"), ("літ", "summer"), ("влітк", "summer"), ("улітк", "summer"), ("summer", "summer"),
    ("осен", "autumn"), ("осін", "autumn"), ("восен", "autumn"), ("autumn", "autumn"), ("fall", "autumn"),
    ("зим", "winter"), ("взимк", "winter"), ("узимк", "winter"), ("winter", "winter"),
)


def season_name(word: str) -> str:
    w = norm(word)
    return next(s for stem, s in _SEASON_STEMS if w.startswith(stem))


# --- parts of a period --------------------------------------------------------------------

PARTS: dict[str, str] = {
    **dict.fromkeys(["начале", "начала", "началу", "начало", "первых числах", "первых числах",
                     "початку", "початок", "напочатку", "перших числах",
                     "early", "earlier in", "early in", "the beginning of", "the start of",
                     "beginning of", "start of", "the early part of"], "early"),
    **dict.fromkeys(["середине", "середины", "середину", "середина", "середині", "середини",
                     "mid", "the middle of", "middle of", "the mid"], "mid"),
    **dict.fromkeys(["конце", "конца", "концу", "конец", "последних числах", "кінці", "кінця", "кінцю",
                     "кінець", "наприкінці", "останніх числах", "late", "late in", "later in",
                     "the end of", "end of", "the close of", "the latter part of"], "late"),
    **dict.fromkeys(["первой половине", "первой половины", "першій половині", "першої половини",
                     "the first half of", "first half of"], "h1"),
    **dict.fromkeys(["второй половине", "второй половины", "другій половині", "другої половини",
                     "the second half of", "second half of"], "h2"),
    **dict.fromkeys(["первом квартале", "первого квартала", "першому кварталі", "першого кварталу",
                     "the first quarter of", "first quarter of", "q1"], "q1"),
    **dict.fromkeys(["втором квартале", "второго квартала", "другому кварталі", "другого кварталу",
                     "the second quarter of", "second quarter of", "q2"], "q2"),
    **dict.fromkeys(["третьем квартале", "третьего квартала", "третьому кварталі", "третього кварталу",
                     "the third quarter of", "third quarter of", "q3"], "q3"),
    **dict.fromkeys(["четвертом квартале", "четвертого квартала", "четвертому кварталі",
                     "четвертого кварталу", "the fourth quarter of", "fourth quarter of", "q4"], "q4"),
}
"""Part of a month or a year: early, mid, late, first/second half, quarter (see ``timex_calendar``)."""

CURRENT_YEAR_WORDS = ("года", "року", "the year", "this year")
CURRENT_MONTH_WORDS = ("месяца", "місяця", "the month", "this month")

# --- relative phrases ---------------------------------------------------------------------

YEAR_REL: dict[str, int] = {
    **dict.fromkeys(["прошлого года", "минувшего года", "прошлом году", "минувшем году", "прошлый год",
                     "минулого року", "минулому році", "минулий рік", "торік", "last year", "of last year"], -1),
    **dict.fromkeys(["позапрошлого года", "позапрошлом году", "позаминулого року", "позаминулому році",
                     "позаторік", "the year before last"], -2),
    **dict.fromkeys(["этого года", "этом году", "текущего года", "текущем году", "нынешнего года",
                     "нынешнем году", "этот год", "цього року", "цьому році", "поточного року",
                     "поточному році", "нинішнього року", "нинішньому році", "цьогоріч", "цей рік",
                     "this year", "of this year", "earlier this year", "later this year"], 0),
    **dict.fromkeys(["следующего года", "следующем году", "будущего года", "будущем году",
                     "наступного року", "наступному році", "next year", "of next year"], 1),
}
MONTH_REL: dict[str, int] = {
    **dict.fromkeys(["прошлого месяца", "минувшего месяца", "прошлом месяце", "минувшем месяце",
                     "минулого місяця", "минулому місяці", "last month", "of last month"], -1),
    **dict.fromkeys(["этого месяца", "этом месяце", "текущего месяца", "текущем месяце",
                     "цього місяця", "цьому місяці", "поточного місяця", "поточному місяці",
                     "this month", "earlier this month", "later this month"], 0),
    **dict.fromkeys(["следующего месяца", "следующем месяце", "наступного місяця", "наступному місяці",
                     "next month"], 1),
}
WEEK_REL: dict[str, int] = {
    **dict.fromkeys(["прошлой неделе", "прошлой недели", "минувшей неделе", "минувшей недели",
                     "прошлую неделю", "минулого тижня", "минулому тижні", "минулий тиждень",
                     "last week", "earlier last week", "late last week"], -1),
    **dict.fromkeys(["позапрошлой неделе", "позапрошлой недели", "позаминулого тижня"], -2),
    **dict.fromkeys(["этой неделе", "этой недели", "текущей неделе", "текущей недели", "нынешней неделе",
                     "цього тижня", "цьому тижні", "поточного тижня", "поточному тижні",
                     "this week", "earlier this week", "later this week"], 0),
    **dict.fromkeys(["следующей неделе", "следующей недели", "будущей неделе", "наступного тижня",
                     "наступному тижні", "next week"], 1),
}
DAY_REL: dict[str, int] = {
    **dict.fromkeys(["сегодня", "сьогодні", "today", "earlier today", "tonight", "this morning",
                     "this afternoon", "this evening"], 0),
    **dict.fromkeys(["вчера", "вчора", "учора", "yesterday", "last night"], -1),
    **dict.fromkeys(["позавчера", "позавчора", "the day before yesterday"], -2),
    **dict.fromkeys(["завтра", "tomorrow"], 1),
    **dict.fromkeys(["послезавтра", "післязавтра", "the day after tomorrow"], 2),
}
WEEKEND_REL: dict[str, str] = {
    **dict.fromkeys(["в выходные", "на выходных", "во время выходных", "на вихідних", "у вихідні",
                     "в вихідні", "over the weekend", "at the weekend", "on the weekend"], "past"),
    **dict.fromkeys(["в прошлые выходные", "в минувшие выходные", "на прошлых выходных",
                     "на минувших выходных", "минулих вихідних", "на минулих вихідних",
                     "у минулі вихідні", "last weekend"], "last"),
    **dict.fromkeys(["в эти выходные", "на этих выходных", "цими вихідними", "на цих вихідних",
                     "this weekend"], "this"),
    **dict.fromkeys(["в следующие выходные", "на следующих выходных", "наступних вихідних",
                     "на наступних вихідних", "next weekend"], "next"),
}
RECENT = ("на днях", "цими днями")
"""Within the last week (an interval ending on the anchor)."""

TIME_OF_DAY = (
    r"(?:\s+(?:утром|днем|днём|вечером|ночью|вранці|зранку|вдень|удень|ввечері|увечері|вночі|уночі"
    r"|morning|afternoon|evening|night))?"
)

# --- "three days ago" ---------------------------------------------------------------------

NUMERALS: dict[str, int] = {
    "a": 1, "an": 1, "one": 1, "один": 1, "одну": 1, "одна": 1,
    "two": 2, "два": 2, "две": 2, "дві": 2, "three": 3, "три": 3, "four": 4, "четыре": 4, "чотири": 4,
    "five": 5, "пять": 5, "п'ять": 5, "six": 6, "шесть": 6, "шість": 6, "seven": 7, "семь": 7, "сім": 7,
    "eight": 8, "восемь": 8, "вісім": 8, "nine": 9, "девять": 9, "дев'ять": 9, "ten": 10, "десять": 10,
}
FEW = ("несколько", "кілька", "декілька", "a few", "several", "a couple of")
AGO_UNITS: dict[str, str] = {
    **dict.fromkeys(["день", "дня", "дней", "дні", "днів", "day", "days"], "day"),
    **dict.fromkeys(["неделю", "недели", "недель", "тиждень", "тижні", "тижнів", "week", "weeks"], "week"),
    **dict.fromkeys(["месяц", "месяца", "месяцев", "місяць", "місяці", "місяців", "month", "months"], "month"),
    **dict.fromkeys(["год", "года", "лет", "рік", "роки", "років", "year", "years"], "year"),
}
AGO = ("назад", "тому", "ago")

# --- the words around an expression -------------------------------------------------------

OPEN_START = ("с", "со", "начиная с", "начиная со", "з", "із", "зі", "від", "починаючи з", "починаючи від",
              "since", "from", "starting", "starting in", "starting from", "beginning in")
OPEN_END = ("до", "вплоть до", "к", "ко", "по", "until", "till", "up to", "by")
BETWEEN = ("между", "між", "between")
HEDGES = ("примерно", "приблизительно", "около", "ориентировочно", "предположительно", "приблизно",
          "близько", "орієнтовно", "about", "around", "approximately", "roughly", "circa", "some time in",
          "sometime in")
PREPS = ("в", "во", "у", "на", "от", "в течение", "протягом", "впродовж", "упродовж", "in", "on", "at", "during",
         "throughout", "over", "in the course of")
EN_YEAR_LEADS = ("in", "since", "from", "during", "throughout", "until", "till", "by", "starting in",
                 "beginning in", "up to", "sometime in", "some time in")
"""A bare "2022" in English is a year only after one of these."""
CYR_MONTH_LEADS = ("в", "во", "у", "с", "со", "з", "із", "зі", "до", "к", "ко", "от", "від", "по",
                   "в течение", "протягом", "впродовж", "упродовж", "начиная с", "починаючи з", "вплоть до")
EN_MONTH_LEADS = ("in", "since", "from", "until", "till", "by", "during", "throughout", "through", "of",
                  "starting in", "beginning in", "sometime in", "some time in", "up to")
CYR_WEEKDAY_LEADS = ("в", "во", "у", "с", "со", "з", "із", "до", "к", "ко", "на", "по")
EN_SEASON_LEADS = ("in", "since", "from", "until", "till", "by", "during", "throughout", "over", "through")


# --- gates: a rule runs only when a word of the (folded) text starts with one of its stems --

MONTH_GATE = ("янв", "фев", "мар", "апр", "мая", "мае", "май", "маю", "маем", "июн", "июл", "авг", "сен",
              "окт", "ноя", "дек", "січ", "лют", "берез", "квіт", "трав", "черв", "лип", "серп", "верес",
              "жовт", "листопад", "груд", "jan", "feb", "mar", "apr", "may", "jun", "jul", "aug", "sep", "oct",
              "nov", "dec")
WEEKDAY_GATE = tuple(stem for stem, _ in _WEEKDAY_STEMS)
SEASON_GATE = tuple(stem for stem, _ in _SEASON_STEMS)


def gate(phrases: Iterable[str]) -> tuple[str, ...]:
    """Stems one of which begins a word of every text that contains one of the phrases."""
    longest = {max(reversed(norm(p).split(" ")), key=len) for p in phrases}
    return tuple(w for w in sorted(longest, key=len) if not any(o != w and w.startswith(o) for o in longest))


def fold(text: str) -> str:
    """Lower case, ``ё`` → ``е``, apostrophes → ``'``, every character kept in place (offsets hold)."""
    low = text.lower()
    if len(low) != len(text):
        low = "".join(c.lower() if len(c.lower()) == 1 else c for c in text)
    return low.replace("ё", "е").replace("’", "'").replace("ʼ", "'")


# --- helpers ------------------------------------------------------------------------------

_SPACES = re.compile(r"\s+")


def norm(phrase: str) -> str:
    """The lookup key of a phrase: lower case, one space, ``ё`` → ``е``, apostrophes → ``'``."""
    text = _SPACES.sub(" ", phrase.strip().lower()).replace("ё", "е")
    return text.replace("’", "'").replace("ʼ", "'")


def alternation(phrases: Iterable[str], reverse: bool = False) -> str:
    """A regex matching any of the phrases (longest first) in folded text, whatever the spacing;
    ``reverse``: of the phrases written backwards (to read the words before an expression)."""
    parts = []
    for phrase in sorted({norm(p)[::-1] if reverse else norm(p) for p in phrases}, key=len, reverse=True):
        rx = re.escape(phrase).replace(r"\ ", r"\s+")
        parts.append(rx)
    return "(?:" + "|".join(parts) + ")"
