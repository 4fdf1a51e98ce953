"""The seeds' actors come out right, with the shipped knowledge base (skipped without ../shared)."""

from __future__ import annotations

from pathlib import Path

import pytest

from backchannel.analyze import Models, analyze, load_models
from backchannel.config import Settings
from backchannel.kb import load_kb
from backchannel.model import ArticleAnalysis
from backchannel.workspace import Workspace

SHARED = Path(__file__).resolve().parents[2].parent / "shared" / "data"
SEEDS = SHARED / "seeds"

# seed file prefix → base forms that must be found as persons
EXPECTED = {
    "004": ["Рамафоза", "Токаев", "Мирзиёев", "Си Цзиньпин", "Лукашенко", "Моди", "Лула да Силва", "Рахмон",
            "Жапаров", "Ким Чен Ын"],
    "002": ["Ілон Маск", "Володимир Путін", "Сергій Кирієнко", "Дмитро Пєсков", "Болсонаро", "Мілей"],
}


@pytest.fixture(scope="module")
def shipped() -> Models:
    return load_models(Settings())


def _analyse(prefix: str, tmp_path: Path, models: Models) -> ArticleAnalysis:
    if not SEEDS.is_dir():
        pytest.skip("../shared/data/seeds is absent")
    path = next(SEEDS.glob(f"{prefix}_*.txt"))
    with Workspace.open(Settings(db=str(tmp_path / "t.db"))) as ws:
        ws.ingest([str(path)], analyze=False)
        article = next(ws.articles())
    return analyze(article, models)


def _kb_person(base: str) -> str | None:
    """The KB person one of whose names ends with ``base`` (surname or full name), if any."""
    for actor in load_kb().actors:
        if actor.type == "PER" and any(n == base or n.endswith(" " + base) for _, n in actor.all_names()):
            return actor.id
    return None


@pytest.mark.parametrize("prefix", sorted(EXPECTED))
def test_seed_actors(prefix: str, tmp_path: Path, shipped: Models) -> None:
    analysis = _analyse(prefix, tmp_path, shipped)
    persons = [m for m in analysis.mentions if m.type == "PER"]
    for base in EXPECTED[prefix]:
        hits = [m for m in persons if m.base == base or m.base.endswith(" " + base)]
        assert hits, f"{base} not found; persons: {sorted({m.base for m in persons})}"
        kb_id = _kb_person(base)
        if kb_id is not None:
            assert {m.kb_id for m in hits} == {kb_id}, base


def test_seed_002_typo_joins_musk(tmp_path: Path, shipped: Models) -> None:
    analysis = _analyse("002", tmp_path, shipped)
    by_surface = {m.surface: m for m in analysis.mentions}
    assert by_surface["Макс"].cluster == by_surface["Ілон Маск"].cluster
