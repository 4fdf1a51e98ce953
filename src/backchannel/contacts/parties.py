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

from backchannel.contacts.cues import Cue, cue_noun, en_noun
from backchannel.contacts.grammar import (
    cases,
    nominative_form,
    participation,
    possessor,
    prev_word,
    skip_adjectives,
)
from backchannel.contacts.lexicon import fold
from backchannel.contacts.sentence import Sent

_COORD = frozenset(", и та і й а также and or или або чи & as well".split())
_EN_PREP = frozenset("to at in on by from into of".split())
_PREP_POS = ("PREP",)
_BETWEEN = frozenset("между меж між поміж between".split())
_SUCH_AS = (("такими", "як"), ("таких", "як"), ("таким", "як"), ("таких", "как"), ("такими", "как"), ("such", "as"),
            ("among", "them"), ("серед", "яких"), ("среди", "которых"))
_FRAME_PREPS = frozenset("в во на у после перед по при під після під час during at in after before following on".split())
_FRAME_NOUNS = frozenset("ходе время течение ході час course".split())
_EN_DETERMINERS = frozenset("the a an this that its their".split())
_OWN = frozenset("свой своем своём своей своим своего свою свої своїй своєму свого свою his her their own".split())
_NOUN_OBJ_PREPS = frozenset("к ко до to".split())
_EXIST = frozenset("состояться быть пройти проходить відбутися бути пройти".split())
_TOLD_PREPS = frozenset("о об обо про of about".split())
_GOVERNORS = ("support", "denial", "refusal", "intent", "needs_cue_object", "motion")
"""Verbs whose subject is a party of a cue noun they govern ("провели переговоры", "отменил
встречу", "прибыл в Киев для переговоров с …")."""
_WITH_WHOM = frozenset("кем которым которой которыми ким яким якою якими whom".split())


@dataclass(frozen=True, slots=True)
class Slot:
    mention: int
    slot: str
    anchor: int = -1
    """The word that opens the partner phrase (its preposition); coordinated names share it."""


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
    j = prev_word(sent, mi)
    prev = sent.words[j] if j >= 0 else None
    if sent.lang == "en" and sent.last[mi] + 1 == cue.word and sent.words[cue.word - 1].low.endswith(("'s", "s'")):
        return "gen"  # "Macron's talks with Putin"
    if prev is None:
        return "subj" if sent.lang == "en" or nominative_form(sent, mi) else "obj"
    low = prev.low
    if low in lex.sets["topic_preps"]:
        return None
    if participation(sent, j):
        return "with" if cue.verb else "gen"
    if low in lex.sets["comitative"] or _including(sent, j) or _spoke_to(sent, j, mi, cue):
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
    return "subj" if nominative_form(sent, mi) else "obj"


def _spoke_to(sent: Sent, j: int, mi: int, cue: Cue) -> bool:
    """"spoke to Trump", "talked to U.S. President Trump": English talk verbs take their partner
    with "to" too (a person: "spoke to Reuters" is press)."""
    return (sent.lang == "en" and cue.verb and sent.words[j].low == "to" and j == cue.word + 1
            and sent.mentions[mi].type == "PER" and sent.lex.any("companion", sent.words[cue.word].lemmas))


def _owners(sent: Sent, anchor: int, cues: list[int]) -> set[int]:
    """The cues a partner phrase starting at word ``anchor`` belongs to: the nearest one before
    it in its clause, else the nearest one after it; with a cue coordinated with that one
    ("зустрічався та обговорював справи з X")."""
    clause = sent.clause[anchor]
    own = [c for c in cues if sent.clause[c] == clause]
    before = [c for c in own if c <= anchor]
    after = [c for c in own if c > anchor]
    owner = before[-1] if before else after[0] if after else -1
    head = anchor - 1
    lex = sent.lex
    if (before and head > owner + 1 and sent.lang != "en" and sent.words[anchor].low in lex.sets["comitative"]
            and sent.words[head].tag.pos == "NOUN" and sent.word_mention[head] < 0
            and not lex.any("phone", sent.words[head].lemmas) and not lex.any("time_nouns", sent.words[head].lemmas)
            and not _discussed(sent, owner, head) and not _partner_after_object(sent, owner, anchor, head)):
        return set()
    if before and sent.lang != "en" and any(
            sent.words[k].tag.pos in ("VERB", "INFN") and k not in cues for k in range(owner + 1, anchor)):
        return set()
    out = {owner}
    if participation(sent, anchor - 1) and not _is_verb_cue(sent, owner):
        # "посетили саммит при участии X": who attends the event meets those taking part
        out.update(c for c in own if owner - 3 <= c < owner and _is_verb_cue(sent, c))
    for c in own:
        if c < owner and owner - c <= 4 and not _is_verb_cue(sent, owner) and _is_request(sent, c):
            out.add(c)
        if c < owner and owner - c <= 3 and any(sent.words[k].low in _COORD for k in range(c + 1, owner)):
            out.add(c)
    return out


