"""Rule-based boilerplate: lexicon lines, news tickers, tail blocks, the outlet domain rule."""

from __future__ import annotations

import pytest

from backchannel.clean.boilerplate import copyright_holder, domain_of_removed, strip_boilerplate
from backchannel.clean.lexicon import lexicon

from .helpers import EN_BODY, RU_BODY, UK_BODY, article


def strip(lines: list[str]) -> list[str]:
    return [line for line in strip_boilerplate(lines, lexicon()).lines if line]


@pytest.mark.parametrize(
    "line",
    [
        "Мы пишем о главном. Скачайте приложение.",
        "Завантажуйте наш додаток, щоб не пропустити головне",
        "Download our app for the latest headlines",
        "Читать на русском",
        "Читати українською",
        "Read in English",
        "Читайте Example News в Google News",
        "Стежте за нами в Telegram",
        "Подпишитесь на нашу рассылку «Вечер»",
        "Підписуйтесь на наш канал",
        "Почему вы можете доверять нашей редакции",
        "Чому ви можете довіряти example.org →",
        "Why you can trust Example Daily",
        "Мы используем файлы cookie, продолжая пользоваться сайтом, вы соглашаетесь",
        "Продовжуючи переглядати сайт, ви погоджуєтеся з використанням файлів cookie",
        "We use cookies. By continuing you agree to our Privacy Policy",
        "Нашли ошибку? Выделите её и нажмите Ctrl+Enter",
        "Поделиться",
        "Facebook Twitter Telegram",
        "Фото: Reuters",
        "Теги: политика, дипломатия",
        "© 2024 Example. Все права защищены",
    ],
)
def test_lexicon_lines_are_removed(line: str) -> None:
    assert strip([RU_BODY, line, RU_BODY]) == [RU_BODY, RU_BODY]


@pytest.mark.parametrize(
    "line",
    [
        "Обновлено. На брифинге представитель министерства опроверг сообщения о встрече.",
        "Президент подписал указ о назначении посла.",
        "Министр сказал, что скачал приложение банка, чтобы проверить перевод.",
        RU_BODY,
        "Фотограф рассказал о встрече двух министров в Вене.",
    ],
)
def test_article_lines_are_kept(line: str) -> None:
    assert strip([RU_BODY, line]) == [RU_BODY, line]


def ticker(n: int) -> list[str]:
    rows: list[str] = []
    for i in range(n):
        rows += [
            f"1{i % 10}:{10 + i:02d}",
            f"Короткий заголовок новости номер {i}",
            f"{400 + i}" if i % 3 else "1.2т",
        ]
    return rows


def test_news_ticker_is_removed() -> None:
    lines = [UK_BODY, "", UK_BODY, "", *ticker(8), "", UK_BODY]
    assert strip(lines) == [UK_BODY, UK_BODY, UK_BODY]


def test_two_times_are_not_a_ticker() -> None:
    lines = [RU_BODY, "10:15", "Короткая строка", RU_BODY]
    assert strip(lines) == lines


@pytest.mark.parametrize(
    "heading",
    [
        "Похожие статьи",
        "Читайте также:",
        "Останні новини",
        "Последние новости",
        "Більше новин",
        "Related articles",
        "Latest news",
        "Most read",
        "Новости по теме",
    ],
)
def test_tail_block_is_cut_from_its_heading(heading: str) -> None:
    tail = ["Другой заголовок о визите", "Подводка к материалу о переговорах...", "Ещё один заголовок"]
    kept = strip([RU_BODY, RU_BODY, heading, *tail])
    assert kept == [RU_BODY, RU_BODY]


def test_tail_heading_at_the_top_is_not_a_tail() -> None:
    lines = ["Последние новости", RU_BODY, RU_BODY]
    assert strip(lines)[-2:] == [RU_BODY, RU_BODY]


def test_poll_question_above_latest_news_goes_with_it() -> None:
    lines = [UK_BODY, UK_BODY, "Як ви оцінюєте шанси на перемир'я?", "Останні новини", "12:00", "Заголовок"]
    assert strip(lines) == [UK_BODY, UK_BODY]


def test_read_also_with_link_inside_article_only_drops_that_line() -> None:
    lines = [RU_BODY, "Читайте также: Министры обсудили поставки зерна", RU_BODY]
    assert strip(lines) == [RU_BODY, RU_BODY]


def test_read_also_heading_drops_the_headlines_under_it() -> None:
    lines = [RU_BODY, "Читайте также", "Министры обсудили поставки зерна", "", RU_BODY]
    assert strip(lines) == [RU_BODY, RU_BODY]


def test_domain_named_in_two_removed_lines_is_the_outlet() -> None:
    page = "\n\n".join(
        [
            UK_BODY,
            UK_BODY,
            "Чому ви можете довіряти novyny-test.example →",
            "Читайте novyny-test.example в Google News",
        ]
    )
    doc = article(page)
    assert doc.outlet == "novyny-test.example"
    assert "Google News" not in doc.text


def test_one_domain_mention_or_a_social_network_is_not_an_outlet() -> None:
    lex = lexicon()
    assert domain_of_removed(["Читайте novyny.example в Google News"], lex) is None
    assert domain_of_removed(["Мы в t.me/channel", "Подпишитесь t.me/channel"], lex) is None


def test_known_outlet_wins_over_removed_domain() -> None:
    page = f"{EN_BODY}\nWhy you can trust daily.example\nRead daily.example in Google News"
    assert article(page, outlet="The Daily").outlet == "The Daily"


def test_cookie_banner_at_the_end_of_a_page() -> None:
    doc = article(
        f"{EN_BODY}\n\nBy continuing to browse you agree to our use of cookies and our privacy policy"
    )
    assert doc.text == EN_BODY


@pytest.mark.parametrize(
    ("line", "holder"),
    [
        ("© «Вечерний вестник», 2025. При перепечатке ссылка обязательна.", "Вечерний вестник"),
        ("© 2019–2024 Тестові Новини. Усі права захищено.", "Тестові Новини"),
        ("Copyright © 2024 Example Media Group. All rights reserved", "Example Media Group"),
        ("© Все права защищены", None),
    ],
)
def test_copyright_holder(line: str, holder: str | None) -> None:
    assert copyright_holder([line]) == holder


def test_copyright_line_names_the_outlet() -> None:
    doc = article(f"{RU_BODY}\n\n© «Вечерний вестник», 2025. При перепечатке ссылка на vestnik.example обязательна.")
    assert doc.outlet == "Вечерний вестник"
    assert doc.text == RU_BODY


def test_ticker_at_the_top_without_heading() -> None:
    assert strip([*ticker(5), "", RU_BODY, RU_BODY]) == [RU_BODY, RU_BODY]


def test_wire_credit_line() -> None:
    assert strip([EN_BODY, "(Reporting by Jane Roe; editing by the desk)"]) == [EN_BODY]
