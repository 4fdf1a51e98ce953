"""The gazetteer pass of the recogniser: knowledge-base (and country, city) names found by their
stemmed words, checked to be inflections of the name, then grown over initials, first names and
place adjectives the entry lacks."""

from __future__ import annotations

from backchannel.analyze import lexicon
from backchannel.analyze.features import Feature
from backchannel.analyze.gazetteer import Entry, Gazetteer
from backchannel.analyze.lexicon import Lexicon
from backchannel.analyze.records import Span, Token
from backchannel.analyze.stems import fold

_PERSONAL = frozenset({"Name", "Surn", "Patr"})
_PROPER = _PERSONAL | {"Geox", "Orgn"}
_FUNCTION = frozenset({"PREP", "CONJ", "PRCL", "NPRO", "ADVB"})
_ROMAN = frozenset("IVXLC")
_ADJ_COMMON = frozenset({"ADJF", "common"})
_NAME_SURN = frozenset({"Name", "Surn"})
_NAME_ADJ = frozenset({"Name", "ADJF"})
_PREP_CONJ = frozenset({"PREP", "CONJ"})


def _kb_span(first: int, last: int, entries: tuple[Entry, ...], name: str | None = None) -> Span:
    kind = entries[0].type
    ids = tuple(dict.fromkeys(e.kb_id for e in entries if e.type == kind and e.kb_id and not e.weak))
    if not ids:  # only surnames taken from full names ("Жапаров"): every owner is a candidate
        ids = tuple(dict.fromkeys(e.kb_id for e in entries if e.type == kind and e.kb_id))
    country = next((e.country for e in entries if e.country), None)
    return Span(first, last, kind, "kb", ids, name or entries[0].name, country=country)


def _named_first(entries: tuple[Entry, ...], name: str) -> tuple[Entry, ...]:
    """The entries under one key with the matched name first (they decide the type)."""
    if entries[0].name == name:
        return entries
    return tuple(e for e in entries if e.name == name) + tuple(e for e in entries if e.name != name)


def _adjacent(tokens: tuple[Token, ...], i: int, j: int) -> bool:
    return j < len(tokens) and tokens[j].sent == tokens[i].sent and tokens[j].start - tokens[j - 1].end <= 1


def _single_ok(i: int, tokens: tuple[Token, ...], feats: list[Feature], lex: Lexicon, entry: Entry) -> bool:
    f = feats[i]
    if not f.cap:
        return False
    tags = f.info.tags
    word = fold(tokens[i].text)
    own = word == fold(entry.name)
    if not own and not tags.isdisjoint(_FUNCTION):
        return False  # "Хотя", "Якобы", "Мені" are no forms of the surnames Hoti, Yacob, Lee
    if tokens[i].first:
        if not tags.isdisjoint(_FUNCTION) or (_ADJ_COMMON <= tags and tags.isdisjoint(_PERSONAL)):
            return False  # "Того …" opening a sentence is the pronoun, not Togo (but "Зеленський …")
        if "common" in tags and not own and tags.isdisjoint(_PROPER):
            return False
        if "common" in tags and not own and word in map(fold, f.info.lemmas):
            return False  # a common word's own base form opening a sentence: "Королева …" (not Королёв), "Дані …"
        if lex.lang == "en" and f.stem in lexicon.EN_COMMON:
            return False
    nxt = i + 1
    if entry.type != "PER" and not tags.isdisjoint(_NAME_SURN) and _adjacent(tokens, i, nxt) and feats[nxt].cap and not feats[nxt].upper:
        return False  # "Доминик Рааб" is not the country Dominica
    if entry.type == "PER" and "Name" in tags and _adjacent(tokens, i, nxt) and feats[nxt].cap and not feats[nxt].upper:
        return False  # "Петро Білий" is a first name and a surname, not the KB's "Петро" (Gustavo Petro)
    if (entry.weak and "known" in tags and "Geox" not in tags and fold(entry.name) not in map(fold, f.info.lemmas)
            and (lex.lang != "uk" or not tags.isdisjoint(_NAME_ADJ))):
        # "Сергій", "Меры" are no forms of the towns Серго, Мер ("Ізмаїлі" is of Ізмаїл); the
        # Ukrainian dictionary marks no places, so there only first names and adjectives count
        return False
    if entry.type == "PER" and f.stem in lex.person_cues:
        return False  # a title ("Мэр") is no surname, even when a KB name ends with it ("Брюно Ле Мэр")
    if i > 1 and feats[i - 1].stem in lexicon.EN_JOINERS and feats[i - 2].cap and (
            (entry.weak and (lex.lang != "en" or _head_or_title(feats[i - 2], lex)))
            or (lex.lang == "en" and entry.type == "LOC" and feats[i - 2].stem in lex.org_heads)):
        return False  # "University of York", "Armed Forces of Colombia", "Duke of York" (not "Ann Kerr of Delaware")
    if entry.weak and ((_adjacent(tokens, i, nxt) and feats[nxt].cap)
                       or (i > 0 and _adjacent(tokens, i - 1, i) and feats[i - 1].cap
                           and not _opening_function_word(tokens[i - 1], feats[i - 1]))):
        return False
    return True


