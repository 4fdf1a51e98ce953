"""RSS, Atom and RDF feeds: one document per entry."""

from __future__ import annotations

from pathlib import Path

import pytest

from backchannel.model import RawDocument, Rejected

from .helpers import SMALL, documents, only, read_all, write

RSS = """<?xml version="1.0" encoding="utf-8"?>
<rss version="2.0" xmlns:content="http://purl.org/rss/1.0/modules/content/"
     xmlns:dc="http://purl.org/dc/elements/1.1/">
<channel>
  <title>Вечерние новости</title>
  <link>https://news.example/</link>
  <language>ru</language>
  <item>
    <title>Путин провёл телефонный разговор с Эрдоганом</title>
    <link>https://news.example/1</link>
    <guid>news-1</guid>
    <pubDate>Tue, 03 Dec 2024 10:00:00 +0300</pubDate>
    <dc:creator>Иван Петров</dc:creator>
    <category>Политика</category>
    <description>Короткое описание.</description>
    <content:encoded><![CDATA[<p>Полный текст статьи.</p><p>Второй абзац.</p>]]></content:encoded>
  </item>
  <item>
    <title>Only a summary</title>
    <link>https://news.example/2</link>
    <description>&lt;p&gt;Summary as HTML.&lt;/p&gt;</description>
  </item>
  <item>
    <title>Nothing to read</title>
    <link>https://news.example/3</link>
  </item>
</channel>
</rss>
"""

ATOM = """<?xml version="1.0" encoding="utf-8"?>
<feed xmlns="http://www.w3.org/2005/Atom" xml:lang="uk">
  <title>Стрічка</title>
  <id>urn:feed</id>
  <updated>2024-12-03T10:00:00Z</updated>
  <entry>
    <title>Зеленський зустрівся з Макроном</title>
    <id>urn:1</id>
    <link href="https://uk.example/1"/>
    <updated>2024-12-03T09:30:00Z</updated>
    <author><name>Олена</name></author>
    <content type="text">Звичайний текст без розмітки.</content>
  </entry>
</feed>
"""


def test_rss_entries_become_documents(tmp_path: Path) -> None:
    path = write(tmp_path / "news.rss", RSS)
    results = read_all([path])
    assert [item.source_path.removeprefix(str(path)) for item in results] == ["#1", "#2", "#3"]
    first, second, third = results
    assert first == RawDocument(
        f"{path}#1",
        f"{path.resolve()}#1",
        "<p>Полный текст статьи.</p><p>Второй абзац.</p>".encode(),
        "html",
        {
            "outlet": "Вечерние новости",
            "feed_title": "Вечерние новости",
            "language": "ru",
            "title": "Путин провёл телефонный разговор с Эрдоганом",
            "url": "https://news.example/1",
            "published": "2024-12-03T07:00:00+00:00",
            "author": "Иван Петров",
            "guid": "news-1",
            "description": "Короткое описание.",
            "tags": ["Политика"],
        },
        "utf-8",
    )
    assert isinstance(second, RawDocument)
    assert second.data == b"<p>Summary as HTML.</p>"
    assert "description" not in second.metadata
    assert third == Rejected(f"{path}#3", f"{path.resolve()}#3", "entry 3 has no content or summary")


def test_atom_text_content_is_plain_text(tmp_path: Path) -> None:
    document = only(read_all([write(tmp_path / "feed.atom", ATOM)]))
    assert isinstance(document, RawDocument)
    assert document.format == "text"
    assert document.data.decode() == "Звичайний текст без розмітки."
    assert document.metadata["outlet"] == "Стрічка"
    assert document.metadata["published"] == "2024-12-03T09:30:00+00:00"
    assert document.metadata["author"] == "Олена"
    assert document.metadata["url"] == "https://uk.example/1"


def test_feed_in_a_legacy_encoding(tmp_path: Path) -> None:
    feed = RSS.replace('encoding="utf-8"', 'encoding="windows-1251"').encode("cp1251")
    first = documents(read_all([write(tmp_path / "cp1251.xml", feed)]))[0]
    assert first.metadata["title"] == "Путин провёл телефонный разговор с Эрдоганом"
    assert first.encoding == "utf-8"
    assert first.data.decode("utf-8").startswith("<p>Полный текст")


def test_feed_found_by_sniffing(tmp_path: Path) -> None:
    assert len(documents(read_all([write(tmp_path / "feed", RSS)]))) == 2


@pytest.mark.parametrize(
    ("content", "reason"),
    [
        ("<rss><channel><title>cut", "not a valid RSS/Atom feed: "),
        ("<rss><channel><item><title>cut", "entry 1 has no content or summary"),
        ("this is not xml at all", "not a valid RSS/Atom feed: "),
        ('<?xml version="1.0"?><note>Just XML</note>', "not a valid RSS/Atom feed: "),
        ("", "not a valid RSS/Atom feed: "),
        ("<rss version='2.0'><channel><title>Empty</title></channel></rss>", "feed has no entries"),
    ],
)
def test_malformed_feeds_are_rejected(tmp_path: Path, content: str, reason: str) -> None:
    result = only(read_all([write(tmp_path / "bad.xml", content)]))
    assert isinstance(result, Rejected)
    assert result.reason.startswith(reason)
    assert "\n" not in result.reason


def test_entry_over_max_bytes_is_rejected(tmp_path: Path) -> None:
    big = RSS.replace("Короткое описание.", "x" * 1500).replace("<p>Полный текст статьи.</p>", "y" * 1500)
    results = read_all([write(tmp_path / "big.rss", big)], SMALL)
    assert isinstance(results[0], Rejected)
    assert "over the limit" in results[0].reason
    assert isinstance(results[1], RawDocument)


@pytest.mark.parametrize("title,outlet", [
    ("Вечерний курьер — главное", "Вечерний курьер"),
    ("World news | The Daily Example", "The Daily Example"),
    ("Example Times: Top stories", "Example Times"),
    ("Новини - Київський вісник", "Київський вісник"),
    ("Radio Free Example", "Radio Free Example"),
    ("Ukraine - Russia talks", "Ukraine - Russia talks"),
])
def test_outlet_of_feed_title(title: str, outlet: str) -> None:
    from backchannel.ingest.feed import outlet_of_feed_title

    assert outlet_of_feed_title(title) == outlet
