"""The header zone of plain text: headline, lead, date/author line, separators, counters."""

from __future__ import annotations

import pytest

from backchannel.clean.header import read_header

from .helpers import RU_BODY, UK_BODY, article

UK_PAGE = f"""Посол зустрівся з міністром оборони

Сторони домовилися про нові кроки співпраці
12-03-2024, 09:41 / Автор: Олена Коваль
/
Читать на русском
Посол зустрівся з міністром оборони
2.4т

{UK_BODY}

{UK_BODY}
"""


def test_headline_lead_date_and_author_line() -> None:
    doc = article(UK_PAGE)
    assert doc.title == "Посол зустрівся з міністром оборони"
    assert doc.published == "2024-03-12"
    assert doc.metadata["published_at"] == "2024-03-12T09:41:00"
    assert doc.author == "Олена Коваль"
    assert doc.metadata["description"] == "Сторони домовилися про нові кроки співпраці"
    assert doc.text.startswith(f"Посол зустрівся з міністром оборони\n\n{UK_BODY}")
    assert doc.text.count("Посол зустрівся") == 1
    for gone in ("Автор", "Читать на русском", "2.4т", "Сторони домовилися", "\n/\n"):
        assert gone not in doc.text


@pytest.mark.parametrize(
    ("text", "published", "first"),
    [
        (f" date 2025-08-24 {RU_BODY}\n\n{RU_BODY}", "2025-08-24", "Министр иностранных дел"),
        (f"Дата: 05.03.2024 {RU_BODY}", "2024-03-05", "Министр иностранных дел"),
        (f"Опубликовано 3 мая 2024, 10:15\n{RU_BODY}", "2024-05-03", "Министр иностранных дел"),
        (f"Published October 25, 2024 by Jane Roe\n{RU_BODY}", "2024-10-25", "Министр иностранных дел"),
        (f"Переговоры министров\n25 жовтня 2024\n{UK_BODY}", "2024-10-25", "Переговоры министров\nМіністр"),
        (
            f"Посол у Відні\n\nОлена Коваль · 3 травня 2024 · 4 хв читання\n{UK_BODY}",
            "2024-05-03",
            "Посол у Відні\n\nМіністр",
        ),
        (
            f"Ambassador in Vienna\n12.04.2025 18:47 | Daily Example | Politics\n{UK_BODY}",
            "2025-04-12",
            "Ambassador in Vienna\nМіністр",
        ),
    ],
)
def test_date_header_variants(text: str, published: str, first: str) -> None:
    doc = article(text)
    assert doc.published == published
    assert doc.text.startswith(first)


def test_body_first_layout_has_no_title() -> None:
    doc = article(f"{RU_BODY}\n{RU_BODY}")
    assert doc.title is None
    assert doc.text == f"{RU_BODY}\n{RU_BODY}"


def test_single_line_is_not_a_title() -> None:
    doc = article("Министр провёл разговор с коллегой из соседней страны")
    assert doc.title is None and doc.text.startswith("Министр")


def test_metadata_title_repeated_in_body_is_dropped() -> None:
    doc = article(f"Министры поговорили по телефону\n{RU_BODY}", title="Министры поговорили по телефону")
    assert doc.title == "Министры поговорили по телефону"
    assert doc.text == RU_BODY


def test_headline_with_emoji_is_cleaned_and_kept_in_the_text() -> None:
    doc = article(f"⚡️ **Министры поговорили по телефону**\n\n{RU_BODY}")
    assert doc.title == "Министры поговорили по телефону"
    assert doc.text == f"⚡️ Министры поговорили по телефону\n\n{RU_BODY}"


@pytest.mark.parametrize(
    ("line", "author", "outlet"),
    [
        ("Олена Коваль · 3 травня 2024 · 4 хв читання", "Олена Коваль", None),
        ("12.04.2025 18:47 | Daily Example | Politics", None, "Daily Example"),
        ("25-10-2024, 12:57 / Автор: Влад Максимов", "Влад Максимов", None),
        ("Published October 25, 2024 by Jane Roe", "Jane Roe", None),
    ],
)
def test_date_line_author_and_outlet(line: str, author: str | None, outlet: str | None) -> None:
    header = read_header(["Заголовок новости", line, RU_BODY], None)
    assert (header.author, header.outlet) == (author, outlet)
    assert header.lines == ("Заголовок новости", RU_BODY)


def test_chrome_between_header_lines_goes() -> None:
    header = read_header(["Заголовок новости", "05.05.2024", "Версия для печати", "1.2т", RU_BODY], None)
    assert header.lines == ("Заголовок новости", RU_BODY)


def test_container_date_wins_over_header_line() -> None:
    doc = article(f"Переговоры\n01.02.2023\n{RU_BODY}", published="2024-06-07T10:00:00+00:00")
    assert doc.published == "2024-06-07"


def test_url_date_is_the_last_resort() -> None:
    doc = article(RU_BODY, url="https://news.example/2024/10/25/talks")
    assert doc.published == "2024-10-25"


def test_updated_line_does_not_override_published_line() -> None:
    header = read_header(["Опубликовано 03.05.2024", "Обновлено 04.05.2024", RU_BODY], None)
    assert header.published == "2024-05-03"
    assert header.lines[-1] == RU_BODY


def test_header_scan_stops_at_body() -> None:
    header = read_header(["Заголовок новости", RU_BODY, "05.05.2024", RU_BODY], None)
    assert header.published is None
    assert header.lines[1] == RU_BODY
