"""``analyze(article, models)``: the order of the per-article steps, written in one place.

tokens → features → names (gazetteer, rules, document pass) → roles → base forms → KB
resolution → coreference → mentions. Pure: reads the article and the models, returns a record.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence

from backchannel.analyze import lexicon
from backchannel.analyze.baseform import base_form, kb_base
from backchannel.analyze.coref import cluster
from backchannel.analyze.docpass import join_owned, settle
from backchannel.analyze.features import Feature, features
from backchannel.analyze.link import office_holder, resolve
from backchannel.analyze.models import Models
from backchannel.analyze.ner import recognise
from backchannel.analyze.records import Draft, Span, Token
from backchannel.analyze.rolecues import find_cues, person_role
from backchannel.analyze.stems import cached_stem, stem
from backchannel.analyze.tokens import tokenize
from backchannel.model import Article, ArticleAnalysis, EntityType, Mention

_UK_LETTERS = frozenset("іїєґІЇЄҐ")
_UNCONFIRMED = frozenset(("unsure", "weak", "guess"))
"""Sources of rule spans that only the capital letters suggest."""


def language_of(article: Article) -> str:
    """The article's language when it is one we read; else a guess from its letters."""
    if article.language in ("ru", "uk", "en"):
        return article.language
    sample = article.text[:2000]
    cyrillic = sum(1 for ch in sample if "\u0400" <= ch <= "\u04ff")
    if cyrillic > len(sample) // 10:
        return "uk" if any(ch in _UK_LETTERS for ch in sample) else "ru"
    return "en"


def _english_role_word(word: str) -> bool:
    return word in lexicon.EN_TITLE_WORDS


def _role_mentions(tokens: tuple[Token, ...], feats: list[Feature], lang: str, spans: list[Span],
                   models: Models, day: str | None, named: Mapping[str, Sequence[int]]) -> list[Draft]:
    """Person mentions for role phrases with no name after them, resolved to the office holder
    on the article's date or the one the article names (:func:`office_holder`)."""
    out: list[Draft] = []
    starts = {s.first for s in spans if s.type == "PER"}
    actors = models.actors
    for cue in find_cues(tokens, feats, lang, models.roles, spans):
        if cue.of is None or cue.last in starts:
            continue
        on_day = models.holders(cue.role, cue.of, day) if day else None
        holder = office_holder(models.offices.get((cue.role, cue.of), ()), on_day, named, tokens[cue.first].start)
        if holder is None:
            continue
        actor = actors[holder.id]
        names = actor.names.get(lang) or actor.names.get("en") or (actor.id,)
        span = Span(cue.first, cue.last, "PER", "role", (actor.id,), names[0], cue.text)
        start, end = tokens[cue.first].start, tokens[cue.last - 1].end
        draft = Draft(span, start, end, cue.text, base=names[0], kb_id=actor.id, role=cue.text)
        out.append(draft)
    return out


def _without_demonyms(spans: list[Span], feats: list[Feature], adjectives: Mapping[str, str]) -> list[Span]:
    """English writes nationality adjectives with a capital: "Chinese state media", "Russian
    officials" are no names (spaCy's groups, which its merge drops; here the countries'
    adjectives of the role book), unless the knowledge base or a pattern named them."""
    return [s for s in spans if not (s.last - s.first == 1 and s.source in _UNCONFIRMED and feats[s.first].stem in adjectives)]


def find_spans(text: str, lang: str, models: Models) -> tuple[tuple[Token, ...], list[Feature], list[Span]]:
    tokens, _ = tokenize(text)
    return _spans(text, tokens, lang, models)


def _spans(text: str, tokens: tuple[Token, ...], lang: str, models: Models) -> tuple[tuple[Token, ...], list[Feature], list[Span]]:
    morph = models.morph.get(lang)
    # stems straight from stems.stem: features are memoised per form, so the stem cache would miss
    feats = features(tokens, lambda w: stem(w, lang), morph.info if morph is not None else None,
                     models.feature_cache.setdefault(lang, {}))
    lower_seen = frozenset(f.stem for f in feats if f.word and not f.cap) if lang == "en" else frozenset()
    spans = recognise(tokens, feats, models.gazetteers[lang], models.lexicons[lang], lower_seen,
                      morph.genitive if morph is not None else None)
    if models.slovnet is not None and lang == "ru":
        from backchannel.analyze.slovnet_ner import merge

        spans = merge(spans, models.slovnet.spans(text, tokens), tokens)
    if models.spacy is not None and lang == "en":
        from backchannel.analyze import spacy_ner

        spans = spacy_ner.merge(spans, models.spacy.spans(text, tokens), tokens)
    elif lang == "en":
        spans = _without_demonyms(spans, feats, models.roles.adjectives.get(lang, {}))
    return tokens, feats, join_owned(settle(spans, tokens, feats), tokens, feats,
                                         models.roles.adjectives.get(lang), text)


def analyze(article: Article, models: Models) -> ArticleAnalysis:
    """Sentences and actor mentions of one article (base forms, clusters, roles, KB ids)."""
    lang = language_of(article)
    text = article.text
    tokens, sentences = tokenize(text)
    tokens, feats, spans = _spans(text, tokens, lang, models)
    morph = models.morph.get(lang)
    seen = {tokens[k].text for s in spans if s.type == "PER" for k in range(s.first, s.last)}
    named: dict[int, EntityType] = {k: s.type for s in spans for k in range(s.first, s.last)}
    cues = models.lexicons[lang].person_cues
    role_word = morph.role_word if morph is not None else _english_role_word
    known = models.name_words.get(lang, ())
    # Base forms of this article's person spans by KB name, surface and words: a base form depends
    # on nothing else within one article, and names repeat ("Путина" five times). (Other types'
    # base forms, and KB names, are one look-up: cheaper than the key.)
    bases: dict[tuple[str | None, str, tuple[str, ...]], str] = {}
    drafts: list[Draft] = []
    for s in spans:
        start, end = tokens[s.first].start, tokens[s.last - 1].end
        surface = text[start:end]
        key = ((s.kb_name, surface, tuple(t.text for t in tokens[s.first:s.last]))
               if s.type == "PER" and kb_base(s) is None else None)
        base = bases.get(key) if key is not None else None
        if base is None:
            base = base_form(s, tokens, feats, lang, morph, seen, text, known)
            if key is not None:
                bases[key] = base
        d = Draft(s, start, end, surface, base=base)
        if s.type == "PER" and not (s.last < len(tokens) and named.get(s.last) == "PER"):
            d.role = person_role(s, tokens, feats, cues, named, text, role_word)
        drafts.append(d)
    resolve(drafts, models.actors, article.published)
    persons: dict[str, list[int]] = {}
    for d in drafts:
        if d.kb_id is not None and d.span.type == "PER":
            persons.setdefault(d.kb_id, []).append(d.start)
    drafts += _role_mentions(tokens, feats, lang, spans, models, article.published, persons)
    drafts.sort(key=lambda d: (d.start, d.end))
    keys = models.person_keys[lang]
    memo = models.stem_cache.setdefault(lang, {})
    cluster(drafts, lambda w: cached_stem(memo, w, lang), lambda name: (cached_stem(memo, name, lang),) in keys)
    mentions = tuple(
        Mention(d.start, d.end, d.surface, d.base, d.span.type, d.cluster, d.role, d.kb_id) for d in drafts
    )
    return ArticleAnalysis(article.id, lang, sentences, mentions)
