"""Hostile input: prepare and finish never raise, whatever the bytes, text or metadata."""

from __future__ import annotations

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from backchannel.clean import finish, line_key, prepare
from backchannel.model import Article, Draft, RawDocument, Rejected

from .helpers import SETTINGS

FORMATS = st.sampled_from(["text", "markdown", "html"])
PIECES = st.sampled_from(
    [
        "---\n",
        "\n---\n",
        "# ",
        "**",
        "__",
        "[[",
        "]]",
        "|",
        "](",
        "![",
        "<p>",
        "</p>",
        "<div>",
        "<script>",
        "date 2024-10-25 ",
        "25-10-2024, 12:57 / Автор: ",
        "12:57\n",
        "1.3т\n",
        "Похожие статьи\n",
        "Читать на русском\n",
        "\u200b",
        "\x00",
        "\r\n",
        "title: [",
        "a: &a [*a]\n",
        "&#0;",
        "\ufeff",
        "Путин провёл переговоры. ",
        "Маск підтримує контакти. ",
        "cookie ",
        "example.net ",
        "\n\n",
    ]
)
TEXTS = st.lists(st.one_of(PIECES, st.text(max_size=40)), max_size=40).map("".join)
META = st.dictionaries(
    st.sampled_from(["title", "published", "outlet", "url", "language", "author", "extra"]),
    st.one_of(st.none(), st.text(max_size=30), st.integers(), st.lists(st.text(max_size=5), max_size=3)),
    max_size=5,
)


def run(data: bytes, fmt: str, metadata: dict[str, object], encoding: str | None) -> None:
    doc = RawDocument("x", "/abs/x", data, fmt, metadata, encoding)  # type: ignore[arg-type]
    prepared = prepare(doc, SETTINGS)
    assert isinstance(prepared, Draft | Rejected)
    if isinstance(prepared, Rejected):
        assert prepared.reason and "\n" not in prepared.reason
        return
    assert prepared.text.strip()
    half = frozenset(sorted(prepared.line_keys)[::2])
    for repeated in (frozenset(), half, prepared.line_keys):
        result = finish(prepared, repeated, SETTINGS)
        assert isinstance(result, Article | Rejected)
        if isinstance(result, Article):
            assert result.text.strip()
            for span in result.languages:
                assert 0 <= span.start < span.end <= len(result.text)


@settings(max_examples=300, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(st.binary(max_size=2000), FORMATS, st.sampled_from([None, "utf-8", "cp1251", "bogus-enc", "utf-16"]))
def test_arbitrary_bytes(data: bytes, fmt: str, encoding: str | None) -> None:
    run(data, fmt, {}, encoding)


@settings(max_examples=300, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(TEXTS, FORMATS, META, st.sampled_from(["utf-8", "utf-16", "cp1251", "koi8_r"]))
def test_arbitrary_text(text: str, fmt: str, metadata: dict[str, object], codec: str) -> None:
    data = text.encode(codec, errors="replace")
    run(data, fmt, metadata, None)


@given(st.text(max_size=200))
def test_line_key_is_idempotent(line: str) -> None:
    assert line_key(line_key(line)) == line_key(line)
