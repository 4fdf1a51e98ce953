"""Document-level passes over the recognised spans: settle unsure types by what the same word
is elsewhere in the article, and join an organisation with the country that follows it in the
genitive ("МИД Великобритании", "Верховный суд Пакистана")."""

from __future__ import annotations

from collections.abc import Mapping, Sequence

from backchannel.analyze import lexicon
from backchannel.analyze.features import Feature
from backchannel.analyze.records import Span, Token
from backchannel.model import EntityType

_LOWER_HEADS = frozenset({"правительств", "уряд"})
_LOWER_HEAD_TEXTS = ("правительств", "уряд")
_OWNED_HEADS = tuple("мид мзс суд министерств міністерств правительств уряд посольств парламент мин мін мвд мвс мчс "
                     "генпрокуратур цик цвк парт рух движени служб".split())


def settle(spans: list[Span], tokens: tuple[Token, ...], feats: list[Feature]) -> list[Span]:
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
    edges: tuple[frozenset[int], frozenset[int]] | None = None
    for s in spans:
        if s.source in ("unsure", "weak"):
            kind = sure.get(feats[s.first].stem)
            if kind is None:
                edges = edges if edges is not None else person_edges(spans)
                if not listed_beside(s, edges, tokens):
                    continue
                kind = "PER"
            out.append(Span(s.first, s.last, kind, "doc", s.kb_ids, s.kb_name, s.role, s.country))
        else:
            out.append(s)
    return out


_LIST_GLUE = frozenset({",", "и", "та", "і", "й", "and", "&"})


def person_edges(spans: Sequence[Span]) -> tuple[frozenset[int], frozenset[int]]:
    """The first tokens and the ends of the sure person spans (for :func:`listed_beside`)."""
    sure = [o for o in spans if o.type == "PER" and o.source not in ("unsure", "weak")]
    return frozenset(o.first for o in sure), frozenset(o.last for o in sure)


def listed_beside(s: Span, edges: tuple[frozenset[int], frozenset[int]], tokens: tuple[Token, ...]) -> bool:
    """Whether a one-word span stands in a list right beside a sure person ("Рамафоза, Токаев"),
    given the sure persons' ``person_edges``: one ends a list word before it, or starts one after."""
    if s.last - s.first != 1:
        return False
    starts, ends = edges
    return ((s.first - 1 in ends and tokens[s.first - 1].text in _LIST_GLUE)
            or (s.last + 1 in starts and tokens[s.last].text in _LIST_GLUE))


def _owned(feat: Feature) -> bool:
    return feat.stem.startswith(_OWNED_HEADS)


def _lower_heads(spans: list[Span], tokens: tuple[Token, ...], feats: list[Feature],
                 adjectives: Mapping[str, str]) -> list[Span]:
    """Organisations named by a lower-case government word: before a country in the genitive
    ("правительства Великобритании", "уряду Польщі") or after a country adjective ("британское
    правительство"); the adjective joins the span ("британского правительства")."""
    heads = [k for k, f in enumerate(feats) if f.stem in _LOWER_HEADS and not f.cap]
    if not heads:
        return spans
    starts = {s.first: s for s in spans}
    taken = {k for s in spans for k in range(s.first, s.last)}
    out: list[Span] = []
    for k in heads:
        if k in taken:
            continue
        first = k - 1 if k > 0 and k - 1 not in taken and _adjacent(tokens, k - 1, k) and feats[k - 1].stem in adjectives else k
        place = starts.get(k + 1)
        if (place is not None and place.type == "LOC" and place.source == "kb" and _adjacent(tokens, k, k + 1)
                and (not feats[k + 1].info.cases or "gent" in feats[k + 1].info.cases)):
            out.append(Span(first, place.last, "ORG", "pattern", (), None, None, place.country))
        elif first < k:
            out.append(Span(first, k + 1, "ORG", "pattern", (), None, None, adjectives[feats[first].stem]))
    if not out:
        return spans
    inside = {k for s in out for k in range(s.first, s.last)}
    kept = [s for s in spans if not inside.intersection(range(s.first, s.last))]
    return sorted(kept + out, key=lambda s: s.first)


