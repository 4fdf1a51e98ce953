"""The hand-written date parser, and the dateparser trap: dates in body sentences are never
publication dates."""

from __future__ import annotations

import pytest

from backchannel.clean.dates import date_from_url, find_date, parse_date

from .helpers import RU_BODY, article


@pytest.mark.parametrize(
    ("text", "day", "at"),
    [
        ("2024-10-25", "2024-10-25", None),
        ("2024-10-25T18:00:00+00:00", "2024-10-25", "2024-10-25T18:00:00+00:00"),
        ("2024-10-25T18:00:00Z", "2024-10-25", "2024-10-25T18:00:00+00:00"),
        ("2024-10-25 09:05", "2024-10-25", "2024-10-25T09:05:00"),
        ("25-10-2024, 12:57", "2024-10-25", "2024-10-25T12:57:00"),
        ("25.10.2024", "2024-10-25", None),
        ("5.3.2023 в 08:15", "2023-03-05", "2023-03-05T08:15:00"),
        ("25/10/2024", "2024-10-25", None),
        ("25 октября 2024", "2024-10-25", None),
        ("1 марта 2023 года", "2023-03-01", None),
        ("25 жовтня 2024 р.", "2024-10-25", None),
        ("3 травня 2022", "2022-05-03", None),
        ("October 25, 2024", "2024-10-25", None),
        ("25 October 2024", "2024-10-25", None),
        ("Sept. 3rd, 2021 at 10:30", "2021-09-03", "2021-09-03T10:30:00"),
        ("Fri, 25 Oct 2024 18:00:00 GMT", "2024-10-25", "2024-10-25T18:00:00+00:00"),
    ],
)
def test_parse_date(text: str, day: str, at: str | None) -> None:
    found = parse_date(text)
    assert found is not None
    assert (found.day, found.at) == (day, at)


@pytest.mark.parametrize(
    "text",
    [
        "С конца 2022 года",
        "в 2021 году",
        "7–12 августа 2025 года",
        "31.02.2024",
        "2024-13-01",
        "17:58",
        "1.3т",
        "25 октября",
        "",
        "вчера",
    ],
)
def test_no_date(text: str) -> None:
    assert parse_date(text) is None


def test_find_date_takes_the_first() -> None:
    found = find_date("Опубликовано 3 мая 2024, обновлено 05.05.2024")
    assert found is not None and found.day == "2024-05-03"


@pytest.mark.parametrize(
    ("url", "day"),
    [
        ("https://news.example/2024/10/25/some-story", "2024-10-25"),
        ("https://news.example/politics/2023-01-09-story.html", "2023-01-09"),
        ("https://news.example/story-12345", None),
        ("https://news.example/2024/13/40/x", None),
    ],
)
def test_date_from_url(url: str, day: str | None) -> None:
    found = date_from_url(url)
    assert (found.day if found else None) == day


@pytest.mark.parametrize(
    "body",
    [
        "С конца 2022 года министр регулярно встречается с послом, сообщили источники издания.",
        "Переговоры прошли 7–12 августа 2025 года в столице, где стороны обсудили сотрудничество.",
        "Встреча состоялась 25 октября 2024 года в Вене, рассказал собеседник агентства.",
    ],
)
def test_dates_in_body_sentences_are_not_publication_dates(body: str) -> None:
    doc = article(body + "\n" + RU_BODY)
    assert doc.published is None
    assert "published" not in doc.metadata


def test_dates_after_the_header_zone_are_ignored() -> None:
    lines = [RU_BODY] * 3 + ["25.10.2024"] + [RU_BODY]
    assert article("\n".join(lines)).published is None