def _partner_after_object(sent: Sent, verb: int, anchor: int, head: int) -> bool:
    """"обсудил возможные варианты реагирования на испытания ракеты с генсеком НАТО Марком Рютте":
    after a talk verb and its long object, "с" + a person (past a title) is still the partner,
    unless the noun before it is a matter that "с X" qualifies ("ситуацию с Навальным")."""
    lex = sent.lex
    w = sent.words[verb]
    if not (lex.any("companion", w.lemmas) and w.tag.pos in ("VERB", "INFN", "GRND")) or lex.any(
            "matter_nouns", sent.words[head].lemmas):
        return False
    for k in range(anchor + 1, min(anchor + 7, len(sent.words))):
        mi = sent.word_mention[k]
        if mi >= 0 and sent.mentions[mi].type == "PER":
            return True
        if mi < 0 and not (sent.words[k].text[:1].islower() or sent.words[k].text.isupper()):
            return False  # past a title ("генеральным секретарем НАТО"), nothing else
    return False


def _discussed(sent: Sent, verb: int, noun: int) -> bool:
    """"обсуждал этот вопрос с X", "обговорював питання з X": the thing talked about, right
    after a talk verb, does not take the partner phrase."""
    return (noun - verb <= 3 and sent.lex.any("companion", sent.words[verb].lemmas)
            and sent.words[verb].tag.pos in ("VERB", "INFN", "GRND") and "accs" in sent.words[noun].tag.cases)


def _is_request(sent: Sent, i: int) -> bool:
    lex = sent.lex
    return any(lex.verbs.get(x) == "request" for x in sent.words[i].lemmas)


def _is_verb_cue(sent: Sent, i: int) -> bool:
    if sent.lang == "en":
        return sent.words[i].low in sent.lex.verbs and not en_noun(sent, i)
    return any(x in sent.lex.verbs for x in sent.words[i].lemmas) and sent.words[i].tag.pos not in ("NOUN",)


def _relative_partner(sent: Sent, clause: int) -> list[Slot]:
    """"Среди тех, с кем разговаривал Маск, оказался Кириенко": the partner of a relative clause
    opened by "с кем" / "з яким" / "with whom" stands in the clause it qualifies."""
    ws = sent.words
    own = [i for i, c in enumerate(sent.clause) if c == clause]
    if len(own) < 2 or ws[own[0]].low not in sent.lex.sets["comitative"] or ws[own[0] + 1].low not in _WITH_WHOM:
        return []
    parent = sent.parent.get(clause)
    for mi, m in enumerate(sent.mentions):
        if m.type == "PER" and sent.clause_of(mi) == parent and nominative_form(sent, mi):
            return [Slot(mi, "with")]
    return []


_EN_FINITE = frozenset("says will would has have is was were are told tells added adds".split())
_WHO_PLURAL = frozenset("которые які who".split())
_AND = frozenset("и і й та and".split())


