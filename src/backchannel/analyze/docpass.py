"""Document-level passes over the recognised spans: settle unsure types by what the same word
is elsewhere in the article, and join an organisation with the country that follows it in the
genitive ("МИД Великобритании", "Верховный суд Пакистана")."""

from __future__ import annotations

from collections.abc import Sequence

from backchannel.analyze.features import Feature
from backchannel.analyze.records import Span, Token
from backchannel.model import EntityType

_OWNED_HEADS = frozenset("мид мзс суд министерств правительств уряд посольств парламент минздрав минобороны".split())


def settle(spans: list[Span], tokens: Sequence[Token], feats: Sequence[Feature]) -> list[Span]:
    """A word typed with confidence somewhere types its unsure occurrences; an unsure word at the
    start of a sentence, or a capitalised common noun ("weak"), confirmed nowhere else is dropped."""
    sure: dict[str, EntityType] = {}
    for s in spans:
        if s.source in ("unsure", "guess", "weak"):
            continue
        for k in range(s.first, s.last):
            sure.setdefault(feats[k].stem, s.type)
    out: list[Span] = []
    for s in spans:
        if s.source in ("unsure", "weak"):
            kind = sure.get(feats[s.first].stem)
            if kind is None:
                if tokens[s.first].first or s.source == "weak":
                    continue
                kind = s.type
            out.append(Span(s.first, s.last, kind, "doc", s.kb_ids, s.kb_name, s.role, s.country))
        else:
            out.append(s)
    return out


def join_owned(spans: list[Span], tokens: Sequence[Token], feats: Sequence[Feature]) -> list[Span]:
    """Merge an organisation whose head is a ministry, court or government with the place that
    directly follows it ("МИД России") into one ORG span."""
    out: list[Span] = []
    i = 0
    while i < len(spans):
        s = spans[i]
        nxt = spans[i + 1] if i + 1 < len(spans) else None
        if (nxt is not None and s.type == "ORG" and nxt.type == "LOC" and nxt.first == s.last
                and tokens[nxt.first].sent == tokens[s.first].sent
                and tokens[nxt.first].start - tokens[s.last - 1].end <= 1
                and any(feats[k].stem.startswith(h) for k in range(s.first, s.last) for h in _OWNED_HEADS)):
            out.append(Span(s.first, nxt.last, "ORG", s.source, (), None, s.role, None))
            i += 2
            continue
        out.append(s)
        i += 1
    return out
