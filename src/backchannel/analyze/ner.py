"""Rule-based recogniser for ru/uk/en: knowledge-base gazetteer, then capitalised runs typed by
morphology (pymorphy's Name/Surn/Patr/Geox/Orgn), cues (titles, prepositions, organisation and
place heads), abbreviations and quotes; then one document-level pass that types what stayed
unsure by what the same word was elsewhere in the article."""

from __future__ import annotations

from collections.abc import Callable

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
    if (b.latin and b.cap and not a.latin and a.cap and not a.upper and set(b.stem) <= _ROMAN and len(b.stem) <= 4
            and b.stem != "v"):
        return False  # "Бенедикт XVI", "Петро I" (not the "V" of "Спутник V")
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


def _new_person(tokens: tuple[Token, ...], feats: list[Feature], j: int) -> bool:
    """Whether a first name at ``j`` starts a person of its own after a word that is no first
    name or patronymic: "Генштаба | Николая Богдановского", "Уэльса | Джереми Райт"; not the
    surname-first "Пінчук Олена Петрівна" (a patronymic follows) nor "Лавров Сергей" at a run's end."""
    a, b = feats[j - 1], feats[j]
    if "Name" not in b.info.tags or a.initial or a.upper or a.info.tags & {"Name", "Patr"}:
        return False
    k = j + 1
    if k < len(tokens) and tokens[k].sent == tokens[j].sent and _name_like(feats[k]) and tokens[k].start - tokens[j].end <= 1:
        return "Patr" not in feats[k].info.tags and not feats[k].initial
    return not a.info.tags & {"Surn"} and bool(a.info.tags)


def _caps_surname(tokens: tuple[Token, ...], feats: list[Feature], j: int) -> bool:
    """A surname in capitals after a first name, as signatures write it: "Олег ЗОЛОТО"."""
    word = tokens[j].text
    return (word.isupper() and j > 0 and "Name" in feats[j - 1].info.tags and not feats[j - 1].upper and feats[j - 1].cap
            and len(word) >= 3 and not feats[j].latin and tokens[j].sent == tokens[j - 1].sent
            and tokens[j].start - tokens[j - 1].end == 1 and word not in lexicon.CAPS_FUNCTION_WORDS)


def runs(tokens: tuple[Token, ...], feats: list[Feature], taken: list[bool], en: bool = False,
         heads: frozenset[str] = frozenset()) -> list[tuple[int, int]]:
    """Maximal runs of capitalised words (with initials and name particles inside) in one sentence;
    in English also over "of"/"for" ("Ministry of Defence"). A first name after a word that is none
    of ``heads`` (organisation head nouns) may start a new run (:func:`_new_person`)."""
    out: list[tuple[int, int]] = []
    n = len(tokens)
    done = 0
    for i in [k for k, f in enumerate(feats) if f.word and (f.cap or f.initial)]:
        if i < done or taken[i] or feats[i].stem in lexicon.MONTHS_AND_DAYS:
            continue
        j = i + 1
        while j < n and not taken[j] and tokens[j].sent == tokens[i].sent:
            if (_name_like(feats[j]) and tokens[j].start - tokens[j - 1].end <= 1 and not _breaks(feats[j - 1], feats[j])
                    and not ("Name" in feats[j].info.tags and feats[j - 1].stem not in heads
                             and _new_person(tokens, feats, j))):
                j += 1
            elif tokens[j].text.isupper() and _caps_surname(tokens, feats, j):
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


def _org_shaped(a: int, b: int, feats: list[Feature], lex: Lexicon) -> bool:
    """An English run that ends with an organisation head or a site noun, or holds an organisation
    head before "of": its title-like words are part of the name ("Justice Department", "National
    Liberation Army", "Department of Defense", "Mercy General Hospital")."""
    if feats[b - 1].stem in lex.org_heads or feats[b - 1].stem in lexicon.EN_PLACE_TAILS:
        return True
    return any(feats[k].stem in lex.org_heads and feats[k + 1].stem in lexicon.EN_JOINERS for k in range(a, b - 1))


