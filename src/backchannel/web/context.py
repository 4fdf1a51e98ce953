"""What every request handler of one app shares: the store, the CSRF token, the knowledge base."""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass, field

from backchannel.store import Store
from backchannel.web.records import RoleView

KbActorOffices = Callable[[], dict[str, Sequence[RoleView]]]


@dataclass(slots=True)
class Context:
    store: Store
    csrf: str
    load_offices: KbActorOffices | None = None
    _offices: dict[str, Sequence[RoleView]] | None = field(default=None, repr=False)

    def offices_of(self, kb_id: str) -> Sequence[RoleView]:
        """The knowledge base's offices (with dates) of an actor; the KB is read on first use."""
        if self.load_offices is None:
            return ()
        if self._offices is None:
            self._offices = self.load_offices()
        return self._offices.get(kb_id, ())


def kb_offices(index_of: Callable[[], object]) -> KbActorOffices:
    """Offices of every KB actor as role records (``index_of`` returns a loaded ``KbIndex``)."""

    def load() -> dict[str, Sequence[RoleView]]:
        from backchannel.kb.index import KbIndex

        index = index_of()
        assert isinstance(index, KbIndex)
        out: dict[str, Sequence[RoleView]] = {}
        for actor_id, actor in index.actors.items():
            if actor.offices:
                out[actor_id] = tuple(
                    RoleView(o.title.get("en") or o.role.replace("_", " ") + (f" ({o.of})" if o.of else ""),
                             o.start, o.end, "kb")
                    for o in actor.offices)
        return out

    return load
