"""Web archives: one document per HTTP 200 HTML (or plain-text) response."""

from __future__ import annotations

import gzip
import io
from pathlib import Path

import pytest
from warcio.statusandheaders import StatusAndHeaders
from warcio.warcwriter import WARCWriter

from backchannel.model import RawDocument, Rejected

from .helpers import SMALL, documents, only, read_all, rejections, write

Response = tuple[str, str, str, bytes]
"""url, HTTP status line, Content-Type, body."""

PAGES: list[Response] = [
    ("https://ru.example/1", "200 OK", "text/html; charset=windows-1251",
     "<html><body><p>Лавров провёл переговоры.</p></body></html>".encode("cp1251")),
    ("https://ru.example/logo.png", "200 OK", "image/png", b"\x89PNG\r\n\x1a\n"),
    ("https://ru.example/gone", "404 Not Found", "text/html", b"<html>not found</html>"),
    ("https://ru.example/2.txt", "200 OK", "text/plain", "Просто текст.".encode()),
    ("https://ru.example/3", "200 OK", "application/xhtml+xml; charset=\"UTF-8\"", b"<html><p>three</p></html>"),
]  # fmt: skip


def build_warc(pages: list[Response], compress: bool, with_request: bool = True) -> bytes:
    buffer = io.BytesIO()
    writer = WARCWriter(buffer, gzip=compress)
    writer.write_record(writer.create_warcinfo_record("test.warc", {"software": "tests"}))
    for url, status, content_type, body in pages:
        if with_request:
            request = StatusAndHeaders(f"GET {url} HTTP/1.1", [("Host", "ru.example")], is_http_request=True)
            writer.write_record(writer.create_warc_record(url, "request", http_headers=request))
        headers = StatusAndHeaders(status, [("Content-Type", content_type)], protocol="HTTP/1.1")
        record = writer.create_warc_record(url, "response", payload=io.BytesIO(body), http_headers=headers)
        writer.write_record(record)
    return buffer.getvalue()


@pytest.mark.parametrize(("name", "compress"), [("crawl.warc", False), ("crawl.warc.gz", True)])
def test_html_responses_become_documents(tmp_path: Path, name: str, compress: bool) -> None:
    path = write(tmp_path / name, build_warc(PAGES, compress))
    results = read_all([path])
    assert all(isinstance(item, RawDocument) for item in results)
    docs = documents(results)
    assert [(doc.source_path.removeprefix(str(path)), doc.format, doc.encoding) for doc in docs] == [
        ("#3", "html", "cp1251"),
        ("#9", "text", None),
        ("#11", "html", "utf-8"),
    ]
    assert docs[0].data == PAGES[0][3]
    assert docs[0].source_key == f"{path.resolve()}#3"
    assert docs[0].metadata["url"] == "https://ru.example/1"
    assert str(docs[0].metadata["captured"]).startswith("20")
    assert "published" not in docs[0].metadata


def test_gzip_that_is_not_chunked_per_record_is_read(tmp_path: Path) -> None:
    path = write(tmp_path / "whole.warc.gz", gzip.compress(build_warc(PAGES, compress=False)))
    assert len(documents(read_all([path]))) == 3


def test_warc_found_by_sniffing(tmp_path: Path) -> None:
    assert len(documents(read_all([write(tmp_path / "crawl.bin2", build_warc(PAGES, False))]))) == 3
    assert len(documents(read_all([write(tmp_path / "crawl.gz", build_warc(PAGES, True))]))) == 3


@pytest.mark.parametrize("compress", [False, True])
def test_truncated_archive_keeps_the_documents_before_the_damage(tmp_path: Path, compress: bool) -> None:
    pages = [(f"https://ru.example/{n}", "200 OK", "text/html", b"<p>page</p>" * 300) for n in range(6)]
    data = build_warc(pages, compress, with_request=False)
    path = write(tmp_path / ("cut.warc.gz" if compress else "cut.warc"), data[: len(data) * 2 // 3])
    results = read_all([path])
    assert 2 <= len(documents(results)) < 6
    rejected = only(rejections(results))
    assert rejected.source_path == str(path)
    assert rejected.reason.startswith("truncated or corrupt")
    assert "\n" not in rejected.reason


@pytest.mark.parametrize(
    ("name", "data", "reason"),
    [
        ("images.warc", build_warc([PAGES[1], PAGES[2]], False), "no HTML or plain-text HTTP 200 responses"),
        ("empty.warc", b"", "no HTML or plain-text HTTP 200 responses"),
        ("headers-only.warc", b"WARC/1.0\r\nnot: really\r\n\r\n", "no HTML or plain-text HTTP 200 responses"),
        ("garbage.warc.gz", b"\x1f\x8b\x08\x00garbage", "truncated or corrupt gzip'ed archive"),
        ("text.warc", b"just some words", "truncated or corrupt archive"),
    ],
)
def test_unusable_archives_are_rejected(tmp_path: Path, name: str, data: bytes, reason: str) -> None:
    result = only(read_all([write(tmp_path / name, data)]))
    assert isinstance(result, Rejected)
    assert result.reason.startswith(reason)


def test_response_over_max_bytes_is_rejected_and_the_rest_read(tmp_path: Path) -> None:
    pages = [
        ("https://ru.example/big", "200 OK", "text/html", b"<p>big</p>" * 200),
        ("https://ru.example/small", "200 OK", "text/html", b"<p>small</p>"),
    ]
    results = read_all([write(tmp_path / "big.warc.gz", build_warc(pages, True, with_request=False))], SMALL)
    assert [type(item).__name__ for item in results] == ["Rejected", "RawDocument"]
    assert "over" in results[0].reason  # type: ignore[union-attr]
