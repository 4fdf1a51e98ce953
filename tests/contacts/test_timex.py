"""The time grammar: ru/uk/en expressions, normalised against the article's date, with offsets."""

from __future__ import annotations

import subprocess
import sys
import time
from datetime import date

import pytest

from backchannel.contacts import timex_calendar as cal
from backchannel.contacts.timex import find_times

A = "2025-08-24"  # a Sunday
THU = "2025-08-21"

Expected = tuple[str, str | None, str | None, str]  # text, start, end, precision

CASES: list[tuple[str, str, str | None, list[Expected]]] = [
    # --- Russian ---------------------------------------------------------------------------
    ("ru", "С конца 2022 года Маск регулярно общается с Путиным.", A, [("С конца 2022 года", "2022-10", None, "interval")]),
    ("ru", "Встреча прошла в октябре 2022 года в Москве.", A, [("в октябре 2022 года", "2022-10", "2022-10", "month")]),
    ("ru", "Путин и Трамп встретились 15 августа на Аляске.", A, [("15 августа", "2025-08-15", "2025-08-15", "day")]),
    ("ru", "Учения прошли 7–12 августа 2025 года.", A, [("7–12 августа 2025 года", "2025-08-07", "2025-08-12", "interval")]),
    ("ru", "В конце 2023 года министры созвонились.", A, [("В конце 2023 года", "2023-10", "2023-12", "interval")]),
    ("ru", "Переговоры начались в начале марта.", A, [("в начале марта", "2025-03-01", "2025-03-10", "interval")]),
    ("ru", "Лавров в четверг позвонил Рубио.", A, [("в четверг", "2025-08-21", "2025-08-21", "day")]),
    ("ru", "Лавров в четверг позвонил Рубио.", THU, [("в четверг", "2025-08-21", "2025-08-21", "day")]),
    ("ru", "Вчера Песков сказал, что сегодня встречи не будет, а позавчера её отменили.", A,
     [("Вчера", "2025-08-23", "2025-08-23", "day"), ("сегодня", "2025-08-24", "2025-08-24", "day"),
      ("позавчера", "2025-08-22", "2025-08-22", "day")]),
    ("ru", "На прошлой неделе Си принял Лукашенко.", A, [("На прошлой неделе", "2025-08-11", "2025-08-17", "interval")]),
    ("ru", "В прошлом месяце они говорили дважды, в этом году — трижды.", A,
     [("В прошлом месяце", "2025-07", "2025-07", "month"), ("в этом году", "2025", "2025", "year")]),
    ("ru", "В прошлом году Эрдоган посетил Пекин.", A, [("В прошлом году", "2024", "2024", "year")]),
    ("ru", "Они впервые встретились в 2007 году.", A, [("в 2007 году", "2007", "2007", "year")]),
    ("ru", "В 2021-м стороны обменялись письмами.", A, [("В 2021-м", "2021", "2021", "year")]),
    ("ru", "Весной 2024 года Орбан приезжал в Пекин.", A, [("Весной 2024 года", "2024-03", "2024-05", "season")]),
    ("ru", "Разговор состоялся примерно в апреле 2021 года.", A,
     [("примерно в апреле 2021 года", "2021-04", "2021-04", "month")]),
    ("ru", "Саммит прошел 1 мая 2024 г. в Астане.", A, [("1 мая 2024 г.", "2024-05-01", "2024-05-01", "day")]),
    ("ru", "В четверг, 14 августа, Уиткофф прилетел в Москву.", A,
     [("В четверг, 14 августа", "2025-08-14", "2025-08-14", "day")]),
    ("ru", "Переговоры шли с 30 июля по 2 августа 2025 года.", A,
     [("с 30 июля по 2 августа 2025 года", "2025-07-30", "2025-08-02", "interval")]),
    ("ru", "Контакты продолжались с 2014 по 2022 год.", A, [("с 2014 по 2022 год", "2014", "2022", "interval")]),
    ("ru", "В 2022–2023 годах визитов не было.", A, [("В 2022–2023 годах", "2022", "2023", "interval")]),
    ("ru", "15 марта прошлого года Шольц позвонил Путину.", A,
     [("15 марта прошлого года", "2024-03-15", "2024-03-15", "day")]),
    ("ru", "Летом прошлого года и прошлой осенью переговоров не было.", A,
     [("Летом прошлого года", "2024-06", "2024-08", "season"), ("прошлой осенью", "2024-09", "2024-11", "season")]),
    ("ru", "Встречу запланировали на 5 сентября.", A, [("на 5 сентября", "2025-09-05", "2025-09-05", "day")]),
    ("ru", "Он был в Пекине 5 ноября.", A, [("5 ноября", "2024-11-05", "2024-11-05", "day")]),
    ("ru", "Три дня назад Нетаньяху говорил с Трампом, а 20 лет назад — с Бушем.", A,
     [("Три дня назад", "2025-08-21", "2025-08-21", "day"), ("20 лет назад", "2005", "2005", "year")]),
    ("ru", "Лидеры созвонились в выходные.", A, [("в выходные", "2025-08-23", "2025-08-24", "interval")]),
    ("ru", "В прошлую пятницу Макрон позвонил Путину.", "2025-08-22",
     [("В прошлую пятницу", "2025-08-15", "2025-08-15", "day")]),
    ("ru", "К 2030 году стороны намерены удвоить товарооборот.", A, [("К 2030 году", None, "2030", "interval")]),
    ("ru", "В первой половине 2023 года они виделись трижды.", A,
     [("В первой половине 2023 года", "2023-01", "2023-06", "interval")]),
    ("ru", "Делегации встречались в середине августа и в первых числах сентября.", A,
     [("в середине августа", "2025-08-11", "2025-08-20", "interval"),
      ("в первых числах сентября", "2025-09-01", "2025-09-10", "interval")]),
    ("ru", "Письмо датировано 03.12.2024, ответ пришел 2024-12-10.", A,
     [("03.12.2024", "2024-12-03", "2024-12-03", "day"), ("2024-12-10", "2024-12-10", "2024-12-10", "day")]),
    ("ru", "В 2010-х годах они встречались ежегодно.", A, [("В 2010-х годах", "2010", "2019", "interval")]),
    ("ru", "С октября по декабрь 2022 года шли консультации.", A,
     [("С октября по декабрь 2022 года", "2022-10", "2022-12", "interval")]),
    ("ru", "28 декабря Путин говорил с Алиевым.", "2025-01-05", [("28 декабря", "2024-12-28", "2024-12-28", "day")]),
    ("ru", "Визит намечен на 5 января.", "2025-12-28", [("на 5 января", "2026-01-05", "2026-01-05", "day")]),
    ("ru", "Переговоры прошли 18 февраля 2025 года, а на днях стороны созвонились.", A,
     [("18 февраля 2025 года", "2025-02-18", "2025-02-18", "day"), ("на днях", "2025-08-17", "2025-08-24", "interval")]),
    ("ru", "Песков пообещал ответ до конца лета.", A, [("до конца лета", None, "2025-08", "interval")]),
    ("ru", "Вакцинацию начнут в марте-апреле, как и несколько лет назад.", "2020-05-01",
     [("в марте-апреле", "2020-03", "2020-04", "interval"), ("несколько лет назад", "2013", "2018", "interval")]),
    ("ru", "Об этом сообщили в ночь на воскресенье, 11 ноября.", "2018-11-12",
     [("на воскресенье, 11 ноября", "2018-11-11", "2018-11-11", "day")]),
    # --- Ukrainian -------------------------------------------------------------------------
    ("uk", "У жовтні 2022 року Маск говорив з Путіним.", A, [("У жовтні 2022 року", "2022-10", "2022-10", "month")]),
    ("uk", "З кінця 2022 року вони регулярно спілкуються.", A, [("З кінця 2022 року", "2022-10", None, "interval")]),
    ("uk", "Зустріч відбулася 15 серпня на Алясці.", A, [("15 серпня", "2025-08-15", "2025-08-15", "day")]),
    ("uk", "Зеленський у четвер провів розмову з Макроном.", A, [("у четвер", "2025-08-21", "2025-08-21", "day")]),
    ("uk", "Минулого тижня Сибіга зустрівся з Лаві, а торік — з Ваном.", A,
     [("Минулого тижня", "2025-08-11", "2025-08-17", "interval"), ("торік", "2024", "2024", "year")]),
    ("uk", "Цього року лідери вже двічі говорили телефоном.", A, [("Цього року", "2025", "2025", "year")]),
    ("uk", "Наприкінці березня 2024 року відбулася зустріч.", A,
     [("Наприкінці березня 2024 року", "2024-03-21", "2024-03-31", "interval")]),
    ("uk", "У березні торік і навесні 2023 року делегації обмінялися візитами.", A,
     [("У березні торік", "2024-03", "2024-03", "month"), ("навесні 2023 року", "2023-03", "2023-05", "season")]),
    ("uk", "Минулого четверга прем'єр прийняв делегацію, а у п’ятницю поїхав до Варшави.", THU,
     [("Минулого четверга", "2025-08-14", "2025-08-14", "day"), ("у п’ятницю", "2025-08-15", "2025-08-15", "day")]),
    ("uk", "У 2022 році та з 2014 року сторони не спілкувалися.", A,
     [("У 2022 році", "2022", "2022", "year"), ("з 2014 року", "2014", None, "interval")]),
    ("uk", "Два тижні тому міністри зустрілися в Києві.", A, [("Два тижні тому", "2025-08-10", "2025-08-10", "day")]),
    ("uk", "Переговори тривали з 10 по 12 лютого 2025 р. в Ер-Ріяді.", A,
     [("з 10 по 12 лютого 2025 р.", "2025-02-10", "2025-02-12", "interval")]),
    ("uk", "Минулого літа делегації обмінялися візитами.", A, [("Минулого літа", "2024-06", "2024-08", "season")]),
    ("uk", "На початку 2023 року і в середині серпня.", A,
     [("На початку 2023 року", "2023-01", "2023-03", "interval"), ("в середині серпня", "2025-08-11", "2025-08-20", "interval")]),
    # --- English ---------------------------------------------------------------------------
    ("en", "The meeting took place on 2024-12-03 in Geneva.", A, [("on 2024-12-03", "2024-12-03", "2024-12-03", "day")]),
    ("en", "Blinken met Wang on 3 December 2024.", A, [("on 3 December 2024", "2024-12-03", "2024-12-03", "day")]),
    ("en", "The call came on December 3, after talks in October 2022.", A,
     [("on December 3", "2024-12-03", "2024-12-03", "day"), ("in October 2022", "2022-10", "2022-10", "month")]),
    ("en", "Trump spoke with Putin on Thursday and with Zelensky last week.", A,
     [("on Thursday", "2025-08-21", "2025-08-21", "day"), ("last week", "2025-08-11", "2025-08-17", "interval")]),
    ("en", "The two leaders met earlier this month in Anchorage.", A, [("earlier this month", "2025-08", "2025-08", "month")]),
    ("en", "Musk has been in regular contact with Putin since late 2022.", A,
     [("since late 2022", "2022-10", None, "interval")]),
    ("en", "They first spoke in late 2022, the Journal reported.", A, [("in late 2022", "2022-10", "2022-12", "interval")]),
    ("en", "Theresa May met Macron in May 2019; protesters may march in March.", A,
     [("in May 2019", "2019-05", "2019-05", "month"), ("in March", "2025-03", "2025-03", "month")]),
    ("en", "The summit, held August 7-12, 2025, drew 2022 delegates.", A,
     [("August 7-12, 2025", "2025-08-07", "2025-08-12", "interval")]),
    ("en", "Xi visited Moscow in 2023 and hosted Putin in the spring of 2024.", A,
     [("in 2023", "2023", "2023", "year"), ("in the spring of 2024", "2024-03", "2024-05", "season")]),
    ("en", "Yesterday, Lavrov said the ministers had talked two weeks ago.", A,
     [("Yesterday", "2025-08-23", "2025-08-23", "day"), ("two weeks ago", "2025-08-10", "2025-08-10", "day")]),
    ("en", "The Sunday Times reported that Starmer called Trump over the weekend.", A,
     [("over the weekend", "2025-08-23", "2025-08-24", "interval")]),
    ("en", "Modi visited Kyiv last October and went to Moscow from 2014 to 2016.", A,
     [("last October", "2024-10", "2024-10", "month"), ("from 2014 to 2016", "2014", "2016", "interval")]),
    ("en", "The deal was signed in mid-2023, and talks resumed mid-March.", A,
     [("in mid-2023", "2023-05", "2023-08", "interval"), ("mid-March", "2025-03-11", "2025-03-20", "interval")]),
    ("en", "On Thursday, December 3, 2024, Biden met Xi.", A,
     [("On Thursday, December 3, 2024", "2024-12-03", "2024-12-03", "day")]),
    ("en", "Russia Today looked back on the 1990s.", A, [("on the 1990s", "1990", "1999", "interval")]),
    ("en", "Officials met late last year and will meet again next week.", A,
     [("late last year", "2024-10", "2024-12", "interval"), ("next week", "2025-08-25", "2025-08-31", "interval")]),
    ("en", "The trip ran between July 12, 2013, and July 5 of this year.", "2016-06-15",
     [("between July 12, 2013, and July 5 of this year", "2013-07-12", "2016-07-05", "interval")]),
    # --- without an anchor: relative expressions are kept, unresolved --------------------
    ("ru", "Вчера, в четверг, 15 августа, Путин говорил с Си.", None,
     [("Вчера", None, None, "unknown"), ("в четверг, 15 августа", None, None, "unknown")]),
    ("en", "Last year the two met in October 2022 and spoke again last week.", None,
     [("Last year", None, None, "unknown"), ("in October 2022", "2022-10", "2022-10", "month"),
      ("last week", None, None, "unknown")]),
    ("uk", "Торік у березні, а 7–12 серпня 2025 року — знову.", None,
     [("Торік", None, None, "unknown"), ("у березні", None, None, "unknown"),
      ("7–12 серпня 2025 року", "2025-08-07", "2025-08-12", "interval")]),
    ("ru", "Весной они говорили 3 раза, а в 2019 г. — ни разу.", None,
     [("Весной", None, None, "unknown"), ("в 2019 г.", "2019", "2019", "year")]),
    # --- a language the grammar was not told: every rule runs -----------------------------
    ("und", "in October 2022 и в 2007 году", A,
     [("in October 2022", "2022-10", "2022-10", "month"), ("в 2007 году", "2007", "2007", "year")]),
]