def relative_antecedents(sent: Sent, clause: int) -> list[Slot]:
    """"X и Y, которые сегодня встречаются" / "X і Y, які зустрілися" / "X and Y, who met": the
    coordinated names right before a plural relative pronoun are the subjects of its clause."""
    ws = sent.words
    own = [i for i, c in enumerate(sent.clause) if c == clause]
    k = own[0] if own else -1
    if k >= 0 and ws[k].text == ",":
        k += 1
    if k < 1 or k >= len(ws) or ws[k].low not in _WHO_PLURAL:
        return []
    j = k - 1 if ws[k - 1].text != "," else k - 2
    found: list[Slot] = []
    while j >= 0 and sent.word_mention[j] >= 0 and sent.mentions[sent.word_mention[j]].type == "PER":
        mi = sent.word_mention[j]
        found.append(Slot(mi, "subj", sent.first[mi]))
        p = prev_word(sent, mi)
        if p < 1 or ws[p].low not in _AND | {","}:
            break
        j = p - 1
    return found[::-1] if len(found) >= 2 else []


def _apposition(sent: Sent, mi: int) -> bool:
    """"Марии Захаровой, официальному представителю МИД": a title set off after a name is that
    person again, not another party."""
    m = sent.mentions[mi]
    j = sent.first[mi] - 1
    if not (m.role and fold(m.surface) == fold(m.role)) or j < 1 or sent.words[j].text != ",":
        return False
    prev = sent.word_mention[j - 1]
    return prev >= 0 and sent.mentions[prev].type == "PER"


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


def in_frame(sent: Sent, cue: int) -> bool:
    """Whether a cue noun is the setting of what the clause says: "на встрече с", "в разговоре
    с", "під час розмови", "during the call"."""
    ws = sent.words
    j = skip_adjectives(sent, cue - 1)
    if j >= 0 and ws[j].low in _EN_DETERMINERS:
        j -= 1
    if j >= 0 and ws[j].low in _FRAME_NOUNS:
        j -= 1
    return j >= 0 and ws[j].low in _FRAME_PREPS


def _addressee(sent: Sent, cue: Cue, s: Slot) -> bool:
    """"звонок Шольца Путину", "послание Трампа Зеленскому": a person in the dative a few words
    after a call or message noun is whom it went to."""
    mi = s.mention
    return (sent.lang != "en" and cue.kind in ("call", "message") and 0 < sent.first[mi] - cue.word <= 8
            and not nominative_form(sent, mi) and "datv" in cases(sent, mi))


def _exists(sent: Sent, cue: Cue) -> bool:
    """"У Путина и Маска состоялся разговор": an existence verb next to the cue noun."""
    return any(sent.words[k].lemmas & _EXIST for k in range(max(0, cue.word - 3), min(len(sent.words), cue.word + 3)))


def _unnamed_partner(sent: Sent, cue: Cue, cues: list[int]) -> bool:
    """Whether the cue has a partner phrase naming nobody we know ("встретился с представителями
    бизнеса", "met with reporters"): its parties are then all on one side."""
    ws = sent.words
    for k in range(cue.word + 1, min(cue.word + 6, len(ws))):
        if sent.clause[k] != sent.clause[cue.word] or (k != cue.word and k in cues):
            return False
        if ws[k].low in sent.lex.sets["comitative"] and ws[k].low not in _BETWEEN:
            for j in range(k + 1, min(k + 8, len(ws))):
                if sent.word_mention[j] >= 0:
                    if sent.mentions[sent.word_mention[j]].type == "PER":
                        return False
                    continue
                if ws[j].text in ",.;:":
                    return True
                if ws[j].tag.pos == "NOUN" and ws[j].text[:1].islower() and not _role_like(sent, j):
                    # "с представителями бизнеса"; not "с декабря" (since December: no instrumental)
                    return sent.lang == "en" or "ablt" in ws[j].tag.cases
            return True
    return False


def _role_like(sent: Sent, j: int) -> bool:
    """A title before a name ("президентом", "министром иностранных дел", "главой МИД")."""
    for k in range(j + 1, min(j + 7, len(sent.words))):
        if sent.word_mention[k] >= 0 and sent.mentions[sent.word_mention[k]].type == "PER":
            return True
        if sent.words[k].text in ",.;:":
            return False
    return False


