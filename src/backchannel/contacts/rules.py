"""Reports from sentences without a contact cue of their own, tied to an earlier report.

- A denial of an earlier report ("Песков назвал это неправдой", "спростував", "denied the
  report"): a ``denied`` copy of the report it targets (the one citing a source named here, else
  the first asserted one), according to the denier.
- People who joined a meeting ("Во встрече также участвовали X и Y", "у ній також узяв участь
  X", "X also took part"): the last meeting's parties and them.
- Heads of delegations ("Делегацию возглавил X, …— Y") right after talks: X and Y.
- A joint statement or appearance of several people ("X, Y и Z выступили с совместным
  заявлением", "провели спільну пресконференцію", "issued a joint statement"): they were in
  contact (a joint press conference: they met); the people are the clause's subjects.
"""

from __future__ import annotations

from dataclasses import replace

from backchannel.contacts.discourse import Discourse, nominative
from backchannel.contacts.grammar import nominative_form, possessor
from backchannel.contacts.polarity import negated, polarity
from backchannel.contacts.sentence import Sent
from backchannel.model import ContactKind, ContactReport, Party, Source

_REACH = 2
_DEMONSTRATIVES = frozenset("это эти этого этом эту этой це ці цю цього цієї this these it them that".split())
_IT = frozenset("ней нем ній ньому ній it them".split())
_THAT = frozenset("что що that".split())


def _people(sent: Sent) -> list[int]:
    """Person mentions that are neither possessors nor quoted sources."""
    return [mi for mi, m in enumerate(sent.mentions)
            if m.type == "PER" and not possessor(sent, mi, -1) and mi not in sent.sources]


def _recent(state: Discourse, index: int, kinds: tuple[str, ...]) -> ContactReport | None:
    for si, r in reversed(state.reports):
        if index - si > _REACH:
            return None
        if r.kind in kinds:
            return r
    return None


def _denial(sent: Sent, state: Discourse, sources: list[Source]) -> list[ContactReport]:
    lex = sent.lex
    ws = sent.words
    hit = next((i for i, w in enumerate(ws) if sent.word_mention[i] < 0 and not negated(sent, i, 3) and (
        lex.any("denial", w.lemmas) or lex.any("denial_nouns", w.lemmas))), -1)
    if hit < 0 or not state.reports or any(w.low in _THAT for w in ws):
        return []
    if any(w.lemmas & (lex.nouns.keys() | lex.verbs.keys()) for w in ws):
        return []
    if not any(w.low in _DEMONSTRATIVES or lex.any("report_nouns", w.lemmas) for w in ws):
        return []
    named = {sent.mentions[mi].cluster for mi in range(len(sent.mentions))}
    names = {m.base.casefold() for m in sent.mentions}
    asserted = [r for _, r in state.reports if r.polarity == "asserted"]
    target = next((r for r in asserted if any(s.cluster in named or s.name.casefold() in names
                                              for s in r.according_to)), asserted[0] if asserted else None)
    if target is None:
        return []
    parties = {p.cluster for p in target.participants}
    denier = [s for s in sources if s.cluster not in parties and all(s.cluster != t.cluster for t in target.according_to)]
    if not denier:
        people = [sent.mentions[mi] for mi in _people(sent) if nominative(sent.mentions[mi])]
        denier = [Source(m.base, m.cluster) for m in people[:1] if m.cluster not in parties]
    return [replace(target, polarity="denied", according_to=tuple(denier), evidence_start=sent.start,
                    evidence_end=sent.end, confidence=0.5, cue=ws[hit].text, when=None)]


def _joined(sent: Sent, state: Discourse) -> list[ContactReport]:
    lex = sent.lex
    at = next((i for i, w in enumerate(sent.words) if lex.any("participate", w.lemmas)), -1)
    if at < 0 or negated(sent, at, 3) or any(w.low in lex.sets["topic_preps"] for w in sent.words[max(0, at - 2):at]):
        return []
    if not any(w.low in _IT or not w.lemmas.isdisjoint(lex.nouns) for w in sent.words[max(0, at - 4):at + 3]):
        return []
    hit = sent.words[at]
    last = _recent(state, sent.index, ("meeting", "talks"))
    if last is None:
        return _gathering(sent, state, at)
    parties = list(last.participants)
    for mi in _people(sent):
        m = sent.mentions[mi]
        if all(p.cluster != m.cluster for p in parties):
            parties.append(Party(m.cluster, m.base, "participant", m.start, m.end))
    if len(parties) == len(last.participants):
        return []
    return [replace(last, participants=tuple(parties), evidence_start=sent.start, evidence_end=sent.end,
                    confidence=0.6, cue=hit.text, according_to=())]


