"""Parties a clause does not name: plural anaphors ("стороны", "двух лидеров", "the two men"),
personal pronouns ("он созванивался", "he spoke"), and elided or unnamed subjects ("Ердоан мав
розмову", "российский министр был принят") filled from the governing clause or the topic."""

from __future__ import annotations

from backchannel.contacts.cues import Cue
from backchannel.contacts.discourse import Person, nominative, person
from backchannel.contacts.grammar import possessor
from backchannel.contacts.lexicon import fold
from backchannel.contacts.parties import takes_subject
from backchannel.contacts.sentence import Sent
from backchannel.contacts.words import Word

_ATTRIBUTION_PREPS = frozenset("по за according".split())
_POSSESSIVE = frozenset("его ее её их його її їх his her their".split())
_EN_PREPS = frozenset("to at in on by from into of for with about after before during".split())
_BOTH = frozenset("оба обе двое обидва обидві двоє".split())
Parties = list[tuple[Person, str]]
"""Each party with its slot (``subj``, ``with``, ``gen``, ``from``, ``obj``; ``+N`` appended: the
anchor of its partner phrase)."""


def plural_anaphor(sent: Sent, own: list[int], cue: int = -1) -> int:
    """A word (or en phrase) standing for several parties named before: "стороны", "двух лидеров",
    "с ними", "the two men"; near the cue. Its index, or -1."""
    ws = sent.words
    lex = sent.lex
    for i in own:
        if sent.word_mention[i] >= 0 or (cue >= 0 and not cue - 6 <= i <= cue + 3):
            continue
        if sent.lang == "en":
            for phrase in lex.anaphor_plural:
                if tuple(w.low for w in ws[i:i + len(phrase)]) == phrase and not (
                        i > 0 and ws[i - 1].low in lex.sets["not_anaphoric"]):
                    return i
        elif lex.any("anaphor_plural", ws[i].lemmas) and (ws[i].tag.plural or ws[i].lemmas & _BOTH) and not (
                i > 0 and ws[i - 1].tag.pos == "PREP" and ws[i - 1].low not in lex.sets["comitative"]):
            if any(lex.any("not_anaphoric", ws[k].lemmas) for k in range(max(0, i - 2), i)):
                continue
            return i
    return -1


def leader_word(sent: Sent, i: int) -> bool:
    return any(sent.lex.any("leader_words", w.lemmas) for w in sent.words[i:i + 3])


def governing_subject(sent: Sent, clause: int, exclude: set[int]) -> Person | None:
    for anc in sent.ancestors(clause):
        found = [mi for mi, m in enumerate(sent.mentions)
                 if m.type == "PER" and sent.clause_of(mi) == anc and m.cluster not in exclude
                 and not possessor(sent, mi, -1)]
        subjects = [mi for mi in found if nominative(sent.mentions[mi])]
        if subjects or found:
            return person(sent.mentions[(subjects or found)[0]])
    return None


def elided(sent: Sent, cue: Cue, own: list[int], topic: Person | None) -> bool:
    """Whether the cue's subject is left out or unnamed: no common noun stands as its subject, a
    cue noun has no other named party of its own ("спілкування Кремля з Маском"), the verb is
    not an indefinite plural ("позвонили"), and an unknown name before it can be a misspelling
    of the topic ("Ердоан" for "Ердоган")."""
    lex = sent.lex
    nxt = cue.word + 1
    if not cue.verb and nxt < len(sent.words) and sent.word_mention[nxt] >= 0:
        return False
    if cue.verb and sent.words[cue.word].tag.plural and sent.words[cue.word].tag.tense in ("past", "pres"):
        return False
    for i in own:
        if i >= cue.word:
            break
        w = sent.words[i]
        mi = sent.word_mention[i]
        if mi >= 0:
            m = sent.mentions[mi]
            if m.type != "PER" and nominative(m) and sent.first[mi] == i and not _in_pp(sent, i):
                return False
            continue
        if not w.text[:1].isalpha():
            continue
        if w.text[:1].isupper() and _name_like(w) and (topic is None or not _alike(w.low, fold(topic.name))):
            return False
        if (w.text[:1].isupper() and i == own[0] and w.tag.pos == "NOUN" and "nomn" in w.tag.cases
                and not lex.any("anaphor_roles", w.lemmas) and w.lemmas.isdisjoint(lex.nouns)):
            return False
        if (w.text[:1].islower() and w.tag.pos == "NOUN" and "nomn" in w.tag.cases and not lex.any("anaphor_roles", w.lemmas)
                and w.lemmas.isdisjoint(lex.nouns) and not _in_pp(sent, i)):
            return False
    return True


