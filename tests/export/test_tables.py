from __future__ import annotations

import csv
from pathlib import Path

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from backchannel.export.dataset import ExportActor, ExportData
from backchannel.export.tables import ACTOR_COLUMNS, EVENT_COLUMNS, REPORT_COLUMNS, CsvExporter


def read(path: Path) -> list[dict[str, str]]:
    with path.open(encoding="utf-8", newline="") as handle:
        return list(csv.DictReader(handle))


def test_tables(sample: ExportData, tmp_path: Path) -> None:
    count = CsvExporter().export(sample, tmp_path)
    actors, events, reports = (read(tmp_path / f"{n}.csv") for n in ("actors", "events", "reports"))
    assert count == len(actors) + len(events) + len(reports) == 6 + 3 + 4
    assert list(actors[0]) == list(ACTOR_COLUMNS) and list(events[0]) == list(EVENT_COLUMNS)
    assert list(reports[0]) == list(REPORT_COLUMNS)
    putin = next(a for a in actors if a["id"] == "vladimir-putin")
    assert (putin["qid"], putin["names_ru"], putin["reports"], putin["events"]) == ("Q7747", "Владимир Путин; Путин", "3", "2")
    assert putin["offices"] == "President of Russia (2012-05-07–)"
    assert events[0]["cameo"] == "041" and events[0]["reports"] == "a1-1; a2-1"
    assert reports[1]["polarity"] == "denied" and reports[1]["according_to"] == "Dmitry Peskov"


@settings(max_examples=80, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(st.text(max_size=60))
def test_any_unicode_name_survives_csv(tmp_path: Path, name: str) -> None:
    CsvExporter().export(ExportData(actors=(ExportActor("x", "PER", name),)), tmp_path)
    (row,) = read(tmp_path / "actors.csv")
    assert row["name"] == name
