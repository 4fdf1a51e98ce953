"""Nominative base forms: Путина → Путин, Володимиром Путіним → Володимир Путін, Илона Маска →
Илон Маск, Кирієнком → Кирієнко.

Order of evidence: the knowledge-base name the span matched (in the article's language) →
pymorphy, only for words its dictionary knows as a first name, surname or patronymic (or a
place, an organisation), in the gender the words of the name agree on, preferring a form the
same article uses ("Асии Биби" → "Асия", since "Асия Биби" occurs) → for unknown (mostly
foreign) words, case endings cut by rules, again preferring a form the article uses."""

from __future__ import annotations

from collections.abc import Collection, Sequence
from functools import lru_cache

from backchannel.analyze.features import Feature
from backchannel.analyze.gazetteer import words
from backchannel.analyze.morph import Morphology
from backchannel.analyze.records import Span, Token

# (ending, replacement, certain): certain rules apply without other evidence.
_RULES_RU: tuple[tuple[str, str, bool], ...] = (
    ("ского", "ский", True), ("цкого", "цкий", True), ("скому", "ский", True), ("цкому", "цкий", True),
    ("ом", "", True), ("ым", "", True), ("ем", "", False), ("ой", "а", False), ("ою", "а", True),
    ("ы", "а", False), ("а", "", False), ("у", "", False), ("у", "а", False), ("е", "", False),
    ("е", "а", False), ("ю", "ь", False), ("я", "ь", False),
)
_RULES_UK: tuple[tuple[str, str, bool], ...] = (
    ("ського", "ський", True), ("цького", "цький", True), ("ському", "ський", True), ("цькому", "цький", True),
    ("ом", "", True), ("ові", "", True), ("еві", "", True), ("ем", "", False), ("ою", "а", True),
    ("им", "", True), ("ім", "", False), ("и", "а", False), ("а", "", False), ("у", "", False),
    ("у", "а", False), ("і", "", False), ("і", "а", False), ("ю", "ь", False), ("я", "ь", False),
)
_VOWELS = frozenset("аеёиоуыэюяіїєaeiouy")
_OBLIQUE_MASC = ("а", "у", "я", "ю")
_PERSONAL = ("Name", "Surn", "Patr")


_CASE_GROUPS: tuple[frozenset[str], ...] = (
    frozenset({"а", "я"}), frozenset({"у", "ю", "ові", "еві"}), frozenset({"ом", "ем", "ём", "ым", "им", "ім"}),
    frozenset({"е", "і"}),
)
"""Endings of one masculine oblique case (gen, dat, ins, loc): the words of one name share a case."""


def _candidates(word: str, lang: str, shortest: int = 3) -> list[tuple[str, bool, str]]:
    rules = _RULES_UK if lang == "uk" else _RULES_RU
    low = word.lower()
    out: list[tuple[str, bool, str]] = []
    for ending, repl, certain in rules:
        if low.endswith(ending) and len(word) - len(ending) >= shortest:
            stem = word[: len(word) - len(ending)]
            if ending in ("ом", "ым", "ем", "им") and stem[-1].lower() in _VOWELS:
                continue
            out.append((stem + repl, certain, ending))
    return out


def _same_case(ending: str, case: str) -> bool:
    """Whether ``ending`` can be of the case ``case`` shows ("" — an oblique case, which one
    unknown: the genitive or dative endings -а/-у/-я/-ю)."""
    if not case:
        return ending in _OBLIQUE_MASC
    return any(ending in g and case in g for g in _CASE_GROUPS)


_FEM_OBLIQUE = ("ой", "ою", "ей", "у", "ю", "і", "ої")


