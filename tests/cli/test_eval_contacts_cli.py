"""``eval contacts``: the GOLD form and the --dataset form, and their usage errors."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from backchannel.cli import run


def test_gold_and_dataset_are_exclusive(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    gold = tmp_path / "g.jsonl"
    gold.write_text("")
    assert run(["--db", str(tmp_path / "x.db"), "eval", "contacts", str(gold), "--dataset", "seeds"]) == 2
    assert run(["--db", str(tmp_path / "x.db"), "eval", "contacts"]) == 2
    assert run(["--db", str(tmp_path / "x.db"), "eval", "contacts", str(gold)]) == 2
    assert "either GOLD" in capsys.readouterr().err


def test_a_dataset_absent_from_the_data_folder_is_bad_input(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    assert run(["eval", "contacts", "--dataset", "rams", "--data", str(tmp_path)]) == 1
    assert "no documents of rams" in capsys.readouterr().err


def test_a_dataset_scored_from_our_own_files(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    (tmp_path / "rams").mkdir()
    record = {"doc_key": "d1", "sentences": [["Emmanuel", "Macron", "met", "Olaf", "Scholz", "in", "Berlin", "."]],
              "evt_triggers": [[2, 2, [["contact.discussion.meet", 1.0]]]],
              "ent_spans": [[0, 1, [["evt1arg01participant", 1.0]]], [3, 4, [["evt1arg02participant", 1.0]]]]}
    (tmp_path / "rams" / "dev.jsonlines").write_text(json.dumps(record) + "\n")
    results = tmp_path / "results"
    assert run(["eval", "contacts", "--dataset", "rams", "--split", "dev", "--data", str(tmp_path),
                "--results", str(results), "--json"]) == 0
    score = json.loads(capsys.readouterr().out)
    assert (score["tp"], score["fn"], score["polarity_accuracy"]) == (1, 0, None)
    assert (results / "contacts-rams-dev.json").is_file() and (results / "contacts-rams-dev.md").is_file()


def test_errors_dump_names_the_missed_pair_and_its_sentence(tmp_path: Path) -> None:
    (tmp_path / "rams").mkdir()
    record = {"doc_key": "d2", "sentences": [["Emmanuel", "Macron", "praised", "Olaf", "Scholz", "."]],
              "evt_triggers": [[2, 2, [["contact.discussion.meet", 1.0]]]],
              "ent_spans": [[0, 1, [["evt1arg01participant", 1.0]]], [3, 4, [["evt1arg02participant", 1.0]]]]}
    (tmp_path / "rams" / "dev.jsonlines").write_text(json.dumps(record) + "\n")
    errors = tmp_path / "errors.jsonl"
    assert run(["eval", "contacts", "--dataset", "rams", "--split", "dev", "--data", str(tmp_path), "--json",
                "--errors", str(errors)]) == 0
    lines = [json.loads(x) for x in errors.read_text(encoding="utf-8").splitlines()]
    assert lines[0]["doc"] == "d2" and lines[0]["missed"] == ["Emmanuel Macron", "Olaf Scholz"]
    assert lines[0]["sentences"] == ["Emmanuel Macron praised Olaf Scholz."]
