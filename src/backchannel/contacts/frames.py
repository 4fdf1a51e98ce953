"""From a cue and its slots to the full list of parties: anaphora, elided subjects, roles, splits.

- A cue is kept only where its kind of verb can name a contact: a talk verb needs a partner
  ("говорил с X", or a plural subject); a message verb a message noun or a named addressee;
  a hosting verb a person received and no "принял решение"; "called" a person right after.
- Missing parties come from the discourse: a plural anaphor ("стороны", "the two men", "с ними")
  brings the parties of the last reported contact; a pronoun its antecedent; "коллега",
  "counterpart" the other party of the last contact; an elided or unnamed subject ("Ердоан",
  "российский министр") the subject of the governing clause or the topic.
- Roles: the subject of a directed verb (позвонил, передал, пригласил, посетил) is the
  initiator and the others recipients; a host receives (recipient) a guest (initiator).
- One caller and several people called ("провел телефонные разговоры с A, B и C"), or several
  senders of one kind of message to one addressee, are separate contacts: one report each.
"""

from __future__ import annotations

from backchannel.contacts.cues import Cue
from backchannel.contacts.discourse import Discourse, Person, nominative, person
from backchannel.contacts.parties import Slot, possessor
from backchannel.contacts.polarity import _negated
from backchannel.contacts.sentence import Sent
from backchannel.model import Party, PartyRole

_PARTY_PREV_BLOCK = frozenset("a an the".split())
_ATTRIBUTION_PREPS = frozenset("по за according".split())
_POSSESSIVE = frozenset("его ее её их його її їх his her their".split())
_BETWEEN = frozenset("между меж між поміж between".split())
_BOTH = frozenset("оба обе двое обидва обидві двоє".split())
Parties = list[tuple[Person, str]]
"""Each party with its slot (``subj``, ``with``, ``gen``, ``from``, ``obj``; ``+N`` appended: the
anchor of its partner phrase)."""


def valid(sent: Sent, cue: Cue, slots: list[Slot]) -> bool:
    """Whether the cue can name a contact here (see module doc)."""
    lex = sent.lex
    ws = sent.words
    w = ws[cue.word]
    clause = sent.clause[cue.word]
    own = [i for i, c in enumerate(sent.clause) if c == clause]
    if cue.host:
        for i in own:
            if i > cue.word and lex.any("host_block", ws[i].lemmas):
                return False
            if i > cue.word and sent.word_mention[i] >= 0 and sent.mentions[sent.word_mention[i]].type == "PER":
                return True
        return w.tag.pos == "PRTS" and any(s.slot != "subj" for s in slots)
    if lex.any("message_verbs", w.lemmas) and cue.verb:
        nxt = cue.word + 1
        named = nxt < len(ws) and sent.word_mention[nxt] >= 0
        return named or any(lex.any("content", ws[i].lemmas) for i in own if i != cue.word)
    if sent.lang == "en" and cue.verb and w.low in ("call", "calls", "called", "calling"):
        nxt = cue.word + 1
        if nxt >= len(ws) or sent.word_mention[nxt] < 0:
            return False
        after = sent.last[sent.word_mention[nxt]] + 1
        return not (after < len(ws) and ws[after].low in _PARTY_PREV_BLOCK)
    if sent.lang == "en" and cue.verb and cue.word == own[0] and w.tag.tense == "past" and cue.directed:
        return False
    if lex.any("needs_cue_object", w.lemmas):
        nxt = cue.word + 1
        addressee = nxt < len(ws) and sent.word_mention[nxt] >= 0
        if not addressee and not any(ws[i].lemmas & (lex.nouns.keys() | lex.verbs.keys())
                                     for i in own if cue.word < i <= cue.word + 3):
            return False
    if lex.any("companion", w.lemmas):
        if any(s.slot == "with" for s in slots):
            return True
        if lex.any("companion_strict", w.lemmas):
            return False
        return _plural_anaphor(sent, own, cue.word) >= 0 or sum(1 for s in slots if s.slot == "subj") >= 2
    if lex.any("counterpart", w.lemmas) and not cue.verb:
        return any(s.slot == "with" for s in slots)
    return True


def _plural_anaphor(sent: Sent, own: list[int], cue: int = -1) -> int:
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
        elif lex.any("anaphor_plural", ws[i].lemmas) and (ws[i].tag.plural or ws[i].lemmas & _BOTH):
            if i > 0 and lex.any("not_anaphoric", ws[i - 1].lemmas):
                continue
            return i
    return -1


