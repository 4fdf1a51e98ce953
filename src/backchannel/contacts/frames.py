"""From a cue and its slots to the full list of parties: anaphora, elided subjects, roles, splits.

- A cue is kept only where its kind of verb can name a contact: a talk verb needs a partner
  ("говорил с X", or a plural subject); a message verb (and "доложил") a message noun or a named
  addressee; "обменялись" views, greetings or letters (not blows or prisoners);
  a hosting verb a person received and no "принял решение"; "called" a person right after (not
  a witness: "called X, who testified").
- Missing parties come from the discourse: a plural anaphor ("стороны", "the two men", "с ними")
  brings the parties of the last reported contact; a pronoun its antecedent; "коллега",
  "counterpart" the other party of the last contact; an elided or unnamed subject ("Ердоан",
  "российский министр") the subject of the governing clause or the topic.
- Roles: the subject of a directed verb (позвонил, передал, пригласил, посетил) is the
  initiator and the others recipients; a host receives (recipient) a guest (initiator).
- A meeting, talks or a conversation with a list named in one phrase ("встретился с A и B",
  "будет беседовать с A и B") is one n-ary report unless a word says each was apart ("spoke to
  both A and B", "с каждым из них"); a list named in separate phrases ("met X, and
  also met Y") is one report per phrase. One caller and several people called ("провел
  телефонные разговоры с A, B и C"), partners listed "среди собеседников", messages and requests
  to several addressees, or several senders of one kind of message (or of a directed call or
  contact: "X and Y were contacted by Z") to one addressee, are separate contacts: one report
  each; people who visit someone together ("X и Y посетили Z") are one visit.
"""

from __future__ import annotations

from backchannel.contacts.anaphora import (
    Parties,
    base_slot,
    elided,
    governing_subject,
    leader_word,
    noun_fillable,
    plural_anaphor,
    pronoun_subject,
)
from backchannel.contacts.cues import Cue
from backchannel.contacts.discourse import Discourse, Person, nominative, person
from backchannel.contacts.parties import Slot
from backchannel.contacts.polarity import negated
from backchannel.contacts.sentence import Sent
from backchannel.model import Party, PartyRole

_PARTY_PREV_BLOCK = frozenset("a an the".split())
_BETWEEN = frozenset("между меж між поміж between".split())
_ONE_BY_ONE = frozenset({"call", "visit", "message", "request"})
"""Directed kinds whose list of counterparts is one contact each (calls to X and Y, letters to X
and Y: our seeds gold has no X–Y pair there); a meeting, talks or a conversation with a list named
in one phrase ("беседовал с X и Y") is one n-ary report."""


def valid(sent: Sent, cue: Cue, slots: list[Slot]) -> bool:
    """Whether the cue can name a contact here (see module doc)."""
    lex = sent.lex
    ws = sent.words
    w = ws[cue.word]
    clause = sent.clause[cue.word]
    own = [i for i, c in enumerate(sent.clause) if c == clause]
    if cue.host and w.tag.pos == "PRTS":
        # "был принят Путиным": the guest is received by an agent in the instrumental ("решения,
        # которые были приняты при губернаторе X" are documents)
        return any(s.slot != "subj" and "ablt" in sent.words[sent.last[s.mention]].tag.cases for s in slots)
    if cue.host:
        for i in own:
            if i > cue.word and lex.any("host_block", ws[i].lemmas):
                return False
            if i > cue.word and sent.word_mention[i] >= 0 and sent.mentions[sent.word_mention[i]].type == "PER":
                return True
        return False
    if lex.any("message_verbs", w.lemmas) and cue.verb:
        nxt = cue.word + 1
        named = nxt < len(ws) and sent.word_mention[nxt] >= 0 and (sent.lang == "en" or (
            "datv" in ws[nxt].tag.cases and not nominative(sent.mentions[sent.word_mention[nxt]])))
        return named or any(lex.any("content", ws[i].lemmas) for i in own if i != cue.word)
    if sent.lang == "en" and cue.verb and w.low in ("call", "calls", "called", "calling"):
        nxt = cue.word + 1
        if nxt >= len(ws) or sent.word_mention[nxt] < 0 or _naming(sent, cue.word) or any(
                lex.any("testimony", x.lemmas) for x in ws[nxt:]):
            return False
        after = sent.last[sent.word_mention[nxt]] + 1
        return not (after < len(ws) and (ws[after].low in _PARTY_PREV_BLOCK or ws[after].text in _QUOTES or (
            ws[after].text[:1].islower() and ws[after].low not in _AFTER_CALLED)))
    if sent.lang == "en" and cue.verb and not _en_contact_object(sent, cue.word):
        return False
    if sent.lang == "en" and cue.verb and cue.word == own[0] and w.tag.tense == "past" and cue.directed:
        return False
    if lex.any("needs_cue_object", w.lemmas):
        nxt = cue.word + 1
        addressee = nxt < len(ws) and sent.word_mention[nxt] >= 0
        if not addressee and not any(ws[i].lemmas & (lex.nouns.keys() | lex.verbs.keys())
                                     for i in own if cue.word < i <= cue.word + 3):
            return False
    if lex.any("exchange", w.lemmas) and not any(
            lex.any("exchange_objects", ws[i].lemmas) for i in own if cue.word < i <= cue.word + 3):
        return False
    if lex.any("passive_talk", w.lemmas) and cue.verb:
        return len(_agents(sent, slots)) >= 2
    if lex.any("companion", w.lemmas):
        if any(s.slot == "with" for s in slots):
            return True
        if lex.any("companion_strict", w.lemmas):
            return False
        return plural_anaphor(sent, own, cue.word) >= 0 or sum(1 for s in slots if s.slot == "subj") >= 2
    if lex.any("counterpart", w.lemmas) and not cue.verb:
        return any(s.slot == "with" for s in slots)
    if cue.kind == "visit" and not cue.verb and slots and all(s.slot == "gen" for s in slots):
        return False  # "визит Лаврова и Евкурова": two visitors, no host named
    return True


