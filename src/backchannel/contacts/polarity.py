"""Factuality of one cue: ``asserted``, ``denied`` or ``hypothetical``.

- denied: a denial or refusal that governs the cue ("отрицал общение с …", "назвал неправдой
  публикацию о том, что …", "відмовився від зустрічі", "denied meeting"), or a negation on a
  past contact ("не встречался", "не ведут регулярных бесед", "встречи не было", "never met");
- hypothetical: the cue's own future or infinitive ("встретится", "зустрічатиметься", "to meet",
  "will meet"), a plan, intention, proposal or expectation ("планируется", "готов", "предложил",
  "expected", "not on the schedule"), a modal next to it ("может пройти", "could meet"), a
  condition ("если", "якщо", "if", "чтобы"), a question;
- asserted otherwise. A negated denial ("не стал отрицать", "did not deny") asserts.
"""

from __future__ import annotations

from backchannel.contacts.parties import in_frame
from backchannel.contacts.sentence import Sent
from backchannel.model import Polarity

_BE = frozenset("быть состояться проводиться проходить пройти бути відбутися відбуватися проводитися".split())
_EN_NEG_AUX = ("n't",)
_EN_ADJECTIVES = frozenset("future upcoming possible potential prospective likely unlikely premature planned "
                           "proposed expected scheduled eventual".split())
_EN_TO = frozenset("to will would could might may shall should must can 'll 'd".split())


def negated(sent: Sent, i: int, reach: int = 2) -> bool:
    lex = sent.lex
    for j in range(max(0, i - reach), i):
        w = sent.words[j]
        if sent.clause[j] == sent.clause[i] and (w.low in lex.sets["negation"] or w.low.endswith(_EN_NEG_AUX)):
            return True
    return False


def _scope(sent: Sent, cue: int) -> tuple[list[int], list[int]]:
    """Word indices of the cue's clause and of the clauses governing it."""
    clause = sent.clause[cue]
    governing = set(sent.ancestors(clause))
    own = [i for i, c in enumerate(sent.clause) if c == clause]
    gov = [i for i, c in enumerate(sent.clause) if c in governing]
    return own, gov


def governed_by_denial(sent: Sent, cue: int) -> int | None:
    """The word index of a denial, refusal or "false" word governing the cue, if any. A cue noun
    that is only the topic of something else ("предупреждали о звонке") is not what is denied;
    one that is the topic of a report ("сообщение о разговоре") is."""
    lex = sent.lex
    own, gov = _scope(sent, cue)
    j = cue - 1
    while j >= 0 and sent.words[j].tag.pos in ("ADJF", "PRTF"):
        j -= 1
    if j >= 1 and lex.has("topic_preps", sent.words[j].low):
        k = j - 1
        while k >= 0 and (sent.words[k].tag.pos in ("ADJF", "PRTF") or sent.word_mention[k] >= 0):
            k -= 1
        head = sent.words[k] if k >= 0 else None
        if head is None or not (lex.any("report_nouns", head.lemmas) or lex.any("denial", head.lemmas)):
            return None
    for i in [j for j in own if j < cue] + gov:
        w = sent.words[i]
        if i == cue or sent.word_mention[i] >= 0:
            continue
        if (lex.any("denial", w.lemmas) or lex.any("refusal", w.lemmas)) and not negated(sent, i, 3) and not (
                _other_infinitive(sent, i, cue)):
            return i
        if lex.any("denial_nouns", w.lemmas) and (i in gov or i < cue):
            return i
    return None


def _other_infinitive(sent: Sent, i: int, cue: int) -> bool:
    """"отказался уточнить, что … обсудить": a refusal whose own infinitive (right after it) is
    another verb before the cue refuses that, not the contact."""
    for k in range(i + 1, min(i + 3, cue)):
        w = sent.words[k]
        if w.tag.pos == "INFN" or (sent.lang == "en" and k > i + 1 and sent.words[k - 1].low == "to"):
            return True
    return False


