"""prepare → finish end to end: line keys, learned boilerplate, rejections, the output shape."""

from __future__ import annotations

import pytest

from backchannel.clean import finish, line_key, prepare
from backchannel.model import Article, Rejected, article_id

from .helpers import RU_BODY, SETTINGS, UK_BODY, article, draft, raw, rejected


@pytest.mark.parametrize(
    ("line", "key"),
    [
        ("  Читайте   НАС в Telegram!  ", "читайте нас в telegram"),
        ("«Обновлено 12:57»", "обновлено 00:00"),
        ("— 2.8т —", "0.0т"),
        ("***", ""),
        ("Ёлка", "ёлка"),
    ],
)
def test_line_key(line: str, key: str) -> None:
    assert line_key(line) == key


def test_draft_line_keys_cover_every_text_line() -> None:
    prepared = draft(f"{RU_BODY}\n\nРедакция отдела политики, выпуск 12")
    assert prepared.line_keys == {line_key(RU_BODY), "редакция отдела политики, выпуск 00"}


def test_repeated_lines_are_removed_in_finish() -> None:
    signature = "Редакция отдела политики, выпуск 12"
    doc = article(f"{RU_BODY}\n{signature}", repeated=frozenset({line_key(signature)}))
    assert doc.text == RU_BODY


def test_title_line_is_never_removed_as_repeated() -> None:
    title = "Министры поговорили по телефону"
    prepared = prepare(raw(f"{RU_BODY}\n{title}", title=title), SETTINGS)
    assert not isinstance(prepared, Rejected)
    result = finish(prepared, frozenset({line_key(title), line_key(RU_BODY)}), SETTINGS)
    assert isinstance(result, Article) and result.text == title


def test_all_lines_repeated_is_kept_as_a_repost() -> None:
    prepared = draft(RU_BODY)
    result = finish(prepared, prepared.line_keys, SETTINGS)
    assert isinstance(result, Article)
    assert result.text == prepared.text
    assert any("repost" in w for w in result.warnings)


def test_boilerplate_only_is_rejected() -> None:
    assert (
        rejected("Скачайте приложение\nЧитать на русском\n").reason
        == "no text left after removing boilerplate"
    )


def test_article_shape() -> None:
    doc = article(
        f"Министры поговорили по телефону\n{RU_BODY}",
        name="posts.jsonl#3",
        outlet="Вестник",
        published="2024-10-25T18:00:00+00:00",
        url="https://vestnik.example/a",
        channel_id=42,
    )
    source = raw(b"", name="posts.jsonl#3")
    assert doc.id == article_id("/abs/posts.jsonl#3", doc.raw_sha256)
    assert (doc.source_path, doc.source_key, doc.format) == ("posts.jsonl#3", source.source_key, "text")
    assert (doc.outlet, doc.published, doc.language) == ("Вестник", "2024-10-25", "ru")
    assert doc.metadata["channel_id"] == 42
    assert doc.metadata["published_at"] == "2024-10-25T18:00:00+00:00"
    assert doc.language_declared is None and doc.warnings == ()


def test_default_outlet_is_the_last_resort() -> None:
    from dataclasses import replace

    settings = replace(SETTINGS, default_outlet="Мой архив")
    assert article(RU_BODY, settings=settings).outlet == "Мой архив"
    assert article(RU_BODY, settings=settings, outlet="Вестник").outlet == "Вестник"
    assert article(RU_BODY).outlet is None


def test_unparseable_published_keeps_the_original() -> None:
    doc = article(f"Заголовок новости\n05.03.2024\n{RU_BODY}", published="вчера вечером")
    assert doc.published == "2024-03-05"
    assert doc.metadata["published_original"] == "вчера вечером"


def test_plain_text_keeps_one_line_per_paragraph() -> None:
    doc = article(f"{UK_BODY}  \n\n\n\n{UK_BODY}\n{UK_BODY}\n\n")
    assert doc.text == f"{UK_BODY}\n\n{UK_BODY}\n{UK_BODY}"


def test_telegram_style_post() -> None:
    post = (
        "**Министры поговорили по телефону**\n\n"
        f"{RU_BODY}\n\n"
        "[Подробнее на сайте](https://vestnik.example/a)\n\n"
        "__Читать нас без VPN можно здесь: ____bit.ly/vestnik__"
    )
    doc = article(post, outlet="Вестник", published="2024-12-04T08:14:06+00:00")
    assert doc.title == "Министры поговорили по телефону"
    assert doc.text == f"Министры поговорили по телефону\n\n{RU_BODY}"