def _strip_leading(a: int, b: int, tokens: tuple[Token, ...], feats: list[Feature], lex: Lexicon,
                   lower_seen: frozenset[str]) -> int:
    """Drop sentence-opening function words and common words, and titles, from a run's front
    (an English organisation's name keeps its title-like words: "Interior Ministry")."""
    org = lex.lang == "en" and _org_shaped(a, b, feats, lex)
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
        if b - a > 1 and not org and (f.stem in lex.person_cues or (lex.lang == "en" and f.stem in lexicon.EN_TITLE_WORDS)):
            a += 1
            continue
        if b - a > 1 and "ADJF" in tags and (feats[a + 1].stem in lex.person_cues
                                             or (a > 0 and feats[a - 1].stem in lex.person_cues)):
            a += 1  # the adjective of a title: "Римский Папа Бенедикт", "патриарх Московский Кирилл"
            continue
        break
    if lex.lang == "en" and not org:
        titles = [k for k in range(a, min(b, a + 5)) if feats[k].stem.rstrip(".") in lexicon.EN_TITLE_WORDS]
        if titles:
            a = titles[-1] + 1  # "French President Emmanuel Macron", "Army Col. Myles Caggins"
    return a


def _org_before_title(a: int, stripped: int, tokens: tuple[Token, ...], feats: list[Feature],
                      lex: Lexicon, places: dict[int, Span]) -> tuple[int, int]:
    """The organisation that an English title follows within a run (an empty span when none): an
    acronym ("MIT Officer Sean Collier") or words ending with an organisation head ("Border
    Brigade General Ana Ruiz", or one such word after a place: "Boston Police" of "Boston Police
    Commissioner"); ``stripped`` is where :func:`_strip_leading` put the run's start."""
    while a < stripped and (feats[a].stem in lexicon.EN_FUNCTION or (tokens[a].first and feats[a].stem in lexicon.EN_COMMON)
                            or tokens[a].text.lower().endswith(lexicon.EN_COMPOUND_ADJECTIVES)):
        a += 1
    title = next((k for k in range(a, stripped) if feats[k].stem.rstrip(".") in lexicon.EN_TITLE_WORDS
                  and feats[k].stem not in lex.org_heads), a)
    if title - a == 1:
        word = tokens[a].text
        acronym = _acronym(word) and word not in lexicon.NOT_ORG_ABBREVIATIONS
        return (a, title) if acronym or (feats[a].stem in lex.org_heads and a in places) else (a, a)
    return (a, title) if title - a > 1 and feats[title - 1].stem in lex.org_heads else (a, a)


def _after_place(a: int, b: int, tokens: tuple[Token, ...], feats: list[Feature], lex: Lexicon,
                 places: dict[int, Span]) -> Span | None:
    """The place right before an English run that ends with an organisation head, when there is
    one: "New York" of "New York Police Department", "West Midlands" of "West Midlands Police"."""
    place = places.get(a)
    if (place is None or feats[b - 1].stem not in lex.org_heads or tokens[a].start - tokens[a - 1].end != 1
            or tokens[a].sent != tokens[a - 1].sent):
        return None
    return place


def _after_trigger(a: int, tokens: tuple[Token, ...], feats: list[Feature], lex: Lexicon) -> bool:
    """Whether a lower-case noun that names a kind of organisation stands right before an English
    run: "the newspaper El Diario", "the investigative website Factcheckers" (not a person's name:
    "the company Laura Brennan founded")."""
    first = feats[a].stem
    return (a > 0 and not feats[a - 1].cap and feats[a - 1].stem in lex.org_triggers
            and (first not in lex.first_names or first in lexicon.PARTICLES)
            and tokens[a - 1].sent == tokens[a].sent and tokens[a].start - tokens[a - 1].end == 1)


