"""Curation on stored events: a merge renames the merged actor in events and the actor index at once."""

from __future__ import annotations

from sqlalchemy import select

from backchannel.model import ContactEvent
from backchannel.store import Store
from backchannel.store.events import merge_actor, write_events
from backchannel.store.schema import event_actors, events


def event(event_id: str, *participants: str) -> ContactEvent:
    return ContactEvent(id=event_id, kind="call", participants=tuple(sorted(participants)), when_start="2025-03-01",
                        when_end=None, precision="day", status="confirmed", reports=(), outlets=("Courier",),
                        sources=1, first_reported="2025-03-02", last_reported="2025-03-02")


def test_merge_moves_events_to_the_kept_actor(db_target: str) -> None:
    store = Store.open(db_target)
    try:
        with store.batch(None) as b:
            c = b.entities.c
            write_events(c, [event("ev-1", "putin", "erdogan"), event("ev-2", "putin", "tayyip"),
                             event("ev-3", "erdogan", "tayyip"), event("ev-4", "modi", "lula")])
            assert merge_actor(c, "erdogan", "tayyip") == 2
            assert merge_actor(c, "erdogan", "nobody") == 0
            found = {r[0]: list(r[1]) for r in c.execute(select(events.c.id, events.c.participants))}
            index = set(c.execute(select(event_actors.c.entity_id, event_actors.c.other_id, event_actors.c.event_id)))
        assert found == {"ev-1": ["erdogan", "putin"], "ev-2": ["erdogan", "putin"], "ev-3": ["erdogan"],
                         "ev-4": ["lula", "modi"]}
        assert not {r for r in index if "tayyip" in r[:2]}
        assert {("erdogan", "putin", "ev-2"), ("putin", "erdogan", "ev-2"), ("erdogan", "", "ev-2"),
                ("erdogan", "", "ev-3")} <= index
        assert ("erdogan", "erdogan", "ev-3") not in index
    finally:
        store.close()