def foreign_nominative(word: str, lang: str, seen: Collection[str], case: str | None,
                       known: Collection[str] = (), gender: str | None = None) -> str:
    """Base of a word the dictionary does not know as a name: a form the article uses elsewhere
    wins, then a name word the knowledge base knows ("Ким Чен Ына" → "Ын"), then a certain
    ending rule, then, when another word of the name is a masculine oblique with the ending
    ``case`` ("Хайнца Фишера", "Дэвида …"), a cut ending of that same case; a woman's surname in
    -ова/-ина/-ская from its oblique form ("Сафарбаковой"); else the word as written."""
    cands = _candidates(word, lang)
    for cand, _certain, _ending in cands:
        if cand in seen:
            return cand
    for cand, _certain, _ending in _candidates(word, lang, 2):
        if cand in known:
            return cand
    for cand, certain, _ending in cands:
        if certain:
            return cand
    if gender == "femn":  # "Юлии Сафарбаковой" → "Сафарбакова"
        for cand, _certain, ending in cands:
            if ending in _FEM_OBLIQUE and cand.lower().endswith(("ова", "ева", "ина", "ская", "цкая")):
                return cand
    if case is not None:
        for cand, _certain, ending in cands:
            if ending in _OBLIQUE_MASC + ("ом", "ем") and _same_case(ending, case) and cand[-1].lower() not in _VOWELS:
                return cand
    return word


def _gender(span: Span, tokens: tuple[Token, ...], morph: Morphology) -> str | None:
    """The gender of the first name's best reading when it is one; else the one every personal
    word of the name allows, when exactly one does."""
    given = tokens[span.first].text
    given = given.rsplit("-", 1)[1] if "-" in given else given  # "Анна-Мария": Мария's gender
    first = [g for _, g in morph.nominatives(given, ("Name",)) if g]
    if first and span.last - span.first > 1:
        return first[0]
    allowed = {"masc", "femn"}
    for k in range(span.first, span.last):
        genders = {g for _, g in morph.nominatives(tokens[k].text, _PERSONAL) if g}
        if genders:
            allowed &= genders
    return allowed.pop() if len(allowed) == 1 else None


def _person_word(word: str, lang: str, morph: Morphology, seen: Collection[str], gender: str | None,
                 case: str | None, known: Collection[str]) -> tuple[str, str | None]:
    """Base of one word of a person's name, and its case ending when the dictionary read it as a
    masculine name in an oblique case ("Фишера" → "Фишер", "а")."""
    found = [(f, g) for f, g in morph.nominatives(word, _PERSONAL) if gender is None or g is None or g == gender]
    if found and any(_cased(f, word) == word for f, _g in found) and morph.is_first_name(word):
        return word, None
    if found:
        for form, _g in found:
            cased = _cased(form, word)
            if cased != word and cased in seen:
                return cased, None
        form, g = found[0]
        cased = _cased(form, word)
        return cased, _ending(cased, word) if g == "masc" and cased != word else None
    return foreign_nominative(word, lang, seen, case, known, gender), None


def _ending(base: str, word: str) -> str:
    """The case ending ``word`` adds to ``base`` ("Фишером" over "Фишер": "ом"; "Петру" over
    "Пётр": "у"), "" when it is no masculine case ending of :data:`_CASE_GROUPS` ("Ильи" of
"Илья": some oblique case)."""
    b, w = base.lower().replace("ё", "е"), word.lower().replace("ё", "е")
    n = 0
    while n < min(len(b), len(w)) and b[n] == w[n]:
        n += 1
    ending = w[n:] if n >= len(b) - 1 and len(w) > n else ""
    return ending if any(ending in g for g in _CASE_GROUPS) else ""


_FEM_IA = ("ия", "ии", "ию", "ией", "иею")


# Men's names in -ий in use today: for these "-ии"/"-ию" stays masculine unless the article
# writes the -ия form itself; the dictionary's other -ий names ("Асий", "Юлий") are rare beside
# the women's names in -ия that share their forms ("Асия", "Юлия").
_MEN_IY = frozenset(
    """юрий георгий дмитрий василий анатолий валерий геннадий аркадий евгений виталий григорий иннокентий
    леонтий арсений афанасий викентий игнатий савелий терентий макарий дионисий лаврентий зиновий
    мефодий феодосий антоний онуфрий прокопий порфирий""".split()
)