_GENERIC_NOUNS = ("суд", "компан", "арм", "правительств", "организац", "групп", "кабинет", "власт", "уряд",
                  "організац", "груп", "кабінет", "влад")
"""Stem prefixes of common nouns an institution's name does not consist of with only a country
adjective."""


def _generic_phrase(s: Span, tokens: tuple[Token, ...], feats: list[Feature], adjectives: Mapping[str, str]) -> bool:
    """"Пакистанский суд", "Американська компанія" opening a sentence: a country adjective and a
    common noun, capitalised only by its place, not an institution's name."""
    return (s.type == "ORG" and s.source == "pattern" and tokens[s.first].first and s.last - s.first <= 3
            and feats[s.first].stem in adjectives and s.first + 1 < s.last
            and feats[s.first + 1].stem.startswith(_GENERIC_NOUNS))


def _country_adjective(s: Span, feats: list[Feature], adjectives: Mapping[str, str]) -> bool:
    """A lone country adjective the dictionary also knows as a surname or a place ("Українська"
    of "Українська правда", "Турецький" of "Турецький потік", "Украинский лидер") is no name."""
    return (s.type in ("PER", "LOC") and s.source != "kb" and s.last - s.first == 1
            and feats[s.first].stem in adjectives)


def _national(org: Span, place: Span, feats: list[Feature]) -> bool:
    """An organisation's name of several words that a country in the genitive ends: "Федерації
    профспілок України", "Генеральной прокуратуры Украины" (one word, "ЕС России", is no such name)."""
    f = feats[place.first]
    return (org.last - org.first > 1 and org.source != "kb" and place.country is not None
            and place.last - place.first == 1 and (not f.info.cases or "gent" in f.info.cases))


def _adjacent(tokens: tuple[Token, ...], a: int, b: int) -> bool:
    return tokens[a].sent == tokens[b].sent and tokens[b].start - tokens[a].end <= 1


def join_owned(spans: list[Span], tokens: tuple[Token, ...], feats: list[Feature],
               adjectives: Mapping[str, str] | None = None, text: str | None = None) -> list[Span]:
    """Merge an organisation whose head is a ministry, court or government with the place that
    directly follows it ("МИД России") into one ORG span, which keeps the place's country; with
    ``adjectives`` (stem of a country adjective → ISO code) also a country adjective before it
    ("британского МИДа") and lower-case government words (see ``_lower_heads``; only looked for
    when ``text``, if given, holds one); a sentence-opening "Пакистанский суд" and a lone
    "Українська" are no names."""
    if adjectives:
        spans = [s for s in spans if not (_generic_phrase(s, tokens, feats, adjectives)
                                          or _country_adjective(s, feats, adjectives))]
    if adjectives and (text is None or any(h in text for h in _LOWER_HEAD_TEXTS)):
        spans = _lower_heads(spans, tokens, feats, adjectives)
    out: list[Span] = []
    i = 0
    while i < len(spans):
        s = spans[i]
        nxt = spans[i + 1] if i + 1 < len(spans) else None
        first, country = s.first, s.country
        if (adjectives and s.type == "ORG" and first > 0 and not feats[first - 1].cap
                and feats[first - 1].stem in adjectives and _adjacent(tokens, first - 1, first)
                and any(_owned(feats[k]) for k in range(s.first, s.last))
                and not (out and out[-1].last == first)):
            first -= 1  # "британского МИДа"
            country = country or adjectives[feats[first].stem]
        if (nxt is not None and s.type == "ORG" and nxt.type == "LOC" and nxt.first == s.last
                and _adjacent(tokens, s.last - 1, nxt.first)
                and (any(_owned(feats[k]) for k in range(s.first, s.last)) or _national(s, nxt, feats))):
            country = nxt.country or lexicon.LOC_ABBREVIATIONS.get(tokens[nxt.first].text) or None
            out.append(Span(first, nxt.last, "ORG", s.source, (), None, s.role, country))
            i += 2
            continue
        if first != s.first:
            s = Span(first, s.last, s.type, s.source, s.kb_ids, None, s.role, country)
        out.append(s)
        i += 1
    return out
