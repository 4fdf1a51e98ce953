"""Roles in the text: the title standing before a person ("пресс-секретарь Кремля Дмитрий Песков",
"President Xi") goes to that person's mention; a role phrase with no name after it ("глава МИД
Турции", "российский президент") becomes a person mention of the office holder on the article's
date, when the knowledge base knows exactly one."""

from __future__ import annotations

from collections.abc import Sequence

from backchannel.analyze import lexicon
from backchannel.analyze.features import Feature
from backchannel.analyze.ner import cue_left
from backchannel.analyze.records import RoleCue, Span, Token
from backchannel.analyze.roles import RoleBook
from backchannel.model import EntityType


def _owner(span: Span, tokens: Sequence[Token], book: RoleBook) -> str | None:
    if span.country:
        return span.country
    code = lexicon.LOC_ABBREVIATIONS.get(tokens[span.first].text) if span.last - span.first == 1 else None
    if code:
        return code
    for kb_id in span.kb_ids:
        if kb_id in book.org_owner:
            return book.org_owner[kb_id]
    return None


def find_cues(tokens: Sequence[Token], feats: Sequence[Feature], lang: str, book: RoleBook,
              spans: Sequence[Span]) -> list[RoleCue]:
    """Role phrases with their owner (from the phrase, an adjective before it or a name after it)."""
    phrases = book.phrases.get(lang, {})
    first = book.first.get(lang, {})
    adjectives = book.adjectives.get(lang, {})
    starting = {s.first: s for s in spans}
    out: list[RoleCue] = []
    n = len(tokens)
    i = 0
    while i < n:
        lengths = first.get(feats[i].stem) if feats[i].word else None
        hit = None
        for length in lengths or ():
            j = i + length
            if j <= n and tokens[j - 1].sent == tokens[i].sent:
                phrase = phrases.get(tuple(f.stem for f in feats[i:j]))
                if phrase is not None:
                    hit = (j, phrase)
                    break
        if hit is None:
            i += 1
            continue
        j, phrase = hit
        a, b, of = i, j, phrase.of
        if of is None and i > 0 and feats[i - 1].stem in adjectives and tokens[i - 1].sent == tokens[i].sent:
            a, of = i - 1, adjectives[feats[i - 1].stem]
        nxt = starting.get(b)
        while of is None and nxt is not None and nxt.type in ("LOC", "ORG"):
            of = _owner(nxt, tokens, book)
            b = nxt.last
            nxt = starting.get(b)
        text = " ".join(t.text for t in tokens[a:b])
        out.append(RoleCue(a, b, phrase.role, of, text))
        i = j
    return out


def person_role(span: Span, tokens: Sequence[Token], feats: Sequence[Feature], cues: frozenset[str],
                named: dict[int, EntityType], text: str) -> str | None:
    """The title before a person's name, as written ("глава МИД России", "President")."""
    k = cue_left(span.first, tokens, feats, cues, named)
    if k is None:
        return None
    return text[tokens[k].start:tokens[span.first - 1].end].strip() or None
