"""How a name stands in its sentence: the word before it (past its title), its case, and whether it
only qualifies another word (a possessor: "администрация Трампа", "помощник Путина Юрий Ушаков",
"Trump's team")."""

from __future__ import annotations

from backchannel.contacts.cues import cue_noun
from backchannel.contacts.lexicon import fold
from backchannel.contacts.sentence import Sent
from backchannel.contacts.words import Word

_EN_ADJ = frozenset("former acting outgoing incoming then late new top senior chief special".split())
_INTENSIFIERS = frozenset("сам самим самого самому самой самою сама самі свой своим своего своему своей своими "
                          "свій своїм свого своєму своєю himself herself".split())


def prev_word(sent: Sent, mi: int) -> int:
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
        before = sent.first[sent.word_mention[j]] - 1
        if before < 0 or sent.words[before].tag.pos != "PREP" or sent.lang == "en":
            j = before  # "глава МИД России Лавров"; not "в Казань Иван Петренко"
    if j >= 0 and sent.word_mention[j] >= 0 and sent.lang != "en" and _owner_in_title(sent, sent.word_mention[j]):
        return prev_word(sent, sent.word_mention[j])  # "с советником Трампа Стивом Уиткоффом"
    j = skip_adjectives(sent, j)
    j = _skip_title(sent, j) if sent.lang != "en" else _skip_en_title(sent, j)
    if j >= 0 and sent.words[j].low in _ACTING:
        j -= 1
    if sent.lang != "en" and j >= 0 and sent.word_mention[j] < 0:
        w = sent.words[j]
        head = sent.words[sent.last[mi]].tag.cases
        if (w.tag.pos == "NOUN" and w.text[:1].islower() and not cue_noun(sent, j) and w.tag.cases & head
                and (sent.lex.any("anaphor_roles", w.lemmas) or sent.lex.any("counterpart", w.lemmas))):
            j = skip_adjectives(sent, j - 1)
    return j


def _owner_in_title(sent: Sent, mi: int) -> bool:
    """A person in the genitive right after a title noun, inside another person's title
    ("советником Трампа" before "Стивом Уиткоффом")."""
    m = sent.mentions[mi]
    k = sent.first[mi] - 1
    return (m.type == "PER" and not m.role and fold(m.surface) != fold(m.base) and k >= 0
            and sent.word_mention[k] < 0 and sent.words[k].tag.pos == "NOUN"
            and sent.lex.any("anaphor_roles", sent.words[k].lemmas) and "gent" in sent.words[sent.first[mi]].tag.cases)


_EN_TITLE = frozenset(
    "foreign prime deputy defense defence state secretary minister general national security adviser advisor vice "
    "president chief special envoy of affairs interior finance trade senior top former first house speaker "
    "ambassador white press spokesman spokeswoman spokesperson chancellor king queen prince crown supreme leader "
    "head director commander mayor governor senator sen. rep. gen. lt. col. u.s. us uk eu un nato mr. mrs. ms. dr. "
    "prof. gov.".split())
_EN_DEMONYM = ("ian", "ese", "ish", "ch", "i", "an")


def _skip_en_title(sent: Sent, j: int) -> int:
    """Skip an English title the recogniser did not attach: "with Russian Foreign Minister
    Sergei Lavrov", "with U.S. Secretary of State Marco Rubio"."""
    start = j
    titled = False
    for _ in range(8):
        if j < 0:
            break
        w = sent.words[j]
        if sent.word_mention[j] >= 0:
            if sent.mentions[sent.word_mention[j]].type not in ("LOC", "ORG"):
                break
            j = sent.first[sent.word_mention[j]] - 1
            continue
        if not (w.low in _EN_TITLE or (w.text[:1].isupper() and w.low.endswith(_EN_DEMONYM))):
            break
        titled = titled or w.text[:1].isupper()
        j -= 1
    if not titled or (j >= 0 and sent.words[j].low == "of"):
        return start
    return j


_ACTING = frozenset("врио и.о. ио в.о. тво".split())


def _skip_title(sent: Sent, j: int) -> int:
    """Skip a title the recogniser did not attach to the name after it: "с министром иностранных
    дел Сергеем Лавровым", "с Министром природных ресурсов и экологии Сергеем Донским"."""
    if sent.lang == "en":
        return j
    for k in range(j, max(-1, j - 6), -1):
        w = sent.words[k]
        if sent.word_mention[k] >= 0 or w.tag.pos not in ("NOUN", "ADJF", "CONJ", "PRTF"):
            return j
        if w.tag.pos == "NOUN" and sent.lex.any("anaphor_roles", w.lemmas):
            return skip_adjectives(sent, k - 1)
    return j