_QUOTES = frozenset('" “ ” « » \' ‘ ’'.split())
_AFTER_CALLED = frozenset("on in at to and from about for after before over by this last yesterday today again twice "
                          "back early late later while when as but who".split())
_NOT_PARTNERS = frozenset("goal goals target targets deadline deadlines demand demands need needs requirement "
                          "requirements criteria criterion standard standards expectation expectations threshold "
                          "obligation obligations challenge challenges condition conditions quota cost costs payroll "
                          "end ends fate match".split())
_QUESTION = frozenset("what when where how why whether if about which who".split())


def _naming(sent: Sent, cue: int) -> bool:
    """"a company called Joule", "so-called": "called" names something, nobody phones."""
    for k in range(max(0, cue - 4), cue):
        if sent.word_mention[k] >= 0:
            return False
        if sent.words[k].low in ("a", "an", "so"):
            return True
    return False


def _en_contact_object(sent: Sent, cue: int) -> bool:
    """"meet Trump's goal", "met the deadline": a thing met is no partner; "asked Trump how to …"
    is a question (an interview), not a request."""
    ws = sent.words
    w = ws[cue]
    if w.low in ("meet", "meets", "met", "meeting"):
        for k in range(cue + 1, min(cue + 5, len(ws))):
            if ws[k].low in _NOT_PARTNERS:
                return False
            if ws[k].text in ",.;:" or (sent.word_mention[k] >= 0 and k + 1 < len(ws) and ws[k + 1].low not in ("'s", "s", "'")
                                        and sent.word_mention[k + 1] != sent.word_mention[k]):
                return True
    if w.low in ("ask", "asks", "asked", "asking") and cue + 1 < len(ws) and sent.word_mention[cue + 1] >= 0:
        after = sent.last[sent.word_mention[cue + 1]] + 1
        return not (after < len(ws) and ws[after].low in _QUESTION)
    return True


def _agents(sent: Sent, slots: list[Slot]) -> list[Slot]:
    """Parties in the instrumental case: the agents of a passive verb (any word of the name may
    show the case: "Хамидом Карзаем", whose surname also reads as a verb)."""
    return [s for s in slots if any("ablt" in w.tag.cases for w in sent.words[sent.first[s.mention]:sent.last[s.mention] + 1])]


def _joined_meeting(sent: Sent, own: list[int], state: Discourse) -> list[Person]:
    """"Во встрече также участвовали X и Y": the parties of the meeting they joined."""
    lex = sent.lex
    if any(lex.any("participate", sent.words[i].lemmas) and not negated(sent, i, 3)
           and not any(w.low in lex.sets["topic_preps"] for w in sent.words[max(0, i - 2):i]) for i in own):
        for si, r in reversed(state.reports):
            if sent.index - si > 2:
                break
            if r.kind in ("meeting", "talks"):
                return [Person(p.name, p.cluster, p.start, p.end) for p in r.participants]
    return []


