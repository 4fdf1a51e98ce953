"""Bytes → text: every decoder path, normalisation, and refusals."""

from __future__ import annotations

import codecs

import pytest

from backchannel.clean.decode import TRUNCATED, UNDECODABLE, cyrillic_score, decode, normalise
from backchannel.clean.records import Decoded, Failure

from .helpers import RU_BODY, UK_BODY, article, rejected

RU = "Президент провёл переговоры с премьер-министром и обсудил торговлю и энергетику."
UK = "Прем'єр-міністр провів зустріч із послом і обговорив питання енергетичної безпеки."


@pytest.mark.parametrize(
    ("data", "hint", "encoding"),
    [
        (RU.encode("utf-8"), None, "utf-8"),
        (codecs.BOM_UTF8 + RU.encode("utf-8"), None, "utf-8"),
        (codecs.BOM_UTF16_LE + RU.encode("utf-16-le"), None, "utf-16-le"),
        (codecs.BOM_UTF16_BE + RU.encode("utf-16-be"), None, "utf-16-be"),
        (codecs.BOM_UTF32_LE + RU.encode("utf-32-le"), None, "utf-32-le"),
        (RU.encode("utf-16-le"), None, "utf-16-le"),
        (RU.encode("utf-16-be"), None, "utf-16-be"),
        (RU.encode("cp1251"), None, "cp1251"),
        (RU.encode("koi8_r"), None, "koi8_r"),
        (UK.encode("cp1251"), None, "cp1251"),
        (UK.encode("koi8_u"), None, "koi8_u"),
        (RU.encode("cp1251"), "windows-1251", "cp1251"),
        (RU.encode("koi8_r"), "KOI8-R", "koi8_r"),
    ],
)
def test_decoder_paths(data: bytes, hint: str | None, encoding: str) -> None:
    result = decode(data, hint)
    assert isinstance(result, Decoded)
    assert result.encoding == codecs.lookup(encoding).name
    assert result.text in (RU, UK)
    assert result.warnings == ()


def test_wrong_hint_falls_back_to_sniffing() -> None:
    result = decode(RU.encode("cp1251"), "utf-8")
    assert isinstance(result, Decoded) and result.text == RU


def test_html_meta_charset_is_a_hint() -> None:
    page = f'<html><head><meta charset="koi8-r"></head><body><p>{RU}</p></body></html>'.encode("koi8_r")
    result = decode(page, None, html=True)
    assert isinstance(result, Decoded) and RU in result.text


def test_cp1251_beats_koi8_on_letter_score() -> None:
    data = RU.encode("cp1251")
    assert cyrillic_score(data.decode("cp1251")) > cyrillic_score(data.decode("koi8_r"))


def test_truncated_utf8_decodes_with_a_warning() -> None:
    data = (RU + " ж").encode("utf-8")[:-1]
    result = decode(data)
    assert isinstance(result, Decoded)
    assert result.warnings == (TRUNCATED,)
    assert result.text == RU + " "


def test_truncated_article_keeps_the_warning() -> None:
    doc = article((RU_BODY + " Ещё одно предложение с буквой ж").encode("utf-8")[:-1])
    assert TRUNCATED in doc.warnings


@pytest.mark.parametrize(
    ("data", "reason"),
    [
        (b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR\x00\x00\x01\x00" * 20, "binary data (NUL bytes)"),
        (bytes(range(1, 9)) * 50 + b"text", "binary data (control characters)"),
        (b"", "empty input"),
        (b"  \n\t ", "empty input"),
    ],
)
def test_refusals(data: bytes, reason: str) -> None:
    result = decode(data)
    assert isinstance(result, Failure) and result.reason == reason


def test_binary_document_is_rejected_with_reason() -> None:
    assert rejected(b"GIF89a\x00\x01\x00\x00\xff\xff" * 40).reason == "binary data (NUL bytes)"


def test_undecodable_reason_is_named() -> None:
    assert "cp1251" in UNDECODABLE and "KOI8-R" in UNDECODABLE


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("a\r\nb\rc", "a\nb\nc"),
        ("no\u00a0break\u202fspace", "no break space"),
        ("zero\u200bwidth\ufeff and\u00ad soft", "zerowidth and soft"),
        ("nul\x00 and\x07 bell", "nul and bell"),
        ("tab\there", "tab here"),
        ("e\u0301", "\u00e9"),
    ],
)
def test_normalise(text: str, expected: str) -> None:
    assert normalise(text) == expected


def test_cp1251_ukrainian_article_is_detected_as_uk() -> None:
    doc = article(UK_BODY.encode("cp1251"))
    assert doc.language == "uk"
    assert "Міністр закордонних справ" in doc.text