def _hypothetical(sent: Sent, cue: int, verb: bool) -> bool:
    lex = sent.lex
    ws = sent.words
    w = ws[cue]
    own, gov = _scope(sent, cue)
    if (ws[-1].text == "?" or any(ws[i].text == "?" for i in own)) and not _wh_question(sent):
        return True
    if verb and w.tag.tense == "futr":
        return True
    if not verb and in_frame(sent, cue) and _told_as_past(sent, own) and not _planned(sent, cue):
        return False
    near = [i for i in own if cue - 3 <= i < cue]
    if verb and (w.tag.tense == "infn" or (sent.lang == "en" and any(ws[i].low in _EN_TO for i in near))):
        if not any(lex.any("phase", ws[i].lemmas) for i in near) and not _purpose(sent, cue, own, gov):
            return True
    for i in own:
        x = ws[i]
        if i == cue or sent.word_mention[i] >= 0:
            continue
        if x.low in lex.sets["future"] or (x.low in lex.sets["subjunctive"] and i < cue and not _purpose(sent, cue, own, gov)):
            return True
        if lex.any("intent", x.lemmas) and (i < cue or not verb) and (verb or not _adjective(sent, i) or cue - 2 <= i < cue):
            return True
        if lex.any("modal", x.lemmas) and _modal_applies(sent, i, cue, verb):
            return True
        if not verb and (lex.any("support", x.lemmas) or lex.any("motion", x.lemmas)) and x.tag.tense in (
                "futr", "infn") and abs(i - cue) <= 6:
            return True
    parent = sent.parent.get(sent.clause[cue], -1)
    for i in [j for j in gov if own[0] - 5 <= j < own[0] and sent.clause[j] == parent]:
        x = ws[i]
        if (lex.any("intent", x.lemmas) and not _adjective(sent, i) and not lex.any("speech", x.lemmas)
                or x.low in ("чтобы", "щоб", "аби", "if")):
            return True
    if lex.hyp_phrases is not None:
        lo = min(own[0], gov[0]) if gov else own[0]
        span = " ".join(ws[i].low for i in range(lo, own[-1] + 1))
        if lex.hyp_phrases.search(span):
            return True
    return False


def _planned(sent: Sent, cue: int) -> bool:
    """"в ходе предстоящей встречи", "на будущих переговорах": an adjective of intent or time to
    come right before the cue noun."""
    return cue > 0 and _adjective(sent, cue - 1) and sent.lex.any("intent", sent.words[cue - 1].lemmas)


def _told_as_past(sent: Sent, own: list[int]) -> bool:
    """Whether the clause's verbs are past or present, none future."""
    tenses = {sent.words[i].tag.tense for i in own if sent.words[i].tag.pos == "VERB" or sent.lang == "en"}
    future = any(sent.words[i].low in sent.lex.sets["future"] for i in own)
    return not future and "futr" not in tenses and bool(tenses & {"past", "pres"})


def _wh_question(sent: Sent) -> bool:
    """A question asking what, when or how ("О чем они говорили?"): it takes the contact as given."""
    first = next((w for w in sent.words if w.text[:1].isalpha()), None)
    return first is not None and sent.lex.any("wh_words", first.lemmas | {first.low})


def _purpose(sent: Sent, cue: int, own: list[int], gov: list[int]) -> bool:
    """"travelled to Moscow to meet Putin", "приехал в Москву, чтобы встретиться": the aim of a
    journey made (a past motion verb before the cue) is taken as done."""
    lex = sent.lex
    for i in [j for j in own + gov if j < cue][-8:]:
        w = sent.words[i]
        if lex.any("motion", w.lemmas) and (sent.lang == "en" or w.tag.tense == "past"):
            return True
    return False


def _adjective(sent: Sent, i: int) -> bool:
    w = sent.words[i]
    return w.tag.pos in ("ADJF", "PRTF") if sent.lang != "en" else w.low in _EN_ADJECTIVES


def _modal_applies(sent: Sent, i: int, cue: int, verb: bool) -> bool:
    """A modal word bears on the cue: just before a cue verb ("может встретиться", "could meet");
    for a cue noun, next to it ("возможная встреча") or before its support verb ("может пройти")."""
    ws = sent.words
    if verb:
        return cue - 4 <= i < cue
    if ws[i].tag.pos in ("ADJF", "ADJS", "ADVB", "") and abs(i - cue) <= 2 and ws[i].tag.pos != "VERB":
        return True
    lex = sent.lex
    return any(lex.any("support", ws[j].lemmas) or j == cue for j in range(i + 1, min(i + 3, len(ws))))


def _denied(sent: Sent, cue: int, verb: bool) -> bool:
    lex = sent.lex
    ws = sent.words
    if verb and negated(sent, cue, 3):
        return True
    own, _ = _scope(sent, cue)
    if not verb:
        if cue > 0 and ws[cue - 1].low in lex.sets["negation"]:
            return True
        for i in own:
            if abs(i - cue) <= 6 and (lex.any("support", ws[i].lemmas) or ws[i].lemmas & _BE) and negated(sent, i, 2):
                return True
    if lex.denial_phrases is not None:
        span = " ".join(ws[i].low for i in own)
        if lex.denial_phrases.search(span):
            return True
    return False


def polarity(sent: Sent, cue: int, verb: bool) -> Polarity:
    """The factuality of the contact named by the cue word ``cue`` (see module doc)."""
    if governed_by_denial(sent, cue) is not None:
        return "denied"
    if _hypothetical(sent, cue, verb):
        return "hypothetical"
    if _denied(sent, cue, verb):
        return "denied"
    return "asserted"
