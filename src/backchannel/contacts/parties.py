"""Cues and the parties named around them, inside one clause.

A cue is a word of the lexicon (a lemma for ru/uk, a form for en) outside names and press
phrases. Its parties are the person mentions of its clause, each in a slot:

- ``with``: after a comitative preposition ("с Путиным", "з Путіним", "with Putin", "between");
- ``gen``: right after a cue noun ("встреча Путина и Зеленского", "Putin's meeting");
- ``from``: an originator ("послание от Трампа");
- ``subj``: nominative before the cue (ru/uk: the surface is its own base form); en: before it;
- ``obj``: any other.

Coordinated names ("с Путиным, Лукашенко и Алиевым") share the slot of the first. Not parties:
sources quoted from another clause, names after a topic preposition ("о Путине", "about"),
possessors ("помощник Путина Юрий Ушаков", "администрация Трампа", "Trump administration").
"""

from __future__ import annotations

from dataclasses import dataclass

from backchannel.contacts.cues import Cue, cue_noun
from backchannel.contacts.lexicon import fold
from backchannel.contacts.sentence import Sent
from backchannel.contacts.words import Word

_COORD = frozenset(", и та і й а также and or или або чи & as well".split())
_EN_PREP = frozenset("to at in on by from into of".split())
_PREP_POS = ("PREP",)
_BETWEEN = frozenset("между меж між поміж between".split())
_SUCH_AS = (("такими", "як"), ("таких", "як"), ("таким", "як"), ("таких", "как"), ("такими", "как"), ("such", "as"),
            ("among", "them"), ("серед", "яких"), ("среди", "которых"))
_EN_ADJ = frozenset("former acting outgoing incoming then late new top senior chief special".split())
_INTENSIFIERS = frozenset("сам самим самого самому самой самою сама самі свой своим своего своему своей своими "
                          "свій своїм свого своєму своєю himself herself".split())
_FRAME_PREPS = frozenset("в во на у после перед по при під після під час during at in after before following on".split())
_FRAME_NOUNS = frozenset("ходе время течение ході час course".split())
_OWN = frozenset("свой своем своём своей своим своего свою свої своїй своєму свого свою his her their own".split())
_GOVERNORS = ("support", "denial", "refusal", "intent")
_WITH_WHOM = frozenset("кем которым которой которыми ким яким якою якими whom".split())


@dataclass(frozen=True, slots=True)
class Slot:
    mention: int
    slot: str
    anchor: int = -1
    """The word that opens the partner phrase (its preposition); coordinated names share it."""


def _prev_word(sent: Sent, mi: int) -> int:
    """The word before mention ``mi``, skipping the role phrase written in front of it."""
    m = sent.mentions[mi]
    j = sent.first[mi] - 1
    if m.role and m.surface != m.role:
        role = fold(m.role).split()
        k = j
        while role and k >= 0 and sent.words[k].low == role[-1]:
            role.pop()
            k -= 1
        if not role:
            j = k
    if j >= 0 and sent.word_mention[j] >= 0 and sent.mentions[sent.word_mention[j]].type in ("LOC", "ORG"):
        j = sent.first[sent.word_mention[j]] - 1
    j = _skip_adjectives(sent, j)
    if sent.lang != "en" and j >= 0 and sent.word_mention[j] < 0:
        w = sent.words[j]
        head = sent.words[sent.last[mi]].tag.cases
        if (w.tag.pos == "NOUN" and w.text[:1].islower() and not cue_noun(sent, j)
                and w.tag.cases & head and not (head == {"gent"} and "gent" not in w.tag.cases)):
            j = _skip_adjectives(sent, j - 1)
    return j


def _skip_adjectives(sent: Sent, j: int) -> int:
    for _ in range(3):
        if j >= 0 and sent.word_mention[j] < 0 and _adjective(sent.words[j], sent.lang):
            j -= 1
    return j


def _adjective(w: Word, lang: str) -> bool:
    if lang == "en":
        return w.low in _EN_ADJ or w.low.endswith(("ian", "ese", "ish"))
    return (w.tag.pos in ("ADJF", "PRTF") or w.low in _INTENSIFIERS) and w.text[:1].islower()


def _nominative(sent: Sent, mi: int) -> bool:
    m = sent.mentions[mi]
    if fold(m.surface) == fold(m.base):
        return True
    head = sent.words[sent.first[mi]]
    if m.role and fold(m.surface) == fold(m.role):
        return "nomn" in head.tag.cases
    return False


def _cases(sent: Sent, mi: int) -> frozenset[str]:
    """The cases the mention can be in (from its first word, its last when the first is unknown)."""
    return sent.words[sent.first[mi]].tag.cases or sent.words[sent.last[mi]].tag.cases


def _genitive(sent: Sent, mi: int) -> bool:
    return not _nominative(sent, mi) and "gent" in _cases(sent, mi)


