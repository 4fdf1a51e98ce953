"""Rule-based recogniser for ru/uk/en: knowledge-base gazetteer, then capitalised runs typed by
morphology (pymorphy's Name/Surn/Patr/Geox/Orgn), cues (titles, prepositions, organisation and
place heads), abbreviations and quotes; then one document-level pass that types what stayed
unsure by what the same word was elsewhere in the article."""

from __future__ import annotations

from collections.abc import Callable, Sequence

from backchannel.analyze import lexicon
from backchannel.analyze.features import Feature
from backchannel.analyze.gazetteer import Gazetteer
from backchannel.analyze.gazmatch import extend_persons, gazetteer_spans
from backchannel.analyze.lexicon import Lexicon
from backchannel.analyze.records import Span, Token
from backchannel.model import EntityType

_PERSONAL = frozenset({"Name", "Surn", "Patr"})
_PROPER = _PERSONAL | {"Geox", "Orgn"}
_FUNCTION = frozenset({"PREP", "CONJ", "PRCL", "NPRO", "ADVB", "VERB", "INFN", "NUMR"})
_ROMAN = frozenset("ivx")
_QUOTES_OPEN = frozenset("«\"“„")
_QUOTES_CLOSE = frozenset("»\"”“")


def _name_like(f: Feature) -> bool:
    return f.word and (f.cap or f.initial)


def _breaks(a: Feature, b: Feature) -> bool:
    """Whether two neighbouring capitalised words belong to different names."""
    if b.upper and not a.upper and b.latin and a.latin and set(b.stem) <= _ROMAN:
        return False  # "Myles Caggins III"
    if a.latin != b.latin or (b.upper and not a.upper):
        return True
    if a.upper and not b.upper:
        return bool(b.info.tags & (_PERSONAL | {"Geox"})) or (not b.info.tags and not b.latin)
    if "Name" in b.info.tags and a.info.tags & {"Geox", "Orgn"} and not a.info.tags & _PERSONAL:
        return True
    if ("Name" in b.info.tags and not a.info.tags & {"Name", "Patr"} and a.info.cases and b.info.cases
            and not a.info.cases & b.info.cases):
        return True  # the words of one name agree in case: "Лондоні | Алєксандром Яковенком"
    return "Geox" in a.info.tags and not a.info.tags & _PERSONAL and bool(b.info.tags & _PERSONAL)


def runs(tokens: Sequence[Token], feats: Sequence[Feature], taken: Sequence[bool], en: bool = False) -> list[tuple[int, int]]:
    """Maximal runs of capitalised words (with initials and name particles inside) in one sentence;
    in English also over "of"/"for" ("Ministry of Defence")."""
    out: list[tuple[int, int]] = []
    n = len(tokens)
    done = 0
    for i in [k for k, f in enumerate(feats) if f.word and (f.cap or f.initial)]:
        if i < done or taken[i] or feats[i].stem in lexicon.MONTHS_AND_DAYS:
            continue
        j = i + 1
        while j < n and not taken[j] and tokens[j].sent == tokens[i].sent:
            if _name_like(feats[j]) and tokens[j].start - tokens[j - 1].end <= 1 and not _breaks(feats[j - 1], feats[j]):
                j += 1
            elif (en and feats[j].stem in lexicon.EN_JOINERS and j + 1 < n and _name_like(feats[j + 1]) and not taken[j + 1]
                  and tokens[j + 1].sent == tokens[i].sent):
                j += 2
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
        done = j
    return out


