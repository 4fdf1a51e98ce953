"""stories / story / export stories over our own small texts, through the real pipeline."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from backchannel.cli import run
from tests.conftest import SHARED_DATA

RU = """---
title: "Премьер-министр Молдовы встретился в Таллине с премьер-министром Эстонии"
published: 2025-03-04
outlet: "Балтийский курьер"
---
Премьер-министр Молдовы во вторник встретился в Таллине с премьер-министром Эстонии.
Стороны обсудили поставки электроэнергии и строительство нового кабеля через Балтийское море.
По словам эстонского премьера, соглашение может быть подписано летом.
"""

EN = """---
title: "Moldovan and Estonian prime ministers meet in Tallinn"
published: 2025-03-04
outlet: "Harbour Wire"
---
Moldova's prime minister met the Estonian prime minister in Tallinn on Tuesday.
They discussed electricity supplies and a new power cable under the Baltic Sea.
The Estonian prime minister said an agreement could be signed in the summer.
"""

UK = """---
title: "Повінь на заході країни знеструмила три села"
published: 2025-03-05
outlet: "Західний вісник"
---
Повінь на заході країни знеструмила три села, рятувальники евакуювали двісті людей.
Рівень води в річці піднявся на два метри за ніч.
Синоптики прогнозують нові дощі до кінця тижня.
"""


@pytest.fixture
def stored(tmp_path: Path, db_path: str) -> str:
    folder = tmp_path / "news"
    folder.mkdir()
    for name, text in (("ru.md", RU), ("en.md", EN), ("uk.md", UK)):
        (folder / name).write_text(text, encoding="utf-8")
    assert run(["--db", db_path, "ingest", "-q", str(folder)]) == 0
    return db_path


def test_stories_group_one_news_across_languages(stored: str, capsys: pytest.CaptureFixture[str]) -> None:
    capsys.readouterr()
    assert run(["--db", stored, "stories", "--json"]) == 0
    rows = [json.loads(line) for line in capsys.readouterr().out.splitlines()]
    assert [r["articles"] for r in rows] == [2, 1]
    assert rows[0]["languages"] == ["en", "ru"]
    assert rows[0]["first_published"] == "2025-03-04"

    assert run(["--db", stored, "story", rows[0]["id"][:6]]) == 0
    shown = capsys.readouterr().out
    assert "Harbour Wire" in shown and "Балтийский курьер" in shown


def test_export_stories_has_the_contract_shape(stored: str, tmp_path: Path) -> None:
    target = tmp_path / "stories.jsonl"
    assert run(["--db", stored, "export", "stories", "--format", "jsonl", "-o", str(target)]) == 0
    records = [json.loads(line) for line in target.read_text(encoding="utf-8").splitlines()]
    assert len(records) == 2
    for r in records:
        assert {"story_id", "title", "articles", "languages", "first_published"} <= set(r)
        assert all({"id", "source_path", "language"} <= set(a) for a in r["articles"])


def test_unknown_story_is_a_one_line_error(stored: str, capsys: pytest.CaptureFixture[str]) -> None:
    assert run(["--db", stored, "story", "nope-nope"]) == 1
    assert "no story" in capsys.readouterr().err


def test_reanalyze_keeps_the_same_grouping(stored: str, capsys: pytest.CaptureFixture[str]) -> None:
    assert run(["--db", stored, "stories", "--json"]) == 0
    before = capsys.readouterr().out
    assert run(["--db", stored, "reanalyze"]) == 0
    capsys.readouterr()
    assert run(["--db", stored, "stories", "--json"]) == 0
    assert capsys.readouterr().out == before


@pytest.mark.slow
def test_seeds_group_exactly(tmp_path: Path, db_path: str, capsys: pytest.CaptureFixture[str]) -> None:
    seeds = SHARED_DATA / "seeds"
    if not seeds.is_dir():
        pytest.skip("../shared/data/seeds is absent")
    gold = json.loads((Path(__file__).parents[2] / "examples" / "gold" / "seeds.stories.json").read_text())["stories"]
    assert run(["--db", db_path, "ingest", "-q", str(seeds)]) == 0
    target = tmp_path / "stories.jsonl"
    assert run(["--db", db_path, "export", "stories", "--format", "jsonl", "-o", str(target)]) == 0
    system = {frozenset(Path(a["source_path"]).name for a in json.loads(line)["articles"])
              for line in target.read_text(encoding="utf-8").splitlines()}
    expected: dict[str, set[str]] = {}
    for name, story in gold.items():
        expected.setdefault(story, set()).add(name)
    assert system == {frozenset(g) for g in expected.values()}
