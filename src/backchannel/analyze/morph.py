"""Adapter for pymorphy3 (ru and uk dictionaries): word → WordInfo, and name inflection.

Only dictionary readings are used; pymorphy's guesses for unknown words (which turn "Маска"
into the noun "mask" and "Рамафоза" into "рамафоз") are ignored here and left to the rules.
Results are memoised per word form in a bounded cache owned by the adapter (deterministic,
so ``analyze`` stays a pure function of its inputs).
"""

from __future__ import annotations

from typing import Any

from backchannel.analyze.records import WordInfo

_PROPER = ("Name", "Surn", "Patr", "Geox", "Orgn", "Abbr", "Init")
_KINDS = ("Name", "Surn", "Patr", "Geox", "Orgn")
"""The kinds ``Morphology.nominatives`` reads a word as."""
_CASES = ("nomn", "gent", "datv", "accs", "ablt", "loct", "voct", "gen2", "loc2", "acc2")
_MAX_CACHE = 200_000
_PROPER_SET = frozenset(_PROPER)
_CASE_SET = frozenset(_CASES)
_KIND_SET = frozenset(_KINDS)
_COMMON_POS = frozenset(("ADJF", "VERB", "PREP", "CONJ", "PRCL", "NPRO", "ADVB", "INFN", "NUMR", "NOUN"))
"""The parts of speech a common reading adds to the word's tags."""
_UNKNOWN = WordInfo(frozenset())
_NAME_KNOWN = frozenset(("Name", "known"))
_NOMN = frozenset(("nomn",))
_NOMN_SING = frozenset(("nomn", "sing"))
_APOSTROPHES = str.maketrans({"’": "'", "ʼ": "'", "‘": "'", "`": "'"})
_UK_TO_RU = str.maketrans({"і": "и", "и": "ы", "ї": "йи", "є": "е", "ґ": "г", "'": "ъ", "’": "ъ", "І": "И", "Є": "Е", "Ї": "Йи"})


_SHARED: dict[frozenset[str], frozenset[str]] = {}


def shared(grammemes: frozenset[str]) -> frozenset[str]:
    """One object per distinct set of grammemes (a few hundred in all): the caches of word
    forms hold tens of thousands of readings, and each set less is one object less for memory
    and for the garbage collector to walk."""
    found = _SHARED.get(grammemes)
    if found is None:
        if len(_SHARED) >= _MAX_CACHE:
            _SHARED.clear()
        found = _SHARED[grammemes] = grammemes
    return found


def parse_word(analyzer: Any, word: str) -> list[Any]:
    """pymorphy3's parses of ``word``; none for a word it cannot handle (it raises ValueError on
    characters that have no Unicode name, such as unassigned code points)."""
    try:
        return list(analyzer.parse(word))
    except ValueError:
        return []


def dictionary_unit(analyzer: Any) -> Any:
    """The dictionary unit of a pymorphy3 analyser (None if it has none)."""
    return next((unit for unit, _terminal in getattr(analyzer, "_units", ())
                 if type(unit).__name__ == "DictionaryAnalyzer"), None)


def dictionary_parses(analyzer: Any, unit: Any, word: str, *, ranked: bool) -> list[Any]:
    """The dictionary unit's raw readings (word, tag, normal form, score, methods) of ``word``,
    ranked by probability as ``analyzer.parse`` ranks them when ``ranked`` or when their normal
    forms differ; left unranked otherwise, for a caller that reads only normal forms in order."""
    lower = word.lower()
    try:
        found: list[Any] = unit.parse(word, lower, set())
    except ValueError:  # characters without a Unicode name (see parse_word)
        return []
    estimator = analyzer.prob_estimator
    if found and estimator is not None and (ranked or len({p[2] for p in found}) > 1):
        found = estimator.apply_to_parses(word, lower, found)
    return found