@pytest.mark.parametrize(("lang", "text", "anchor", "expected"), CASES)
def test_find_times(lang: str, text: str, anchor: str | None, expected: list[Expected]) -> None:
    found = find_times(text, lang, anchor)
    assert [(t.text, t.start, t.end, t.precision) for t in found] == expected
    for t in found:
        assert text[t.span_start:t.span_end] == t.text


NOT_TIMES = [
    ("ru", "Песков назвал эту информацию неправдой."),
    ("ru", "В 12:57 на площадь вышли 2022 человека."),
    ("ru", "Они говорили дважды за неделю."),
    ("ru", "Выбросы выросли на 2022 тонны, арестованы 15 человек."),
    ("ru", "Мая Санду и Марта Кос обсудили это в среде экспертов."),
    ("ru", "Вышел Python 3.10.12."),
    ("ru", "Об этом сообщило МИА «Россия сегодня»."),
    ("uk", "Між тим, 2022 людини підписали звернення."),
    ("en", "Theresa May said she may march."),
    ("en", "The Sunday Times quoted 2022 sources at Mar-a-Lago."),
    ("en", "He scored 2024 points, up 12% from the 2022 season."),
    ("en", "After the fall of Kabul, talks stalled."),
]


@pytest.mark.parametrize(("lang", "text"), NOT_TIMES)
def test_not_times(lang: str, text: str) -> None:
    assert find_times(text, lang, A) == []