def _strip_leading(a: int, b: int, tokens: Sequence[Token], feats: Sequence[Feature], lex: Lexicon,
                   lower_seen: frozenset[str]) -> int:
    """Drop sentence-opening function words and common words, and titles, from a run's front."""
    while a < b:
        f = feats[a]
        tags = f.info.tags
        if lex.lang == "en" and (f.stem in lexicon.EN_FUNCTION or tokens[a].text.lower().endswith(lexicon.EN_COMPOUND_ADJECTIVES)):
            a += 1  # "the", "Kurdish-led", "Iranian-backed"
            continue
        if tokens[a].first and (
            tags & _FUNCTION
            or ("common" in tags and not tags & _PROPER and b - a > 1)
            or (lex.lang == "en" and (f.stem in lexicon.EN_COMMON or f.stem in lower_seen))
        ):
            a += 1
            continue
        if b - a > 1 and (f.stem in lex.person_cues or (lex.lang == "en" and f.stem in lexicon.EN_TITLE_WORDS)):
            a += 1
            continue
        break
    if lex.lang == "en":
        titles = [k for k in range(a, min(b, a + 5)) if feats[k].stem.rstrip(".") in lexicon.EN_TITLE_WORDS]
        if titles:
            a = titles[-1] + 1  # "French President Emmanuel Macron", "Army Col. Myles Caggins"
    return a


def _cut_joiner(a: int, b: int, feats: Sequence[Feature], lex: Lexicon) -> int:
    """An English run joined over "of"/"for" stays whole only when the word before the joiner is
    an organisation or place head ("Ministry of Defence", "Republic of Dagestan")."""
    person = feats[a].stem in lex.first_names  # "Vicente Sainz de la Peña", "María del Carmen Nadal"
    for k in range(a + 1, b - 1):
        if feats[k].stem in lexicon.EN_JOINERS and not feats[k].cap and not (person and feats[k].stem in lexicon.PARTICLES):
            if feats[k - 1].stem in lex.org_heads or feats[k - 1].stem in lex.loc_heads:
                return b
            return k
    return b


def _phrase_end(a: int, tokens: Sequence[Token], feats: Sequence[Feature], heads: frozenset[str],
                taken: Sequence[bool], genitive: Callable[[str], bool] | None) -> int:
    """End of "Верховный суд" / "Балтийское море" / "Министерство иностранных дел" from ``a``
    (a capitalised common word), or ``a`` when no head follows within three lower-case words;
    lower-case genitive words after the head belong to the name ("Палата общин")."""
    j = a
    while j < len(tokens) and j - a < 4 and tokens[j].sent == tokens[a].sent and feats[j].word and not taken[j]:
        if feats[j].stem in heads:
            end = j + 1
            while (genitive is not None and end < len(tokens) and end - j <= 4 and tokens[end].sent == tokens[a].sent
                   and feats[end].word and not feats[end].cap and not taken[end] and genitive(tokens[end].text)):
                end += 1
            return end
        if j > a and feats[j].cap:
            break
        j += 1
    return a


def english_run(fs: Sequence[Feature], lower_seen: frozenset[str]) -> tuple[EntityType, str] | None:
    """An English run of capitalised words that nothing else typed: a place when it opens with a
    compass word ("South America", "East Belfast") or ends with a place noun ("Bagram Air Base");
    nothing when it ends with an event or facility noun ("Boston Marathon", "World Cup") or a
    word the article also writes in lower case ("Homeland Security"); else a person."""
    first, last = fs[0].stem, fs[-1].stem
    if last in lexicon.EN_PLACE_TAILS:
        return "LOC", "pattern"
    if last in lexicon.EN_NOT_PERSON_TAILS or any(f.stem in lower_seen and f.cap for f in fs):
        return None
    if first in lexicon.EN_PLACE_PREFIXES:
        return "LOC", "pattern"
    return "PER", "guess"


