"""Single documents, size limits, gzip, standard input, and the naming and idempotency rules."""

from __future__ import annotations

import codecs
import gzip
import json
from pathlib import Path

import pytest

from backchannel.config import Settings
from backchannel.ingest import read_path
from backchannel.model import DocFormat, RawDocument, Rejected, sha256_hex

from .helpers import SMALL, documents, only, read_all, rejections, write

FRONT_MATTER = "---\ntitle: Встреча\nlanguage: ru\n---\nПутин встретился с Токаевым.\n"


@pytest.mark.parametrize(
    ("name", "data", "fmt"),
    [
        ("a.md", "# Заголовок\n\nТекст.".encode(), "markdown"),
        ("a.markdown", b"Plain markdown", "markdown"),
        ("a.txt", "Звичайний текст.".encode(), "text"),
        ("a.txt", FRONT_MATTER.encode(), "markdown"),
        ("a.txt", b"---\nno closing line\n", "text"),
        ("a.TXT", "Текст в cp1251".encode("cp1251"), "text"),
        ("a.txt", "Текст в KOI8-R".encode("koi8-r"), "text"),
        ("a.txt", "UTF-16 text".encode("utf-16"), "text"),
        ("a.html", b"<html><body><p>x</p></body></html>", "html"),
        ("a.htm", b"<p>x</p>", "html"),
        ("a.xhtml", b'<?xml version="1.0"?><html><p>x</p></html>', "html"),
        ("page", b"<!doctype html><html><p>x</p></html>", "html"),
        ("note", FRONT_MATTER.encode(), "markdown"),
        ("note.unknown", "Просто текст.".encode(), "text"),
        ("wire", b"[Reuters] Moscow, 3 December.", "text"),
    ],
)
def test_single_documents_pass_their_bytes_undecoded(
    tmp_path: Path, name: str, data: bytes, fmt: DocFormat
) -> None:
    path = write(tmp_path / name, data)
    assert only(read_all([path])) == RawDocument(str(path), str(path.resolve()), data, fmt, {}, None)


@pytest.mark.parametrize(
    ("name", "data", "reason"),
    [
        ("photo.png", b"\x89PNG\r\n\x1a\n", "unsupported file type .png"),
        ("scan.pdf", b"%PDF-1.7", "unsupported file type .pdf"),
        ("archive.zip", b"PK\x03\x04", "unsupported file type .zip"),
        ("blob", b"\x00\x01\x02\x00\x03\xff\x00\x00", "binary file"),
        ("blob.dat", bytes(range(256)), "binary file"),
        ("empty.txt", b"", "empty file"),
        ("blank.md", b"  \n\n", "empty file"),
    ],
)
def test_unusable_files_are_rejected(tmp_path: Path, name: str, data: bytes, reason: str) -> None:
    result = only(read_all([write(tmp_path / name, data)]))
    assert isinstance(result, Rejected)
    assert result.reason == reason


