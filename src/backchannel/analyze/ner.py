"""Rule-based recogniser for ru/uk/en: knowledge-base gazetteer, then capitalised runs typed by
morphology (pymorphy's Name/Surn/Patr/Geox/Orgn), cues (titles, prepositions, organisation and
place heads), abbreviations and quotes; then one document-level pass that types what stayed
unsure by what the same word was elsewhere in the article."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

from backchannel.analyze import lexicon
from backchannel.analyze.features import Feature
from backchannel.analyze.gazetteer import Entry, Gazetteer
from backchannel.analyze.records import Span, Token
from backchannel.analyze.stems import fold
from backchannel.model import EntityType

_PERSONAL = frozenset({"Name", "Surn", "Patr"})
_PROPER = _PERSONAL | {"Geox", "Orgn"}
_FUNCTION = frozenset({"PREP", "CONJ", "PRCL", "NPRO", "ADVB", "VERB", "INFN", "NUMR"})
_QUOTES_OPEN = frozenset("«\"“„")
_QUOTES_CLOSE = frozenset("»\"”“")
EN_TITLES = frozenset(
    "president prime minister foreign defence defense secretary state general deputy vice chief former "
    "chancellor senator governor mayor king queen prince pope sheikh ambassador envoy special "
    "mr mrs ms dr sir lord lady spokesman spokeswoman leader premier commander".split()
)


@dataclass(frozen=True, slots=True)
class Lexicon:
    """The word lists of one language, keyed by stem."""

    lang: str
    person_cues: frozenset[str]
    org_heads: frozenset[str]
    org_triggers: frozenset[str]
    first_names: frozenset[str]
    """English first names (from the KB's English names), lower case."""
    loc_heads: frozenset[str] = frozenset()


def _kb_span(first: int, last: int, entries: tuple[Entry, ...]) -> Span:
    kind = entries[0].type
    ids = tuple(dict.fromkeys(e.kb_id for e in entries if e.type == kind and e.kb_id))
    country = next((e.country for e in entries if e.country), None)
    return Span(first, last, kind, "kb", ids, entries[0].name, country=country)


def _adjacent(tokens: Sequence[Token], i: int, j: int) -> bool:
    return j < len(tokens) and tokens[j].sent == tokens[i].sent and tokens[j].start - tokens[j - 1].end <= 1


def _single_ok(i: int, tokens: Sequence[Token], feats: Sequence[Feature], lex: Lexicon, entry: Entry) -> bool:
    f = feats[i]
    if not f.cap:
        return False
    tags = f.info.tags
    if tokens[i].first:
        if "common" in tags and not tags & _PROPER and fold(tokens[i].text) != fold(entry.name):
            return False
        if lex.lang == "en" and f.stem in lexicon.EN_COMMON:
            return False
    nxt = i + 1
    if entry.type != "PER" and tags & {"Name", "Surn"} and _adjacent(tokens, i, nxt) and feats[nxt].cap and not feats[nxt].upper:
        return False  # "Доминик Рааб" is not the country Dominica
    return True


def gazetteer_spans(tokens: Sequence[Token], feats: Sequence[Feature], gaz: Gazetteer, lex: Lexicon) -> list[Span]:
    spans: list[Span] = []
    n = len(tokens)
    i = 0
    while i < n:
        f = feats[i]
        matched = 0
        if f.upper:
            entries = gaz.lookup(("=" + f.abbr,))
            if entries:
                spans.append(_kb_span(i, i + 1, entries))
                matched = 1
        lengths = gaz.first.get(f.stem) if f.cap and not matched else None
        for length in lengths or ():
            j = i + length
            if j > n or tokens[j - 1].sent != tokens[i].sent or not feats[j - 1].word:
                continue
            key = tuple(feats[k].stem for k in range(i, j))
            entries = gaz.lookup(key)
            if not entries or (length == 1 and not _single_ok(i, tokens, feats, lex, entries[0])):
                continue
            if not gaz.fits(key, [tokens[k].text.rstrip(".") for k in range(i, j)]):
                continue
            if length > 1 and not feats[j - 1].cap and entries[0].type == "PER":
                continue
            spans.append(_kb_span(i, j, entries))
            matched = length
            break
        i += matched or 1
    return spans


def extend_persons(spans: list[Span], tokens: Sequence[Token], feats: Sequence[Feature]) -> list[Span]:
    """Grow a KB person span leftwards over an initial or a first name the KB entry lacks
    ("Т.Мэй", "Тереза Мэй" when the KB has only "Мэй"), a place over a capitalised adjective
    ("Північної Ірландії")."""
    starts = {s.last for s in spans}
    out: list[Span] = []
    for s in spans:
        first = s.first
        while (s.type == "LOC" and first > 0 and first - 1 not in starts and tokens[first - 1].sent == tokens[first].sent
               and feats[first - 1].cap and "ADJF" in feats[first - 1].info.tags
               and not feats[first - 1].info.tags & _PROPER):
            first -= 1
        while (s.type == "PER" and first > 0 and first - 1 not in starts and tokens[first - 1].sent == tokens[first].sent
               and tokens[first].start - tokens[first - 1].end <= 1
               and (feats[first - 1].initial or (feats[first - 1].cap and "Name" in feats[first - 1].info.tags))):
            first -= 1
        out.append(s if first == s.first else Span(first, s.last, s.type, s.source, s.kb_ids, None, s.role, s.country))
    return out


def _name_like(f: Feature) -> bool:
    return f.word and (f.cap or f.initial)


def _breaks(a: Feature, b: Feature) -> bool:
    """Whether two neighbouring capitalised words belong to different names."""
    if a.latin != b.latin or (a.upper and not b.upper) or (b.upper and not a.upper):
        return True
    if "Name" in b.info.tags and a.info.tags & {"Geox", "Orgn"} and not a.info.tags & _PERSONAL:
        return True
    if ("Name" in b.info.tags and not a.info.tags & {"Name", "Patr"} and a.info.cases and b.info.cases
            and not a.info.cases & b.info.cases):
        return True  # the words of one name agree in case: "Лондоні | Алєксандром Яковенком"
    return "Geox" in a.info.tags and not a.info.tags & _PERSONAL and bool(b.info.tags & _PERSONAL)


def runs(tokens: Sequence[Token], feats: Sequence[Feature], taken: Sequence[bool]) -> list[tuple[int, int]]:
    """Maximal runs of capitalised words (with initials and name particles inside) in one sentence."""
    out: list[tuple[int, int]] = []
    n = len(tokens)
    i = 0
    while i < n:
        if taken[i] or not _name_like(feats[i]) or feats[i].stem in lexicon.MONTHS_AND_DAYS:
            i += 1
            continue
        j = i + 1
        while j < n and not taken[j] and tokens[j].sent == tokens[i].sent:
            if _name_like(feats[j]) and tokens[j].start - tokens[j - 1].end <= 1 and not _breaks(feats[j - 1], feats[j]):
                j += 1
            elif feats[j].stem in lexicon.PARTICLES:
                k = j
                while k < n and feats[k].stem in lexicon.PARTICLES and k - j < 3:
                    k += 1
                if k < n and _name_like(feats[k]) and not taken[k] and tokens[k].sent == tokens[i].sent:
                    j = k + 1
                else:
                    break
            else:
                break
        out.append((i, j))
        i = j
    return out


def cue_left(i: int, tokens: Sequence[Token], feats: Sequence[Feature], cues: frozenset[str],
             named: dict[int, EntityType]) -> int | None:
    """Index of a person cue before token ``i`` ("президент", "глава МИД России", "President"),
    over at most four lower-case or named (LOC/ORG) words; None when there is none."""
    j = i - 1
    while j >= 0 and i - j <= 5 and tokens[j].sent == tokens[i].sent:
        f = feats[j]
        if not f.word:
            return None
        if f.stem in cues:
            return j
        if named.get(j) in ("LOC", "ORG") or not f.cap:
            j -= 1
            continue
        return None
    return None


def _strip_leading(a: int, b: int, tokens: Sequence[Token], feats: Sequence[Feature], lex: Lexicon,
                   lower_seen: frozenset[str]) -> int:
    """Drop sentence-opening function words and common words, and titles, from a run's front."""
    while a < b:
        f = feats[a]
        tags = f.info.tags
        if tokens[a].first and (
            tags & _FUNCTION
            or ("common" in tags and not tags & _PROPER and b - a > 1)
            or (lex.lang == "en" and (f.stem in lexicon.EN_COMMON or f.stem in lower_seen))
        ):
            a += 1
            continue
        if b - a > 1 and (f.stem in lex.person_cues or (lex.lang == "en" and f.stem in EN_TITLES)):
            a += 1
            continue
        break
    return a


def _phrase_end(a: int, tokens: Sequence[Token], feats: Sequence[Feature], heads: frozenset[str],
                taken: Sequence[bool]) -> int:
    """End of "Верховный суд" / "Балтийское море" / "Министерство иностранных дел" from ``a``
    (a capitalised common word), or ``a`` when no head follows within three lower-case words."""
    j = a
    while j < len(tokens) and j - a < 4 and tokens[j].sent == tokens[a].sent and feats[j].word and not taken[j]:
        if feats[j].stem in heads:
            return j + 1
        if j > a and feats[j].cap:
            break
        j += 1
    return a


def _classify(a: int, b: int, tokens: Sequence[Token], feats: Sequence[Feature], lex: Lexicon,
              named: dict[int, EntityType]) -> tuple[EntityType, str] | None:
    fs = feats[a:b]
    tags: set[str] = set()
    for f in fs:
        tags |= f.info.tags
    last = fs[-1]
    left = feats[a - 1] if a > 0 and tokens[a - 1].sent == tokens[a].sent else None
    if b - a == 1 and (last.stem in lex.person_cues or last.stem in lex.org_heads or last.info.tags & _FUNCTION - {"VERB"}):
        return None
    if b - a == 1 and last.upper:
        word = tokens[a].text
        if word.upper() in lexicon.NOT_ORG_ABBREVIATIONS or len(word) > 8:
            return None
        return ("LOC", "abbr") if word in lexicon.LOC_ABBREVIATIONS else ("ORG", "pattern")
    if last.stem in lex.org_heads and b - a > 1:
        return "ORG", "pattern"
    if any(f.info.tags & _PERSONAL for f in fs) and not (b - a == 1 and "Geox" in tags and "Name" not in tags):
        return "PER", ("unsure" if b - a == 1 and tokens[a].first and "common" in tags else "morph")
    if "Geox" in tags and all(f.info.tags & {"Geox", "ADJF"} for f in fs):
        return "LOC", "morph"
    if "Orgn" in tags:
        return "ORG", "morph"
    if fs[0].latin and fs[0].stem in lex.first_names and b - a > 1:
        return "PER", "morph"
    if lex.lang != "en" and all(f.latin for f in fs):
        return "ORG", "guess"
    if cue_left(a, tokens, feats, lex.person_cues, named) is not None:
        return "PER", "cue"
    if left is not None and not left.cap and left.stem in lexicon.LOC_PREPS.get(lex.lang, frozenset()):
        if b - a == 1 or lex.lang != "en":
            return "LOC", "guess"
    unknown = all(not (f.info.tags - {"known", "common", "NOUN"}) for f in fs)
    if b - a > 1 and (unknown or lex.lang == "en"):
        return "PER", "guess"
    if unknown:
        if "common" in tags:
            return "PER", "weak"
        return ("ORG" if last.latin and lex.lang != "en" else "PER"), "unsure"
    return None


def _quoted_orgs(tokens: Sequence[Token], feats: Sequence[Feature], lex: Lexicon, taken: list[bool]) -> list[Span]:
    out: list[Span] = []
    n = len(tokens)
    for i in range(1, n - 2):
        if tokens[i].text in _QUOTES_OPEN and feats[i - 1].stem in lex.org_triggers and feats[i + 1].cap:
            j = i + 1
            while j < n and j - i < 8 and tokens[j].text not in _QUOTES_CLOSE and tokens[j].sent == tokens[i].sent:
                j += 1
            if j < n and tokens[j].text in _QUOTES_CLOSE and not any(taken[i + 1:j]):
                out.append(Span(i + 1, j, "ORG", "pattern"))
                for k in range(i + 1, j):
                    taken[k] = True
    return out


def recognise(tokens: Sequence[Token], feats: Sequence[Feature], gaz: Gazetteer, lex: Lexicon,
              lower_seen: frozenset[str]) -> list[Span]:
    """Every name span of the article, sorted by position (before the document pass)."""
    spans = extend_persons(gazetteer_spans(tokens, feats, gaz, lex), tokens, feats)
    taken = [False] * len(tokens)
    named: dict[int, EntityType] = {}
    for s in spans:
        for k in range(s.first, s.last):
            taken[k] = True
            named[k] = s.type
    spans += _quoted_orgs(tokens, feats, lex, taken)
    for a, b in runs(tokens, feats, taken):
        a = _strip_leading(a, b, tokens, feats, lex, lower_seen)
        if a >= b:
            continue
        tags = feats[a].info.tags
        if "ADJF" in tags and not tags & _PROPER and b - a == 1:
            end = _phrase_end(a, tokens, feats, lex.org_heads, taken)
            kind: EntityType = "ORG"
            if end == a:
                end, kind = _phrase_end(a, tokens, feats, lex.loc_heads, taken), "LOC"
            if end > a and not tokens[a].first:
                spans.append(Span(a, end, kind, "pattern"))
            continue
        if feats[a].stem in lex.org_heads and not tokens[a].first and b - a == 1:
            spans.append(Span(a, _phrase_end(a, tokens, feats, lex.org_heads, taken), "ORG", "pattern"))
            continue
        typed = _classify(a, b, tokens, feats, lex, named)
        if typed is not None:
            spans.append(Span(a, b, typed[0], typed[1]))
            for k in range(a, b):
                named[k] = typed[0]
    return sorted(spans, key=lambda s: s.first)