def _head_or_title(feat: Feature, lex: Lexicon) -> bool:
    """A word that can head a name with "of" after it: an organisation or place head, or a title."""
    stem = feat.stem
    return stem in lex.org_heads or stem in lex.loc_heads or stem in lex.person_cues or stem in lexicon.EN_TITLE_WORDS


def _opening_function_word(token: Token, feat: Feature) -> bool:
    """A preposition or conjunction capitalised only because it opens the sentence ("У Чернівцях",
    "В Тулузе"): no part of the name after it."""
    return token.first and not feat.upper and not feat.info.tags.isdisjoint(_PREP_CONJ)


def gazetteer_spans(tokens: tuple[Token, ...], feats: list[Feature], gaz: Gazetteer, lex: Lexicon) -> list[Span]:
    spans: list[Span] = []
    n = len(tokens)
    done = 0
    for i in [k for k, f in enumerate(feats) if f.cap]:  # abbreviations count as capitalised
        if i < done:
            continue
        f = feats[i]
        matched = 0
        if f.upper and not set(f.abbr) <= _ROMAN:  # "II/III" are numbers, not Charles III
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
            if not entries:
                continue
            name = gaz.match(key, tuple(tokens[k].text.rstrip(".") for k in range(i, j)))
            if name is None:
                continue
            entries = _named_first(entries, name)  # "Хан" is Imran Khan's name, not Hanoi's
            if length == 1 and not _single_ok(i, tokens, feats, lex, entries[0]):
                continue
            if length > 1 and not feats[j - 1].cap and entries[0].type == "PER":
                continue
            if length > 1 and tokens[i].text == "The" and gaz.lookup(key[1:]):
                # "The Pentagon said": the name is "Pentagon" ("The Hague" keeps its article)
                name = gaz.match(key[1:], tuple(tokens[k].text.rstrip(".") for k in range(i + 1, j))) or name
                spans.append(_kb_span(i + 1, j, entries, name))
            else:
                spans.append(_kb_span(i, j, entries, name))
            matched = length
            break
        done = i + (matched or 1)
    return spans


def _same_person(ids: tuple[str, ...], word: Feature, gaz: Gazetteer) -> tuple[str, ...]:
    """The KB ids whose first names fit a first name (or initial) found before their surname:
    "Олег Медведєв" is not "Дмитро Медведєв"."""
    out = []
    for kb_id in ids:
        given = gaz.given.get(kb_id, frozenset())
        if not given or (word.initial and any(g[:1] == word.stem[:1] for g in given)) or word.stem in given:
            out.append(kb_id)
    return tuple(out)


