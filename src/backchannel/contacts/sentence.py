"""One sentence made ready for the contact rules: its words, its clauses and its mentions.

Clauses are cut where Russian, Ukrainian and English news syntax opens a new one: ``; : ? !``,
a comma before a conjunction ("что", "що", "that", "but", "а"), a relative pronoun ("который",
"який", "who") or a gerund ("ссылаясь"), a speech verb in a parenthesis (", заявил Песков,"),
and English "said"/"that". Relative, gerund and speech parentheses end at the next comma, where
the clause they interrupted goes on (same clause id).
"""

from __future__ import annotations

from dataclasses import dataclass, field

from backchannel.contacts.lexicon import Lexicon, fold
from backchannel.contacts.words import Word, words
from backchannel.model import Mention

_SUBORD = frozenset(
    "что чтобы будто що щоб щоби аби нібито that because когда коли если якщо if хотя хоча although though while "
    "поскольку оскільки since где де where whereas доки until но але однако проте but а after after "
    "после після before перед unless".split()
)
_RELATIVE_PREFIX = ("котор",)
_RELATIVE_RU = frozenset("кто кем кого кому ком чей чья чье чьи".split())
_RELATIVE_EN = frozenset("who which whom whose".split())
_RELATIVE_UK = frozenset("який яка яке які якого якої якому якій яким якими яких якою хто ким кого кому чий чия".split())
_PREPS = frozenset("in during after at on with from of to by for before в во у на с со при по после под під "
                   "від з із за до о об про через".split())
_HARD = frozenset(";:?!()[]")
_QUOTES = frozenset("«»\"“”„'‘`")
_DASHES = frozenset("—–-")
_EN_SPLIT_AFTER = frozenset("said says added adds stated noted insisted".split())
_CLOSING = frozenset(("rel", "ger", "speech"))


@dataclass(slots=True)
class Sent:
    """A sentence under analysis (built and read inside one call of ``extract_contacts``)."""

    index: int
    start: int
    end: int
    lang: str
    lex: Lexicon
    words: list[Word]
    clause: list[int]
    parent: dict[int, int]
    mentions: list[Mention]
    first: list[int]
    last: list[int]
    word_mention: list[int]
    sources: set[int] = field(default_factory=set)
    source_clause: dict[int, int] = field(default_factory=dict)
    """Source mention → the clause its speech verb is in (-1: a "по данным X" source, never a party)."""
    press: list[tuple[int, int]] = field(default_factory=list)

    def clause_of(self, mention: int) -> int:
        return self.clause[self.first[mention]]

    def ancestors(self, clause: int) -> list[int]:
        out = []
        while clause in self.parent:
            clause = self.parent[clause]
            out.append(clause)
        return out

    def in_press(self, word: int) -> bool:
        w = self.words[word]
        return any(s <= w.start < e for s, e in self.press)


def _relative(low: str, lang: str) -> bool:
    if lang == "en":
        return low in _RELATIVE_EN
    if lang == "uk":
        return low in _RELATIVE_UK
    return low.startswith(_RELATIVE_PREFIX) or low in _RELATIVE_RU


def _next_word(ws: list[Word], i: int) -> int:
    j = i + 1
    while j < len(ws) and (ws[j].text in _QUOTES or ws[j].text in _DASHES):
        j += 1
    return j


def _starts_including(ws: list[Word], j: int, lex: Lexicon) -> bool:
    for phrase in lex.including:
        if tuple(w.low for w in ws[j:j + len(phrase)]) == phrase:
            return True
    return j + 1 < len(ws) and _relative(ws[j + 1].low, lex.lang) and ws[j].low in {"среди", "серед", "among"}


_THEN = frozenset("затем потом позже потім пізніше згодом також также then later also".split())


def _elliptic_partner(ws: list[Word], j: int, lex: Lexicon) -> bool:
    """", а затем с Олегом Дорофеевым": after the conjunction at ``j``, only adverbs and then a
    partner phrase, no verb of its own: the clause goes on."""
    k = j + 1
    while k < len(ws) and (ws[k].tag.pos in ("ADVB", "PRCL") or ws[k].low in _THEN):
        k += 1
    return k < len(ws) and ws[k].low in lex.sets["comitative"]


