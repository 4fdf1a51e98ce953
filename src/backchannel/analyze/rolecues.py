"""Roles in the text: the title standing before a person ("пресс-секретарь Кремля Дмитрий Песков",
"President Xi") goes to that person's mention; a role phrase with no name after it ("глава МИД
Турции", "российский президент") becomes a person mention of the office holder on the article's
date, when the knowledge base knows exactly one."""

from __future__ import annotations

from collections.abc import Callable, Sequence

from backchannel.analyze import lexicon
from backchannel.analyze.features import Feature
from backchannel.analyze.records import RoleCue, Span, Token
from backchannel.analyze.roles import RoleBook
from backchannel.model import EntityType


def _owner(span: Span, tokens: tuple[Token, ...], book: RoleBook) -> str | None:
    if span.country:
        return span.country
    code = lexicon.LOC_ABBREVIATIONS.get(tokens[span.first].text) if span.last - span.first == 1 else None
    if code:
        return code
    for kb_id in span.kb_ids:
        if kb_id in book.org_owner:
            return book.org_owner[kb_id]
    return None


def find_cues(tokens: tuple[Token, ...], feats: list[Feature], lang: str, book: RoleBook,
              spans: Sequence[Span]) -> list[RoleCue]:
    """Role phrases with their owner (from the phrase, an adjective before it or a name after it)."""
    phrases = book.phrases.get(lang, {})
    first = book.first.get(lang, {})
    adjectives = book.adjectives.get(lang, {})
    candidates = [k for k, f in enumerate(feats) if f.stem in first and f.word]
    if not candidates:
        return []
    starting = {s.first: s for s in spans}
    covering = {k: s for s in spans for k in range(s.first, s.last)}
    out: list[RoleCue] = []
    n = len(tokens)
    done = 0
    for i in candidates:
        if i < done:
            continue
        lengths = first[feats[i].stem]
        hit = None
        for length in lengths or ():
            j = i + length
            if j <= n and tokens[j - 1].sent == tokens[i].sent:
                phrase = phrases.get(tuple(f.stem for f in feats[i:j]))
                if phrase is not None:
                    hit = (j, phrase)
                    break
        if hit is None:
            continue
        j, phrase = hit
        a, b, of = i, j, phrase.of
        if of is None and i > 0 and feats[i - 1].stem in adjectives and tokens[i - 1].sent == tokens[i].sent:
            a, of = i - 1, adjectives[feats[i - 1].stem]
        inside = covering.get(b - 1)
        if of is None and inside is not None and inside.last > b and inside.country:
            of, b = inside.country, inside.last  # "глава МИД Турции", the ORG span "МИД Турции"
        nxt = starting.get(b)
        while of is None and nxt is not None and nxt.type in ("LOC", "ORG"):
            of = _owner(nxt, tokens, book)
            b = nxt.last
            nxt = starting.get(b)
        text = " ".join(t.text for t in tokens[a:b])
        out.append(RoleCue(a, b, phrase.role, of, text))
        done = j
    return out


def person_role(span: Span, tokens: tuple[Token, ...], feats: list[Feature], cues: frozenset[str],
                named: dict[int, EntityType], text: str, role_word: Callable[[str], bool]) -> str | None:
    """The title before a person's name, as written ("глава МИД России", "спецпредставитель
    президента США"): from the leftmost cue of a chain of cues, named places or organisations
    and lower-case words that can belong to a title (``role_word``: genitives, adjectives)."""
    sent = tokens[span.first].sent
    lo = max(0, span.first - 8)  # at most eight words back, in the same sentence
    k = span.first - 1
    while k >= lo and tokens[k].sent == sent and feats[k].word and feats[k].stem not in cues:
        k -= 1
    if k < lo or tokens[k].sent != sent or not feats[k].word:
        return None  # no cue before the window or a non-word ends: no title, and no morphology asked
    leftmost: int | None = None
    k = span.first - 1
    while k >= lo and tokens[k].sent == sent:
        f = feats[k]
        if not f.word:
            break
        if f.stem in cues:
            leftmost = k
        elif not (named.get(k) in ("LOC", "ORG") or (not f.cap and role_word(tokens[k].text))):
            break
        k -= 1
    if leftmost is None:
        return None
    return text[tokens[leftmost].start:tokens[span.first - 1].end].strip() or None
