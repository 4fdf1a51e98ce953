from __future__ import annotations

import pytest
from hypothesis import given
from hypothesis import strategies as st

from backchannel.web.highlight import segments

CASES = [
    ("no marks", "Путин позвонил.", [], [], [("Путин позвонил.", None, ())]),
    ("mention in evidence", "A. Putin met Xi. B.", [(3, 8, "putin", "PER"), (13, 15, "xi", "PER")], [(3, 16, "r1")],
     [("A. ", None, ()), ("Putin", "putin", ("r1",)), (" met ", None, ("r1",)), ("Xi", "xi", ("r1",)),
      (".", None, ("r1",)), (" B.", None, ())]),
    ("overlapping mentions keep the longer", "Vladimir Putin", [(0, 14, "p", "PER"), (9, 14, "q", "PER")], [],
     [("Vladimir Putin", "p", ())]),
    ("spans outside the text are clipped", "abc", [(1, 10, "e", "ORG")], [(-5, 2, "r")],
     [("a", None, ("r",)), ("b", "e", ("r",)), ("c", "e", ())]),
]


@pytest.mark.parametrize("name,text,mentions,evidence,expected", CASES, ids=[c[0] for c in CASES])
def test_segments(name: str, text: str, mentions: list, evidence: list, expected: list) -> None:
    got = [(s.text, s.entity_id, s.reports) for s in segments(text, mentions, evidence)]
    assert got == expected


spans = st.tuples(st.integers(-3, 60), st.integers(-3, 60))


@given(st.text(max_size=50), st.lists(spans, max_size=6), st.lists(spans, max_size=4))
def test_segments_cover_the_text_exactly(text: str, ms: list[tuple[int, int]], es: list[tuple[int, int]]) -> None:
    found = segments(text, [(s, e, "x", "PER") for s, e in ms], [(s, e, f"r{i}") for i, (s, e) in enumerate(es)])
    assert "".join(s.text for s in found) == text
    assert all(s.text for s in found)
    assert all(a.end == b.start for a, b in zip(found, found[1:], strict=False))
