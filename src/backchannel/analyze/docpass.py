"""Document-level passes over the recognised spans: settle unsure types by what the same word
is elsewhere in the article, and join an organisation with the country that follows it in the
genitive ("МИД Великобритании", "Верховный суд Пакистана")."""

from __future__ import annotations

from collections.abc import Sequence

from backchannel.analyze import lexicon
from backchannel.analyze.features import Feature
from backchannel.analyze.records import Span, Token
from backchannel.model import EntityType

_OWNED_HEADS = frozenset("мид мзс суд министерств правительств уряд посольств парламент минздрав минобороны".split())


def settle(spans: list[Span], tokens: Sequence[Token], feats: Sequence[Feature]) -> list[Span]:
    """A word typed with confidence somewhere types its unsure occurrences; an unsure word
    confirmed nowhere else is dropped, unless it stands in a list beside a person
    ("Рамафоза, Токаев и Моди")."""
    sure: dict[str, EntityType] = {}
    for s in spans:
        if s.source in ("unsure", "weak"):
            continue
        for k in range(s.first, s.last):
            sure.setdefault(feats[k].stem, s.type)
    out: list[Span] = []
    for s in spans:
        if s.source in ("unsure", "weak"):
            kind = sure.get(feats[s.first].stem)
            if kind is None:
                if not _listed_with_person(s, spans, tokens):
                    continue
                kind = "PER"
            out.append(Span(s.first, s.last, kind, "doc", s.kb_ids, s.kb_name, s.role, s.country))
        else:
            out.append(s)
    return out


_LIST_GLUE = frozenset({",", "и", "та", "і", "й", "and", "&"})


def _listed_with_person(s: Span, spans: Sequence[Span], tokens: Sequence[Token]) -> bool:
    if s.last - s.first != 1:
        return False
    for other in spans:
        if other.type != "PER" or other.source in ("unsure", "weak") or other is s:
            continue
        if other.last + 1 == s.first and tokens[other.last].text in _LIST_GLUE:
            return True
        if s.last + 1 == other.first and tokens[s.last].text in _LIST_GLUE:
            return True
    return False


def join_owned(spans: list[Span], tokens: Sequence[Token], feats: Sequence[Feature]) -> list[Span]:
    """Merge an organisation whose head is a ministry, court or government with the place that
    directly follows it ("МИД России") into one ORG span, which keeps the place's country."""
    out: list[Span] = []
    i = 0
    while i < len(spans):
        s = spans[i]
        nxt = spans[i + 1] if i + 1 < len(spans) else None
        if (nxt is not None and s.type == "ORG" and nxt.type == "LOC" and nxt.first == s.last
                and tokens[nxt.first].sent == tokens[s.first].sent
                and tokens[nxt.first].start - tokens[s.last - 1].end <= 1
                and any(feats[k].stem.startswith(h) for k in range(s.first, s.last) for h in _OWNED_HEADS)):
            country = nxt.country or lexicon.LOC_ABBREVIATIONS.get(tokens[nxt.first].text) or None
            out.append(Span(s.first, nxt.last, "ORG", s.source, (), None, s.role, country))
            i += 2
            continue
        out.append(s)
        i += 1
    return out
