"""``export events``: one JSON object per consolidated contact event (CONTRACT.md shape)."""

from __future__ import annotations

from collections.abc import Iterator
from typing import TYPE_CHECKING, Any

from backchannel.export.jsonl import JsonLines

if TYPE_CHECKING:
    from backchannel.workspace import Workspace


class EventsJsonl(JsonLines):
    def records(self, workspace: Workspace) -> Iterator[dict[str, Any]]:
        from backchannel.store.events import iter_event_records

        with workspace.store.batch(None) as b:
            yield from iter_event_records(b.entities.c)