def pronoun_subject(sent: Sent, cue: Cue, own: list[int]) -> int:
    """A personal pronoun that can be the cue's subject ("он созванивался", "he spoke", "его
    встреча с Трампом"), not one inside "по его словам"."""
    lex = sent.lex
    ws = sent.words
    for i in own:
        w = ws[i]
        if w.low not in lex.sets["anaphor_single"] or sent.word_mention[i] >= 0 or i > cue.word:
            continue
        if i > 0 and ws[i - 1].low in _ATTRIBUTION_PREPS:
            continue
        if w.low in _POSSESSIVE and not (not cue.verb and cue.word - i <= 2):
            continue
        if sent.lang == "en" and w.low in ("him", "her") and not (not cue.verb and cue.word - i <= 2):
            continue
        return i
    return -1


def _name_like(w: Word) -> bool:
    """A capitalised word that reads as a name the recogniser missed: unknown to the dictionary,
    or known only in cases a subject cannot take ("Адани")."""
    return w.tag.pos in ("NOUN", "") and (not w.tag.known or not w.tag.cases & {"nomn"})


def noun_fillable(sent: Sent, cue: Cue, own: list[int], parties: Parties) -> bool:
    """Whether a cue noun's unnamed party can be the subject of the clause, its governing clause
    or the topic: the noun names no party of its own ("встреча Колесниковой с родственниками"),
    no person stands in the clause as a subject that is not a party ("Зеленский был против
    звонка Шольца"), and the noun is carried by a support verb, a phrase of time or place, or
    is itself the subject ("Разговор с Лукашенко был инициирован …")."""
    if any(base_slot(s) == "gen" for _, s in parties):
        return False
    ids = {p.cluster for p, _ in parties}
    for mi, m in enumerate(sent.mentions):
        if (m.type == "PER" and sent.clause_of(mi) == sent.clause[cue.word] and m.cluster not in ids
                and nominative(m) and mi not in sent.sources and not possessor(sent, mi, cue.word)):
            return False
    nxt = cue.word + 1
    if (nxt < len(sent.words) and sent.words[nxt].tag.pos == "NOUN" and sent.word_mention[nxt] < 0
            and not sent.lex.any("anaphor_roles", sent.words[nxt].lemmas)):
        return False
    if takes_subject(sent, cue):
        return True
    w = sent.words[cue.word]
    before = [sent.words[i] for i in own if i < cue.word]
    if sent.lang == "en":
        return all(x.text[:1].islower() and not x.tag.tense and x.low not in _EN_PREPS for x in before)
    return "nomn" in w.tag.cases and not any(x.tag.pos in ("NOUN", "PREP", "VERB") for x in before)


def _alike(word: str, name: str) -> bool:
    """A misspelling of the name's last word: the same first letter, at most two edits apart."""
    last = name.split()[-1] if name.split() else name
    if not word or not last or word[0] != last[0] or abs(len(word) - len(last)) > 2:
        return False
    prev = list(range(len(last) + 1))
    for i, a in enumerate(word, 1):
        cur = [i]
        for j, b in enumerate(last, 1):
            cur.append(min(prev[j] + 1, cur[j - 1] + 1, prev[j - 1] + (a != b)))
        prev = cur
    return prev[-1] <= 2


_FRAME_HEADS = frozenset("время ходе течение час ході".split())
"""Nouns of "во время / в ходе / під час X": X is still inside the prepositional phrase."""


def _in_pp(sent: Sent, i: int) -> bool:
    """Whether the noun at ``i`` follows a preposition (maybe across adjectives): "в ближайшее время"."""
    if sent.lex.any("time_nouns", sent.words[i].lemmas):
        return True
    for j in range(i - 1, max(-1, i - 4), -1):
        w = sent.words[j]
        if w.tag.pos == "PREP":
            return True
        if w.low in _FRAME_HEADS:
            continue
        if w.tag.pos not in ("ADJF", "PRTF", "NUMR", "PRCL", "NPRO"):
            return False
    return False


def base_slot(slot: str) -> str:
    return slot.split("+", 1)[0]