_WITH_PARTICIPATION = frozenset("с со при з із за".split())


def participation(sent: Sent, j: int) -> bool:
    """Whether word ``j`` ends "с участием" / "при участии" / "за участю" / "with the
    participation of": the names after it take part (they are not possessors of "участие")."""
    ws = sent.words
    if j < 1:
        return False
    if sent.lang == "en":
        return ws[j].low == "of" and ws[j - 1].low == "participation"
    return sent.lex.any("participate", ws[j].lemmas) and ws[j - 1].low in _WITH_PARTICIPATION


def skip_adjectives(sent: Sent, j: int) -> int:
    for _ in range(3):
        if j >= 0 and sent.word_mention[j] < 0 and _adjective(sent.words[j], sent.lang):
            j -= 1
    return j


def _adjective(w: Word, lang: str) -> bool:
    if lang == "en":
        return w.low in _EN_ADJ or w.low.endswith(("ian", "ese", "ish"))
    return (w.tag.pos in ("ADJF", "PRTF") or w.low in _INTENSIFIERS) and w.text[:1].islower()


def nominative_form(sent: Sent, mi: int) -> bool:
    m = sent.mentions[mi]
    if fold(m.surface) == fold(m.base):
        return True
    head = sent.words[sent.first[mi]]
    if m.role and fold(m.surface) == fold(m.role):
        return "nomn" in head.tag.cases
    return False


def cases(sent: Sent, mi: int) -> frozenset[str]:
    """The cases the mention can be in (from its first word, its last when the first is unknown)."""
    return sent.words[sent.first[mi]].tag.cases or sent.words[sent.last[mi]].tag.cases


def _genitive(sent: Sent, mi: int) -> bool:
    return not nominative_form(sent, mi) and "gent" in cases(sent, mi)


def _own_title(sent: Sent, mi: int) -> int:
    """The word right before the mention when it ends the mention's own title, in the name's case
    ("принял губернатора Ивана Петренко": an accusative title, not a possessor; "с помощником
    Трампа" is one), else -1."""
    m = sent.mentions[mi]
    j = sent.first[mi] - 1
    role = fold(m.role or "").split()
    if j < 0 or not role or m.role == m.surface or sent.words[j].low != role[-1]:
        return -1
    return j if sent.words[j].tag.cases & cases(sent, mi) else -1


def possessor(sent: Sent, mi: int, cue: int) -> bool:
    """Whether the mention only qualifies another word: a genitive after a common noun
    ("администрация Трампа", "помощник Путина Юрий Ушаков"), "Trump's team" (also written in
    one word with a curly apostrophe: "Clinton’s emails"), "Trump administration"."""
    ws = sent.words
    m = sent.mentions[mi]
    nxt = sent.last[mi] + 1
    if sent.lang == "en":
        if nxt < len(ws) and sent.word_mention[nxt] >= 0 and not m.kb_id:
            other = sent.mentions[sent.word_mention[nxt]]
            return other.type == "PER" and other.cluster != m.cluster
        last = ws[sent.last[mi]]
        if (nxt < len(ws) and ws[nxt].low in ("'s", "s", "'")) or (last.low.endswith(("'s", "s'")) and m.end < last.end):
            after = nxt + 1 if nxt < len(ws) and ws[nxt].low in ("'s", "s", "'") else nxt
            return not (after < len(ws) and (cue_noun(sent, after) or ws[after].low in sent.lex.sets["phone"]))
        return nxt < len(ws) and ws[nxt].low in sent.lex.sets["possessor_heads"]
    if nxt < len(ws) and sent.word_mention[nxt] >= 0 and not m.kb_id:
        other = sent.mentions[sent.word_mention[nxt]]
        if other.type == "PER" and other.kb_id and other.cluster != m.cluster:
            return True
    if not _genitive(sent, mi) or participation(sent, prev_word(sent, mi)):
        return False
    before = prev_word(sent, mi)
    if nxt < len(ws) and sent.word_mention[nxt] >= 0 and not (before >= 0 and ws[before].tag.pos == "PREP"):
        other = sent.mentions[sent.word_mention[nxt]]
        if other.type == "PER" and other.cluster != m.cluster:
            return True  # "помощника Путина Юрия Ушакова"; not "после разговора с Шольцем Путин …"
    lex = sent.lex
    for j in {sent.first[mi] - 1, prev_word(sent, mi)} - {_own_title(sent, mi)}:
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
