from __future__ import annotations

from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from backchannel.export.names import MAX_BYTES, NameAllocator, safe_stem

HOSTILE = [
    ("../../etc/passwd", "etc passwd"),
    ("/", "untitled"),
    ("..", "untitled"),
    ("a\x00b", "a b"),
    ("CON", "_CON"),
    ("nul.txt", "_nul.txt"),
    ("Com1", "_Com1"),
    ("LPT9.md", "_LPT9.md"),
    ("x" * 500, "x" * 80),
    ("Путин: [[звонок]] | #тег ^блок?", "Путин звонок тег блок"),
    ("  trailing dots...  ", "trailing dots"),
    ("C:\\Windows\\System32", "C Windows System32"),
    ("tab\tand\nnewline", "tab and newline"),
    ("", "untitled"),
]


@pytest.mark.parametrize("raw,stem", HOSTILE)
def test_hostile_names(raw: str, stem: str) -> None:
    assert safe_stem(raw) == stem


def test_collisions_ignore_case_and_do_not_depend_on_order() -> None:
    first = NameAllocator()
    a, b = first.allocate("k1", "Putin"), first.allocate("k2", "PUTIN")
    second = NameAllocator()
    b2, a2 = second.allocate("k2", "PUTIN"), second.allocate("k1", "Putin")
    assert a.casefold() != b.casefold() and a == "Putin" and b2 == "PUTIN"
    assert b.startswith("PUTIN ") and a2.startswith("Putin ")


def test_taken_names_are_never_given() -> None:
    names = NameAllocator(taken=["vladimir putin"])
    assert names.allocate("actor:putin", "Vladimir Putin").casefold() != "vladimir putin"


@settings(max_examples=300, deadline=None)
@given(st.text(min_size=0, max_size=300))
def test_safe_stems_never_escape_the_vault(raw: str) -> None:
    stem = safe_stem(raw)
    assert stem and "/" not in stem and "\\" not in stem and "\x00" not in stem
    assert stem not in (".", "..") and not stem.endswith((".", " ")) and not stem.startswith(" ")
    assert len(stem.encode("utf-8")) <= MAX_BYTES
    vault = Path("/vault")
    path = (vault / "Actors" / f"{stem}.md").resolve()
    assert path.parent == vault / "Actors"


@settings(max_examples=100, deadline=None)
@given(st.lists(st.text(max_size=40), max_size=30))
def test_allocated_stems_are_unique_ignoring_case(raws: list[str]) -> None:
    names = NameAllocator()
    stems = [names.allocate(f"k{i}", raw) for i, raw in enumerate(raws)]
    assert len({s.casefold() for s in stems}) == len(stems)