def feminine_ia(span: Span, tokens: tuple[Token, ...], morph: Morphology, seen: Collection[str], lang: str) -> str | None:
    """"Асии Биби" → "Асия": a first name in -ия that the dictionary knows only as a man's name
    in -ий, whose -ий form the article never uses, its -ия form used (or the man's name a rare
    one, see ``_MEN_IY``), and the surname after it, if any, indeclinable (a man's surname would
    agree: "Василия Петрова")."""
    if lang != "ru":
        return None
    word = tokens[span.first].text
    end = next((e for e in _FEM_IA if word.endswith(e)), None)
    readings = morph.nominatives(word, ("Name",))
    if end is None or not readings or any(g != "masc" for _, g in readings):
        return None
    base = word[: len(word) - len(end)] + "ия"
    if _cased(readings[0][0], word) in seen or (base not in seen and readings[0][0].lower() in _MEN_IY):
        return None
    if span.last - span.first > 1:
        surname = tokens[span.first + 1].text
        if "Surn" in morph.info(surname).tags or foreign_nominative(surname, lang, (), None) != surname:
            return None
    return base


def _per_base(span: Span, tokens: tuple[Token, ...], feats: list[Feature], lang: str,
              morph: Morphology | None, seen: Collection[str], text: str, known: Collection[str]) -> str:
    """Word by word; the case a dictionary word shows ("Хайнца Фишера": genitive) is the case of
    the unknown words of the same name."""
    gender = _gender(span, tokens, morph) if morph is not None else None
    feminine = feminine_ia(span, tokens, morph, seen, lang) if morph is not None else None
    plain = {k for k in range(span.first, span.last)
             if not feats[k].cap or feats[k].initial or feats[k].latin or morph is None}
    case: str | None = None
    if morph is not None:
        for k in range(span.first, span.last):
            if k not in plain and case is None and "-" not in tokens[k].text:
                case = _person_word(tokens[k].text, lang, morph, seen, gender, None, known)[1]
        if case is None:
            case = _shared_ending([tokens[k].text for k in range(span.first, span.last) if k not in plain], morph)
    out: list[str] = []
    for k in range(span.first, span.last):
        word = tokens[k].text
        if k > span.first:
            out.append(text[tokens[k - 1].end:tokens[k].start])
        if k == span.first and feminine is not None:
            out.append(feminine)
        elif k in plain or morph is None:
            out.append(word)
        else:
            parts = word.split("-") if all(p[:1].isupper() for p in word.split("-")) else [word]
            out.append("-".join(_person_word(p, lang, morph, seen, gender, case, known)[0] for p in parts))
    return "".join(out)


def _shared_ending(ws: Sequence[str], morph: Morphology) -> str | None:
    """The masculine case ending every word of a name no dictionary knows as a name has, after a
    consonant ("Саджида Джавида": "а"), or None."""
    if len(ws) < 2 or any(morph.nominatives(w, _PERSONAL) for w in ws):
        return None
    for ending in ("а", "у", "ом"):
        if all(w.lower().endswith(ending) and len(w) > len(ending) + 2 and w[-len(ending) - 1].lower() not in _VOWELS
               for w in ws):
            return ending
    return None


def _cased(form: str, like: str) -> str:
    if like.isupper() and len(like) > 1:
        return form.upper()
    return form[:1].upper() + form[1:] if like[:1].isupper() else form


@lru_cache(maxsize=50_000)
def _word_count(name: str) -> int:
    return len(words(name))


def kb_base(span: Span) -> str | None:
    """The knowledge-base name the span matched, when it has as many words as the span: the
    span's base form, with no look-up."""
    if span.kb_name is not None and _word_count(span.kb_name) == span.last - span.first:
        return span.kb_name
    return None


def base_form(span: Span, tokens: tuple[Token, ...], feats: list[Feature], lang: str,
              morph: Morphology | None, seen: Collection[str], text: str, known: Collection[str] = ()) -> str:
    """Nominative base form of one span (see module doc); ``known``: the words of the knowledge
    base's person names in the article's language."""
    n = span.last - span.first
    kb_name = kb_base(span)
    if kb_name is not None:
        return kb_name
    if span.type == "PER":
        return _per_base(span, tokens, feats, lang, morph, seen, text, known)
    surface = text[tokens[span.first].start:tokens[span.last - 1].end]
    if morph is not None and n == 1 and feats[span.first].cap and not feats[span.first].upper:
        found = morph.nominative(surface, ("Geox",) if span.type == "LOC" else ("Orgn", "Geox"))
        if found is not None:
            return _cased(found[0], surface)
    return surface