class Morphology:
    """One language's analyser (``ru`` or ``uk``)."""

    def __init__(self, lang: str, fallback: Morphology | None = None) -> None:
        import pymorphy3

        self.lang = lang
        self._analyzer: Any = pymorphy3.MorphAnalyzer(lang=lang)
        self._dictionary: Any = dictionary_unit(self._analyzer)
        self._cache: dict[str, WordInfo] = {}
        self._genitive: dict[str, bool] = {}
        self._role: dict[str, bool] = {}
        self._nominatives: dict[tuple[str, tuple[str, ...]], list[tuple[str, str | None]]] = {}
        self._readings: dict[str, list[tuple[str, str | None, frozenset[str]]]] = {}
        self._inflected: dict[tuple[int, str, frozenset[str], frozenset[str], frozenset[str]], str] = {}
        self._fallback = fallback
        """For Ukrainian: the Russian dictionary, asked (after a letter mapping) about words the
        Ukrainian one does not know; it knows many more foreign places and names (Geox)."""

    def _parses(self, word: str) -> list[Any]:
        """The dictionary's readings of ``word``, in pymorphy's order. Only its dictionary unit
        is asked: for a word it does not know, the guessers that ``parse`` would run next (the
        costly part) give readings this adapter drops anyway."""
        analyzer = self._analyzer
        word = self._spelt(word)
        if self._dictionary is None:
            return [p for p in parse_word(analyzer, word)
                    if type(p.methods_stack[0][0]).__name__ == "DictionaryAnalyzer"]
        return [analyzer._result_type(*p) for p in dictionary_parses(analyzer, self._dictionary, word, ranked=True)]

    def _raw_parses(self, word: str, *, ranked: bool) -> list[Any]:
        """The dictionary's readings of ``word`` as plain tuples (word, tag, normal form, score,
        methods), without building pymorphy's Parse objects; in pymorphy's order when ``ranked``,
        for a caller that reads every reading alike otherwise."""
        if self._dictionary is None:
            return self._parses(word)
        return dictionary_parses(self._analyzer, self._dictionary, self._spelt(word), ranked=ranked)

    def _spelt(self, word: str) -> str:
        """``word`` as the dictionary spells it."""
        if self.lang == "uk":
            return word.translate(_APOSTROPHES)  # the dictionary writes "здоров'я", texts also ’ and ʼ
        return word

    def _tags_and_lemmas(self, word: str) -> list[tuple[Any, str]]:
        """(tag, normal form) of each dictionary reading, in the dictionary's order (not ranked by
        probability: :meth:`info` reads them as a set). Built by the dictionary itself, as pymorphy's
        dictionary unit builds them, without the parse records and probability ranking that unit
        adds (a third of its cost; this runs for every new capitalised form)."""
        if self._dictionary is None:
            return [(p.tag, p.normal_form) for p in self._parses(word)]
        d = self._dictionary.dict
        out: list[tuple[Any, str]] = []
        try:
            found = d.words.similar_items(self._spelt(word).lower(), self._analyzer.char_substitutes)
        except ValueError:  # characters without a Unicode name (see parse_word)
            return out
        for fixed_word, readings in found:
            out += [(d.build_tag_info(para_id, idx), d.build_normal_form(para_id, idx, fixed_word))
                    for para_id, idx in readings]
        return out

    def info(self, word: str) -> WordInfo:
        found = self._cache.get(word)
        if found is not None:
            return found
        parses = self._tags_and_lemmas(word)
        if not parses:
            result = _UNKNOWN
            if self._fallback is not None:
                other = self._fallback.info(word.translate(_UK_TO_RU))
                borrowed = other.tags & {"Geox", "Orgn"}
                if borrowed:
                    result = WordInfo(frozenset(borrowed))
            if result is _UNKNOWN and "-" in word:
                result = self._hyphenated_name(word)
        else:
            tags: set[str] = {"known"}
            lemmas: list[str] = []
            cases: set[str] = set()
            for tag, normal_form in parses:
                grammemes = tag.grammemes
                proper = _PROPER_SET & grammemes  # set intersections: no Python loop per grammeme
                tags.update(proper)
                if not proper:
                    tags.add("common")
                    tags.update(_COMMON_POS & grammemes)
                if normal_form not in lemmas:
                    lemmas.append(normal_form)
                cases.update(_CASE_SET & grammemes)
            result = WordInfo(shared(frozenset(tags)), tuple(lemmas), shared(frozenset(cases)))
        if len(self._cache) >= _MAX_CACHE:
            self._cache.clear()
        self._cache[word] = result
        return result

    def _hyphenated_name(self, word: str) -> WordInfo:
        """A double first name the dictionary lacks ("Франка-Вальтера", "Эва-Мария", "Жан-Клодом"):
        capitalised parts, the last a first name (it carries the case), none a place."""
        parts = word.split("-")
        if len(parts) != 2 or not all(len(p) > 1 and p[0].isupper() and p[1:].islower() for p in parts):
            return _UNKNOWN
        infos = [self.info(p) for p in parts]
        last = infos[-1]
        if "Name" not in last.tags or any("Geox" in i.tags for i in infos):
            return _UNKNOWN
        lemma = "-".join(i.lemmas[0] if i.lemmas else p.lower() for p, i in zip(parts[:-1], infos[:-1], strict=True))
        return WordInfo(_NAME_KNOWN, tuple(f"{lemma}-{x}" for x in last.lemmas), last.cases)

    def _proper_readings(self, word: str) -> list[tuple[str, str | None, frozenset[str]]]:
        """(nominative form, gender, its kinds among ``_KINDS``) per singular proper reading of
        ``word``, in pymorphy's order; computed once per word whatever kinds are asked later (the
        inflection is the costly part, and a name is asked as "Name" and as any personal kind).
        A word whose memoised :meth:`info` shows no such kind has none, and is not parsed again."""
        found = self._readings.get(word)
        if found is not None:
            return found
        found = []
        known = self._cache.get(word)
        if known is None or not _KIND_SET.isdisjoint(known.tags):
            for p in self._raw_parses(word, ranked=True):
                g = p[1].grammemes
                kinds = _KIND_SET & g
                if not kinds or ("plur" in g and "Sgtm" not in g and "Geox" not in g):
                    continue
                gender = "femn" if "femn" in g else "masc" if "masc" in g else None
                found.append((self._nominative_form(p, "Geox" in g), gender, kinds))
        if len(self._readings) >= _MAX_CACHE:
            self._readings.clear()
        self._readings[word] = found
        return found

    def _nominative_form(self, p: Any, place: bool) -> str:
        """The nominative (singular unless a place) of one reading, by pymorphy's inflection.
        Memoised per lexeme (paradigm and normal form) and the grammemes inflection aims at
        (``updated_grammemes``: the tag with the required ones put in, all that pymorphy's choice
        among the lexeme's forms reads of the tag), so "Путина" and "Путину" share one."""
        tag = p[1]
        first = _NOMN if place else _NOMN_SING
        stack = p[4]
        key = ((stack[0][2], p[2], first, tag.updated_grammemes(first), tag.updated_grammemes(_NOMN))
               if len(stack) == 1 else None)
        found = self._inflected.get(key) if key is not None else None
        if found is None:
            parse = self._analyzer._result_type(*p)
            inflected = parse.inflect(set(first)) or parse.inflect(set(_NOMN))
            found = inflected.word if inflected is not None else parse.normal_form
            if key is not None:
                if len(self._inflected) >= _MAX_CACHE:
                    self._inflected.clear()
                self._inflected[key] = found
        return found

    def nominatives(self, word: str, kinds: tuple[str, ...]) -> list[tuple[str, str | None]]:
        """Nominative singular forms of ``word`` read as one of ``kinds`` (Name/Surn/Patr/Geox/Orgn),
        best reading first, each with its gender (``masc``/``femn``/None); empty when the
        dictionary does not know the word as such."""
        cache_key = (word, kinds)
        cached = self._nominatives.get(cache_key)
        if cached is not None:
            return cached
        out: list[tuple[str, str | None]] = []
        for form, gender, of in self._proper_readings(word):
            if not of.isdisjoint(kinds) and (form, gender) not in out:
                out.append((form, gender))
        if len(self._nominatives) >= _MAX_CACHE:
            self._nominatives.clear()
        self._nominatives[cache_key] = out
        return out

    def nominative(self, word: str, kinds: tuple[str, ...], gender: str | None = None) -> tuple[str, str | None] | None:
        """The best nominative reading (of ``gender`` when one fits), or None."""
        found = self.nominatives(word, kinds)
        for form, g in found:
            if gender is None or g is None or g == gender:
                return form, g
        return found[0] if found else None

    def genitive(self, word: str) -> bool:
        """Whether a lower-case word can be a genitive noun or adjective ("общин", "иностранных");
        not a preposition or conjunction that is also a one-letter abbreviation ("в", "и", "по")."""
        found = self._genitive.get(word)
        if found is None:
            tags = [p[1] for p in self._raw_parses(word, ranked=False)]
            found = not any(t.POS in ("PREP", "CONJ") for t in tags) and any(
                "gent" in t.grammemes and t.POS in ("NOUN", "ADJF") and "Abbr" not in t.grammemes for t in tags
            )
            if len(self._genitive) >= _MAX_CACHE:
                self._genitive.clear()
            self._genitive[word] = found
        return found

    def role_word(self, word: str) -> bool:
        """Whether a lower-case word can stand inside a title: a genitive noun or an adjective
        ("министр иностранных дел", "первый заместитель"), not a preposition or a verb."""
        found = self._role.get(word)
        if found is None:
            tags = [p[1] for p in self._raw_parses(word, ranked=False)]
            found = bool(tags) and all(t.POS in ("NOUN", "ADJF", "PRTF") for t in tags) and any(
                t.POS != "NOUN" or "gent" in t.grammemes for t in tags
            )
            if len(self._role) >= _MAX_CACHE:
                self._role.clear()
            self._role[word] = found
        return found

    def is_first_name(self, word: str) -> bool:
        return "Name" in self.info(word).tags

    def forms(self, word: str) -> list[str]:
        """Every form of the word's first dictionary lexeme (for indexing names by their forms)."""
        low = word.casefold()
        for p in self._parses(word):
            if p.normal_form == low and "NOUN" in p.tag.grammemes and not p.tag.grammemes & {"Name", "Surn", "Patr"}:
                return [f.word for f in p.lexeme if "plur" not in f.tag.grammemes or "Pltm" in f.tag.grammemes]
        return []
