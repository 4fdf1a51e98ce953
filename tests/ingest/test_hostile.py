"""Hostile input: whatever the bytes, a reader answers with documents or rejections, never an exception."""

from __future__ import annotations

import contextlib
import gzip
import io
import json
import subprocess
import sys
import tempfile
from pathlib import Path

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from backchannel.config import Settings
from backchannel.ingest import read_inputs
from backchannel.model import RawDocument, Rejected

from .helpers import read_all

EXTENSIONS = [
    "", ".txt", ".md", ".html", ".json", ".jsonl", ".ndjson", ".xml", ".rss", ".atom",
    ".warc", ".warc.gz", ".arc", ".gz", ".txt.gz", ".jsonl.gz", ".json.gz", ".unknown",
]  # fmt: skip

PREFIXES = [
    b"", b"\x1f\x8b", b"WARC/1.0\r\n", b"<?xml version='1.0'?><rss>", b"<html>", b"{", b"[",
    b"---\n", b"\xff\xfe", b"filedesc://",
]  # fmt: skip

JSON = st.recursive(
    st.none() | st.booleans() | st.integers() | st.floats() | st.text(),
    lambda children: (
        st.lists(children, max_size=4) | st.dictionaries(st.text(max_size=8), children, max_size=4)
    ),
    max_leaves=20,
)

LIMITS = Settings(max_bytes=2000)


def _check(results: list[RawDocument | Rejected]) -> None:
    assert results
    for item in results:
        assert isinstance(item, RawDocument | Rejected)
        if isinstance(item, RawDocument):
            assert item.format in ("text", "markdown", "html")
            assert isinstance(item.data, bytes)
            json.dumps(dict(item.metadata))  # JSON-friendly
        else:
            assert item.reason and "\n" not in item.reason


def _read_file(name: str, data: bytes) -> list[RawDocument | Rejected]:
    with tempfile.TemporaryDirectory() as folder:
        path = Path(folder) / name
        path.write_bytes(data)
        return read_all([path], LIMITS)


@settings(max_examples=300, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(
    extension=st.sampled_from(EXTENSIONS),
    prefix=st.sampled_from(PREFIXES),
    body=st.binary(max_size=3000),
    packed=st.booleans(),
)
def test_arbitrary_bytes_never_raise(extension: str, prefix: bytes, body: bytes, packed: bool) -> None:
    data = prefix + body
    if packed:
        data = gzip.compress(data)
    _check(_read_file("input" + extension, data))
    _check(list(read_inputs(["-"], LIMITS, io.BytesIO(data))))


@settings(max_examples=150, deadline=None)
@given(value=JSON, extension=st.sampled_from([".json", ".jsonl"]))
def test_arbitrary_json_never_raises(value: object, extension: str) -> None:
    text = json.dumps(value)
    if extension == ".jsonl":
        text = f"{text}\n{json.dumps({'text': 'x', 'extra': value})}\n"
    _check(_read_file("records" + extension, text.encode()))


@settings(max_examples=100, deadline=None)
@given(
    st.lists(
        # no "/" and no "..": the names stay inside the test's own folder
        st.text(st.characters(blacklist_characters="/~"), min_size=1, max_size=8).filter(
            lambda name: ".." not in name
        )
        | st.sampled_from(["-", "*", "**", "[", "a.txt", "x" * 300, "a\0b"]),
        min_size=1,
        max_size=3,
    )
)
def test_arbitrary_input_names_never_raise(names: list[str]) -> None:
    with tempfile.TemporaryDirectory() as folder, contextlib.chdir(folder):
        Path("a.txt").write_text("text")
        results = list(read_inputs(names, LIMITS, io.BytesIO(b"stdin text")))
    assert all(isinstance(item, RawDocument | Rejected) for item in results)


def test_importing_the_readers_loads_no_parser() -> None:
    code = (
        "import sys, backchannel.ingest\n"
        "heavy = [name for name in ('feedparser', 'warcio', 'trafilatura') if name in sys.modules]\n"
        "assert not heavy, heavy"
    )
    subprocess.run([sys.executable, "-c", code], check=True)