def _english_given(tokens: tuple[Token, ...], feats: list[Feature], k: int) -> bool:
    """Whether an English capitalised word before a bare KB surname can be a first name the lists
    lack ("Krystle" of "Krystle Campbell"): no title, month, common or function word."""
    f = feats[k]
    stem = f.stem.rstrip(".")
    return (f.latin and f.cap and not f.upper and not f.initial and stem not in lexicon.EN_TITLE_WORDS
            and stem not in lexicon.EN_COMMON and stem not in lexicon.MONTHS_AND_DAYS
            and stem not in lexicon.EN_PLACE_PREFIXES and not tokens[k].text.endswith("."))


def extend_persons(spans: list[Span], tokens: tuple[Token, ...], feats: list[Feature], gaz: Gazetteer,
                   first_names: frozenset[str] = frozenset(), en: bool = False) -> list[Span]:
    """Grow a KB person span leftwards over an initial or a first name the KB entry lacks
    ("Т.Мэй", "Тереза Мэй" when the KB has only "Мэй", "John F. Kerry" with ``first_names``), a
    place over a capitalised adjective ("Північної Ірландії"); in English (``en``) a bare surname
    also over a name particle ("de Blasio") and any capitalised word that may be a first name."""
    starts = {s.last for s in spans}
    covered = {k for s in spans for k in range(s.first, s.last)}
    out: list[Span] = []
    for s in spans:
        first = s.first
        while (en and s.type == "PER" and s.last - s.first == 1 and first > s.first - 4 and first > 0
               and first not in starts and tokens[first - 1].sent == tokens[first].sent
               and tokens[first].start - tokens[first - 1].end == 1
               and ((feats[first - 1].stem in lexicon.PARTICLES and feats[first - 1].latin)
                    or _english_given(tokens, feats, first - 1))):
            first -= 1  # "de Blasio", "Hector Armando Hernández Da Costa"
        while (s.type == "LOC" and first > 0 and first - 1 not in starts and tokens[first - 1].sent == tokens[first].sent
               and feats[first - 1].cap and (("ADJF" in feats[first - 1].info.tags
                                               and not feats[first - 1].info.tags & _PROPER)
                                              or feats[first - 1].stem in lexicon.EN_PLACE_PREFIXES)):
            first -= 1
        while (s.type == "PER" and first > 0 and first - 1 not in covered and tokens[first - 1].sent == tokens[first].sent
               and tokens[first].start - tokens[first - 1].end <= 1
               and (feats[first - 1].initial or (feats[first - 1].cap and "Name" in feats[first - 1].info.tags
                                                 and not feats[first - 1].info.tags & {"Geox", "common"})
                    or (feats[first - 1].latin and feats[first - 1].cap and feats[first - 1].stem in first_names))):
            first -= 1
        last = s.last
        if s.type == "PER" and first == s.first and _name_and_patronymic(tokens, feats, last, covered):
            last += 2  # "Шойгу Сергей Кужугетович": the surname first, as officialese writes it
        if first == s.first and last == s.last:
            out.append(s)
            continue
        given = feats[first] if first < s.first else feats[s.last]
        ids = _same_person(s.kb_ids, given, gaz) if s.type == "PER" else s.kb_ids
        out.append(Span(first, last, s.type, s.source, ids, None, s.role, s.country))
    return out


def _name_and_patronymic(tokens: tuple[Token, ...], feats: list[Feature], i: int, covered: set[int]) -> bool:
    """Whether tokens ``i`` and ``i + 1`` are a first name and a patronymic, glued to what precedes."""
    if i + 1 >= len(tokens) or i in covered or i + 1 in covered:
        return False
    if tokens[i + 1].sent != tokens[i - 1].sent or tokens[i].start - tokens[i - 1].end > 1 or tokens[i + 1].start - tokens[i].end > 1:
        return False
    name, patronymic = feats[i], feats[i + 1]
    return name.cap and patronymic.cap and "Name" in name.info.tags and "Patr" in patronymic.info.tags
