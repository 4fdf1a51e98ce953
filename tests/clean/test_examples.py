"""The bundled sample corpus (examples/corpus), single-file articles only, against its gold.
Fields the file itself does not give away are listed in NOT_IN_THE_FILE, not faked."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import pytest

from backchannel.clean import finish, prepare
from backchannel.model import Article, DocFormat, Draft, RawDocument

from .helpers import SETTINGS

REPO = Path(__file__).resolve().parents[2]
CORPUS = REPO / "examples" / "corpus"
GOLD = REPO / "examples" / "gold" / "corpus.contacts.jsonl"
FORMATS: dict[str, DocFormat] = {".md": "markdown", ".txt": "text", ".html": "html"}
NOT_IN_THE_FILE = {
    "istanbul-talks-dated.txt": {"outlet"},  # named only inside a body sentence
    "kyivoglyad-erdogan-putin.txt": {"outlet"},  # only an inflected form in the body
    "orban-trump-request.txt": {"outlet"},  # only in body sentences and a newsletter line
    "tokayev-calls-cp1251.txt": {"published"},  # "в субботу, 17 мая": no year
}


def single_files() -> list[tuple[Path, dict[str, Any]]]:
    if not GOLD.is_file():
        return []
    gold = [json.loads(line) for line in GOLD.read_text(encoding="utf-8").splitlines() if line.strip()]
    paths = {p.name: p for p in CORPUS.rglob("*") if p.suffix in FORMATS}
    return [(paths[g["doc"]], g) for g in gold if g["doc"] in paths]


@pytest.mark.parametrize(
    ("path", "expected"), single_files() or [pytest.param(None, None, marks=pytest.mark.skip)]
)
def test_sample_article_matches_gold(path: Path, expected: dict[str, Any]) -> None:
    data = path.read_bytes()
    prepared = prepare(RawDocument(str(path), str(path), data, FORMATS[path.suffix]), SETTINGS)
    assert isinstance(prepared, Draft), prepared
    doc = finish(prepared, frozenset(), SETTINGS)
    assert isinstance(doc, Article), doc
    unknown = NOT_IN_THE_FILE.get(path.name, set())
    assert doc.language == expected["lang"]
    assert any(w.startswith("declared language") for w in doc.warnings) == bool(
        expected.get("lang_in_metadata_is_wrong")
    )
    assert doc.published == (None if "published" in unknown else expected.get("published"))
    assert doc.outlet == (None if "outlet" in unknown else expected.get("outlet"))
    if expected.get("title"):
        assert doc.title == expected["title"]
    for needle in expected["body_must_contain"]:
        assert needle in doc.text
    for needle in expected["body_must_not_contain"]:
        assert needle not in doc.text