def complete(sent: Sent, cue: Cue, slots: list[Slot], state: Discourse) -> tuple[Parties, bool]:
    """The parties of the cue with their slots, filled from the discourse where the clause lacks
    them; the flag says whether any came from the discourse."""
    lex = sent.lex
    parties: Parties = []
    for s in slots:
        p = person(sent.mentions[s.mention])
        if all(q.cluster != p.cluster for q, _ in parties):
            parties.append((p, s.slot if s.slot == "subj" else f"{s.slot}+{s.anchor}"))
    if cue.verb and lex.any("passive_talk", sent.words[cue.word].lemmas):
        agents = {s.mention for s in _agents(sent, slots)}
        return [(p, "with") for p, _ in parties if any(sent.mentions[a].cluster == p.cluster for a in agents)], False
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
                # "Среди собеседников — A, B и C": each was a partner on their own
                parties = [(hub, "subj")] + [(p, f"with+each{i}") for i, (p, _) in enumerate(parties)]
                borrowed = True
        return parties, borrowed
    if not cue.verb:
        for p in _joined_meeting(sent, own, state):
            add(p, "with+joined")
    plural = plural_anaphor(sent, own, cue.word)
    has_subj = any(s == "subj" for _, s in parties)
    if plural >= 0 and (len(parties) < 2 or not has_subj):
        group = state.group(sent.index, leader_word(sent, plural))
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
        pronoun = pronoun_subject(sent, cue, own)
        if pronoun >= 0:
            add(state.resolve(sent, pronoun, exclude), "subj")
        elif any(lex.any("counterpart", sent.words[i].lemmas) for i in own if i != cue.word):
            add(state.counterpart(sent.index, exclude), "subj")
        elif elided(sent, cue, own, state.topic_at(sent.index)) and (sent.lang != "en" or sent.ancestors(clause)) and (
                cue.verb or noun_fillable(sent, cue, own, parties)):
            found = governing_subject(sent, clause, exclude)
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
    anchors = [s.partition("+")[2] for _, s in parties if base_slot(s) == "with" and s.partition("+")[2].isdigit()]
    if any(sent.words[int(a)].low in _BETWEEN and anchors.count(a) == 1 for a in anchors) and len(parties) < 3:
        return [], borrowed
    if parties and all(base_slot(s) == "with" for _, s in parties) and not any(
            sent.words[int(s.partition("+")[2] or -1)].low in _BETWEEN for _, s in parties if s.partition("+")[2].isdigit()):
        return [], borrowed
    return parties, borrowed


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
            role = "initiator" if base_slot(slot) in starters else "recipient"
        out.append((Party(p.cluster, p.name, role, p.start, p.end), slot))
    return out


def split(kind: str, parties: list[tuple[Party, str]], joint: bool, each: bool = False,
          directed: bool = False) -> list[tuple[Party, ...]]:
    """One report, or one per counterpart of a hub (see module doc): a meeting, talks or a
    conversation with a list named in one phrase ("met X and Y") stays one report; "met X, and
    also met Y" is two."""
    everyone = [tuple(p for p, _ in parties)]
    if joint:
        return everyone
    hub = [p for p, s in parties if base_slot(s) in ("subj", "from")]
    rest = [(p, s) for p, s in parties if base_slot(s) not in ("subj", "from")]
    if len(hub) == 1 and len(rest) >= 2:
        if kind not in _ONE_BY_ONE and not each:
            anchors: dict[str, list[Party]] = {}
            for p, s in rest:
                anchors.setdefault(s.partition("+")[2] or s, []).append(p)
            if len(anchors) == 1:
                return everyone
            return [(hub[0], *group) for group in anchors.values()]
        return [(hub[0], r) for r, _ in rest]
    if (kind == "message" or (directed and kind in ("contact", "call", "request"))) and len(hub) >= 2 and len(rest) == 1:
        return [(h, rest[0][0]) for h in hub]  # "X and Y were contacted by Z": each was, on their own
    origin = [p for p, s in parties if base_slot(s) == "from"]
    if kind == "message" and origin and hub and rest:
        return [(h, r) for h in hub for r, _ in rest]
    return everyone
