"""Actors for the exports: entity rows and names from the store, offices from the knowledge base."""

from __future__ import annotations

from collections.abc import Iterable
from typing import TYPE_CHECKING

from backchannel.export.dataset import ExportActor, Office, Record, party_id, referenced_actors

if TYPE_CHECKING:
    from backchannel.kb.model import Actor
    from backchannel.workspace import Workspace

LANG_ORDER = ("en", "ru", "uk")


def offices_of(actor: Actor | None) -> tuple[Office, ...]:
    if actor is None:
        return ()
    return tuple(
        Office(o.role, o.of, o.title.get("en") or next(iter(o.title.values()), None), o.start, o.end)
        for o in actor.offices
    )


def _sorted_names(names: Iterable[tuple[str, str]], display: str) -> tuple[tuple[str, str], ...]:
    """The display name first, then by language (en, ru, uk, others) keeping each list's order."""
    rank = {lang: i for i, lang in enumerate(LANG_ORDER)}
    ordered = sorted(dict.fromkeys(names), key=lambda ln: (ln[1] != display, rank.get(ln[0], 9), ln[0]))
    return tuple(ordered)


def _fallbacks(records: Iterable[Record]) -> dict[str, ExportActor]:
    """An actor for every party named in the records, from the record alone (type unknown: MISC);
    the entity tables replace these where they know the entity."""
    found: dict[str, ExportActor] = {}
    for r in records:
        parties = [*(r.get("participants") or ()), *(r.get("according_to") or ())]
        if r.get("where"):
            parties.append(r["where"])
        for p in parties:
            if p.get("name"):
                pid = party_id(p)
                found.setdefault(pid, ExportActor(pid, "MISC", str(p["name"])))
    return found


def load_actors(workspace: Workspace, reports: tuple[Record, ...], events: tuple[Record, ...]) -> tuple[ExportActor, ...]:
    """Every actor a report or event references, sorted by name then id."""
    from backchannel.kb.loader import load_kb

    wanted = referenced_actors(reports, events)
    kb = load_kb().by_id()
    actors = _fallbacks([*reports, *events])
    with workspace.store.batch(None) as batch:
        repo = batch.entities
        for entity_id in sorted(i for i in wanted if not i.startswith("name:")):
            row = repo.row(entity_id)
            if row is None:
                continue
            kb_actor = kb.get(row.kb_id or "") or kb.get(row.id)
            names = _sorted_names([*(kb_actor.all_names() if kb_actor else ()), *repo.names(entity_id)], row.name)
            actors[entity_id] = ExportActor(
                id=row.id, type=row.type, name=row.name, names=names,
                qid=row.qid or (kb_actor.qid if kb_actor else None), kb_id=row.kb_id,
                offices=offices_of(kb_actor),
            )
    return tuple(sorted(actors.values(), key=lambda a: (a.name.casefold(), a.id)))
