"""The five real seed articles in ../shared against their gold (language, date, title,
outlet where the file names it, where the body starts and ends, boilerplate that must go)."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import pytest

from backchannel.clean import finish, prepare
from backchannel.model import Article, Draft, RawDocument

from .helpers import SETTINGS

DATA = Path(__file__).resolve().parents[2].parent / "shared" / "data"
DERIVABLE_OUTLETS = {"000", "002"}
"""Seeds whose file names the outlet (front matter; removed boilerplate naming a domain)."""


def gold() -> list[dict[str, Any]]:
    path = DATA / "gold" / "seeds.contacts.jsonl"
    if not path.is_file():
        return []
    return [json.loads(line) for line in path.read_text(encoding="utf-8").splitlines() if line.strip()]


def clean_seed(path: Path) -> Article:
    data = path.read_bytes()
    fmt = "markdown" if data.startswith(b"---\n") else "text"
    prepared = prepare(RawDocument(str(path), str(path.resolve()), data, fmt), SETTINGS)
    assert isinstance(prepared, Draft), prepared
    result = finish(prepared, frozenset(), SETTINGS)
    assert isinstance(result, Article), result
    return result


@pytest.mark.slow
@pytest.mark.parametrize("expected", gold() or [None], ids=lambda g: g["doc"][:3] if g else "absent")
def test_seed_matches_gold(expected: dict[str, Any] | None) -> None:
    if expected is None or not (DATA / "seeds").is_dir():
        pytest.skip("../shared/data is absent")
    doc = clean_seed(DATA / "seeds" / expected["doc"])
    assert doc.language == expected["lang"]
    language_warnings = [w for w in doc.warnings if w.startswith("declared language")]
    assert bool(language_warnings) == bool(expected.get("lang_in_metadata_is_wrong"))
    assert doc.published == expected.get("published")
    for needle in expected["body_must_contain"]:
        assert needle in doc.text
    for needle in expected["body_must_not_contain"]:
        assert needle not in doc.text
    if expected.get("title"):
        assert doc.title == expected["title"]
    if expected["doc"][:3] in DERIVABLE_OUTLETS:
        assert doc.outlet == expected["outlet"]
    else:
        assert doc.outlet is None
