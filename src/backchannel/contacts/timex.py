"""Time expressions in Russian, Ukrainian and English news, normalised against the article's date.

    find_times(text, lang, anchor) -> list[TimeRef]

``anchor`` is the publication date (ISO ``YYYY-MM-DD``) or None. Every expression comes back with
its offsets in ``text``, its words (the preposition, "с"/"since"/"до"/"until" and a hedge such as
"примерно" included), ISO prefixes at the precision known and the precision: day, month, season,
year, interval (a range, a part of a period, a week; ``end`` None when open) or unknown (a relative
expression without an anchor: start and end None).

What the grammar reads (regexes and tables in ``timex_rules``/``timex_lexicon``, arithmetic and
the documented choices — "early" = days 1–10 or months 1–3, the year of "15 августа" — in
``timex_calendar``):

* dates: ``2024-12-03``, ``03.12.2024``, "15 августа [2025 года]", "15-го серпня", "3 December 2024",
  "December 3[, 2024]", "Thursday, December 3", "в четверг, 14 августа", "15 марта прошлого года";
* day ranges: "7–12 августа 2025 года", "с 7 по 12 августа", "August 7-12", "30 июля – 2 августа",
  "с 15 августа по 20 сентября", "between 2014 and 2016";
* months: "в октябре 2022 года", "у жовтні 2022 року", "October 2022", "в марте прошлого года",
  "у березні торік", "в октябре" / "in October" (year from the anchor), "last October",
  "в марте-апреле", "с октября по декабрь 2022 года";
* parts: "в начале марта", "в середине августа", "в первых числах мая", "наприкінці березня",
  "early March", "mid-March", "в конце 2023 года", "с конца 2022 года", "in late 2022", "mid-2023",
  "the end of last year", "в первой половине 2023 года", "в конце прошлого месяца";
* seasons: "весной 2024 года", "навесні 2024 року", "летом прошлого года", "прошлой осенью",
  "минулого літа", "зимой", "the summer of 2022", "last spring", "in the fall";
* years: "в 2007 году", "2022 г.", "у 2022 році", "в 2021-м", "с 2022-го", "in 2022", "since 2014",
  "в 2022–2023 годах", "с 2014 по 2022 год", "in 2014-2016", "в 2010-х годах", "the 1990s";
* relative: "сегодня", "вчера [вечером]", "позавчера", "завтра", "вчора", "сьогодні", "yesterday",
  "на прошлой неделе", "минулого тижня", "last week", "в прошлом месяце", "earlier this month",
  "в этом году", "в прошлом году", "торік", "цього року", "last year", "в выходные", "на днях",
  "три дня назад", "два тижні тому", "a week ago", "несколько лет назад", "в четверг", "у четвер", "on Thursday",
  "в прошлую пятницу", "минулого четверга", "next Monday";
* around them: "с"/"з"/"від"/"since"/"from" make an open interval (start only), "до"/"к"/"until"/"by"
  one with an end only; "примерно"/"близько"/"about" are kept in the text, the precision unchanged.

Not times: clock times ("в 12:57"), numbers without a year word ("2022 человека"), counts ("дважды
за неделю"), and a bare four-digit number except after a month, a year word or an English
preposition ("in 2022").
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import date
from functools import cache

from backchannel.contacts import timex_calendar as cal
from backchannel.contacts import timex_lexicon as lex
from backchannel.contacts.timex_calendar import Value
from backchannel.contacts.timex_rules import Rule, build_rules, gates
from backchannel.model import TimeRef

__all__ = ["find_times"]

_WINDOW = 64
"""How far before an expression its preposition, "с"/"since" or hedge may start (characters)."""
_WEEKDAY_RULES = frozenset({"weekday", "weekday_en", "weekday_mod"})
_DATE_RULES = frozenset({"day_month", "month_day", "iso", "dotted"})


@dataclass(frozen=True, slots=True)
class _Found:
    start: int
    end: int
    value: Value
    rule: str
    ranged: bool = False


@dataclass(frozen=True, slots=True)
class _Lead:
    """The words right before an expression: where they start, and each normalised (or "")."""

    start: int
    hedge: str
    mod: str
    prep: str

    @property
    def word(self) -> str:
        return self.prep or self.mod or self.hedge


@dataclass(frozen=True, slots=True)
class _Grammar:
    rules: dict[str, tuple[Rule, ...]]
    stems: dict[str, tuple[tuple[str, str], ...]]
    """Gate stems by their first two letters: (stem, gate key)."""
    word: re.Pattern[str]
    digit: re.Pattern[str]
    lead: re.Pattern[str]
    """The hedge, "с"/"until" and preposition before an expression, read backwards from it."""
    gap: re.Pattern[str]
    comma: re.Pattern[str]
    anchor: re.Pattern[str]


@cache
def _grammar() -> _Grammar:
    rules = build_rules()
    scripts = {"cyr": ("cyr", "any"), "en": ("en", "any"), "all": ("cyr", "en", "any")}

    def back(words: tuple[str, ...], name: str) -> str:
        return rf"(?:\s+(?P<{name}>{lex.alternation(words, reverse=True)})(?!\w))?"

    stems: dict[str, list[tuple[str, str]]] = {}
    for key, words in gates().items():
        for stem in words:
            stems.setdefault(stem[:2], []).append((stem, key))
    lead = back(lex.PREPS, "prep") + back(lex.OPEN_START + lex.OPEN_END + lex.BETWEEN, "mod") + back(lex.HEDGES, "hedge")
    gap = r"\s*,?\s*(?:(?P<dash>[-–—])|(?P<to>по|до|to|until|till|through)|(?P<conj>and|и|і|та|й))\s*"
    return _Grammar(
        rules={key: tuple(r for r in rules if r.script in allowed) for key, allowed in scripts.items()},
        stems={prefix: tuple(pairs) for prefix, pairs in stems.items()},
        word=re.compile(r"[\w']+"),
        digit=re.compile(r"\d"),
        lead=re.compile(lead),
        gap=re.compile(gap),
        comma=re.compile(r",?\s+(?:(?:в|во|у|on)\s+)?"),
        anchor=re.compile(r"(\d{4})-(\d{2})-(\d{2})"),
    )


def find_times(text: str, lang: str, anchor: str | None) -> list[TimeRef]:
    """Every time expression of ``text`` (a sentence or a paragraph), in text order.

    >>> [(t.text, t.start, t.end, t.precision) for t in find_times("С конца 2022 года они говорят.", "ru", None)]
    [('С конца 2022 года', '2022-10', None, 'interval')]
    """
    grammar = _grammar()
    day = _anchor_date(anchor, grammar)
    script = "cyr" if lang in ("ru", "uk") else "en" if lang == "en" else "all"
    folded = lex.fold(text)
    open_gates = _open_gates(folded, grammar)
    rules = [rule for rule in grammar.rules[script] if rule.gate in open_gates]
    found = _select(_candidates(text, folded, rules, day, grammar))
    return [_finish(text, folded, item, grammar) for item in _join(folded, found, grammar)]


def _open_gates(folded: str, grammar: _Grammar) -> set[str]:
    """The rules worth running: those whose stems begin a word of the text (a cheap prefilter)."""
    keys = {"digits"} if grammar.digit.search(folded) else set()
    for word in grammar.word.findall(folded):
        for stem, key in grammar.stems.get(word[:2], ()):
            if word.startswith(stem):
                keys.add(key)
    return keys


def _anchor_date(anchor: str | None, grammar: _Grammar) -> date | None:
    m = grammar.anchor.match(anchor or "")
    return cal.make_date(int(m[1]), int(m[2]), int(m[3])) if m else None


def _lead(folded: str, start: int, grammar: _Grammar) -> _Lead:
    m = grammar.lead.match(folded[max(0, start - _WINDOW):start][::-1])
    assert m is not None  # every part is optional

    def word(name: str) -> str:
        found = m[name]
        return lex.norm(found[::-1]) if found else ""

    return _Lead(start - m.end(), word("hedge"), word("mod"), word("prep"))


def _candidates(text: str, folded: str, rules: list[Rule], day: date | None, grammar: _Grammar) -> list[_Found]:
    out: list[_Found] = []
    for rule in rules:
        for m in rule.pattern.finditer(folded):
            if rule.leads and _lead(folded, m.start(), grammar).word not in rule.leads:
                continue
            if not _capitalised(text, m):
                continue
            value = rule.handle(m, day)
            if value is not None:
                out.append(_Found(m.start(), m.end(), value, rule.name, rule.ranged))
    return out


def _capitalised(text: str, m: re.Match[str]) -> bool:
    """English month and weekday names count only capitalised ("in May", not "may")."""
    for group in ("mon", "wd"):
        if group in m.re.groupindex and m[group] and m[group].isascii() and not text[m.start(group)].isupper():
            return False
    return True


def _select(found: list[_Found]) -> list[_Found]:
    """Leftmost, then longest; no overlaps."""
    chosen: list[_Found] = []
    for item in sorted(found, key=lambda f: (f.start, -f.end)):
        if not chosen or item.start >= chosen[-1].end:
            chosen.append(item)
    return chosen


def _join(folded: str, found: list[_Found], grammar: _Grammar) -> list[_Found]:
    """Two neighbours become one: "в четверг, 14 августа" (the date wins), "30 июля – 2 августа 2025",
    "с 2014 года до 2022 года", "from October to December 2022", "between 2014 and 2016"."""
    out: list[_Found] = []
    for item in found:
        prev = out[-1] if out else None
        joined = _joined(folded, prev, item, grammar) if prev is not None else None
        if joined is not None:
            out[-1] = joined
        else:
            out.append(item)
    return out


def _joined(folded: str, a: _Found, b: _Found, grammar: _Grammar) -> _Found | None:
    if a.rule in _WEEKDAY_RULES and b.rule in _DATE_RULES and grammar.comma.fullmatch(folded, a.end, b.start):
        return _Found(a.start, b.end, b.value, b.rule)
    if a.rule in _DATE_RULES and b.rule in _WEEKDAY_RULES and grammar.comma.fullmatch(folded, a.end, b.start):
        return _Found(a.start, b.end, a.value, a.rule)
    gap = grammar.gap.fullmatch(folded, a.end, b.start)
    if gap is None or a.ranged or b.ranged:
        return None
    mod = _lead(folded, a.start, grammar).mod
    if not (gap["dash"] or (gap["to"] and mod in lex.OPEN_START + lex.BETWEEN) or mod in lex.BETWEEN):
        return None
    first, last = _with_year_of(a.value, b.value), b.value
    if first.start is None or last.end is None:
        return _Found(a.start, b.end, cal.UNRESOLVED, "range", True)
    if first.start[:4] > last.end[:4]:
        return None
    return _Found(a.start, b.end, Value(first.start, last.end, cal.INTERVAL), "range", True)


def _with_year_of(a: Value, b: Value) -> Value:
    """``a`` ("30 июля", "октября": no year in the text) in the year of ``b``, or before it."""
    if a.month is None or b.start is None:
        return a
    parts = [int(p) for p in b.start.split("-")]
    by, bm, bd = parts[0], parts[1] if len(parts) > 1 else 12, parts[2] if len(parts) > 2 else 31
    y = by if (a.month, a.day or 1) <= (bm, bd) else by - 1
    if a.day is None:
        return cal.month_value(y, a.month)
    found = cal.make_date(y, a.month, a.day)
    return cal.day_value(found) if found else a


def _finish(text: str, folded: str, item: _Found, grammar: _Grammar) -> TimeRef:
    lead = _lead(folded, item.start, grammar)
    value = item.value
    if not item.ranged and value.start is not None:
        if lead.mod in lex.OPEN_START:
            value = Value(value.start, None, cal.INTERVAL)
        elif lead.mod in lex.OPEN_END:
            value = Value(None, value.end, cal.INTERVAL)
    return TimeRef(text[lead.start:item.end], value.start, value.end, value.precision, lead.start, item.end)