def _gathering(sent: Sent, state: Discourse, at: int) -> list[ContactReport]:
    """"В Минске пройдет встреча контактной группы. В ней примут участие X, Y и Z": the people
    who take part in a meeting named just before (with no parties of its own) meet each other."""
    if not (state.last_kind in ("meeting", "talks") and sent.index - state.last_kind_sentence <= _REACH):
        return []
    people: list[Party] = []
    for mi in _people(sent):
        m = sent.mentions[mi]
        if all(p.cluster != m.cluster for p in people):
            people.append(Party(m.cluster, m.base, "participant", m.start, m.end))
    if len(people) < 2:
        return []
    hyp = sent.words[at].tag.tense == "futr" or any(w.low in sent.lex.sets["future"] for w in sent.words)
    kind: ContactKind = "talks" if state.last_kind == "talks" else "meeting"
    return [ContactReport(kind, "hypothetical" if hyp else "asserted",
                          tuple(people), (), None, None, sent.start, sent.end, 0.55, sent.words[at].text)]


def _delegations(sent: Sent, state: Discourse) -> list[ContactReport]:
    lex = sent.lex
    lead = next((w for w in sent.words if lex.any("lead", w.lemmas)), None)
    if lead is None or not any(lex.any("delegation", w.lemmas) for w in sent.words):
        return []
    last = _recent(state, sent.index, ("meeting", "talks"))
    if last is None and not (state.last_kind in ("meeting", "talks") and sent.index - state.last_kind_sentence <= _REACH):
        return []
    heads: list[Party] = []
    for mi in _people(sent):
        m = sent.mentions[mi]
        if all(p.cluster != m.cluster for p in heads):
            heads.append(Party(m.cluster, m.base, "participant", m.start, m.end))
    if len(heads) < 2:
        return []
    return [ContactReport(last.kind if last else "talks", last.polarity if last else "asserted", tuple(heads), (),
                          last.when if last else None, last.where if last else None, sent.start, sent.end, 0.6,
                          lead.text)]


def _joint_noun(sent: Sent) -> tuple[int, ContactKind] | None:
    """The statement or appearance noun a "joint" word qualifies (at most two words on), with the
    kind of contact it implies."""
    lex = sent.lex
    ws = sent.words
    for i, w in enumerate(ws):
        if not lex.any("joint", w.lemmas) or negated(sent, i, 2):
            continue
        for k in range(i + 1, min(i + 3, len(ws))):
            if lex.any("joint_appearance", ws[k].lemmas):
                return k, "meeting"
            if lex.any("joint_statement", ws[k].lemmas):
                return k, "contact"
    return None


def _joint(sent: Sent) -> list[ContactReport]:
    found = _joint_noun(sent)
    if found is None:
        return []
    at, kind = found
    clause = sent.clause[at]
    people: list[Party] = []
    for mi in _people(sent):
        m = sent.mentions[mi]
        if sent.clause_of(mi) != clause or sent.first[mi] > at or (
                sent.lang != "en" and not nominative_form(sent, mi)):
            continue
        if all(p.cluster != m.cluster for p in people):
            people.append(Party(m.cluster, m.base, "participant", m.start, m.end))
    if len(people) < 2:
        return []
    return [ContactReport(kind, polarity(sent, at, False), tuple(people), (), None, None, sent.start, sent.end,
                          0.55, sent.words[at].text)]


def without_cue(sent: Sent, state: Discourse, sources: list[Source]) -> list[ContactReport]:
    """Reports of a sentence whose own cues named no contact (see module doc)."""
    return _denial(sent, state, sources) or _joined(sent, state) or _delegations(sent, state) or _joint(sent)
