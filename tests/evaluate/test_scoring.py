"""The scores on tiny hand-made documents: perfect, partial, wrong type, empty."""

from __future__ import annotations

import pytest

from backchannel.evaluate.gold import GoldMention
from backchannel.evaluate.scoring import (
    Counts,
    LinkItem,
    base_forms,
    default_identity,
    link_items,
    linking,
    normalise,
    relaxed_counts,
    relaxed_errors,
    strict_counts,
)
from tests.evaluate.helpers import Sys

TYPES = ("PER", "ORG", "LOC", "MISC")
TEXT = "Путин и Путина, «Газпром», Москва."
PUTIN = GoldMention(0, 5, "Путин", "Путин", "PER", "PER-Vladimir-Putin")
PUTINA = GoldMention(8, 14, "Путина", "Путин", "PER", "PER-Vladimir-Putin")
GAZPROM = GoldMention(16, 25, "«Газпром»", "Газпром", "ORG")
MOSCOW = GoldMention(27, 33, "Москва", "Москва", "LOC")
GOLD = [PUTIN, PUTINA, GAZPROM, MOSCOW]


def sys_of(g: GoldMention, type: str | None = None, base: str | None = None, start: int | None = None) -> Sys:
    return Sys(
        g.start if start is None else start,
        g.end,
        g.surface,
        (g.base or "") if base is None else base,
        type or g.type,
    )


@pytest.mark.parametrize(
    ("name", "system", "per", "org", "loc"),
    [
        ("perfect", [sys_of(g) for g in GOLD], Counts(2, 0, 0), Counts(1, 0, 0), Counts(1, 0, 0)),
        ("partial", [sys_of(PUTIN), sys_of(MOSCOW)], Counts(1, 0, 1), Counts(0, 0, 1), Counts(1, 0, 0)),
        (
            "wrong type",
            [sys_of(g) for g in (PUTIN, PUTINA, MOSCOW)] + [sys_of(GAZPROM, "LOC")],
            Counts(2, 0, 0),
            Counts(0, 0, 1),
            Counts(1, 1, 0),
        ),
        ("empty system", [], Counts(0, 0, 2), Counts(0, 0, 1), Counts(0, 0, 1)),
        (
            "a form repeated counts once",
            [sys_of(PUTIN), Sys(30, 35, "путин", "Путин", "PER")],
            Counts(1, 0, 1),
            Counts(0, 0, 1),
            Counts(0, 0, 1),
        ),
        (
            "quotes and case do not matter",
            [Sys(17, 24, "ГАЗПРОМ", "Газпром", "ORG")],
            Counts(0, 0, 2),
            Counts(1, 0, 0),
            Counts(0, 0, 1),
        ),
        (
            "an invented form is a false positive",
            [Sys(0, 4, "Пути", "Путь", "PER")],
            Counts(0, 1, 2),
            Counts(0, 0, 1),
            Counts(0, 0, 1),
        ),
    ],
)
def test_relaxed(name: str, system: list[Sys], per: Counts, org: Counts, loc: Counts) -> None:
    counts = relaxed_counts(GOLD, system, TYPES)
    assert (counts["PER"], counts["ORG"], counts["LOC"], counts["MISC"]) == (per, org, loc, Counts()), name


def test_relaxed_scores_only_the_datasets_types() -> None:
    assert relaxed_counts([], [Sys(0, 5, "Путин", "Путин", "MISC")], ("PER", "ORG", "LOC")) == {
        "PER": Counts(),
        "ORG": Counts(),
        "LOC": Counts(),
    }


def test_empty_document() -> None:
    assert relaxed_counts([], [], TYPES) == {t: Counts() for t in TYPES}
    assert strict_counts([], [], TYPES) == {t: Counts() for t in TYPES}
    assert (Counts().precision, Counts().recall, Counts().f1) == (0.0, 0.0, 0.0)


@pytest.mark.parametrize(
    ("system", "per", "org"),
    [
        ([sys_of(g) for g in GOLD], Counts(2, 0, 0), Counts(1, 0, 0)),
        ([sys_of(GAZPROM, start=17)], Counts(0, 0, 2), Counts(0, 1, 1)),  # span without the quote: not exact
        ([sys_of(PUTIN, "ORG")], Counts(0, 0, 2), Counts(0, 1, 1)),
    ],
)
def test_strict(system: list[Sys], per: Counts, org: Counts) -> None:
    counts = strict_counts(GOLD, system, TYPES)
    assert (counts["PER"], counts["ORG"]) == (per, org)


