"""Which reader a file gets: by extension, else by its first bytes."""

from __future__ import annotations

import codecs

import pytest

from backchannel.ingest.formats import (
    Kind,
    has_front_matter,
    kind_from_name,
    looks_like_html,
    sniff,
    unsupported_reason,
)


@pytest.mark.parametrize(
    ("name", "kind"),
    [
        ("a.md", "markdown"),
        ("A.MARKDOWN", "markdown"),
        ("a.txt", "text"),
        ("a.text", "text"),
        ("a.html", "html"),
        ("a.htm", "html"),
        ("a.xhtml", "html"),
        ("a.json", "json"),
        ("a.jsonl", "jsonl"),
        ("a.ndjson", "jsonl"),
        ("a.xml", "feed"),
        ("a.rss", "feed"),
        ("a.atom", "feed"),
        ("a.rdf", "feed"),
        ("a.warc", "warc"),
        ("a.warc.gz", "warc"),
        ("a.arc", "warc"),
        ("a.ARC.GZ", "warc"),
        ("a.jsonl.gz", "gzip"),
        ("a.gz", "gzip"),
        ("dir.v2/README", None),
        (".bashrc", None),
        ("noext", None),
        ("a.unknown", None),
    ],
)
def test_kind_from_name(name: str, kind: Kind | None) -> None:
    assert kind_from_name(name) == kind


@pytest.mark.parametrize(
    ("name", "reason"),
    [
        ("photo.png", "unsupported file type .png"),
        ("scan.PDF", "unsupported file type .pdf"),
        ("letter.docx", "unsupported file type .docx"),
        ("setup.exe", "unsupported file type .exe"),
        ("bundle.tar.gz", "unsupported file type .tar.gz"),
        ("a.txt", None),
        ("a.warc.gz", None),
        ("noext", None),
    ],
)
def test_unsupported_extensions(name: str, reason: str | None) -> None:
    assert unsupported_reason(name) == reason


@pytest.mark.parametrize(
    ("head", "kind"),
    [
        (b"<!DOCTYPE html><html><body>x</body></html>", "html"),
        (b"\n  <html lang='ru'><p>x</p></html>", "html"),
        (codecs.BOM_UTF8 + b"<!doctype html>", "html"),
        (b"<!-- saved page --><html><p>x</p></html>", "html"),
        (b'<?xml version="1.0"?><rss version="2.0"><channel/></rss>', "feed"),
        (b'<?xml version="1.0"?>\n<feed xmlns="http://www.w3.org/2005/Atom"/>', "feed"),
        (b'<?xml version="1.0"?><html xmlns="http://www.w3.org/1999/xhtml"/>', "html"),
        (b'<rss version="2.0"><channel/></rss>', "feed"),
        (b'[{"text": "a"}]', "json"),
        (b'{"text": "a"}', "json"),
        (b'{"text": "a"}\n{"text": "b"}\n', "jsonl"),
        (b"WARC/1.0\r\nWARC-Type: warcinfo\r\n", "warc"),
        (b"filedesc://crawl.arc 0.0.0.0 20240101000000 text/plain 76\n", "warc"),
        (b"\x1f\x8b\x08\x00", "gzip"),
        (b"---\ntitle: x\n---\nBody", "markdown"),
        (b"---\r\ntitle: x\r\n---\r\nBody", "markdown"),
        (b"---\nno closing line", "text"),
        (b"Plain words.", "text"),
        ("Привет, мир".encode("cp1251"), "text"),
        ("Привет, мир".encode("koi8-r"), "text"),
        ("Hello, world".encode("utf-16"), "text"),
        ("Hello, world".encode("utf-16-le"), "text"),
        ("<html><p>x</p></html>".encode("utf-16"), "html"),
        (b"\x00\x01\x02\x03\x00\x00\xff\xfe\x00\x10", None),
        (b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR\x00\x00", None),
    ],
)
def test_sniff(head: bytes, kind: Kind | None) -> None:
    assert sniff(head) == kind


@pytest.mark.parametrize(
    ("data", "expected"),
    [
        (b"---\ntitle: x\n---\nbody", True),
        (b"---\n---\nbody", True),
        (codecs.BOM_UTF8 + b"---\nsite: x\n---\n", True),
        (b"---\ntitle: x\n...\nbody", True),
        (b"---\ntitle: x\n---", True),
        (b"---\ntitle: x\nbody without closing", False),
        (b"--- not front matter\n---\n", False),
        (b"text\n---\nmore\n---\n", False),
    ],
)
def test_front_matter(data: bytes, expected: bool) -> None:
    assert has_front_matter(data) is expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("<p>Hello</p><p>world</p>", True),
        ("<div class='x'>Hello</div>", True),
        ("Line one<br>line two<br/>three", True),
        ("  <p>Just one paragraph", True),
        ("I <3 you, 2 < 3 and 5 > 4", False),
        ("Use the <b> tag for bold", False),
        ("Обычный текст без разметки.", False),
    ],
)
def test_looks_like_html(text: str, expected: bool) -> None:
    assert looks_like_html(text) is expected