def _leader_word(sent: Sent, i: int) -> bool:
    return any(sent.lex.any("leader_words", w.lemmas) for w in sent.words[i:i + 3])


def _governing_subject(sent: Sent, clause: int, exclude: set[int]) -> Person | None:
    for anc in sent.ancestors(clause):
        found = [mi for mi, m in enumerate(sent.mentions)
                 if m.type == "PER" and sent.clause_of(mi) == anc and m.cluster not in exclude
                 and not possessor(sent, mi, -1)]
        subjects = [mi for mi in found if nominative(sent.mentions[mi])]
        if subjects or found:
            return person(sent.mentions[(subjects or found)[0]])
    return None


def _elided(sent: Sent, cue: Cue, own: list[int]) -> bool:
    """Whether the cue's subject is left out or unnamed (no common noun stands as its subject, and
    a cue noun has no other named party of its own: "спілкування Кремля з Маском")."""
    lex = sent.lex
    nxt = cue.word + 1
    if not cue.verb and nxt < len(sent.words) and sent.word_mention[nxt] >= 0:
        return False
    for i in own:
        if i >= cue.word:
            break
        w = sent.words[i]
        if sent.word_mention[i] >= 0 or not w.text[:1].isalpha():
            continue
        if (w.text[:1].islower() and w.tag.pos == "NOUN" and "nomn" in w.tag.cases and not lex.any("anaphor_roles", w.lemmas)
                and not w.lemmas & lex.nouns.keys() and not _in_pp(sent, i)):
            return False
    return True


def _pronoun(sent: Sent, cue: Cue, own: list[int]) -> int:
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


def _joined_meeting(sent: Sent, own: list[int], state: Discourse) -> list[Person]:
    """"Во встрече также участвовали X и Y": the parties of the meeting they joined."""
    if any(sent.lex.any("participate", sent.words[i].lemmas) and not _negated(sent, i, 3) for i in own):
        for si, r in reversed(state.reports):
            if sent.index - si > 2:
                break
            if r.kind in ("meeting", "talks"):
                return [Person(p.name, p.cluster, p.start, p.end) for p in r.participants]
    return []


def _in_pp(sent: Sent, i: int) -> bool:
    """Whether the noun at ``i`` follows a preposition (maybe across adjectives): "в ближайшее время"."""
    if sent.lex.any("time_nouns", sent.words[i].lemmas):
        return True
    for j in range(i - 1, max(-1, i - 4), -1):
        w = sent.words[j]
        if w.tag.pos == "PREP":
            return True
        if w.tag.pos not in ("ADJF", "PRTF", "NUMR", "PRCL", "NPRO"):
            return False
    return False


