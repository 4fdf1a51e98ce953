"""Contact cues: the words of the lexicon that name a contact, outside names and press phrases.

Russian and Ukrainian cues are matched by lemma and part of speech (a verb lemma read as a verb,
a noun lemma as a noun); English ones by form, with a guess whether a form that can be both
("meeting", "call", "talks", "visit") is a noun here. A hosting verb ("принял", "received") is a
cue of its own kind: its subject receives a guest. A verb of arrival with a person as its goal
("приехал к Путину", "прилетів до Ердогана") is a visit.
"""

from __future__ import annotations

from dataclasses import dataclass

from backchannel.contacts.sentence import Sent
from backchannel.model import ContactKind

_EN_DET = frozenset("a an the his her their its our this that these those first last new another any".split())
_EN_VERBAL = frozenset("to will would could might may shall should must can 'll 'd did does do not n't never he she "
                       "they we i who which that also is was are were be been being after before while when by "
                       "and or then later first last".split())
_VERB_POS = ("VERB", "INFN", "GRND", "PRTF", "PRTS")


@dataclass(frozen=True, slots=True)
class Cue:
    word: int
    kind: ContactKind
    verb: bool
    directed: bool = False
    host: bool = False


def en_noun(sent: Sent, i: int) -> bool:
    """Whether an English cue word that can be a noun or a verb ("meeting", "call", "visit",
    "talks") is a noun here."""
    ws = sent.words
    w = ws[i]
    if w.low not in sent.lex.verbs:
        return True
    prev = ws[i - 1] if i > 0 else None
    if prev is None:
        return w.low.endswith("ing") or w.low == "talks"
    if (prev.low in _EN_DET or prev.low in sent.lex.sets["phone"] or prev.low in ("'s", "s") or prev.text[:1].isdigit()
            or prev.low.endswith(("'s", "s'"))):
        return True
    if sent.word_mention[i - 1] >= 0 or prev.low in _EN_VERBAL:
        return False
    if w.low.endswith("ing") or w.low == "talks":
        return True
    return prev.text[:1].isalpha() and prev.low not in _EN_VERBAL and prev.tag.tense == "" and prev.low.endswith(
        ("al", "ic", "ful", "ous", "ive", "face", "level", "side", "way", "person", "house"))


def _receives_content(sent: Sent, i: int) -> bool:
    """A hosting verb whose object is a call ("received a call", "принял звонок") or, in English,
    a message ("received a letter"; Russian and Ukrainian say "получил письмо": "принял обращение"
    adopts a document)."""
    lex = sent.lex
    after = sent.words[i + 1:i + 4]
    if any(w.lemmas & {x for x, kind in lex.nouns.items() if kind == "call"} for w in after):
        return True  # "received a call from X", "принял звонок от X"
    return sent.lang == "en" and any(lex.any("content", w.lemmas) for w in after)


def _to_person(sent: Sent, i: int) -> bool:
    """"приехал к Путину", "прилетів до Ердогана": a journey to a person (a preposition of
    direction right after the verb, a person named within the next three words) is a visit."""
    ws = sent.words
    if i + 1 >= len(ws) or ws[i + 1].low not in sent.lex.sets["visit_preps"]:
        return False
    for k in range(i + 2, min(i + 5, len(ws))):
        mi = sent.word_mention[k]
        if mi >= 0:
            return sent.mentions[mi].type == "PER"
    return False


def find_cues(sent: Sent) -> list[Cue]:
    """The contact cues of the sentence, left to right."""
    lex = sent.lex
    out: list[Cue] = []
    ws = sent.words
    taken: set[int] = set()
    if sent.lang == "en":
        for i in range(len(ws)):
            for phrase, kind in lex.noun_phrases:
                if tuple(w.low for w in ws[i:i + len(phrase)]) == phrase:
                    head = i + len(phrase) - 1
                    taken.update(range(i, head + 1))
                    out.append(Cue(head, kind, False))
                    break
    for i, w in enumerate(ws):
        if i in taken or sent.word_mention[i] >= 0 or sent.in_press(i) or not w.lemmas:
            continue
        lemmas = w.lemmas
        host = lex.any("host", lemmas)
        if host and _receives_content(sent, i):  # "received a letter / a call from X": a message, a call
            called = any(lex.nouns.get(x) == "call" for after in ws[i + 1:i + 4] for x in after.lemmas)
            out.append(Cue(i, "call" if called else "message", True))
            continue
        if sent.lang == "en":
            is_noun = w.low in lex.nouns and en_noun(sent, i)
            en_kind: ContactKind | None = lex.nouns.get(w.low) if is_noun else lex.verbs.get(w.low)
            if host and not is_noun:
                out.append(Cue(i, "meeting", True, host=True))
                continue
            if en_kind is not None:
                out.append(Cue(i, en_kind, not is_noun, directed=w.low in lex.sets["directed"]))
            continue
        if host and w.tag.pos in _VERB_POS:
            out.append(Cue(i, "meeting", True, host=True))
            continue
        if lex.any("visit_motion", lemmas) and w.tag.pos in _VERB_POS and _to_person(sent, i):
            out.append(Cue(i, "visit", True, directed=True))
            continue
        verb_kind = next((lex.verbs[x] for x in lemmas if x in lex.verbs), None)
        if verb_kind is not None and w.tag.pos in _VERB_POS:
            out.append(Cue(i, verb_kind, True, directed=lex.any("directed", lemmas)))
            continue
        noun_kind = next((lex.nouns[x] for x in lemmas if x in lex.nouns), None)
        if noun_kind is not None and w.tag.pos in ("NOUN", ""):
            out.append(Cue(i, noun_kind, False, directed=lex.any("directed", lemmas)))
    return out


def cue_noun(sent: Sent, i: int) -> bool:
    """Whether word ``i`` can be a cue noun ("встреча", "talks")."""
    w = sent.words[i]
    return any(x in sent.lex.nouns for x in w.lemmas)
