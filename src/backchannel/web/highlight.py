"""Cut an article's text into segments at every mention and evidence boundary (pure).

The template writes each segment through Jinja2's autoescaping, so the text is never inserted
as raw HTML; a segment only carries which mention and which reports cover it.
"""

from __future__ import annotations

from collections.abc import Sequence

from backchannel.web.records import Segment


def segments(text: str, mentions: Sequence[tuple[int, int, str | None, str]],
             evidence: Sequence[tuple[int, int, str]]) -> tuple[Segment, ...]:
    """``mentions``: (start, end, entity id, type); ``evidence``: (start, end, report id).
    Spans outside the text are clipped; overlapping mentions keep the first (longest) one."""
    size = len(text)
    clip = [(max(0, s), min(size, e), ent, typ) for s, e, ent, typ in mentions if s < e]
    cuts = {0, size}
    kept: list[tuple[int, int, str | None, str]] = []
    for s, e, ent, typ in sorted(clip, key=lambda m: (m[0], -(m[1] - m[0]))):
        if s < e and (not kept or s >= kept[-1][1]):
            kept.append((s, e, ent, typ))
            cuts.update((s, e))
    spans = [(max(0, s), min(size, e), rid) for s, e, rid in evidence if s < e]
    for s, e, _ in spans:
        cuts.update((s, e))
    bounds = sorted(c for c in cuts if 0 <= c <= size)
    out: list[Segment] = []
    m = 0
    for start, end in zip(bounds, bounds[1:], strict=False):
        if start == end:
            continue
        while m < len(kept) and kept[m][1] <= start:
            m += 1
        mention = kept[m] if m < len(kept) and kept[m][0] <= start < kept[m][1] else None
        covering = tuple(rid for s, e, rid in spans if s <= start < e)
        out.append(Segment(start, end, text[start:end], mention[2] if mention else None,
                           mention[3] if mention else None, covering))
    return tuple(out)