def _defines_acronym(a: int, b: int, tokens: tuple[Token, ...]) -> bool:
    """Whether an English run of several words is followed by its acronym in brackets that starts
    with the run's first letter: "National Security Directorate (NSD)", "Frente Popular (FP)"."""
    if b - a < 2 or b + 2 >= len(tokens) or tokens[b].text != "(" or tokens[b + 2].text != ")":
        return False
    acronym = tokens[b + 1].text
    return _acronym(acronym) and acronym[0] == tokens[a].text[0]


def _acronym(word: str) -> bool:
    """Two to six capital letters that are no place's abbreviation ("NSD", not "UK")."""
    return word.isupper() and word.isalpha() and 2 <= len(word) <= 6 and word not in lexicon.LOC_ABBREVIATIONS


def _cut_joiner(a: int, b: int, feats: list[Feature], lex: Lexicon) -> int:
    """An English run joined over "of"/"for" stays whole only when the word before the joiner is
    an organisation or place head ("Ministry of Defence", "Republic of Dagestan")."""
    person = feats[a].stem in lex.first_names  # "Vicente Sainz de la Peña", "María del Carmen Nadal"
    for k in range(a + 1, b - 1):
        if feats[k].stem in lexicon.EN_JOINERS and not feats[k].cap and not (person and feats[k].stem in lexicon.PARTICLES):
            if feats[k - 1].stem in lex.org_heads or feats[k - 1].stem in lex.loc_heads:
                return b
            return k
    return b


def _phrase_end(a: int, tokens: tuple[Token, ...], feats: list[Feature], heads: frozenset[str],
                taken: list[bool], genitive: Callable[[str], bool] | None) -> int:
    """End of "Верховный суд" / "Балтийское море" / "Министерство иностранных дел" from ``a``
    (a capitalised common word), or ``a`` when no head follows within three lower-case words;
    lower-case genitive words after the head belong to the name ("Палата общин")."""
    j = a
    while j < len(tokens) and j - a < 4 and tokens[j].sent == tokens[a].sent and feats[j].word and not taken[j]:
        if feats[j].stem in heads:
            end = j + 1
            while (genitive is not None and end < len(tokens) and end - j <= 4 and tokens[end].sent == tokens[a].sent
                   and feats[end].word and not feats[end].cap and not taken[end] and genitive(tokens[end].text)
                   and not tokens[end].text.lower().startswith(lexicon.DEICTIC_OWNERS)):
                end += 1
            return end
        if j > a and feats[j].cap:
            break
        j += 1
    return a


def english_run(fs: list[Feature], lower_seen: frozenset[str]) -> tuple[EntityType, str] | None:
    """An English run of capitalised words that nothing else typed: a place when it opens with a
    compass word ("South America", "East Belfast") or ends with a place noun ("Bagram Air Base");
    nothing when it ends with an event or facility noun ("Boston Marathon", "World Cup") or a
    word the article also writes in lower case ("Homeland Security"); else a person."""
    first, last = fs[0].stem, fs[-1].stem
    if last in lexicon.EN_PLACE_TAILS:
        return "LOC", "pattern"
    if last in lexicon.EN_NOT_PERSON_TAILS or any(f.stem in lower_seen and f.cap for f in fs):
        return None
    if first in lexicon.EN_PLACE_PREFIXES or first in lexicon.EN_PLACE_OPENERS:
        return "LOC", "pattern"
    return "PER", "guess"


def _place_noun_beside(a: int, b: int, tokens: tuple[Token, ...], feats: list[Feature]) -> bool:
    """Whether a lower-case place noun follows an English name ("Shah Joy district") or stands
    before it with "of" ("the province of Zabul")."""
    after = b < len(tokens) and tokens[b].sent == tokens[a].sent and not feats[b].cap and feats[b].stem in lexicon.EN_PLACE_NOUNS
    return after or (a >= 2 and tokens[a - 1].text == "of" and not feats[a - 2].cap
                     and feats[a - 2].stem in lexicon.EN_PLACE_NOUNS)