def possessor(sent: Sent, mi: int, cue: int) -> bool:
    """Whether the mention only qualifies another word: a genitive after a common noun
    ("администрация Трампа", "помощник Путина Юрий Ушаков"), "Trump's team", "Trump administration"."""
    ws = sent.words
    m = sent.mentions[mi]
    nxt = sent.last[mi] + 1
    if sent.lang == "en":
        if nxt < len(ws) and sent.word_mention[nxt] >= 0 and not m.kb_id:
            other = sent.mentions[sent.word_mention[nxt]]
            return other.type == "PER" and other.cluster != m.cluster
        if nxt < len(ws) and ws[nxt].low in ("'s", "s", "'"):
            after = nxt + 1
            return not (after < len(ws) and (cue_noun(sent, after) or ws[after].low in sent.lex.sets["phone"]))
        return nxt < len(ws) and ws[nxt].low in sent.lex.sets["possessor_heads"]
    if nxt < len(ws) and sent.word_mention[nxt] >= 0 and not m.kb_id:
        other = sent.mentions[sent.word_mention[nxt]]
        if other.type == "PER" and other.kb_id and other.cluster != m.cluster:
            return True
    if not _genitive(sent, mi):
        return False
    if nxt < len(ws) and sent.word_mention[nxt] >= 0:
        other = sent.mentions[sent.word_mention[nxt]]
        if other.type == "PER" and other.cluster != m.cluster:
            return True
    lex = sent.lex
    for j in {sent.first[mi] - 1, _prev_word(sent, mi)}:
        if j < 0 or sent.word_mention[j] >= 0:
            continue
        prev = ws[j]
        if prev.tag.pos != "NOUN" or not prev.text[:1].islower():
            continue
        if cue_noun(sent, j):
            if j != cue and lex.any("content", prev.lemmas):
                return True
            continue
        if not lex.any("intent", prev.lemmas):
            return True
    return False


def _including(sent: Sent, j: int) -> bool:
    """Whether an "including" phrase ("среди которых", "такими як", "such as") ends at word ``j``
    or a few words (a title) before it: "среди которых первый замглавы администрации …"."""
    for end in range(j, max(-1, j - 8), -1):
        if sent.words[end].text in ",.;:()":
            break
        for phrase in sent.lex.including + _SUCH_AS:
            n = len(phrase)
            if end - n + 1 >= 0 and tuple(w.low for w in sent.words[end - n + 1:end + 1]) == phrase:
                return True
    return False


def _slot(sent: Sent, mi: int, cue: Cue) -> str | None:
    lex = sent.lex
    j = _prev_word(sent, mi)
    prev = sent.words[j] if j >= 0 else None
    if prev is None:
        return "subj" if sent.lang == "en" or _nominative(sent, mi) else "obj"
    low = prev.low
    if low in lex.sets["topic_preps"]:
        return None
    if low in lex.sets["comitative"] or _including(sent, j):
        return "with"
    if low in lex.sets["source_preps"]:
        return "from"
    if (not cue.verb and j == cue.word) or (
            sent.lang != "en" and cue_noun(sent, j) and j != cue.word and not lex.any("content", prev.lemmas)):
        return "gen"
    if sent.lang == "en":
        nxt = sent.last[mi] + 1
        if nxt < len(sent.words) and sent.words[nxt].low in ("'s", "s", "'") and nxt + 1 == cue.word:
            return "gen"
        if low == "of" and j > 0 and cue_noun(sent, j - 1):
            return "gen"
        if low in _EN_PREP:
            return "obj"
        return "subj" if sent.first[mi] < cue.word else "obj"
    if prev.tag.pos in _PREP_POS:
        return "obj"
    if sent.lex.any("counterpart", sent.words[cue.word].lemmas) and not cue.verb:
        return "with"
    return "subj" if _nominative(sent, mi) else "obj"


def _owners(sent: Sent, anchor: int, cues: list[int]) -> set[int]:
    """The cues a partner phrase starting at word ``anchor`` belongs to: the nearest one before
    it in its clause, else the nearest one after it; with a cue coordinated with that one
    ("зустрічався та обговорював справи з X")."""
    clause = sent.clause[anchor]
    own = [c for c in cues if sent.clause[c] == clause]
    before = [c for c in own if c <= anchor]
    after = [c for c in own if c > anchor]
    owner = before[-1] if before else after[0] if after else -1
    if before and sent.lang != "en" and any(
            sent.words[k].tag.pos in ("VERB", "INFN") and k not in cues for k in range(owner + 1, anchor)):
        return set()
    out = {owner}
    for c in own:
        if c < owner and owner - c <= 3 and any(sent.words[k].low in _COORD for k in range(c + 1, owner)):
            out.add(c)
    return out


def _relative_partner(sent: Sent, clause: int) -> list[Slot]:
    """"Среди тех, с кем разговаривал Маск, оказался Кириенко": the partner of a relative clause
    opened by "с кем" / "з яким" / "with whom" stands in the clause it qualifies."""
    ws = sent.words
    own = [i for i, c in enumerate(sent.clause) if c == clause]
    if len(own) < 2 or ws[own[0]].low not in sent.lex.sets["comitative"] or ws[own[0] + 1].low not in _WITH_WHOM:
        return []
    parent = sent.parent.get(clause)
    for mi, m in enumerate(sent.mentions):
        if m.type == "PER" and sent.clause_of(mi) == parent and _nominative(sent, mi):
            return [Slot(mi, "with")]
    return []


