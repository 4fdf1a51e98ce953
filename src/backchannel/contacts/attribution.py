"""``according_to``: whom a sentence cites for what it reports.

Three shapes, in ru/uk/en: a phrase before the source ("по данным X", "за словами X",
"according to X", "со ссылкой на X"); a speech verb with its subject ("Песков заявил",
"пишет The Wall Street Journal", "Peskov said", "said Peskov"); and an impersonal plural speech
verb with a place ("сообщили в Кремле", "у Кремлі підтвердили"). A pronoun source ("по его
словам") is resolved by the caller. The mentions found are marked in ``Sent.sources`` (with the
clause they speak in), so that a speaker is not taken for a party of what they report.
"""

from __future__ import annotations

from collections.abc import Callable

from backchannel.contacts.discourse import nominative
from backchannel.contacts.grammar import prev_word
from backchannel.contacts.sentence import Sent
from backchannel.model import Source

Resolve = Callable[[Sent, int], "tuple[str, int] | None"]
"""(sentence, word index of a pronoun) → (name, cluster) of the person it stands for, or None."""

_PUNCT_STOP = frozenset(",.;:!?()«»\"“”")
_SOURCE_TYPES = ("PER", "ORG")
_PRONOUNS = frozenset("его ее её их його її їх his her their its".split())


def _mention_after(sent: Sent, i: int, reach: int, types: tuple[str, ...] = _SOURCE_TYPES + ("LOC",)) -> int:
    for j in range(i, min(i + reach, len(sent.words))):
        w = sent.words[j]
        mi = sent.word_mention[j]
        if mi >= 0 and sent.mentions[mi].type in types:
            return mi
        if w.text in _PUNCT_STOP:
            return -1
    return -1


def _mention_before(sent: Sent, i: int) -> int:
    """The subject of the speech verb at ``i``: the nearest name before it in its clause, in the
    nominative and not after a preposition (ru, uk)."""
    clause = sent.clause[i]
    for j in range(i - 1, -1 if sent.lang != "en" else max(-1, i - 4), -1):
        if sent.clause[j] != clause or (sent.lang == "en" and sent.words[j].text in _PUNCT_STOP):
            break
        mi = sent.word_mention[j]
        if mi >= 0 and sent.mentions[mi].type in _SOURCE_TYPES and (sent.lang == "en" or nominative(sent.mentions[mi])):
            before = prev_word(sent, mi)
            if sent.lang != "en" and before >= 0 and sent.words[before].tag.pos == "PREP":
                continue  # "Трамп на встрече с премьером Трюдо заявил": Трюдо is no subject
            return mi
    return -1


def _unnamed(sent: Sent, i: int) -> str | None:
    out: list[str] = []
    for j in range(i, min(i + 4, len(sent.words))):
        if sent.words[j].text in _PUNCT_STOP or sent.word_mention[j] >= 0:
            break
        out.append(sent.words[j].text)
    return " ".join(out) or None


def _speech(sent: Sent, i: int) -> bool:
    w = sent.words[i]
    lex = sent.lex
    if not lex.any("speech", w.lemmas) or sent.word_mention[i] >= 0:
        return False
    if sent.lang == "en":
        # a capitalised word inside the sentence is part of a name or title ("Secretary of State")
        return w.low not in lex.nouns and (i == 0 or (sent.words[i - 1].low != "to" and not w.text[:1].isupper()))
    return w.tag.pos == "VERB" and not (i > 0 and sent.words[i - 1].low == "не")


def _add_source(sent: Sent, found: list[Source], mi: int, clause: int) -> None:
    """Mention ``mi`` of ``sent`` is a source, cited in ``clause`` (-1: the whole sentence)."""
    m = sent.mentions[mi]
    sent.sources.add(mi)
    sent.source_clause[mi] = clause
    if all(s.cluster != m.cluster for s in found):
        found.append(Source(m.base, m.cluster))


def find_sources(sent: Sent, resolve: Resolve, cues: set[int]) -> list[Source]:
    """The sources cited in ``sent`` (mentions first, then unnamed ones); ``cues`` are the word
    indices of contact cues, which are never speech verbs ("передал послание")."""
    found: list[Source] = []
    lex = sent.lex
    ws = sent.words

    starts = lex.attribution_starts
    for i in range(len(ws)):
        for phrase in starts.get(ws[i].low, ()):
            if tuple(w.low for w in ws[i:i + len(phrase)]) != phrase:
                continue
            j = i + len(phrase)
            if j < len(ws) and ws[j].low in _PRONOUNS:
                person = resolve(sent, j)
                if person is not None and all(s.cluster != person[1] for s in found):
                    found.append(Source(person[0], person[1]))
                break
            mi = _mention_after(sent, j, 6)
            if mi >= 0:
                _add_source(sent, found, mi, -1)
            else:
                name = _unnamed(sent, j)
                if name and all(s.name != name for s in found):
                    found.append(Source(name))
            break
        if i in cues or not _speech(sent, i):
            continue
        clause = sent.clause[i]
        before = _mention_before(sent, i)
        if before >= 0:
            _add_source(sent, found, before, clause)
            continue
        after = _mention_after(sent, i + 1, 6)
        if after >= 0 and sent.mentions[after].type in _SOURCE_TYPES:
            # "…, заявил Песков" speaks in a clause of its own; "Об этом сказал X на совещании с Y":
            # X, in the clause of the meeting, is also its party
            _add_source(sent, found, after, clause)
            continue
        if ws[i].tag.plural or sent.lang == "en":
            for j in range(max(0, i - 6), min(len(ws), i + 6)):
                if ws[j].low in ("в", "у", "во", "in") and j + 1 < len(ws) and sent.word_mention[j + 1] >= 0:
                    _add_source(sent, found, sent.word_mention[j + 1], clause)
                    break
        if i > 0 and ws[i - 1].low in lex.sets["anaphor_single"]:
            person = resolve(sent, i - 1)
            if person is not None and all(s.cluster != person[1] for s in found):
                found.append(Source(person[0], person[1]))
    return found
