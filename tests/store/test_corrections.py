"""Report corrections: applied at once, audited, kept through re-analysis, seen by the CLI and exports."""

from __future__ import annotations

import io
import json
from pathlib import Path

import pytest

from backchannel import curation
from backchannel.cli import run
from backchannel.errors import UsageError
from backchannel.workspace import Workspace

TEXT = """Эрдоган и Путин поговорили по телефону

Президент Турции Реджеп Тайип Эрдоган в четверг провёл телефонный разговор с президентом России Владимиром Путиным.
Позднее Дмитрий Песков заявил, что встреча Путина и Эрдогана в Стамбуле не планируется.
"""


@pytest.fixture
def db(tmp_path: Path) -> str:
    (tmp_path / "a.txt").write_text(TEXT, encoding="utf-8")
    path = str(tmp_path / "c.db")
    with Workspace.open(db=path) as ws:
        ws.ingest([str(tmp_path / "a.txt")])
    return path


def contacts(ws: Workspace) -> list[dict]:
    buf = io.StringIO()
    ws.export("contacts", buf)
    return [json.loads(line) for line in buf.getvalue().splitlines()]


def test_reject_and_correct_survive_reanalysis(db: str) -> None:
    with Workspace.open(db=db) as ws:
        found = contacts(ws)
        assert len(found) >= 2
        first, second = found[0]["report_id"], found[1]["report_id"]
        curation.reject_report(ws.store, first, "not a contact")
        curation.correct_report(ws.store, second, polarity="denied", kind="meeting")
        after = {r["report_id"]: r for r in contacts(ws)}
        assert first not in after and (after[second]["polarity"], after[second]["kind"]) == ("denied", "meeting")
        ws.reanalyze()
        again = {r["report_id"]: r for r in contacts(ws)}
        assert first not in again and again[second]["polarity"] == "denied"
        ops = [op for _, op, _ in curation.log(ws.store, 10)]
        assert ops[:2] == ["correct-report", "reject-report"]
        assert [c.action for c in curation.report_corrections(ws.store)] == ["correct", "reject"]


@pytest.mark.parametrize("kwargs,message", [({"kind": "dance"}, "unknown contact kind"),
                                            ({"polarity": "maybe"}, "unknown polarity"), ({}, "needs a new")])
def test_bad_corrections_are_refused(db: str, kwargs: dict, message: str) -> None:
    with Workspace.open(db=db) as ws:
        report_id = contacts(ws)[0]["report_id"]
        with pytest.raises(UsageError, match=message):
            curation.correct_report(ws.store, report_id, **kwargs)
        with pytest.raises(UsageError, match="no report"):
            curation.reject_report(ws.store, "nope-1")


def test_cli_reports_commands(db: str, capsys: pytest.CaptureFixture[str]) -> None:
    with Workspace.open(db=db) as ws:
        report_id = contacts(ws)[0]["report_id"]
    assert run(["--db", db, "reports", "correct", report_id, "--polarity", "hypothetical"]) == 0
    assert run(["--db", db, "reports", "reject", report_id, "--note", "dup"]) == 0
    assert run(["--db", db, "reports", "corrections"]) == 0
    assert run(["--db", db, "reports", "correct", report_id]) == 2
    assert run(["--db", db, "entities", "log"]) == 0
    printed = capsys.readouterr().out
    assert "reject-report" in printed and report_id in printed