def _written_lower(fs: list[Feature], feats: list[Feature]) -> bool:
    """Whether the article writes one of these words in lower case too ("Вакцина …" beside
    "вакцина"): then it is a common word, not part of a name."""
    dictionary = {f.stem for f in fs if "known" in f.info.tags}
    return bool(dictionary) and any(f.word and not f.cap and f.stem in dictionary for f in feats)


def _classify(a: int, b: int, tokens: tuple[Token, ...], feats: list[Feature], lex: Lexicon,
              named: dict[int, EntityType], lower_seen: frozenset[str] = frozenset()) -> tuple[EntityType, str] | None:
    fs = feats[a:b]
    if all(f.stem in lexicon.MONTHS_AND_DAYS or f.stem in lexicon.NOT_NAMES for f in fs):
        return None
    if fs[0].upper and any(tokens[k].text in lexicon.CAPS_FUNCTION_WORDS for k in range(a, b)):
        return None  # a headline in capitals: "ХТО ТОЙ ЧОЛОВІК"
    if b - a == 1 and tokens[a].first and {"ADJF", "common"} <= fs[0].info.tags and not fs[0].info.tags & _PERSONAL:
        return None  # "Того …", "Красная …" opening a sentence: an adjective or a pronoun first
    tags: set[str] = set()
    for f in fs:
        tags |= f.info.tags
    last = fs[-1]
    left = feats[a - 1] if a > 0 and tokens[a - 1].sent == tokens[a].sent else None
    if (lex.lang == "en" and b - a == 1 and last.stem in lexicon.EN_STANDALONE_ORGS and not tokens[a].first
            and last.stem not in lower_seen):
        return "ORG", "pattern"  # "the Navy", when the article never writes "navy"
    if b - a == 1 and (last.stem in lex.person_cues or last.stem in lex.org_heads or last.info.tags & _FUNCTION - {"VERB"}):
        return None
    if lex.lang == "en" and _place_noun_beside(a, b, tokens, feats):
        return "LOC", "pattern"
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
    if last.stem in lex.org_heads and b - a > 1 and not (b - a == 2 and "Name" in fs[0].info.tags):
        return "ORG", "pattern"  # not "Ембер Рад": a first name and a surname that looks like "рада"
    if (b - a > 1 and lex.lang != "en" and fs[0].stem in lex.org_heads and "Name" not in fs[0].info.tags
            and fs[1].info.cases and "gent" in fs[1].info.cases):
        return "ORG", "pattern"  # named after a person or a place: "Института Гамалеи", "Общества Макса Планка"
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
        if lex.lang == "en" or (not tokens[a].first and not tags & {"known"}) or (
                not tokens[a].first and b - a == 2 and not all("known" in f.info.tags for f in fs)
                and not any(f.stem in lex.org_heads or tokens[k].text.endswith(".") for k, f in enumerate(fs, a))
                and not _written_lower(fs, feats)):
            return "PER", "guess"  # "министр Шахбаз Бхатти", "комісар Віолета Булк": inside a sentence,
        return "PER", "weak"  # words no dictionary knows (or two, one of them unknown)
    if unknown:
        if "common" in tags:
            return "PER", "weak"
        return ("ORG" if last.latin and lex.lang != "en" else "PER"), "unsure"
    return None


def _opens(tokens: tuple[Token, ...], j: int) -> bool:
    t = tokens[j]
    if t.text in ("«", "„"):
        return True
    if t.text not in _QUOTES_OPEN:
        return False
    glued_right = j + 1 < len(tokens) and tokens[j + 1].start == t.end
    glued_left = j > 0 and tokens[j - 1].end == t.start and tokens[j - 1].text not in _QUOTES_OPEN
    return glued_right and not glued_left


def _quote_end(i: int, tokens: tuple[Token, ...], limit: int = 12) -> int:
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


