"""JSON and JSONL records, their field mapping, and Telegram Desktop exports."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import pytest

from backchannel.model import JSONValue, RawDocument, Rejected

from .helpers import SMALL, documents, only, read_all, rejections, write


@pytest.mark.parametrize(
    ("record", "text", "metadata"),
    [
        (
            {"Title": "Звонок", "Body": "Текст", "pubDate": "2024-01-02T10:00:00+03:00", "Link": "https://x/1",
             "Source": "Новости", "By": "Автор", "category": "politics", "message_id": 5, "score": 0.5,
             "flag": True, "tags": ["a", "b"], "nested": {"x": 1}, "mixed": [1, {"y": 2}], "nothing": None},
            "Текст",
            {"title": "Звонок", "published": "2024-01-02T10:00:00+03:00", "url": "https://x/1",
             "outlet": "Новости", "author": "Автор", "category": "politics", "message_id": 5, "score": 0.5,
             "flag": True, "tags": ["a", "b"]},
        ),
        ({"headline": "H", "content": "c", "created_at": 1704067200}, "c",
         {"title": "H", "published": "2024-01-01T00:00:00+00:00"}),
        ({"message": "m", "time": 1704067200000}, "m", {"published": "2024-01-01T00:00:00+00:00"}),
        ({"full_text": "f", "datetime": "1704067200"}, "f", {"published": "2024-01-01T00:00:00+00:00"}),
        ({"article": "a", "published_at": "2024-05-06", "permalink": "p", "publisher": "P", "creator": "C"}, "a",
         {"published": "2024-05-06", "url": "p", "outlet": "P", "author": "C"}),
        ({"text": "t", "channel": "ch", "site": "ignored: channel comes first"}, "t",
         {"outlet": "ch", "site": "ignored: channel comes first"}),
        ({"text": "t", "site_name": "S", "lang": "uk", "summary": "short"}, "t",
         {"outlet": "S", "language": "uk", "description": "short"}),
        ({"text": ["Путин ", {"type": "bold", "text": "позвонил"}, " Токаеву"]}, "Путин позвонил Токаеву", {}),
        ({"title": {"rendered": "WP"}, "content": {"rendered": "body"}}, "body", {"title": "WP"}),
        ({"text": "t", "source": {"id": "bbc", "name": "BBC News"}, "author": ["A", "B"]}, "t",
         {"outlet": "BBC News", "author": "A, B"}),
        ({"text": "t", "title": 2024, "date": True}, "t", {"title": "2024", "date": True}),
    ],
)  # fmt: skip
def test_record_field_mapping(
    tmp_path: Path, record: dict[str, Any], text: str, metadata: dict[str, JSONValue]
) -> None:
    path = write(tmp_path / "records.json", json.dumps([record], ensure_ascii=False))
    document = only(read_all([path]))
    assert document == RawDocument(
        f"{path}#1", f"{path.resolve()}#1", text.encode(), "text", metadata, "utf-8"
    )


@pytest.mark.parametrize(
    ("text", "fmt"),
    [
        ("<p>Первый абзац.</p><p>Второй.</p>", "html"),
        ("<div><p>Only one pair</div>", "html"),
        ("Just text, 2 < 3.", "text"),
        ("Reply to <user>: fine", "text"),
    ],
)
def test_record_format_is_html_when_the_text_is_markup(tmp_path: Path, text: str, fmt: str) -> None:
    document = only(read_all([write(tmp_path / "r.jsonl", json.dumps({"text": text}) + "\n")]))
    assert isinstance(document, RawDocument)
    assert document.format == fmt


@pytest.mark.parametrize(
    ("content", "expected"),
    [
        ('[{"text": "a"}, {"text": "b"}]', ["#1", "#2"]),
        ('{"source": "Wire", "articles": [{"text": "a"}, {"text": "b", "outlet": "Own"}]}', ["#1", "#2"]),
        ('{"Items": [{"body": "a"}]}', ["#1"]),
        ('{"data": [{"text": "a"}], "name": "Export"}', ["#1"]),
        ('{"posts": []}', ["no records (empty JSON array)"]),
        ('{"text": "single record"}', [""]),
        ("[]", ["no records (empty JSON array)"]),
        ('[{"text": "a"}, "b", null]', ["#1", "record 2 is a string, not an object", "record 3 is null, not an object"]),
        ('[{"id": 1}]', ["record 1 has no text field (looked for text, body, content, message, full_text, article)"]),
        ('[{"text": "  "}, {"body": null}]', ["record 1: empty text", "record 2: empty text"]),
        ('{"title": "no body"}', ["the record has no text field (looked for text, body, content, message, full_text, article)"]),
        ('"just a string"', ["JSON holds a string, not an object or an array of records"]),
        ("42", ["JSON holds a number, not an object or an array of records"]),
        ('[{"text": "a"},\n {"text": "b",]', ["invalid JSON: expecting property name enclosed in double quotes at line 2, column 15"]),
        ("", ["invalid JSON: expecting value at line 1, column 1"]),
        ('{"text": "a"}\n{"text": "b"}\n', ["#1", "#2"]),
        ("[" * 100_000, ["invalid JSON: nested too deeply"]),
        (b"\xff\xfe\x00garbage", ["invalid JSON: "]),
    ],
)  # fmt: skip
def test_json_containers(tmp_path: Path, content: str | bytes, expected: list[str]) -> None:
    path = write(tmp_path / "in.json", content)
    results = read_all([path])
    shown = [
        item.source_path.removeprefix(str(path)) if isinstance(item, RawDocument) else item.reason
        for item in results
    ]
    assert [
        text if not text.startswith("invalid JSON: ") else text[: len(expected[0])] for text in shown
    ] == expected
    for item in results:
        suffix = item.source_path.removeprefix(str(path))
        assert item.source_key == f"{path.resolve()}{suffix}"


def test_container_outlet_is_a_default_for_its_records(tmp_path: Path) -> None:
    path = write(
        tmp_path / "in.json",
        '{"source": "Wire", "language": "en", "articles": [{"text": "a"}, {"text": "b", "outlet": "Own"}]}',
    )
    assert [doc.metadata for doc in documents(read_all([path]))] == [
        {"outlet": "Wire", "language": "en"},
        {"outlet": "Own", "language": "en"},
    ]


def test_jsonl_rejects_bad_lines_and_goes_on(tmp_path: Path) -> None:
    path = write(
        tmp_path / "feed.jsonl",
        '{"text": "one"}\n{"text": "two",\n\n[1, 2]\n{"title": "no text"}\n{"text": "six"}',
    )
    results = read_all([path])
    assert [
        (item.source_path.removeprefix(str(path)), getattr(item, "reason", None)) for item in results
    ] == [
        ("#1", None),
        ("#2", "line 2: invalid JSON: expecting property name enclosed in double quotes at column 16"),
        ("#4", "line 4 is an array, not an object"),
        ("#5", "line 5 has no text field (looked for text, body, content, message, full_text, article)"),
        ("#6", None),
    ]
    assert [doc.data for doc in documents(results)] == [b"one", b"six"]


@pytest.mark.parametrize("content", ["", "\n\n  \n"])
def test_empty_jsonl_is_rejected(tmp_path: Path, content: str) -> None:
    assert only(read_all([write(tmp_path / "x.jsonl", content)])).reason == "no records (empty file)"  # type: ignore[union-attr]


def test_records_over_max_bytes_are_rejected_one_by_one(tmp_path: Path) -> None:
    lines = [{"text": "short"}, {"text": "x" * 2000}, {"text": "again"}]
    path = write(tmp_path / "big.jsonl", "\n".join(json.dumps(line) for line in lines) + "\n")
    results = read_all([path], SMALL)
    assert [type(item).__name__ for item in results] == ["RawDocument", "Rejected", "RawDocument"]
    assert "over" in results[1].reason  # type: ignore[union-attr]
    array = read_all(
        [write(tmp_path / "big.json", json.dumps([{"text": "x" * 1500}, {"text": "ok"}]))], SMALL
    )
    assert [type(item).__name__ for item in array] == ["Rejected", "RawDocument"]


TELEGRAM_EXPORT: dict[str, Any] = {
    "name": "Канал новостей",
    "type": "public_channel",
    "id": 1234567890,
    "messages": [
        {"id": 1, "type": "service", "date": "2024-03-01T09:00:00", "action": "create_channel", "text": ""},
        {
            "id": 2,
            "type": "message",
            "date": "2024-03-01T10:15:00",
            "date_unixtime": "1709277300",
            "from": "Канал новостей",
            "text": [
                "Лавров ",
                {"type": "bold", "text": "провёл переговоры"},
                " с коллегой. ",
                {"type": "text_link", "text": "Подробнее", "href": "https://example.org/1"},
            ],
            "text_entities": [{"type": "plain", "text": "Лавров "}],
        },
        {"id": 3, "type": "message", "date": "2024-03-01T11:00:00", "photo": "photos/1.jpg", "text": ""},
        {
            "id": 4,
            "type": "message",
            "date": "2024-03-02T08:00:00",
            "text": "Простой текст.",
            "author": "Редактор",
        },
    ],
}


def test_telegram_export(tmp_path: Path) -> None:
    path = write(tmp_path / "result.json", json.dumps(TELEGRAM_EXPORT, ensure_ascii=False))
    results = read_all([path])
    assert [item.source_path.removeprefix(str(path)) for item in results] == ["#1", "#2", "#3"]  # service entries get no number
    first, media, last = results
    assert isinstance(first, RawDocument)
    assert first.data.decode() == "Лавров провёл переговоры с коллегой. Подробнее"
    assert first.format == "text"
    assert first.encoding == "utf-8"
    assert first.metadata == {
        "outlet": "Канал новостей",
        "channel_id": 1234567890,
        "published": "2024-03-01T10:15:00",
        "id": 2,
        "type": "message",
        "date_unixtime": "1709277300",
        "from": "Канал новостей",
    }
    assert media == Rejected(f"{path}#2", f"{path.resolve()}#2", "message 2 has no text (media-only post)")
    assert isinstance(last, RawDocument)
    assert last.metadata["author"] == "Редактор"


def test_telegram_export_with_only_service_messages_is_rejected(tmp_path: Path) -> None:
    export = {"name": "Пусто", "messages": [{"id": 1, "type": "service", "text": ""}]}
    result = only(read_all([write(tmp_path / "result.json", json.dumps(export))]))
    assert isinstance(result, Rejected)
    assert result.reason.startswith("Telegram export has no messages")


def test_jsonl_is_streamed(tmp_path: Path) -> None:
    from backchannel.config import Settings
    from backchannel.ingest import read_inputs

    path = write(
        tmp_path / "many.jsonl", "".join(json.dumps({"text": f"n{n}"}) + "\n" for n in range(10_000))
    )
    stream = read_inputs([str(path)], Settings(max_bytes=100))  # the file is far over 10 × max_bytes
    assert next(stream).source_path == f"{path}#1"
    assert len(rejections(list(stream))) == 0
