"""Merging rules, independent sources and status of events, on records written for these tests."""

from __future__ import annotations

import random
from dataclasses import replace
from datetime import date

import pytest

from backchannel.consolidate.events import cluster, interval_of, kinds_fit, near_copies, participants_fit
from backchannel.model import ReportFacts

A, B, C = "alpha", "bravo", "charlie"


def rep(rid: str, *, kind: str = "call", polarity: str = "asserted", parties: tuple[str, ...] = (A, B),
        published: str | None = "2025-03-14", outlet: str | None = "Outlet", sources: tuple[str, ...] = (),
        start: str | None = None, end: str | None = None, precision: str | None = None,
        evidence: str = "") -> ReportFacts:
    if start and precision is None:
        precision = {4: "year", 7: "month", 10: "day"}[len(start)]
        end = end or start
    return ReportFacts(id=rid, article_id=rid.rpartition("-")[0], published=published, outlet=outlet,
                       kind=kind, polarity=polarity, participants=tuple(sorted(parties)), sources=sources,  # type: ignore[arg-type]
                       when_start=start, when_end=end, precision=precision, evidence=evidence or f"sentence {rid}")


def test_two_outlets_same_call_is_one_confirmed_event() -> None:
    [event] = cluster([rep("a1-1", outlet="One", start="2025-03-13"), rep("b2-1", outlet="Two", start="2025-03-13")])
    assert event.status == "confirmed" and event.sources == 2
    assert event.reports == ("a1-1", "b2-1") and event.outlets == ("One", "Two")
    assert (event.when_start, event.precision, event.kind) == ("2025-03-13", "day", "call")


@pytest.mark.parametrize(("a", "b", "fits"), [
    ("call", "call", True), ("call", "visit", False), ("call", "meeting", False), ("meeting", "visit", True),
    ("talks", "call", True), ("talks", "meeting", True), ("contact", "call", True), ("contact", "visit", True),
    ("message", "call", False), ("request", "message", True),
])
def test_kinds(a: str, b: str, fits: bool) -> None:
    assert kinds_fit(a, b) is fits and kinds_fit(b, a) is fits


def test_a_call_is_not_a_visit() -> None:
    found = cluster([rep("a1-1", start="2025-03-13"), rep("b2-1", kind="visit", start="2025-03-13")])
    assert len(found) == 2


def test_a_call_and_a_meeting_never_share_an_event_through_talks() -> None:
    found = cluster([rep("a1-1", kind="call", start="2025-03-13"), rep("a1-2", kind="talks", start="2025-03-13"),
                     rep("b2-1", kind="meeting", start="2025-03-13")])
    assert sorted(len(e.reports) for e in found) == [1, 2]


@pytest.mark.parametrize(("first", "second", "same"), [
    ("2025-03-13", "2025-03-14", True),  # a day either way
    ("2025-03-13", "2025-03-20", False),
    ("2025-03", "2025-03-20", True),
    ("2024", "2024-06", True),
    ("2024-01", "2024-06", False),
])
def test_times_must_overlap_at_their_precision(first: str, second: str, same: bool) -> None:
    found = cluster([rep("a1-1", start=first), rep("b2-1", start=second)])
    assert (len(found) == 1) is same


def test_open_interval_runs_to_the_article_date() -> None:
    regular = rep("a1-1", kind="contact", start="2022-10", end=None, precision="interval", published="2024-10-25")
    when = interval_of(regular)
    assert when is not None and when.lo == date(2022, 10, 1) and when.hi == date(2024, 10, 25)
    [event] = cluster([regular, rep("b2-1", kind="contact", start="2024", published="2024-10-25")])
    assert len(event.reports) == 2


def test_unknown_time_fits_only_near_its_publication() -> None:
    dated = rep("a1-1", start="2025-03-13", published="2025-03-13")
    assert len(cluster([dated, rep("b2-1", published="2025-03-15")])) == 1
    assert len(cluster([dated, rep("b2-1", published="2025-06-15")])) == 2
    assert len(cluster([dated, rep("b2-1", published=None)])) == 1  # nothing known: no evidence against


def test_participants() -> None:
    assert participants_fit(frozenset({A, B}), frozenset({A, B, C}))
    assert not participants_fit(frozenset({A, B}), frozenset({A, C}))
    found = cluster([rep("a1-1", parties=(A, B)), rep("b2-1", parties=(A, C)), rep("c3-1", parties=(A, B, C))])
    assert sorted(e.participants for e in found) == [(A, B, C), (A, C)]


def test_reports_with_one_known_party_make_no_event() -> None:
    assert cluster([rep("a1-1", parties=(A,))]) == []


def test_copies_and_a_shared_original_source_are_one_voice() -> None:
    text = "The Kremlin said Alpha and Bravo spoke by phone on Thursday about grain exports."
    copies = [rep("a1-1", outlet="One", evidence=text), rep("b2-1", outlet="Two", evidence=text + " ")]
    [event] = cluster(copies)
    assert event.status == "reported" and event.sources == 1
    cited = [rep("a1-1", outlet="One", sources=("wsj",)), rep("b2-1", outlet="Two", sources=("wsj",))]
    assert cluster(cited)[0].sources == 1
    own_voice_of_the_cited_outlet = [rep("a1-1", outlet="WSJ"), rep("b2-1", outlet="Two", sources=("wsj",))]
    assert cluster(own_voice_of_the_cited_outlet)[0].sources == 1


def test_near_copies() -> None:
    a = "Президент Турции Реджеп Тайип Эрдоган провел телефонный разговор с Владимиром Путиным."
    assert near_copies(a, a + " Подробности позже.")
    assert not near_copies(a, "Путин и Эрдоган обсудили ситуацию в Сирии по телефону.")


@pytest.mark.parametrize(("polarities", "status"), [
    (("asserted", "asserted"), "confirmed"),
    (("asserted",), "reported"),
    (("asserted", "denied"), "contested"),
    (("denied",), "denied"),
    (("denied", "hypothetical"), "denied"),
    (("hypothetical", "hypothetical"), "planned"),
    (("hypothetical", "asserted"), "reported"),
])
def test_status(polarities: tuple[str, ...], status: str) -> None:
    reports = [rep(f"a{i}-1", polarity=p, outlet=f"Outlet {i}") for i, p in enumerate(polarities)]
    [event] = cluster(reports)
    assert event.status == status


def test_both_sides_of_a_dispute_stay_as_reports() -> None:
    [event] = cluster([rep("a1-1", kind="meeting", sources=("paper",)),
                       rep("a1-2", kind="meeting", polarity="denied", sources=("spokesman",))])
    assert event.status == "contested" and event.reports == ("a1-1", "a1-2")


def test_clustering_is_deterministic() -> None:
    reports = [rep(f"a{i}-{j}", start=f"2025-0{1 + i % 3}", outlet=f"O{i}", kind=("call", "visit")[j % 2])
               for i in range(6) for j in range(1, 3)]
    expected = cluster(reports)
    for seed in range(5):
        shuffled = reports[:]
        random.Random(seed).shuffle(shuffled)
        assert cluster(shuffled) == expected
    assert len({e.id for e in expected}) == len(expected)
    assert cluster([replace(r, evidence=r.evidence) for r in reports]) == expected