def complete(sent: Sent, cue: Cue, slots: list[Slot], state: Discourse) -> tuple[Parties, bool]:
    """The parties of the cue with their slots, filled from the discourse where the clause lacks
    them; the flag says whether any came from the discourse."""
    lex = sent.lex
    parties: Parties = []
    for s in slots:
        p = person(sent.mentions[s.mention])
        if all(q.cluster != p.cluster for q, _ in parties):
            parties.append((p, s.slot if s.slot == "subj" else f"{s.slot}+{s.anchor}"))
    clause = sent.clause[cue.word]
    own = [i for i, c in enumerate(sent.clause) if c == clause]
    borrowed = False

    def add(p: Person | None, slot: str) -> None:
        nonlocal borrowed
        if p is not None and all(q.cluster != p.cluster for q, _ in parties):
            parties.append((p, slot))
            borrowed = True

    clusters = {p.cluster for p, _ in parties}
    w = sent.words[cue.word]
    if lex.any("counterpart", w.lemmas) and not cue.verb:
        subjects = [p for p, s in parties if s == "subj"]
        if len(parties) == 1 and subjects:
            add(state.counterpart(sent.index, clusters), "with")
        else:
            hub = state.topic_at(sent.index)
            if hub is not None and hub.cluster not in clusters:
                parties = [(hub, "subj")] + [(p, "with") for p, _ in parties]
                borrowed = True
        return parties, borrowed
    if not cue.verb:
        for p in _joined_meeting(sent, own, state):
            add(p, "with+joined")
    plural = _plural_anaphor(sent, own, cue.word)
    has_subj = any(s == "subj" for _, s in parties)
    if plural >= 0 and (len(parties) < 2 or not has_subj):
        group = state.group(sent.index, _leader_word(sent, plural))
        before = sent.words[plural - 1].low if plural > 0 else ""
        slot = "with" if before in lex.sets["comitative"] and has_subj else "subj"
        topic = state.topic_at(sent.index)
        if slot == "subj" and not has_subj or topic is None:
            for p in group:
                add(p, slot)
        else:
            for p in group:
                add(p, "with" if p.cluster != topic.cluster else "subj")
        has_subj = has_subj or any(s == "subj" for _, s in parties)
    exclude = {p.cluster for p, _ in parties}
    if not has_subj and (len(parties) == 1 or (cue.verb and parties)):
        pronoun = _pronoun(sent, cue, own)
        if pronoun >= 0:
            add(state.resolve(sent, pronoun, exclude), "subj")
        elif any(lex.any("counterpart", sent.words[i].lemmas) for i in own if i != cue.word):
            add(state.counterpart(sent.index, exclude), "subj")
        elif _elided(sent, cue, own) and (sent.lang != "en" or sent.ancestors(clause)) and not (
                not cue.verb and any(_base(s) == "gen" for _, s in parties)):
            found = _governing_subject(sent, clause, exclude)
            if found is None and sent.lang != "en":
                found = state.counterpart(sent.index, exclude) if len(exclude) == 1 else None
                topic = state.topic_at(sent.index)
                if found is None and topic is not None and topic.cluster not in exclude:
                    found = topic
            add(found, "subj")
    elif has_subj and len(parties) == 1 and any(lex.any("counterpart", sent.words[i].lemmas)
                                                for i in own if i > cue.word or not cue.verb):
        add(state.counterpart(sent.index, exclude), "obj")
    elif len(parties) >= 2 and cue.directed and all(s == "subj" for _, s in parties) and cue.kind == "message":
        topic = state.topic_at(sent.index)
        if topic is not None and topic.cluster not in clusters:
            parties.append((topic, "obj"))
            borrowed = True
    if parties and all(_base(s) == "with" for _, s in parties) and not any(
            sent.words[int(s.partition("+")[2] or -1)].low in _BETWEEN for _, s in parties if s.partition("+")[2].isdigit()):
        return [], borrowed
    return parties, borrowed


def _base(slot: str) -> str:
    return slot.split("+", 1)[0]


def roles(cue: Cue, parties: Parties, passive: bool) -> list[tuple[Party, str]]:
    """Each party with its role (see module doc), and its slot."""
    out: list[tuple[Party, str]] = []
    starters = {"subj", "from"} if any(s == "subj" for _, s in parties) else {"gen", "from"}
    for p, slot in parties:
        role: PartyRole = "participant"
        if cue.host:
            first = slot == "subj"
            role = "initiator" if first == passive else "recipient"
        elif cue.directed:
            role = "initiator" if _base(slot) in starters else "recipient"
        out.append((Party(p.cluster, p.name, role, p.start, p.end), slot))
    return out


def split(kind: str, parties: list[tuple[Party, str]], joint: bool) -> list[tuple[Party, ...]]:
    """One report, or one per counterpart of a hub (see module doc): a meeting with a list
    named in one phrase ("met X and Y") stays one report; "met X, and also met Y" is two."""
    everyone = [tuple(p for p, _ in parties)]
    if joint:
        return everyone
    hub = [p for p, s in parties if _base(s) in ("subj", "from")]
    rest = [(p, s) for p, s in parties if _base(s) not in ("subj", "from")]
    if len(hub) == 1 and len(rest) >= 2:
        if kind in ("meeting", "talks"):
            anchors: dict[str, list[Party]] = {}
            for p, s in rest:
                anchors.setdefault(s.partition("+")[2] or s, []).append(p)
            if len(anchors) == 1:
                return everyone
            return [(hub[0], *group) for group in anchors.values()]
        return [(hub[0], r) for r, _ in rest]
    if kind == "message" and len(hub) >= 2 and len(rest) == 1:
        return [(h, rest[0][0]) for h in hub]
    origin = [p for p, s in parties if _base(s) == "from"]
    if kind == "message" and origin and hub and rest:
        return [(h, r) for h in hub for r, _ in rest]
    return everyone