def _quoted_orgs(tokens: tuple[Token, ...], feats: list[Feature], lex: Lexicon, taken: list[bool]) -> list[Span]:
    """"компания «Роснефть»" → ORG «Роснефть»; a legal form keeps its place in the name:
    "ТОВ «Каштан-плюс»", "ПАТ «НАК «Нафтогаз України»»", "ИА «Регнум»"."""
    out: list[Span] = []
    n = len(tokens)
    opening = _QUOTES_OPEN
    for i in [k for k in range(1, n - 2) if tokens[k].text in opening]:
        if not feats[i + 1].word or taken[i + 1]:
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


def _legal_latin(tokens: tuple[Token, ...], feats: list[Feature], taken: list[bool]) -> list[Span]:
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


_PLURAL_ADJ = ("ые", "ие", "ні")


def _generic_phrase(adjective: str, head: Feature) -> bool:
    """A sentence-opening adjective and a head noun that name no institution: a company or group
    of some kind ("Экспертная группа", "Фармацевтична компанія") or several of them ("Первые
    партии вакцины", "Нові департаменти")."""
    return head.stem in lexicon.GENERIC_ORG_HEADS or adjective.lower().endswith(_PLURAL_ADJ)


def _adjective(word: str, feat: Feature) -> bool:
    """A capitalised adjective: by the dictionary, or by a place adjective's ending for one it does
    not know ("Козельщанському", "Горохівського")."""
    return "ADJF" in feat.info.tags or (not feat.info.tags & _PERSONAL and word.lower().endswith(_ADJ_ENDINGS))


def _company_suffix(spans: list[Span], tokens: tuple[Token, ...]) -> list[Span]:
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


def _glued(tokens: tuple[Token, ...], i: int) -> bool:
    """Whether token ``i`` follows the one before it with no space."""
    return 0 < i < len(tokens) and tokens[i].start == tokens[i - 1].end


def _model_number(word: str) -> bool:
    """Three or more digits that are no year ("737", "1222"; not "2018")."""
    return word.isdigit() and len(word) >= 3 and not (len(word) == 4 and word[:2] in ("18", "19", "20"))


def _not_products(spans: list[Span], tokens: tuple[Token, ...]) -> list[Span]:
    """An organisation that a model number follows is a product, not the maker
    acting: "Boeing-737", "Boeing 737 MAX", "Су-35" (and so is what follows the number)."""
    return [s for s in spans if not (s.type == "ORG" and (_model_number_at(tokens, s.last) or _after_number(tokens, s)))]


def _model_number_at(tokens: tuple[Token, ...], j: int) -> bool:
    n = len(tokens)
    if j + 1 < n and tokens[j].text == "-" and _glued(tokens, j) and _glued(tokens, j + 1):
        return tokens[j + 1].text[:1].isdigit()
    return j < n and _model_number(tokens[j].text) and tokens[j].sent == tokens[j - 1].sent


def _after_number(tokens: tuple[Token, ...], s: Span) -> bool:
    """The "MAX" of "Boeing 737 MAX"."""
    return s.first > 0 and _model_number(tokens[s.first - 1].text)


def _numbered(spans: list[Span], tokens: tuple[Token, ...], feats: list[Feature]) -> list[Span]:
    """A small number after an organisation's name belongs to it: "Nord Stream 2", "Jet2",
    "Північний потік-2" (glued, after a hyphen, or after a Latin name)."""
    n = len(tokens)
    out: list[Span] = []
    for s in spans:
        j = s.last
        if s.type == "ORG" and j < n and tokens[j].sent == tokens[s.first].sent:
            if (tokens[j].text == "-" and j + 1 < n and _glued(tokens, j) and _glued(tokens, j + 1)
                    and _small_number(tokens[j + 1].text)):
                s = Span(s.first, j + 2, s.type, s.source, s.kb_ids, None, s.role, s.country)
            elif _small_number(tokens[j].text) and (_glued(tokens, j) or feats[j - 1].latin):
                s = Span(s.first, j + 1, s.type, s.source, s.kb_ids, None, s.role, s.country)
        out.append(s)
    return out


def _small_number(word: str) -> bool:
    return word.isdigit() and len(word) <= 2