def _told_about(sent: Sent, cue: int) -> bool:
    """"рассказал о телефонном разговоре с X", "told of his meeting with X": a cue noun that is
    what a speech verb right before tells about; its speaker took part."""
    j = skip_adjectives(sent, cue - 1)
    if j >= 0 and sent.words[j].low in _OWN:
        j = skip_adjectives(sent, j - 1)
    if j < 1 or sent.words[j].low not in _TOLD_PREPS:
        return False
    k = j - 1
    while k >= 0 and sent.words[k].tag.pos == "ADVB":
        k -= 1
    return k >= 0 and sent.lex.any("speech", sent.words[k].lemmas) and sent.clause[k] == sent.clause[cue]


def takes_subject(sent: Sent, cue: Cue) -> bool:
    """Whether the subject of the clause is a party of a cue noun: with a support verb ("провели
    переговоры", "held talks", "поддерживает контакты"), inside a phrase of time or place ("на
    встрече с", "в разговоре с", "під час розмови", "during the call"), "his own", or told about by
    its speaker ("рассказал о разговоре с")."""
    lex = sent.lex
    ws = sent.words
    clause = sent.clause[cue.word]
    for i, c in enumerate(sent.clause):
        if c == clause and i != cue.word and i < cue.word + 6 and any(
                lex.any(name, ws[i].lemmas) for name in _GOVERNORS) and ws[i].tag.pos not in ("ADJF", "PRTF"):
            return True
    j = skip_adjectives(sent, cue.word - 1)
    return in_frame(sent, cue.word) or (j >= 0 and ws[j].low in _OWN) or _told_about(sent, cue.word)


def _new_subject(sent: Sent, mi: int, between: list[str]) -> bool:
    """"Поговорив с Олафом Шольцем, Владимир Путин улетел": a name in the nominative after a
    comma, with its own verb right after it, starts the clause proper; it continues no list."""
    nxt = sent.last[mi] + 1
    if "," not in between or nxt >= len(sent.words):
        return False
    w = sent.words[nxt]
    if sent.lang == "en":
        return w.tag.tense == "past" or w.low in _EN_FINITE
    return nominative_form(sent, mi) and w.tag.pos == "VERB"


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
        j = prev_word(sent, mi)
        between = [w.low for w in sent.words[prev_end + 1:j + 1]]
        chained = (prev_end >= 0 and 0 < len(between) <= 3 and all(x in _COORD for x in between)
                   and ((sent.lang == "en" and not _new_subject(sent, mi, between))
                        or (sent.lang != "en" and nominative_form(sent, mi) == nominative_form(sent, prev_mi))
                        or (bool(cases(sent, mi) & cases(sent, prev_mi)) and not _new_subject(sent, mi, between))))
        if m.type != "PER" or _apposition(sent, mi):
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
        if mi in sent.sources and (sent.source_clause.get(mi, -1) != clause or (
                first > cue.word and not in_frame(sent, cue.word) and not _told_about(sent, cue.word))):
            continue  # "в ходе встречи Макрон и Стармер заявили": who speaks at the meeting is in it
        if possessor(sent, mi, cue.word):
            continue
        out.append(Slot(mi, slot, anchor))
    out += [s for s in _relative_partner(sent, clause) if all(o.mention != s.mention for o in out)]
    if cue.verb and not any(s.slot == "subj" for s in out):
        out += [s for s in relative_antecedents(sent, clause) if all(o.mention != s.mention for o in out)]
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
    if not any(s.slot == "with" for s in out) and _unnamed_partner(sent, cue, cues):
        return []
    if not cue.verb:
        out = [s for s in out if s.slot != "obj" or sent.words[s.anchor].low in _NOUN_OBJ_PREPS
               or (sent.words[s.anchor].low == "у" and _exists(sent, cue)) or _addressee(sent, cue, s)]
        if not takes_subject(sent, cue):
            out = [s for s in out if s.slot != "subj"]
        gen = [s for s in out if s.slot == "gen"]
        among = [s for s in out if s.slot == "with" and sent.words[s.anchor].low in _BETWEEN]
        companions = [s for s in out if s.slot in ("gen", "with", "obj")]
        if len(among) >= 2 or (gen and len({sent.mentions[s.mention].cluster for s in companions}) >= 2):
            out = [s for s in out if s.slot != "subj"]
    return out