def test_counts_arithmetic() -> None:
    c = Counts(3, 1, 2) + Counts(1, 1, 0)
    assert c == Counts(4, 2, 2)
    assert (round(c.precision, 4), round(c.recall, 4), round(c.f1, 4)) == (0.6667, 0.6667, 0.6667)


@pytest.mark.parametrize(
    ("form", "expected"),
    [
        ("«Газпром»", "газпром"),
        ("Пётр  Порошенко", "петр порошенко"),
        ("В’ячеслав", "в'ячеслав"),
        ("U.S.", "u.s"),
    ],
)
def test_normalise(form: str, expected: str) -> None:
    assert normalise(form) == expected


@pytest.mark.parametrize(
    ("system", "found", "correct"),
    [
        ([sys_of(PUTIN), sys_of(PUTINA)], 2, 2),
        ([sys_of(PUTIN), sys_of(PUTINA, base="Путина")], 2, 1),  # not lemmatised
        ([sys_of(PUTIN, base="ПУТИН"), sys_of(PUTINA, "ORG")], 2, 2),  # case-folded; the type does not matter
        ([sys_of(PUTINA, start=9)], 0, 0),  # span not found exactly
        ([], 0, 0),
    ],
)
def test_base_forms(system: list[Sys], found: int, correct: int) -> None:
    result = base_forms(GOLD, system)
    assert (result.gold, result.found, result.correct) == (2, found, correct)
    assert len(result.errors) == found - correct


def test_base_forms_e_and_yo_are_equal() -> None:
    gold = [GoldMention(0, 5, "Пётр", "Пётр", "PER")]
    assert base_forms(gold, [Sys(0, 5, "Пётр", "петр", "PER")]).correct == 1


def test_default_identity_prefers_the_kb_id() -> None:
    assert default_identity(Sys(0, 1, "Путина", "Путин", "PER", "Q7747")) == "Q7747"
    assert default_identity(Sys(0, 1, "Путина", "Путин", "PER")) == default_identity(
        Sys(0, 1, "ПУТИН", "путин", "PER")
    )


def test_link_items_take_found_per_mentions_with_ids() -> None:
    system = [sys_of(PUTIN), sys_of(PUTINA, "ORG"), sys_of(GAZPROM)]
    assert link_items("ru", GOLD, system, lambda m: m.base) == [LinkItem("ru", "PER-Vladimir-Putin", "Путин")]


def test_linking_pairwise_cross_lingual_and_bcubed() -> None:
    items = [
        LinkItem("ru", "A", "x"),
        LinkItem("ru", "A", "x"),
        LinkItem("uk", "A", "x"),
        LinkItem("uk", "B", "x"),
        LinkItem("uk", "B", "y"),
    ]
    result = linking(items)
    assert result.mentions == 5
    assert result.pairwise == Counts(tp=3, fp=3, fn=1)  # gold pairs 3+1, system pairs 6
    assert result.cross_lingual == Counts(tp=2, fp=2, fn=0)
    assert (round(result.bcubed_precision, 4), round(result.bcubed_recall, 4)) == (0.7, 0.8)


def test_linking_perfect_and_empty() -> None:
    perfect = linking([LinkItem("ru", "A", "a"), LinkItem("uk", "A", "a"), LinkItem("uk", "B", "b")])
    assert (perfect.pairwise.f1, perfect.cross_lingual.f1, perfect.bcubed_f1) == (1.0, 1.0, 1.0)
    empty = linking([])
    assert (empty.mentions, empty.pairwise, empty.bcubed_f1) == (0, Counts(), 0.0)


def test_relaxed_errors_name_the_misses_with_what_overlaps() -> None:
    text = "Верховный суд страны заседал в Киеве."
    gold = [GoldMention(0, 13, "Верховный суд", None, "ORG"), GoldMention(31, 36, "Киеве", None, "LOC")]
    system = [Sys(0, 20, "Верховный суд страны", "", "ORG"), Sys(31, 36, "Киеве", "Киев", "LOC")]
    errors = relaxed_errors(text, gold, system, ("PER", "ORG", "LOC"), window=5)
    assert [(e.kind, e.type, e.form, e.other) for e in errors] == [
        ("FP", "ORG", "Верховный суд страны", ("ORG:Верховный суд",)),
        ("FN", "ORG", "Верховный суд", ("ORG:Верховный суд страны",)),
    ]
    assert errors[0].context == "Верховный суд страны засе"
