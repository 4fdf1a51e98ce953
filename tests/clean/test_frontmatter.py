"""Markdown with YAML front matter: every field kept, wikilinks stripped, markup removed."""

from __future__ import annotations

import pytest

from backchannel.clean.markdown import strip_inline, strip_markdown, unwikilink

from .helpers import RU_BODY, article, rejected

CLIPPED = f"""---
site: "vestnik.example"
url: "https://vestnik.example/politika/razgovor/"
language: ro
title: "Министр провёл разговор с коллегой"
publication: '[[Вестник]]'
published: 2024-03-05T09:30:00+02:00
author: "[[Иван Петров|И. Петров]]"
section:
- Политика
keywords:
- '[[дипломатия]]'
- '[[переговоры|Переговоры]]'
empty:
---

# Министр провёл разговор с коллегой

{RU_BODY}

**Главное**: стороны договорились о [новой встрече](https://vestnik.example/x) в апреле.

![фото](https://vestnik.example/a.jpg)
"""


def test_front_matter_fields_are_all_kept_without_wikilinks() -> None:
    doc = article(CLIPPED, "markdown")
    meta = doc.metadata
    assert meta["publication"] == "Вестник"
    assert meta["author"] == "И. Петров"
    assert meta["keywords"] == ["дипломатия", "Переговоры"]
    assert meta["section"] == ["Политика"]
    assert meta["site"] == "vestnik.example"
    assert "empty" in meta
    assert meta["published"] == "2024-03-05T09:30:00+02:00"
    assert meta["published_at"] == "2024-03-05T09:30:00+02:00"


def test_front_matter_becomes_the_article_columns() -> None:
    doc = article(CLIPPED, "markdown")
    assert doc.title == "Министр провёл разговор с коллегой"
    assert doc.outlet == "Вестник"
    assert doc.url == "https://vestnik.example/politika/razgovor/"
    assert doc.author == "И. Петров"
    assert doc.published == "2024-03-05"
    assert doc.language == "ru" and doc.language_declared == "ro"


def test_markdown_body_is_plain_text() -> None:
    doc = article(CLIPPED, "markdown")
    assert doc.text.startswith("Министр иностранных дел")
    assert "Главное: стороны договорились о новой встрече в апреле." in doc.text
    for markup in ("#", "**", "](", "![", "---", "title:", "keywords:"):
        assert markup not in doc.text


def test_date_objects_from_yaml_become_iso_strings() -> None:
    doc = article(f"---\ntitle: Разговор\ndate: 2024-03-05\n---\n{RU_BODY}\n", "markdown")
    assert doc.metadata["date"] == "2024-03-05"
    assert doc.published == "2024-03-05"


def test_heading_is_the_title_when_front_matter_has_none() -> None:
    doc = article(f"---\nsite: vestnik.example\n---\n# Министр и коллега\n\n{RU_BODY}\n", "markdown")
    assert doc.title == "Министр и коллега"
    assert doc.outlet == "vestnik.example"
    assert not doc.text.startswith("Министр и коллега")


@pytest.mark.parametrize(
    ("front", "problem"),
    [
        ("title: [unclosed\nsite: x", "front matter is not valid YAML: line "),
        ("title: a\n  bad: indentation: here", "front matter is not valid YAML: line 3:"),
        ("- just\n- a list", "front matter is not a YAML mapping"),
        ("date: 2024-02-30", "front matter is not valid YAML"),
    ],
)
def test_malformed_front_matter_is_rejected(front: str, problem: str) -> None:
    reason = rejected(f"---\n{front}\n---\n{RU_BODY}\n", "markdown").reason
    assert reason.startswith(problem), reason
    assert "\n" not in reason


def test_alias_bomb_is_rejected_not_expanded() -> None:
    lines = ["a: &a [x, x, x, x, x, x, x, x, x, x]"]
    for i in range(1, 9):
        lines.append(f"{chr(97 + i)}: &{chr(97 + i)} [{', '.join(['*' + chr(96 + i)] * 10)}]")
    reason = rejected("---\n" + "\n".join(lines) + f"\n---\n{RU_BODY}\n", "markdown").reason
    assert "too deeply nested or too large" in reason


def test_markdown_without_front_matter_or_closing_line() -> None:
    doc = article(f"---\n{RU_BODY}\n", "markdown")
    assert RU_BODY in doc.text


@pytest.mark.parametrize(
    ("line", "expected"),
    [
        ("[[Путин]] и [[Владимир Зеленский|Зеленский]]", "Путин и Зеленский"),
        ("нет ссылок", "нет ссылок"),
    ],
)
def test_unwikilink(line: str, expected: str) -> None:
    assert unwikilink(line) == expected


@pytest.mark.parametrize(
    ("line", "expected"),
    [
        ("**Жирный** текст и __курсив__", "Жирный текст и курсив"),
        ("см. [сайт](https://example.org/a_(b)) тут", "см. сайт тут"),
        ("![картинка](https://example.org/a.png)", ""),
        ("snake_case_name stays", "snake_case_name stays"),
        ("__Читать нас можно здесь: ____example.org__", "Читать нас можно здесь: example.org"),
    ],
)
def test_strip_inline(line: str, expected: str) -> None:
    assert strip_inline(line) == expected


def test_strip_markdown_block_markup() -> None:
    body = strip_markdown(
        ["## Заголовок ##", "> цитата *важная*", "```", "код", "```", "***", "[1]: https://x.org", "`x`"]
    )
    assert body.heading == "Заголовок"
    assert [line for line in body.lines if line] == ["Заголовок", "цитата важная", "код", "x"]