def test_russian_year_is_not_read_as_years_ago() -> None:
    """dateparser's search_dates reads «2022 года» as "2022 years ago"; the grammar does not."""
    [ref] = find_times("С конца 2022 года они созваниваются.", "ru", A)
    assert (ref.text, ref.start, ref.end, ref.precision) == ("С конца 2022 года", "2022-10", None, "interval")
    assert (ref.span_start, ref.span_end) == (0, 17)
    [ref] = find_times("Встреча прошла в 2022 году.", "ru", A)
    assert ref.start == ref.end == "2022"


def test_anchor_may_carry_a_time_or_be_unusable() -> None:
    assert find_times("вчера", "ru", "2025-08-24T10:30:00+03:00")[0].start == "2025-08-23"
    assert find_times("вчера", "ru", "not a date")[0].precision == "unknown"
    assert find_times("", "ru", A) == []


CALENDAR = [
    # anchor, month, day -> the date of "15 августа": the last one on or before, unless close ahead
    (date(2025, 8, 24), 8, 15, date(2025, 8, 15)),
    (date(2025, 8, 10), 8, 15, date(2025, 8, 15)),
    (date(2025, 8, 10), 10, 15, date(2024, 10, 15)),
    (date(2025, 1, 5), 12, 28, date(2024, 12, 28)),
    (date(2025, 3, 1), 2, 29, date(2024, 2, 29)),
]