def _classify(a: int, b: int, tokens: Sequence[Token], feats: Sequence[Feature], lex: Lexicon,
              named: dict[int, EntityType], lower_seen: frozenset[str] = frozenset()) -> tuple[EntityType, str] | None:
    fs = feats[a:b]
    if all(f.stem in lexicon.MONTHS_AND_DAYS or f.stem in lexicon.NOT_NAMES for f in fs):
        return None
    tags: set[str] = set()
    for f in fs:
        tags |= f.info.tags
    last = fs[-1]
    left = feats[a - 1] if a > 0 and tokens[a - 1].sent == tokens[a].sent else None
    if b - a == 1 and (last.stem in lex.person_cues or last.stem in lex.org_heads or last.info.tags & _FUNCTION - {"VERB"}):
        return None
    if fs[0].upper and b - a > 1:
        return "ORG", "pattern"
    if (b - a == 1 and "Geox" in tags and left is not None and not left.cap
            and left.stem in lexicon.LOC_PREPS.get(lex.lang, frozenset())):
        return "LOC", "morph"
    if a > 0 and tokens[a - 1].text.lower() in ("им.", "имени", "ім.", "імені"):
        return None  # "институт имени Н. Ф. Гамалеи": part of an organisation's name
    if b - a == 1 and last.upper:
        word = tokens[a].text
        if word.upper() in lexicon.NOT_ORG_ABBREVIATIONS or len(word) > 8:
            return None
        return ("LOC", "abbr") if word in lexicon.LOC_ABBREVIATIONS else ("ORG", "pattern")
    if last.stem in lex.org_heads and b - a > 1:
        return "ORG", "pattern"
    if b - a > 1 and (last.stem in lex.loc_heads or (lex.lang == "en" and any(
            feats[k].stem in lex.loc_heads and k + 1 < b and feats[k + 1].stem in lexicon.EN_JOINERS for k in range(a, b)))):
        return "LOC", "pattern"
    if lex.lang == "en" and any(feats[k].stem in lex.org_heads and k + 1 < b and feats[k + 1].stem in lexicon.EN_JOINERS
                                for k in range(a, b)):
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
        if len(tokens[b - 1].text) == 1 or (b - a == 1 and tokens[a].text.upper() in lexicon.NOT_ORG_ABBREVIATIONS):
            return None
        return "ORG", "guess"
    if a > 0 and feats[a - 1].stem in lex.person_cues and tokens[a - 1].sent == tokens[a].sent:
        return "PER", "cue"
    if left is not None and not left.cap and left.stem in lexicon.LOC_PREPS.get(lex.lang, frozenset()):
        if b - a == 1 or lex.lang != "en":
            return "LOC", "guess"
    unknown = all(not (f.info.tags - {"known", "common", "NOUN"}) for f in fs)
    if lex.lang == "en" and b - a > 1:
        return english_run(fs, lower_seen)
    if b - a > 1 and unknown:
        if lex.lang == "en" or (not tokens[a].first and not tags & {"known"}):
            return "PER", "guess"  # "министр Шахбаз Бхатти": words no dictionary knows, inside a sentence
        return "PER", "weak"
    if unknown:
        if "common" in tags:
            return "PER", "weak"
        return ("ORG" if last.latin and lex.lang != "en" else "PER"), "unsure"
    return None


def _opens(tokens: Sequence[Token], j: int) -> bool:
    t = tokens[j]
    if t.text in ("«", "„"):
        return True
    if t.text not in _QUOTES_OPEN:
        return False
    glued_right = j + 1 < len(tokens) and tokens[j + 1].start == t.end
    glued_left = j > 0 and tokens[j - 1].end == t.start and tokens[j - 1].text not in _QUOTES_OPEN
    return glued_right and not glued_left


def _quote_end(i: int, tokens: Sequence[Token], limit: int = 12) -> int:
    """Index of the quote that closes the one opened at ``i`` (nested «…«…»» counted; a name
    left with one closing quote for two, "«НВО «Східбуд»", ends at its last quote), or -1."""
    depth, last = 1, -1
    j = i + 1
    while j < len(tokens) and j - i <= limit and tokens[j].sent == tokens[i].sent:
        if _opens(tokens, j):
            depth += 1
        elif tokens[j].text in _QUOTES_CLOSE:
            depth -= 1
            last = j
            if depth == 0:
                return j
        j += 1
    return last


