from __future__ import annotations

import json
from pathlib import Path

import pytest

from backchannel.cli import run


@pytest.mark.parametrize("fmt,target", [("obsidian", "vault"), ("gexf", "c.gexf"), ("graphml", "c.graphml"),
                                        ("ftm", "e.json"), ("plover", "p.jsonl"), ("csv", "tables")])
def test_every_target_export_writes(corpus_db: str, tmp_path: Path, fmt: str, target: str,
                                    capsys: pytest.CaptureFixture[str]) -> None:
    assert run(["--db", corpus_db, "export", fmt, str(tmp_path / target)]) == 0
    assert (tmp_path / target).exists()
    assert f"to {tmp_path / target}" in capsys.readouterr().err


def test_filters_narrow_an_export(corpus_db: str, tmp_path: Path) -> None:
    everything, putin = tmp_path / "all.jsonl", tmp_path / "putin.jsonl"
    assert run(["--db", corpus_db, "export", "plover", str(everything)]) == 0
    assert run(["--db", corpus_db, "export", "plover", str(putin), "--actor", "Путин", "--since", "2024",
                "--kind", "call", "--kind", "meeting", "--status", "asserted"]) == 0
    rows = [json.loads(line) for line in putin.read_text(encoding="utf-8").splitlines()]
    assert 0 < len(rows) < len(everything.read_text(encoding="utf-8").splitlines())
    assert all(r["polarity"] == "asserted" and r["date"] >= "2024" for r in rows)


def test_existing_jsonl_exports_take_the_filters(corpus_db: str, tmp_path: Path) -> None:
    out = tmp_path / "c.jsonl"
    assert run(["--db", corpus_db, "export", "contacts", "--format", "jsonl", "-o", str(out), "--kind", "visit"]) == 0
    rows = [json.loads(line) for line in out.read_text(encoding="utf-8").splitlines()]
    assert rows and {r["kind"] for r in rows} == {"visit"}


def test_bad_filter_and_bad_target_are_usage_or_input_errors(corpus_db: str, tmp_path: Path,
                                                               capsys: pytest.CaptureFixture[str]) -> None:
    assert run(["--db", corpus_db, "export", "gexf", str(tmp_path / "g.gexf"), "--since", "last week"]) == 2
    assert "--since" in capsys.readouterr().err
    assert run(["--db", corpus_db, "export", "gexf", str(tmp_path / "missing" / "g.gexf")]) == 1
    assert "no such folder" in capsys.readouterr().err
    (tmp_path / "file").write_text("x")
    assert run(["--db", corpus_db, "export", "obsidian", str(tmp_path / "file")]) in (1, 2)


@pytest.mark.parametrize("flag,value", [("--kind", "lunch"), ("--status", "maybe"), ("--until", "2024/05")])
def test_unknown_filter_values_are_usage_errors(corpus_db: str, tmp_path: Path, flag: str, value: str,
                                                capsys: pytest.CaptureFixture[str]) -> None:
    assert run(["--db", corpus_db, "export", "csv", str(tmp_path / "t"), flag, value]) == 2
    assert flag in capsys.readouterr().err
