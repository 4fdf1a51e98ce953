from __future__ import annotations

import os
from dataclasses import replace
from pathlib import Path

import obsidiantools.api as otools
import pytest

from backchannel.export.dataset import ExportActor, ExportData, Filters
from backchannel.export.obsidian import MARK, ObsidianExporter, read_mark
from backchannel.workspace import Workspace


def parse(vault: Path) -> otools.Vault:
    return otools.Vault(vault).connect().gather()


def notes(vault: Path) -> dict[str, Path]:
    return {p.stem: p for p in vault.rglob("*.md")}


def test_vault_parses_and_every_link_resolves(sample: ExportData, tmp_path: Path) -> None:
    count = ObsidianExporter().export(sample, tmp_path)
    assert count == len(sample.actors) + len(sample.events) + len(sample.stories) + len(sample.articles)
    vault = parse(tmp_path)
    assert vault.nonexistent_notes == []
    assert len(vault.md_file_index) == count
    front = vault.get_front_matter("Vladimir Putin")
    assert front[MARK] == "actor:vladimir-putin" and "Путин" in front["aliases"]
    assert "[[Kassym-Jomart Tokayev]]" in front["contacts"] and "backchannel/actor" in front["tags"]


def test_event_note_lists_claims_and_denials_with_sources(sample: ExportData, tmp_path: Path) -> None:
    ObsidianExporter().export(sample, tmp_path)
    event = next(p for p in (tmp_path / "Events").iterdir() if " call " in p.name).read_text(encoding="utf-8")
    claims, denials = event.split("## Claims")[1].split("## Denials")
    assert "[[Путин и Токаев поговорили]]" in claims and "> Путин и Токаев поговорили по телефону." in claims
    assert "[[Песков опроверг]]" in denials and "according to [[Dmitry Peskov]]" in denials
    assert "status: contested" in event and "cameo: '041'" in event and "'[[Звонок Путина Токаеву]]'" in event


def test_actor_note_has_a_contacts_table_and_a_timeline(sample: ExportData, tmp_path: Path) -> None:
    ObsidianExporter().export(sample, tmp_path)
    note = (tmp_path / "Actors" / "Kassym-Jomart Tokayev.md").read_text(encoding="utf-8")
    table = note.split("## Contacts")[1].split("## Timeline")[0]
    assert "| [[Vladimir Putin]] | 1 | call | 2024-05-17 | 2024-05-17 | contested |" in table
    assert "| [[Recep Tayyip Erdoğan]] | 1 | visit | 2024-08-01 | 2024-08-01 | reported |" in table
    timeline = note.split("## Timeline")[1].strip().splitlines()
    assert [line[:12] for line in timeline] == ["- 2024-05-17", "- 2024-08-01"]


def test_article_text_cannot_create_links(sample: ExportData, tmp_path: Path) -> None:
    ObsidianExporter().export(sample, tmp_path)
    text = (tmp_path / "Articles" / "Путин и Токаев поговорили.md").read_text(encoding="utf-8")
    assert "[\u200b[не ссылка]\u200b]" in text and "[[не ссылка]]" not in text
    assert (tmp_path / "Articles" / "wire 3.md").exists()  # untitled: named after its source


def test_reexport_updates_ours_and_never_touches_the_users(sample: ExportData, tmp_path: Path) -> None:
    user_same_name = tmp_path / "Vladimir Putin.md"
    user_same_name.write_text("# my own note on Putin\n", encoding="utf-8")
    user_in_our_folder = tmp_path / "Actors" / "Scratch.md"
    user_in_our_folder.parent.mkdir()
    user_in_our_folder.write_text("---\ntags: [mine]\n---\nkeep me\n", encoding="utf-8")
    ObsidianExporter().export(sample, tmp_path)
    ours = [p for p in (tmp_path / "Actors").iterdir() if p.stem.startswith("Vladimir Putin ")]
    assert len(ours) == 1 and read_mark(ours[0]) == "actor:vladimir-putin"

    smaller = sample.filtered(Filters(kinds=("visit",)))
    renamed = replace(smaller, actors=tuple(replace(a, name="Tokayev (renamed)") if a.id == "kassym-jomart-tokayev"
                                              else a for a in smaller.actors))
    ObsidianExporter().export(renamed, tmp_path)
    assert user_same_name.read_text(encoding="utf-8") == "# my own note on Putin\n"
    assert user_in_our_folder.read_text(encoding="utf-8") == "---\ntags: [mine]\n---\nkeep me\n"
    stems = set(notes(tmp_path))
    assert "Kassym-Jomart Tokayev" not in stems and "Tokayev (renamed)" in stems  # renamed: old note removed
    assert not any(s.startswith("Vladimir Putin ") for s in stems)  # no longer exported: removed
    assert parse(tmp_path).nonexistent_notes == []


HOSTILE_NAMES = ["../../escape", "/etc/passwd", "nul\x00byte", "CON", "aux.txt", "x" * 400, "Putin", "PUTIN",
                 "putin", "..", "a/b\\c", "[[link]]|pipe#hash^caret", " ", "Com3"]


@pytest.mark.parametrize("run", [1])
def test_hostile_actor_names_stay_inside_and_do_not_collide(sample: ExportData, tmp_path: Path, run: int) -> None:
    vault = tmp_path / "vault"
    hostile = tuple(ExportActor(f"h{i}", "PER", name) for i, name in enumerate(HOSTILE_NAMES))
    reports = tuple(
        {**sample.reports[0], "report_id": f"h-{i}",
         "participants": [{"entity_id": "vladimir-putin", "name": "Vladimir Putin", "role": "participant"},
                          {"entity_id": a.id, "name": a.name, "role": "participant"}]}
        for i, a in enumerate(hostile))
    data = ExportData(articles=sample.articles[:1], actors=(*sample.actors, *hostile), reports=reports)
    count = ObsidianExporter().export(data, vault)
    files = [p for p in tmp_path.rglob("*") if p.is_file()]
    assert all(p.resolve().is_relative_to(vault.resolve()) for p in files)
    assert len({p.name.casefold() for p in files}) == len(files) == count
    assert all(len(p.name.encode()) < 255 for p in files)
    assert parse(vault).nonexistent_notes == []


def test_corpus_vault(corpus_ws: Workspace, tmp_path: Path) -> None:
    data = corpus_ws.export_data()
    count = corpus_ws.export_to("obsidian", tmp_path)
    vault = parse(tmp_path)
    assert vault.nonexistent_notes == []
    assert len(vault.md_file_index) == count
    assert count >= len(data.actors) + len(data.articles) + max(len(data.events), 1)


def test_unchanged_notes_are_not_rewritten(sample: ExportData, tmp_path: Path) -> None:
    ObsidianExporter().export(sample, tmp_path)
    before = list(tmp_path.rglob("*.md"))
    for p in before:
        os.utime(p, ns=(1, 1))
    ObsidianExporter().export(sample, tmp_path)
    assert {p: p.stat().st_mtime_ns for p in tmp_path.rglob("*.md")} == dict.fromkeys(before, 1)
