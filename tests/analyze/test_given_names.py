"""The given names read from Faker's person providers."""

from __future__ import annotations

from backchannel.analyze.given_names import given_names


def test_given_names_hold_common_names_and_leave_out_words() -> None:
    names = given_names()
    assert {"james", "maría", "vicente", "harold"} <= names
    assert not {"may", "will", "june", "the"} & names


def test_unknown_locale_gives_nothing() -> None:
    assert given_names(("xx_XX",)) == frozenset()
