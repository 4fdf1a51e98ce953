from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import pytest
from jsonschema import Draft202012Validator, FormatChecker

from backchannel.export.dataset import ExportData
from backchannel.export.plover import plover_records, schema
from backchannel.workspace import Workspace


@pytest.fixture(scope="module")
def validator() -> Draft202012Validator:
    Draft202012Validator.check_schema(schema())
    return Draft202012Validator(schema(), format_checker=FormatChecker())


def test_sample_records_validate_and_carry_cameo_codes(sample: ExportData, validator: Draft202012Validator) -> None:
    records = {r["id"]: r for r in plover_records(sample)}
    for record in records.values():
        validator.validate(record)
    call, denied, planned, visit = (records[k] for k in ("a1-1", "a2-1", "a2-2", "a3-1"))
    assert (call["event"], call["mode"], call["cameo"], call["quad_code"]) == (["CONSULT"], ["phone"], "041", 1)
    assert call["source"][0]["identifier_id"] == "Q7747" and call["recipient"][0]["actor_text"] == "Токаев"
    assert call["link"] == "ev1" and call["has_event"] is True and call["date"] == "2024-05-17"
    assert denied["has_event"] is False and denied["cameo"] == "041"
    assert (planned["event"], planned["cameo"], planned["date"]) == (["AGREE"], "036", "2024-09-01")
    assert planned["event_loc"] == {"name": "Astana"}
    assert (visit["cameo"], visit["mode"], visit["cite_info"]["language"]) == ("042", ["visit"], "uk")


@pytest.mark.parametrize("bad", [
    {"id": "x", "date": "2024-05", "source": [{"actor_text": "A"}], "event": ["CONSULT"]},
    {"id": "x", "date": "2024-05-17", "source": [], "event": ["CONSULT"]},
    {"id": "x", "date": "2024-05-17", "source": [{"actor_text": "A"}], "event": ["CHAT"]},
    {"id": "x", "date": "2024-05-17", "source": [{"actor_text": "A"}], "event": ["CONSULT"], "mode": ["fax"]},
    {"date": "2024-05-17", "source": [{"actor_text": "A"}], "event": ["CONSULT"]},
])
def test_the_schema_rejects_what_the_spec_forbids(bad: dict[str, Any], validator: Draft202012Validator) -> None:
    assert list(validator.iter_errors(bad))


def test_corpus_records_validate(corpus_ws: Workspace, tmp_path: Path, validator: Draft202012Validator) -> None:
    path = tmp_path / "events.plover.jsonl"
    count = corpus_ws.export_to("plover", path)
    records = [json.loads(line) for line in path.read_text(encoding="utf-8").splitlines()]
    assert count == len(records) > 20
    for record in records:
        validator.validate(record)
    assert {"041", "040"} <= {r["cameo"] for r in records}
