"""The words of a sentence as the contact rules see them."""

from __future__ import annotations

import pytest

from backchannel.contacts.words import words


@pytest.mark.parametrize(
    ("text", "lang", "expected"),
    [
        ("talks with U.S. Secretary Rubio.", "en", ["talks", "with", "U.S.", "Secretary", "Rubio", "."]),
        ("spoke with Mr. Rubio and Dr. J. Smith at St. Paul.", "en",
         ["spoke", "with", "Mr.", "Rubio", "and", "Dr.", "J.", "Smith", "at", "St.", "Paul", "."]),
        ("Встреча в г. Сочи.", "ru", ["Встреча", "в", "г", ".", "Сочи", "."]),
    ],
)
def test_abbreviations_keep_their_dot_in_english(text: str, lang: str, expected: list[str]) -> None:
    assert [w.text for w in words(text, 0, len(text), lang)] == expected