@pytest.mark.parametrize(("anchor", "month", "day", "expected"), CALENDAR)
def test_resolve_day(anchor: date, month: int, day: int, expected: date) -> None:
    assert cal.resolve_day(anchor, month, day) == expected


def test_weekday_season_and_parts() -> None:
    thursday = date(2025, 8, 21)
    assert cal.weekday(thursday, 3, "plain") == thursday
    assert cal.weekday(thursday, 3, "last") == date(2025, 8, 14)
    assert cal.weekday(thursday, 3, "next") == date(2025, 8, 28)
    assert cal.season(2022, "winter") == cal.Value("2021-12", "2022-02", "season")
    assert cal.resolve_season(date(2025, 1, 10), "winter", "plain") == 2025
    assert cal.part_of_month(2024, 2, "late") == cal.Value("2024-02-21", "2024-02-29", "interval")
    assert cal.resolve_month(date(2025, 8, 24), 10) == 2025
    assert cal.resolve_month(date(2025, 8, 24), 11) == 2024


def test_fast_enough() -> None:
    sentences = [(lang, text) for lang, text, _, _ in CASES] + NOT_TIMES
    find_times("warm up", "en", A)
    began = time.perf_counter()
    rounds = 20
    for _ in range(rounds):
        for lang, text in sentences:
            find_times(text, lang, A)
    per_sentence = (time.perf_counter() - began) / (rounds * len(sentences))
    assert per_sentence < 0.001  # measured ~0.05 ms; generous for slow CI machines


def test_importing_compiles_nothing() -> None:
    code = "import backchannel.contacts.timex as t; print(t._grammar.cache_info().currsize)"
    out = subprocess.run([sys.executable, "-c", code], check=True, capture_output=True, text=True).stdout
    assert out.strip() == "0"
