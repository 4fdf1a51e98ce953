"""Knowledge-base resolution per mention: the gazetteer's candidates, narrowed by context when a
name (usually a bare surname) fits several actors."""

from __future__ import annotations

from collections.abc import Mapping, Sequence

from backchannel.analyze.records import Draft
from backchannel.kb.model import Actor


def _holds_any(actor: Actor, day: str | None) -> bool:
    """Whether the actor held an office on ``day`` (without a date: holds one now)."""
    if day is None:
        return any(o.end is None for o in actor.offices)
    return any(o.holds_on(day) for o in actor.offices)


def resolve(drafts: Sequence[Draft], actors: Mapping[str, Actor], day: str | None) -> None:
    """Set ``Draft.kb_id`` where one actor fits: the only candidate; else the candidate that
    another mention of the article names unambiguously; else the only candidate in office on
    the article's date (an undated article: in office now)."""
    sure = {d.span.kb_ids[0] for d in drafts if len(d.span.kb_ids) == 1}
    for d in drafts:
        ids = [i for i in d.span.kb_ids if i in actors]
        if not ids:
            continue
        if len(ids) == 1:
            d.kb_id = ids[0]
            continue
        in_doc = [i for i in ids if i in sure]
        if len(in_doc) == 1:
            d.kb_id = in_doc[0]
            continue
        serving = [i for i in ids if _holds_any(actors[i], day)]
        if len(serving) == 1:
            d.kb_id = serving[0]


def office_holder(ever: Sequence[Actor], on_day: Sequence[Actor] | None, named: Mapping[str, Sequence[int]],
                  at: int) -> Actor | None:
    """The actor a role phrase at offset ``at`` ("украинский лидер", "глава МИД Турции") stands for.

    ``ever``: everyone the KB knows in that office; ``on_day``: those in office on the article's
    date (None: the article has no date); ``named``: KB id → offsets of the article's named
    mentions. A dated article takes the only holder on its date, else the one of them the article
    names; an undated one takes the holder the article names nearest before the phrase (else
    first after it), else the only holder the KB knows — never today's holder by default."""
    pool = list(ever) if on_day is None else list(on_day)
    if on_day is not None and len(pool) == 1:
        return pool[0]
    before = [(max(o for o in named[a.id] if o < at), a) for a in pool if any(o < at for o in named.get(a.id, ()))]
    if before:
        return max(before, key=lambda x: x[0])[1]
    after = [(min(named[a.id]), a) for a in pool if named.get(a.id)]
    if after:
        return min(after, key=lambda x: x[0])[1]
    return pool[0] if len(pool) == 1 else None