def _split_kind(ws: list[Word], i: int, lex: Lexicon) -> str | None:
    """What opens after the comma (or dash) at ``i``: ``sub``, ``rel``, ``ger``, ``speech`` or None."""
    j = _next_word(ws, i)
    if j >= len(ws):
        return None
    nxt = ws[j]
    if _starts_including(ws, j, lex):
        return None
    if nxt.low in _SUBORD and not (nxt.low == "а" and j + 1 < len(ws) and ws[j + 1].low in ("также", "також")) and not (
            _elliptic_partner(ws, j, lex)):
        return "sub"
    if _relative(nxt.low, lex.lang):
        return "rel"
    if nxt.tag.pos == "PREP" or nxt.low in _PREPS:
        for k in (j + 1, j + 2):
            if k < len(ws) and _relative(ws[k].low, lex.lang):
                return "rel"
    if nxt.tag.pos == "GRND" or (lex.lang == "en" and nxt.tag.tense == "ger" and nxt.low not in lex.nouns):
        return "ger"
    if lex.any("speech", nxt.lemmas) and nxt.tag.pos in ("VERB", "") and nxt.low not in lex.nouns:
        return "speech"
    return None


def clauses(ws: list[Word], lex: Lexicon) -> tuple[list[int], dict[int, int]]:
    """A clause id per word and each clause's parent (see module doc)."""
    ids: list[int] = []
    parent: dict[int, int] = {}
    current, kind, resume = 0, "main", [0]
    count = 0

    def open_clause(new_kind: str) -> None:
        nonlocal current, kind, count
        count += 1
        parent[count] = current
        if new_kind in _CLOSING:
            resume.append(current)
        current, kind = count, new_kind

    for i, w in enumerate(ws):
        if w.text in _HARD:
            count += 1
            current, kind, resume = count, "main", [count]
            ids.append(current)
            continue
        if w.text == "," or (w.text in _DASHES and i > 0 and ws[i - 1].text in (",", "»", "\"", "”")):
            split = _split_kind(ws, i, lex)
            if kind in _CLOSING and split != "rel":
                current = resume.pop() if len(resume) > 1 else current
                kind = "main"
            ids.append(current)
            if split is not None:
                open_clause(split)
            continue
        if w.low in ("что", "чтобы", "що", "щоб", "that") and i > 0 and ws[i - 1].text != ",":
            nxt = ws[i + 1].low if i + 1 < len(ws) else ""
            if not (w.low == "that" and (nxt in lex.nouns or nxt in lex.verbs)):
                open_clause("sub")
        ids.append(current)
        if lex.lang == "en" and w.low in _EN_SPLIT_AFTER and i + 1 < len(ws) and ws[i + 1].low != "that":
            if ws[i + 1].text not in (",", "."):
                open_clause("sub")
    return ids, parent


def build(index: int, text: str, start: int, end: int, lang: str, lex: Lexicon, mentions: list[Mention]) -> Sent:
    """The words, clauses and mention map of ``text[start:end]``; ``mentions`` those inside it."""
    ws = words(text, start, end, lang)
    ids, parent = clauses(ws, lex)
    first: list[int] = []
    last: list[int] = []
    word_mention = [-1] * len(ws)
    k = 0
    for mi, m in enumerate(mentions):
        while k < len(ws) and ws[k].end <= m.start:
            k += 1
        f = k
        j = k
        while j < len(ws) and ws[j].start < m.end:
            word_mention[j] = mi
            j += 1
        first.append(min(f, len(ws) - 1))
        last.append(max(j - 1, f) if j > f else min(f, len(ws) - 1))
    sent = Sent(index, start, end, lang, lex, ws, ids, parent, mentions, first, last, word_mention)
    if lex.press is not None:
        folded = fold(text[start:end])
        sent.press = [(start + m.start(), start + m.end()) for m in lex.press.finditer(folded)]
    return sent
