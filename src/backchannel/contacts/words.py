"""The words of one sentence with what the contact rules need to know about them.

Russian and Ukrainian words are tagged through pymorphy3 (dictionary readings only), loaded
on first use and memoised per word form in a bounded cache owned by the tagger; English words
get a few suffix rules. Nothing here is loaded at import.
"""

from __future__ import annotations

import re
from functools import cache
from typing import Any, NamedTuple

from backchannel.analyze.morph import dictionary_parses, dictionary_unit, parse_word, shared
from backchannel.analyze.tokens import ABBREVIATIONS
from backchannel.contacts.lexicon import fold

_WORD = re.compile(r"[^\W\d_]+(?:[-'’ʼ][^\W\d_]+)*|\d+(?:[.,:]\d+)*|[^\w\s]", re.UNICODE)
_WORD_EN = re.compile(r"(?:[^\W\d_]\.){2,}|" + _WORD.pattern, re.UNICODE)
"""English also keeps dotted abbreviations whole: "U.S.", "D.C."."""
_MAX_CACHE = 100_000
_PROPER = frozenset(("Name", "Surn", "Patr", "Geox", "Orgn"))
_POS = ("VERB", "INFN", "GRND", "PRTF", "PRTS", "NOUN", "ADJF", "ADJS", "PREP", "CONJ", "PRCL", "NPRO",
        "ADVB", "NUMR", "COMP", "PRED")
_EN_PAST = frozenset(
    "met spoke sent wrote sought rang held had took began kept told said made went came saw gave led was were "
    "did thought brought".split()
)
_EN_NONVERB = frozenset("the a an this that these those his her their its our my your".split())


class Tag(NamedTuple):
    lemmas: frozenset[str]
    pos: str
    tense: str
    """``past``, ``pres``, ``futr``, ``infn`` or empty (not a verb)."""
    cases: frozenset[str]
    plural: bool
    known: bool = True
    """Whether the dictionary knows the word as a common word (not only as a name, not a guess)."""


class Word(NamedTuple):
    start: int
    end: int
    text: str
    low: str
    tag: Tag

    @property
    def lemmas(self) -> frozenset[str]:
        return self.tag.lemmas


_EMPTY = frozenset[str]()


_FORMER = ("экс-", "екс-")
"""Prefixes of a title that keep its grammar and meaning for us ("экс-госсекретарь" is a
"госсекретарь": a role noun standing for a person)."""


class Tagger:
    """pymorphy3 for one language, with its own bounded cache of tags per word form."""

    def __init__(self, lang: str) -> None:
        import pymorphy3

        self._analyzer: Any = pymorphy3.MorphAnalyzer(lang=lang)
        self._dictionary: Any = dictionary_unit(self._analyzer)
        self._cache: dict[str, Tag] = {}

    def _parses(self, low: str) -> list[Any]:
        """pymorphy3's parses of ``low``, of which ``tag`` keeps the dictionary readings when there
        are any: those alone when the dictionary knows the word (ranked as ``parse`` ranks them,
        without the units that only add readings ``tag`` drops), else every parse (its guesses)."""
        if self._dictionary is not None:
            found = dictionary_parses(self._analyzer, self._dictionary, low, ranked=True)
            if found:
                return [self._analyzer._result_type(*p) for p in found]
        return parse_word(self._analyzer, low)

    def forms(self, lemma: str) -> list[str]:
        """Every form of the dictionary lexemes whose normal form is ``lemma`` (folded)."""
        out: list[str] = [lemma]
        for p in parse_word(self._analyzer, lemma):
            if fold(p.normal_form) == lemma:
                out.extend(fold(f.word) for f in p.lexeme)
        return out

    def tag(self, low: str) -> Tag:
        found = self._cache.get(low)
        if found is not None:
            return found
        for prefix in _FORMER:
            if low.startswith(prefix) and len(low) > len(prefix) + 2:
                inner = self.tag(low[len(prefix):])
                found = inner._replace(lemmas=inner.lemmas | {low})
                self._cache[low] = found
                return found
        parses = self._parses(low)
        dictionary = [p for p in parses if type(p.methods_stack[0][0]).__name__ == "DictionaryAnalyzer"]
        known = dictionary or parses[:1]
        common = any(not p.tag.grammemes & _PROPER for p in dictionary)
        lemmas = frozenset(fold(p.normal_form) for p in known) | {low}
        best = known[0].tag if known else None
        prep = next((p.tag for p in known if p.tag.POS == "PREP"), None)
        if prep is not None and len(low) <= 3:
            best = prep  # a short preposition first ("до" is also a musical note: a noun)
        pos = str(best.POS or "") if best is not None else ""
        tense = ""
        if best is not None and pos == "VERB":
            tense = str(best.tense or "pres")
        elif pos == "INFN":
            tense = "infn"
        cases = shared(frozenset(str(p.tag.case) for p in known if p.tag.case))
        plural = any("plur" in p.tag for p in known)
        found = Tag(lemmas, pos, tense, cases, plural, common)
        if len(self._cache) >= _MAX_CACHE:
            self._cache.clear()
        self._cache[low] = found
        return found


@cache
def tagger(lang: str) -> Tagger:
    """The tagger of ``ru`` or ``uk``, built on first use."""
    return Tagger(lang)


def _english(low: str) -> Tag:
    if low in _EN_PAST or (low.endswith("ed") and len(low) > 4):
        tense = "past"
    elif low.endswith("ing") and len(low) > 5:
        tense = "ger"
    else:
        tense = ""
    pos = "DET" if low in _EN_NONVERB else ""
    return Tag(frozenset((low,)), pos, tense, _EMPTY, low.endswith("s"))


def _abbreviation(raw: str) -> bool:
    """An English title or initial whose dot ends no clause: "Mr.", "Dr.", "St.", "J."."""
    return (len(raw) == 1 and raw.isupper()) or raw.lower() in ABBREVIATIONS


_PUNCT = Tag(_EMPTY, "PNCT", "", _EMPTY, False)
_NUMBER = Tag(_EMPTY, "NUMB", "", _EMPTY, False)
_FOLDED: dict[str, str] = {}
"""``fold`` of the word forms seen (bounded like the taggers' caches): a word is folded once."""


def _fold(raw: str) -> str:
    low = _FOLDED.get(raw)
    if low is None:
        if len(_FOLDED) >= _MAX_CACHE:
            _FOLDED.clear()
        low = _FOLDED[raw] = fold(raw)
    return low


def words(text: str, start: int, end: int, lang: str) -> list[Word]:
    """The words (and punctuation marks) of ``text[start:end]``, offsets into ``text``."""
    out: list[Word] = []
    tag = tagger(lang).tag if lang in ("ru", "uk") else _english
    punct = _PUNCT
    folded = _FOLDED.get
    dot = -1
    for m in (_WORD_EN if lang == "en" else _WORD).finditer(text, start, end):
        s, e = m.span()
        raw = m.group()
        if s == dot:
            continue
        if lang == "en" and text[e:e + 1] == "." and e < end - 1 and _abbreviation(raw):
            out.append(Word(s, e + 1, raw + ".", fold(raw + "."), tag(fold(raw))))
            dot = e
            continue
        low = folded(raw) or _fold(raw)
        if not raw[0].isalpha():
            out.append(Word(s, e, raw, low, punct if not raw[0].isdigit() else _NUMBER))
            continue
        out.append(Word(s, e, raw, low, tag(low)))
    return out