def test_oversize_file_is_rejected_without_reading_it(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    from backchannel.ingest import readers

    path = tmp_path / "huge.txt"
    with path.open("wb") as handle:
        handle.truncate(60_200_000)  # sparse: no disk space used
    monkeypatch.setattr(readers, "open", lambda *args: pytest.fail("opened"), raising=False)
    result = only(read_all([path]))
    assert result == Rejected(
        str(path), str(path.resolve()), "file is 60.2 MB, over the limit of 25.0 MB (max_bytes)"
    )


@pytest.mark.parametrize(
    ("name", "size", "accepted"),
    [
        ("a.txt", 1000, True),
        ("a.txt", 1001, False),
        ("a.html", 1001, False),
        ("a.json", 9_000, True),
        ("a.json", 10_001, False),
    ],
)
def test_size_limits(tmp_path: Path, name: str, size: int, accepted: bool) -> None:
    if name.endswith(".json"):
        records = [{"text": "x" * 80} for _ in range(size // 100)]
        data = json.dumps(records).encode()
        data = data + b" " * (size - len(data))
    else:
        data = b"x" * size
    results = read_all([write(tmp_path / name, data)], SMALL)
    assert all(isinstance(item, RawDocument) for item in results) is accepted
    if not accepted:
        assert "over the limit of" in only(results).reason  # type: ignore[union-attr]


def test_gzip_is_decompressed_and_the_inner_format_detected(tmp_path: Path) -> None:
    text = FRONT_MATTER.encode()
    records = b'{"text": "one"}\n{"text": "two"}\n'
    results = read_all(
        [
            write(tmp_path / "a.txt.gz", gzip.compress(text)),
            write(tmp_path / "b.html.gz", gzip.compress(b"<html><p>x</p></html>")),
            write(tmp_path / "c.gz", gzip.compress(b"<!doctype html><p>sniffed</p>")),
            write(tmp_path / "d.jsonl.gz", gzip.compress(records)),
            write(tmp_path / "e.json.gz", gzip.compress(b'[{"text": "array"}]')),
            write(tmp_path / "f.gz", gzip.compress(b"{not JSON, just braces}")),
        ]
    )
    assert [(item.source_path[len(str(tmp_path)) :], item.format) for item in documents(results)] == [
        ("/a.txt.gz", "markdown"),
        ("/b.html.gz", "html"),
        ("/c.gz", "html"),
        ("/d.jsonl.gz#1", "text"),
        ("/d.jsonl.gz#2", "text"),
        ("/e.json.gz#1", "text"),
        ("/f.gz", "text"),
    ]
    assert documents(results)[0].data == text
    assert documents(results)[0].source_key == str((tmp_path / "a.txt.gz").resolve())


@pytest.mark.parametrize(
    ("name", "data", "reason"),
    [
        ("cut.txt.gz", gzip.compress(b"x" * 500)[:-12], "truncated or corrupt gzip file"),
        ("fake.txt.gz", b"not gzip at all", "truncated or corrupt gzip file"),
        ("bomb.txt.gz", gzip.compress(b"\n" * 100_000), "decompressed size is over the limit of 0.0 MB"),
        ("photo.png.gz", gzip.compress(b"\x89PNG"), "unsupported file type .png.gz"),
        ("twice.gz", gzip.compress(gzip.compress(b"x")), "gzip inside gzip is not supported"),
        ("binary.gz", gzip.compress(b"\x00\x01\x02\x00\xff\x00\x07\x00"), "binary file inside gzip"),
    ],
)
def test_bad_gzip_files_are_rejected(tmp_path: Path, name: str, data: bytes, reason: str) -> None:
    result = only(read_all([write(tmp_path / name, data)], SMALL))
    assert isinstance(result, Rejected)
    assert result.reason.startswith(reason)
    assert "\n" not in result.reason


def test_truncated_gzip_jsonl_keeps_the_records_before_the_damage(tmp_path: Path) -> None:
    lines = b"".join(json.dumps({"text": f"record {n} " + "x" * 200}).encode() + b"\n" for n in range(400))
    packed = gzip.compress(lines, compresslevel=0)
    results = read_all([write(tmp_path / "cut.jsonl.gz", packed[: len(packed) // 2])])
    assert len(documents(results)) > 50
    assert results[-1].source_path == str(tmp_path / "cut.jsonl.gz")
    assert results[-1].reason.startswith("truncated or corrupt gzip file (after ")  # type: ignore[union-attr]


@pytest.mark.parametrize(
    ("data", "expected"),
    [
        ("Текст из конвейера.".encode(), [("-", "text")]),
        (FRONT_MATTER.encode(), [("-", "markdown")]),
        (b"<html><p>x</p></html>", [("-", "html")]),
        (b'{"text": "a"}\n{"text": "b"}\n', [("-#1", "text"), ("-#2", "text")]),
        (b'[{"text": "a"}, {"body": "<p>b</p><p>c</p>"}]', [("-#1", "text"), ("-#2", "html")]),
        (gzip.compress(b"gzip'ed text"), [("-", "text")]),
    ],
)
def test_stdin(data: bytes, expected: list[tuple[str, DocFormat]]) -> None:
    results = read_all(["-"], stdin=data)
    assert [(item.source_path, item.format) for item in documents(results)] == expected
    key = f"stdin:{sha256_hex(data)}"
    assert [item.source_key for item in results] == [key + path[1:] for path, _ in expected]


@pytest.mark.parametrize(
    ("stdin", "settings", "reason"),
    [
        (None, Settings(), "standard input is not available"),
        (b"x" * 1001, SMALL, "standard input is over the limit of 0.0 MB (max_bytes)"),
        (b"\x00\x01\x02\x00\xff\x00\x07\x00", Settings(), "binary file"),
        (b"", Settings(), "empty file"),
    ],
)
def test_stdin_rejections(stdin: bytes | None, settings: Settings, reason: str) -> None:
    assert only(rejections(read_all(["-"], settings, stdin))).reason == reason


def test_bad_inputs_never_stop_the_run(tmp_path: Path) -> None:
    good = write(tmp_path / "good.txt", "Хороший текст.")
    bad = [
        write(tmp_path / "bad.json", "{not json"),
        write(tmp_path / "bad.png", b"\x89PNG"),
        write(tmp_path / "bad.xml", "<rss><channel><item>"),
        write(tmp_path / "bad.warc.gz", b"\x1f\x8b garbage"),
        tmp_path / "missing.txt",
    ]
    results = read_all([*bad, good])
    assert len(rejections(results)) == len(bad)
    assert results[-1].source_path == str(good)


def test_same_input_gives_the_same_documents(tmp_path: Path) -> None:
    write(tmp_path / "in" / "a.txt", "Текст.")
    write(tmp_path / "in" / "b.jsonl", '{"text": "x", "date": 1704067200}\n{"oops"\n')
    write(
        tmp_path / "in" / "c.rss",
        "<rss><channel><title>F</title><item><description>d</description></item></channel></rss>",
    )
    first = read_all([tmp_path / "in"])
    assert first == read_all([tmp_path / "in"])
    assert len(first) == 4


def test_read_path_reads_one_file(tmp_path: Path) -> None:
    path = write(tmp_path / "one.md", "# One")
    assert [item.format for item in read_path(path, Settings())] == ["markdown"]  # type: ignore[union-attr]


def test_utf16_bom_text_is_not_taken_for_binary(tmp_path: Path) -> None:
    data = codecs.BOM_UTF16_LE + "Привіт".encode("utf-16-le")
    assert only(read_all([write(tmp_path / "note", data)])).format == "text"  # type: ignore[union-attr]
