"""The CLI end to end, in-process through backchannel.cli.run (the same code path as the script)."""

from __future__ import annotations

import json
from pathlib import Path

import click
import pytest

from backchannel.cli import cli, run

ARTICLE_MD = """---
title: "Эрдоган и Путин обсудили зерновую сделку"
publication: '[[Северный вестник]]'
published: '2025-03-04T10:00:00+00:00'
language: en
url: "https://vestnik.example/erdogan-putin"
keywords:
- '[[Путин]]'
---

Президент Турции Реджеп Тайип Эрдоган провёл телефонный разговор с Владимиром Путиным. Стороны обсудили
зерновую сделку и ситуацию на Украине, сообщили в администрации турецкого президента.
"""

ARTICLE_TXT = """Зеленський зустрівся з генеральним секретарем НАТО

Президент України Володимир Зеленський у вівторок зустрівся з генеральним секретарем НАТО у Брюсселі.
Сторони обговорили постачання систем протиповітряної оборони та підготовку до саміту альянсу.
"""


def commands(group: click.Group, prefix: str = "") -> list[tuple[str, click.Command]]:
    found: list[tuple[str, click.Command]] = []
    for name, command in group.commands.items():
        found.append((f"{prefix}{name}", command))
        if isinstance(command, click.Group):
            found += commands(command, f"{prefix}{name} ")
    return found


@pytest.mark.parametrize("name,command", commands(cli), ids=lambda v: v if isinstance(v, str) else "")
def test_every_command_has_help_with_an_example(name: str, command: click.Command, capsys: pytest.CaptureFixture[str]) -> None:
    assert run([*name.split(), "--help"]) == 0
    assert "Example:" in capsys.readouterr().out


@pytest.fixture
def inputs(tmp_path: Path) -> Path:
    folder = tmp_path / "in"
    (folder / "sub").mkdir(parents=True)
    (folder / "erdogan.md").write_text(ARTICLE_MD, encoding="utf-8")
    (folder / "sub" / "zelensky.txt").write_text(ARTICLE_TXT, encoding="utf-8")
    (folder / "junk.txt").write_bytes(b"\x00\x01\x02binary\x00" * 50)
    return folder


def test_ingest_list_show_export(inputs: Path, db_path: str, capsys: pytest.CaptureFixture[str], tmp_path: Path) -> None:
    assert run(["--db", db_path, "ingest", "-q", str(inputs)]) == 0
    summary = capsys.readouterr().out
    assert "ingested 2 · unchanged 0 · rejected 1" in summary
    assert "junk.txt" in summary
    assert run(["--db", db_path, "ingest", "-q", "--strict", str(inputs)]) == 0
    assert "ingested 0 · unchanged 3 · rejected 0" in capsys.readouterr().out

    out_file = tmp_path / "articles.jsonl"
    assert run(["--db", db_path, "export", "articles", "--format", "jsonl", "-o", str(out_file)]) == 0
    records = [json.loads(line) for line in out_file.read_text(encoding="utf-8").splitlines()]
    by_lang = {r["language"]: r for r in records}
    assert set(by_lang) == {"ru", "uk"}
    ru = by_lang["ru"]
    assert {"id", "source_path", "title", "outlet", "url", "author", "published", "language",
            "language_declared", "warnings", "text"} <= set(ru)
    assert ru["outlet"] == "Северный вестник" and ru["published"] == "2025-03-04"
    assert ru["language_declared"] == "en" and ru["warnings"] == ["declared language 'en' but the text is 'ru'"]
    assert ru["metadata"]["keywords"] == ["Путин"]
    assert ru["source_path"] == str(inputs / "erdogan.md")

    capsys.readouterr()
    assert run(["--db", db_path, "articles"]) == 0
    listing = capsys.readouterr().out
    assert "Северный вестник" in listing and "2025-03-04" in listing

    assert run(["--db", db_path, "show", ru["id"][:8]]) == 0
    shown = capsys.readouterr().out
    assert "Реджеп Тайип Эрдоган" in shown and "declared language" in shown

    assert run(["--db", db_path, "rejected"]) == 0
    assert "junk.txt" in capsys.readouterr().out
    assert run(["--db", db_path, "check"]) == 0


def test_strict_and_missing_input(db_path: str, tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    assert run(["--db", db_path, "ingest", "-q", str(tmp_path / "nope.md")]) == 0
    assert "nope.md" in capsys.readouterr().out
    assert run(["--db", db_path, "ingest", "-q", "--strict", str(tmp_path / "nope.md")]) == 1


def test_untrusted_markup_is_printed_literally(db_path: str, tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    page = tmp_path / "markup.txt"
    page.write_text("Заголовок\n\n[bold red]Не разметка[/bold red] — текст статьи о встрече двух министров "
                    "иностранных дел в Анкаре, где они обсудили обмен пленными.\n", encoding="utf-8")
    assert run(["--db", db_path, "ingest", "-q", str(page)]) == 0
    capsys.readouterr()
    run(["--db", db_path, "articles", "--json"])
    article_id = json.loads(capsys.readouterr().out.splitlines()[0])["id"]
    assert run(["--db", db_path, "show", article_id]) == 0
    assert "[bold red]Не разметка[/bold red]" in capsys.readouterr().out


def test_usage_errors_exit_2(db_path: str) -> None:
    assert run(["--db", db_path, "export", "nothing"]) == 2
    assert run(["--db", db_path, "ingest"]) == 2
    assert run(["--db", db_path, "show", "zzzz"]) == 1


def test_stdin(db_path: str, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]) -> None:
    import io
    import sys

    fake = io.TextIOWrapper(io.BytesIO(ARTICLE_TXT.encode()), encoding="utf-8")
    monkeypatch.setattr(sys, "stdin", fake)
    assert run(["--db", db_path, "ingest", "-q", "-"]) == 0
    assert "ingested 1" in capsys.readouterr().out


def test_eval_ner_and_ingest_pass_the_english_ner_choice(monkeypatch: pytest.MonkeyPatch, db_path: str,
                                                         tmp_path: Path) -> None:
    from backchannel import workspace as workspace_module
    from backchannel.config import Settings
    from backchannel.evaluate import ner
    from backchannel.evaluate.report import NerReport

    seen: list[str] = []

    def fake_eval(settings: Settings, *args: object) -> NerReport:
        seen.append(settings.english_ner)
        raise click.Abort()

    def fake_open(settings: Settings) -> object:
        seen.append(settings.english_ner)
        raise click.Abort()

    monkeypatch.setenv("BACKCHANNEL_CONFIG", str(tmp_path / "none.toml"))
    monkeypatch.delenv("BACKCHANNEL_ENGLISH_NER", raising=False)
    monkeypatch.setattr(ner, "evaluate_ner", fake_eval)
    monkeypatch.setattr(workspace_module.Workspace, "open", staticmethod(fake_open))
    run(["--db", db_path, "eval", "ner", "--english-ner", "spacy"])
    run(["--db", db_path, "eval", "ner"])
    run(["--db", db_path, "ingest", "-q", "--english-ner", "spacy", str(tmp_path)])
    run(["--db", db_path, "reprocess", "--english-ner", "spacy"])
    assert seen == ["spacy", "rules", "spacy", "spacy"]