def _states(sent: Sent, cue: Cue) -> list[Slot]:
    """Countries as parties, only in "переговоры между Россией и Украиной" / "talks between
    Russia and Ukraine" (a cue noun, then "между"/"між"/"between" within a word or two)."""
    ws = sent.words
    if cue.verb:
        return []
    for k in range(cue.word + 1, min(cue.word + 4, len(ws))):
        if ws[k].low in ("между", "між", "поміж", "between"):
            found: list[Slot] = []
            for j in range(k + 1, min(k + 10, len(ws))):
                mi = sent.word_mention[j]
                if ws[j].text in ".;:!?":
                    break
                if mi >= 0 and (sent.mentions[mi].kb_id or "").startswith("country-"):
                    if all(f.mention != mi for f in found):
                        found.append(Slot(mi, "with", k))
            return found if len(found) >= 2 else []
    return []


def _takes_subject(sent: Sent, cue: Cue) -> bool:
    """Whether the subject of the clause is a party of a cue noun: with a support verb ("провели
    переговоры", "held talks", "поддерживает контакты"), inside a phrase of time or place ("на
    встрече с", "в разговоре с", "під час розмови", "during the call"), or "his own"."""
    lex = sent.lex
    ws = sent.words
    clause = sent.clause[cue.word]
    for i, c in enumerate(sent.clause):
        if c == clause and i != cue.word and i < cue.word + 6 and any(
                lex.any(name, ws[i].lemmas) for name in _GOVERNORS) and ws[i].tag.pos not in ("ADJF", "PRTF"):
            return True
    j = _skip_adjectives(sent, cue.word - 1)
    if j >= 0 and ws[j].low in _FRAME_NOUNS:
        j -= 1
    return j >= 0 and (ws[j].low in _FRAME_PREPS or ws[j].low in _OWN)


def slots(sent: Sent, cue: Cue, cues: list[int]) -> list[Slot]:
    """The person mentions that can be parties of ``cue`` (``cues``: every cue word of the
    sentence, for attaching partner phrases to the nearest one), with their slots."""
    clause = sent.clause[cue.word]
    out: list[Slot] = []
    prev_slot: str | None = None
    prev_anchor = -1
    prev_end = -2
    prev_mi = -1
    for mi, m in enumerate(sent.mentions):
        if sent.clause_of(mi) != clause:
            prev_end = -2
            continue
        first = sent.first[mi]
        j = _prev_word(sent, mi)
        between = [w.low for w in sent.words[prev_end + 1:j + 1]]
        chained = (prev_end >= 0 and 0 < len(between) <= 3 and all(x in _COORD for x in between)
                   and (sent.lang == "en" or _nominative(sent, mi) == _nominative(sent, prev_mi)
                        or bool(_cases(sent, mi) & _cases(sent, prev_mi))))
        if m.type != "PER":
            prev_end = sent.last[mi] if chained else -2
            continue
        if chained:
            slot, anchor = prev_slot, prev_anchor
        else:
            slot = _slot(sent, mi, cue)
            anchor = j if j >= 0 and sent.words[j].tag.pos in _PREP_POS + ("",) and slot != "subj" else first
            if slot == "subj":
                anchor = first
        prev_slot, prev_anchor, prev_end, prev_mi = slot, anchor, sent.last[mi], mi
        if slot is None or sent.in_press(first):
            continue
        if slot != "subj" and cue.word not in _owners(sent, anchor, cues):
            continue
        if mi in sent.sources and (sent.source_clause.get(mi, -1) != clause or first > cue.word):
            continue
        if possessor(sent, mi, cue.word):
            continue
        out.append(Slot(mi, slot, anchor))
    out += [s for s in _relative_partner(sent, clause) if all(o.mention != s.mention for o in out)]
    if sent.lang != "en":
        subj_anchor = -2
        fixed: list[Slot] = []
        for s in out:
            if s.slot == "subj" and sent.first[s.mention] > cue.word and subj_anchor not in (-2, s.anchor):
                s = Slot(s.mention, "obj", s.anchor)
            elif s.slot == "subj" and subj_anchor == -2:
                subj_anchor = s.anchor
            fixed.append(s)
        out = fixed
    if not out:
        out = _states(sent, cue)
    if not cue.verb:
        out = [s for s in out if s.slot != "obj" or sent.words[s.anchor].tag.pos in _PREP_POS
               or sent.words[s.anchor].low in _EN_PREP]
        if not _takes_subject(sent, cue):
            out = [s for s in out if s.slot != "subj"]
        gen = [s for s in out if s.slot == "gen"]
        among = [s for s in out if s.slot == "with" and sent.words[s.anchor].low in _BETWEEN]
        companions = [s for s in out if s.slot in ("gen", "with", "obj")]
        if len(among) >= 2 or (gen and len({sent.mentions[s.mention].cluster for s in companions}) >= 2):
            out = [s for s in out if s.slot != "subj"]
    return out