def _quoted_orgs(tokens: Sequence[Token], feats: Sequence[Feature], lex: Lexicon, taken: list[bool]) -> list[Span]:
    """"компания «Роснефть»" → ORG «Роснефть»; a legal form keeps its place in the name:
    "ТОВ «Каштан-плюс»", "ПАТ «НАК «Нафтогаз України»»", "ИА «Регнум»"."""
    out: list[Span] = []
    n = len(tokens)
    for i in range(1, n - 2):
        if tokens[i].text not in _QUOTES_OPEN or not feats[i + 1].word or taken[i + 1]:
            continue
        legal = tokens[i - 1].text in lexicon.LEGAL_FORMS
        if not legal and not (feats[i - 1].stem in lex.org_triggers and feats[i + 1].cap):
            continue
        j = _quote_end(i, tokens)
        if j < 0 or j - i < 2 or any(taken[i + 1:j]):
            continue
        first = i - 1 if legal else i + 1
        while legal and first > 0 and tokens[first - 1].text in lexicon.LEGAL_FORMS:
            first -= 1
        last = j + 1 if legal else (j if tokens[j - 1].text not in _QUOTES_CLOSE else j - 1)
        out.append(Span(first, last, "ORG", "pattern"))
        for k in range(first, last):
            taken[k] = True
    return out


def _legal_latin(tokens: Sequence[Token], feats: Sequence[Feature], taken: list[bool]) -> list[Span]:
    """A legal form before an unquoted Latin name: "ИА REGNUM", "ООО Yandex"."""
    out: list[Span] = []
    forms = lexicon.LEGAL_FORMS  # all written with a capital: only capitalised words can be one
    for i in [k for k, f in enumerate(feats[:-1]) if f.cap and tokens[k].text in forms]:
        if not taken[i] and feats[i + 1].latin and feats[i + 1].cap:
            j = i + 1
            while j < len(tokens) and feats[j].latin and feats[j].cap and not taken[j] and j - i < 5:
                j += 1
            out.append(Span(i, j, "ORG", "pattern"))
            for k in range(i, j):
                taken[k] = True
    return out


_ADJ_ENDINGS = tuple(
    f"{base}{end}" for base in ("ськ", "цьк", "зьк", "ск", "цк")
    for end in ("ий", "а", "ого", "ому", "ій", "ої", "ою", "ім", "ая", "ой", "ом", "ую", "ая", "ие", "их", "і")
)


def _adjective(word: str, feat: Feature) -> bool:
    """A capitalised adjective: by the dictionary, or by a place adjective's ending for one it does
    not know ("Козельщанському", "Горохівського")."""
    return "ADJF" in feat.info.tags or (not feat.info.tags & _PERSONAL and word.lower().endswith(_ADJ_ENDINGS))


def _company_suffix(spans: list[Span], tokens: Sequence[Token]) -> list[Span]:
    """A company's legal suffix, with a number before it, belongs to the name: "Nord Stream 2 AG",
    "Uniper SE"; the span becomes an organisation (and no longer the KB entry it matched)."""
    n = len(tokens)
    out: list[Span] = []
    end = -1
    for s in spans:
        if s.first < end:
            continue  # inside a name grown over a suffix: "AG" of "Nord Stream 2 AG"
        j = s.last
        if j + 1 < n and tokens[j].text.isdigit() and len(tokens[j].text) <= 3 and tokens[j + 1].text in lexicon.COMPANY_SUFFIXES:
            j += 1
        if j < n and tokens[j].text in lexicon.COMPANY_SUFFIXES and tokens[j].sent == tokens[s.first].sent and j - s.last <= 1:
            first = s.first
            if (out and out[-1].last == first and tokens[first].start - tokens[first - 1].end <= 1
                    and tokens[out[-1].first].text[:1].isascii() == tokens[first].text[:1].isascii()):
                first = out.pop().first  # "Gazprom" + "Export LLC"
            s = Span(first, j + 1, "ORG", "pattern", (), None, s.role, s.country)
            end = j + 1
        out.append(s)
    return out


