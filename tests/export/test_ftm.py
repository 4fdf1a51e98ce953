from __future__ import annotations

import json
from pathlib import Path
from typing import Any

from followthemoney import model

from backchannel.export.dataset import ExportData
from backchannel.export.ftm import ftm_entities
from backchannel.workspace import Workspace


def assert_valid(entities: list[dict[str, Any]]) -> None:
    """Every entity validates with followthemoney: known schema and properties, clean values,
    required properties present, and every entity reference points at an entity of the file."""
    ids = {e["id"] for e in entities}
    assert len(ids) == len(entities)
    for data in entities:
        schema = model.get(data["schema"])
        assert schema is not None and not schema.abstract, data["schema"]
        assert set(data["properties"]) <= set(schema.properties), data
        schema.validate(data)
        proxy = model.get_proxy(data, cleaned=False)
        for name in schema.required:
            assert proxy.get(name), (data["schema"], name)
        for prop in proxy.iterprops():
            if prop.type.name == "entity":
                assert set(proxy.get(prop)) <= ids, (data["id"], prop.name)


def test_sample_entities_validate(sample: ExportData) -> None:
    entities = list(ftm_entities(sample))
    assert_valid(entities)
    by_schema: dict[str, list[dict[str, Any]]] = {}
    for e in entities:
        by_schema.setdefault(e["schema"], []).append(e)
    assert len(by_schema["Person"]) == 4 and len(by_schema["PublicBody"]) == 1
    assert len(by_schema["Article"]) == 3
    (call,) = by_schema["Call"]  # the asserted phone call; the denied one is an Event
    assert call["properties"]["caller"] == ["bc-actor-vladimir-putin"]
    assert call["properties"]["receiver"] == ["bc-actor-kassym-jomart-tokayev"]
    assert call["properties"]["sourceUrl"] == ["https://example.org/a1"] and call["properties"]["date"] == ["2024-05-17"]
    events = {e["id"]: e for e in by_schema["Event"]}
    assert events["bc-event-ev1"]["properties"]["proof"] == ["bc-article-a1", "bc-article-a2"]
    assert "contested" in events["bc-event-ev1"]["properties"]["keywords"]
    putin = next(e for e in by_schema["Person"] if e["id"] == "bc-actor-vladimir-putin")
    assert putin["properties"]["wikidataId"] == ["Q7747"] and "Путин" in putin["properties"]["alias"]


def test_corpus_entities_validate(corpus_ws: Workspace, tmp_path: Path) -> None:
    path = tmp_path / "entities.ftm.json"
    count = corpus_ws.export_to("ftm", path)
    entities = [json.loads(line) for line in path.read_text(encoding="utf-8").splitlines()]
    assert count == len(entities) > 50
    assert_valid(entities)