_IN_PREPS = frozenset({"у", "в"})
_UNIT_PREFIXES = frozenset("ГУ ТУ ВП ОТВ ТВ ГУНП УДМС ДП КП УМВС ГУМВС".split())
"""Abbreviations of a body's regional unit or state enterprise, written before its parent's name."""


def _official_names(spans: list[Span], tokens: tuple[Token, ...], feats: list[Feature]) -> list[Span]:
    """Official names of regional bodies, as Ukrainian and Russian write them: a place adjective
    before an abbreviation ("Кіровоградської ОДА", "Іршанського ГЗК"), an abbreviation before
    another name ("ГУ ДСНС", "ГУ Нацполіції"), and the oblast after "у"/"в" ("Служба автодоріг у
    Вінницькій області")."""
    out: list[Span] = []
    i = 0
    while i < len(spans):
        s = spans[i]
        if s.type != "ORG":
            out.append(s)
            i += 1
            continue
        first, last = s.first, s.last
        if feats[first].upper:
            k = first - 1
            prev = out[-1] if out and out[-1].last == first else None
            if (k >= 0 and tokens[k].sent == tokens[first].sent and feats[k].cap and not feats[k].upper
                    and tokens[k].text.lower().endswith(_ADJ_ENDINGS) and tokens[first].start - tokens[k].end == 1
                    and (prev is None or (prev.first == k and prev.source != "kb"))):
                if prev is not None:
                    out.pop()
                first = k
        nxt = spans[i + 1] if i + 1 < len(spans) else None
        if (nxt is not None and nxt.type == "ORG" and nxt.first == last and last - s.first == 1
                and tokens[s.first].text in _UNIT_PREFIXES
                and tokens[nxt.first].sent == tokens[s.first].sent and tokens[nxt.first].start - tokens[last - 1].end == 1):
            last = nxt.last  # "ГУ ДСНС", "ГУ Нацполіції"
            i += 1
            nxt = spans[i + 1] if i + 1 < len(spans) else None
        if (nxt is not None and nxt.type == "LOC" and nxt.first == last + 1 and last < len(tokens)
                and tokens[last].text in _IN_PREPS and nxt.last - nxt.first == 2
                and feats[nxt.last - 1].stem.startswith(("област", "обл"))):
            last = nxt.last  # "… у Вінницькій області"
            i += 1
        out.append(s if (first, last) == (s.first, s.last) else Span(first, last, "ORG", "pattern"))
        i += 1
    return out


def _ampersand(spans: list[Span], tokens: tuple[Token, ...], feats: list[Feature]) -> list[Span]:
    """Names joined by "&" are one company: "Johnson & Johnson", "Procter & Gamble", "S&P"."""
    out: list[Span] = []
    for s in spans:
        prev = out[-1] if out else None
        if (prev is not None and prev.last + 1 == s.first and tokens[prev.last].text == "&"
                and tokens[s.first].sent == tokens[prev.first].sent and feats[s.first].cap):
            out[-1] = Span(prev.first, s.last, "ORG", "pattern")
        else:
            out.append(s)
    return out


def _site_names(spans: list[Span], tokens: tuple[Token, ...], feats: list[Feature]) -> list[Span]:
    """A capitalised name glued to a domain ending is a news site or a company, written whole:
    "NEWSru.com", "Лента.ру", "Mail.Ru Group" (capitalised Latin words after it belong to it)."""
    n = len(tokens)
    sites: list[Span] = []
    endings = lexicon.DOMAIN_ENDINGS
    for i in [k for k, t in enumerate(tokens) if t.text == "." and 0 < k < n - 1]:
        if not (tokens[i + 1].text.lower() in endings and _glued(tokens, i) and _glued(tokens, i + 1)):
            continue
        first = i - 1
        if not feats[first].cap or (sites and sites[-1].last > first):
            continue
        last = i + 2
        while last < n and feats[last].latin and feats[last].cap and tokens[last].sent == tokens[i].sent and feats[i - 1].latin:
            last += 1
        sites.append(Span(first, last, "ORG", "pattern"))
    if not sites:
        return spans
    inside = {k for s in sites for k in range(s.first, s.last)}
    kept = [s for s in spans if not inside.intersection(range(s.first, s.last))]
    return sorted(kept + sites, key=lambda s: s.first)