def recognise(tokens: Sequence[Token], feats: Sequence[Feature], gaz: Gazetteer, lex: Lexicon,
              lower_seen: frozenset[str], genitive: Callable[[str], bool] | None = None) -> list[Span]:
    """Every name span of the article, sorted by position (before the document pass).
    ``genitive`` says whether a lower-case word can be a genitive noun or adjective."""
    spans = extend_persons(gazetteer_spans(tokens, feats, gaz, lex), tokens, feats, gaz, lex.first_names)
    taken = [False] * len(tokens)
    named: dict[int, EntityType] = {}
    for s in spans:
        for k in range(s.first, s.last):
            taken[k] = True
            named[k] = s.type
    orgs = [False] * len(tokens)
    for s in spans:
        if s.type == "ORG":
            orgs[s.first:s.last] = [True] * (s.last - s.first)
    quoted = _quoted_orgs(tokens, feats, lex, orgs)
    if quoted:  # a quoted name after "компания"/"ТОВ" is the organisation, whatever words it holds
        inside = {k for q in quoted for k in range(q.first, q.last)}
        spans = [s for s in spans if not inside.intersection(range(s.first, s.last))]
        taken = [k in inside for k in range(len(tokens))]
        named = {k: s.type for s in spans for k in range(s.first, s.last)}
        for s in spans:
            for k in range(s.first, s.last):
                taken[k] = True
    spans += quoted + _legal_latin(tokens, feats, taken)
    en = lex.lang == "en"
    pending = runs(tokens, feats, taken, en)
    while pending:
        a, b = pending.pop(0)
        a = _strip_leading(a, b, tokens, feats, lex, lower_seen)
        if en:
            whole, b = b, _cut_joiner(a, b, feats, lex)
            if b + 1 < whole:
                pending.insert(0, (b + 1, whole))  # "Shares of Nord Stream": the words after "of" are a run too
        if a >= b:
            continue
        if (not en and b - a > 1 and b < len(tokens) and feats[b].stem in lex.loc_heads and not feats[b].cap
                and _adjective(tokens[b - 1].text, feats[b - 1])):
            pending.insert(0, (b - 1, b))  # "Моринці | Черкаської області": the place adjective goes with its noun
            b -= 1
        tags = feats[a].info.tags
        if (b - a == 1 and a + 1 < len(tokens) and feats[a + 1].stem in lex.loc_heads and not feats[a + 1].cap
                and _adjective(tokens[a].text, feats[a])):
            spans.append(Span(a, a + 2, "LOC", "pattern"))  # "Полтавської області", even if a surname too
            continue
        if "ADJF" in tags and b - a == 1 and a + 1 < len(tokens) and feats[a + 1].stem in lex.org_heads and not en:
            end = _phrase_end(a + 1, tokens, feats, lex.org_heads, taken, genitive)
            spans.append(Span(a, end, "ORG", "pattern"))  # "Полтавська міськрада", even if a surname too
            continue
        if "ADJF" in tags and not tags & _PROPER and b - a == 1:
            end = _phrase_end(a, tokens, feats, lex.org_heads, taken, genitive)
            kind: EntityType = "ORG"
            if end == a:
                end, kind = _phrase_end(a, tokens, feats, lex.loc_heads, taken, None), "LOC"
            if end > a and not tokens[a].first:
                spans.append(Span(a, end, kind, "pattern"))
            continue
        if feats[a].stem in lex.org_heads and not tokens[a].first and b - a == 1 and not en:
            spans.append(Span(a, _phrase_end(a, tokens, feats, lex.org_heads, taken, genitive), "ORG", "pattern"))
            continue
        typed = _classify(a, b, tokens, feats, lex, named, lower_seen)
        if typed is not None:
            spans.append(Span(a, b, typed[0], typed[1]))
            for k in range(a, b):
                named[k] = typed[0]
    return _company_suffix(sorted(spans, key=lambda s: s.first), tokens)