def recognise(tokens: tuple[Token, ...], feats: list[Feature], gaz: Gazetteer, lex: Lexicon,
              lower_seen: frozenset[str], genitive: Callable[[str], bool] | None = None) -> list[Span]:
    """Every name span of the article, sorted by position (before the document pass).
    ``genitive`` says whether a lower-case word can be a genitive noun or adjective."""
    spans = extend_persons(gazetteer_spans(tokens, feats, gaz, lex), tokens, feats, gaz, lex.first_names,
                           lex.lang == "en")
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
    pending = runs(tokens, feats, taken, en, lex.org_heads)
    places = {s.last: s for s in spans if s.type == "LOC"} if en else {}
    while pending:
        a, b = pending.pop(0)
        stripped = _strip_leading(a, b, tokens, feats, lex, lower_seen)
        if en and stripped > a:
            first, last = _org_before_title(a, stripped, tokens, feats, lex, places)
            place = _after_place(first, last, tokens, feats, lex, places) if last > first else None
            if place is not None:
                spans.remove(place)
                first = place.first
            if last > first:
                spans.append(Span(first, last, "ORG", "pattern"))
        a = stripped
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
            if not (tokens[a].first and _generic_phrase(tokens[a].text, feats[a + 1])):
                end = _phrase_end(a + 1, tokens, feats, lex.org_heads, taken, genitive)
                spans.append(Span(a, end, "ORG", "pattern"))  # "Полтавська міськрада", even if a surname too
            continue
        if ("ADJF" in tags and tags & {"Surn"} and b - a == 1 and not tags & (_PROPER - {"Surn"})
                and tokens[a].text.lower().endswith(_ADJ_ENDINGS) and not tokens[a].first):
            end = _phrase_end(a, tokens, feats, lex.org_heads, taken, genitive)
            if end > a:  # "Сумської міської ради", "Бережанською районною радою": a place adjective, not Сумська
                spans.append(Span(a, end, "ORG", "pattern"))
                continue
        if "ADJF" in tags and not tags & _PROPER and b - a == 1:
            end = _phrase_end(a, tokens, feats, lex.org_heads, taken, genitive)
            kind: EntityType = "ORG"
            if end == a:
                end, kind = _phrase_end(a, tokens, feats, lex.loc_heads, taken, None), "LOC"
            if end > a and not tokens[a].first:
                spans.append(Span(a, end, kind, "pattern"))
            continue
        if feats[a].stem in lex.org_heads and b - a == 1 and not en:
            end = _phrase_end(a, tokens, feats, lex.org_heads, taken, genitive)
            if not tokens[a].first or (end > a + 1 and feats[a].stem not in lexicon.GENERIC_HEADS):
                # "Палата общин" may open a sentence; "Суд" alone or "Суд первой инстанции" not
                spans.append(Span(a, end, "ORG", "pattern"))
            continue
        if en and (_after_trigger(a, tokens, feats, lex) or _defines_acronym(a, b, tokens)):
            spans.append(Span(a, b, "ORG", "pattern"))  # "the newspaper El Diario", "website Factcheckers"
            continue
        place = _after_place(a, b, tokens, feats, lex, places) if en else None
        if place is not None:
            spans.remove(place)
            spans.append(Span(place.first, b, "ORG", "pattern"))
            continue
        typed = _classify(a, b, tokens, feats, lex, named, lower_seen)
        if typed is not None:
            spans.append(Span(a, b, typed[0], typed[1]))
            for k in range(a, b):
                named[k] = typed[0]
    spans = _ampersand(_numbered(_not_products(sorted(spans, key=lambda s: s.first), tokens), tokens, feats),
                       tokens, feats)
    if not en:
        spans = _official_names(spans, tokens, feats)
    return _company_suffix(_site_names(spans, tokens, feats), tokens)
