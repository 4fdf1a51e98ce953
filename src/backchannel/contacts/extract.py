"""``extract_contacts(article, analysis)``: every contact report of one article. Pure.

Per sentence that holds a cue (a cheap prefilter first): clauses and words
(:mod:`sentence`), sources (:mod:`attribution`), cues and their slots (:mod:`parties`), parties
completed from the discourse, roles and splits (:mod:`frames`), polarity (:mod:`polarity`), then
time (``timex.find_times``), place (a location after a locative preposition in the cue's clause),
evidence (the sentence) and a confidence. Sentences without a cue of their own may still report:
a denial of an earlier report, people joining a meeting, heads of delegations (:mod:`rules`).
"""

from __future__ import annotations

from collections.abc import Callable, Mapping, Sequence
from collections.abc import Set as AbstractSet
from dataclasses import replace
from functools import cache

from backchannel.contacts import rules
from backchannel.contacts.anaphora import Parties
from backchannel.contacts.attribution import find_sources
from backchannel.contacts.cues import Cue, find_cues
from backchannel.contacts.discourse import Discourse, Person, coordinated
from backchannel.contacts.frames import complete, roles, split, valid
from backchannel.contacts.lexicon import Lexicon, fold, lexicon
from backchannel.contacts.parties import in_frame, slots
from backchannel.contacts.polarity import governed_by_denial, polarity
from backchannel.contacts.sentence import Sent, build
from backchannel.model import (
    Article,
    ArticleAnalysis,
    ContactKind,
    ContactReport,
    Mention,
    Place,
    Polarity,
    Source,
    TimeRef,
)

FindTimes = Callable[[str, str, "str | None"], Sequence[TimeRef]]
_KIND_ORDER = ("call", "visit", "meeting", "talks", "message", "request", "contact")
_BULLETS = frozenset("🔻▪•❗⚡📌🔹🔸►■◾◼●○✅❌🇺🇷")
_VISIT_PREPS = frozenset("до в во к to".split())


def _usable(mentions: Sequence[Mention]) -> list[Mention]:
    """One sentence's mentions in text order, without those inside a longer mention or inside a
    person's role phrase ("глава МИД России Сергей Лавров": МИД России is part of the role)."""
    spans = [(m.start - len(m.role) - 1 if m.role and m.role != m.surface else m.start, m.end, m.cluster)
             for m in mentions if m.type == "PER"]
    spans += [(m.start, m.end, m.cluster) for m in mentions]
    out: list[Mention] = []
    for m in sorted(mentions, key=lambda m: (m.start, -m.end)):
        inside = any(s <= m.start and m.end <= e and (e - s > m.end - m.start) and c != m.cluster for s, e, c in spans)
        if not inside and (not out or m.start >= out[-1].end):
            out.append(m)
    return out


@cache
def _heads() -> frozenset[str]:
    """KB ids of actors who hold or held the office of head of state or of government."""
    from backchannel.kb import load_kb

    return frozenset(a.id for a in load_kb().actors
                     if any(o.role in ("head_of_state", "head_of_government") for o in a.offices))


def _leaders(mentions: Sequence[Mention], lex: Lexicon) -> set[int]:
    """Clusters of leaders: linked to a head of state or government, or titled like one."""
    heads = _heads()
    out: set[int] = set()
    for m in mentions:
        role = fold(m.role or "").split()
        if m.type == "PER" and ((m.kb_id is not None and m.kb_id in heads) or (role and any(
                r.startswith(tuple(lex.sets["leader_words"])) for r in role[:1]))):
            out.add(m.cluster)
    return out


def _times() -> FindTimes | None:
    try:
        from backchannel.contacts.timex import find_times
    except ImportError:
        return None
    return find_times


def _when(sent: Sent, text: str, cue: int, lang: str, anchor: str | None, cache: dict[int, list[TimeRef]],
          find: FindTimes | None) -> TimeRef | None:
    if find is None:
        return None
    if sent.index not in cache:
        found = find(text[sent.start:sent.end], lang, anchor)
        cache[sent.index] = [replace(t, span_start=t.span_start + sent.start, span_end=t.span_end + sent.start)
                             for t in found]
    refs = cache[sent.index]
    if not refs:
        return None
    at = sent.words[cue].start
    clause = sent.clause[cue]
    same = [t for t in refs if any(w.start >= t.span_start and w.end <= t.span_end and sent.clause[i] == clause
                                   for i, w in enumerate(sent.words))]
    return min(same or refs, key=lambda t: abs(t.span_start - at))


def _where(sent: Sent, cue: Cue, parties: set[int]) -> Place | None:
    clause = sent.clause[cue.word]
    preps = sent.lex.sets["locative"] | (_VISIT_PREPS if cue.kind == "visit" else frozenset())
    found: list[Mention] = []
    for mi, m in enumerate(sent.mentions):
        if m.type != "LOC" or sent.clause_of(mi) != clause or m.cluster in parties or mi in sent.sources:
            continue
        j = sent.first[mi] - 1
        steps = 0
        while j >= 0 and steps < 4 and sent.words[j].text[:1].islower() and sent.words[j].low not in preps:
            j, steps = j - 1, steps + 1
        if j >= 0 and sent.words[j].low in preps:
            found.append(m)
    if not found:
        return None
    best = min(found, key=lambda m: (not (m.kb_id or "").startswith("city-"), abs(m.start - sent.words[cue.word].start)))
    return Place(best.base, best.cluster)


def _confidence(cue: Cue, borrowed: bool, pol: Polarity, n: int) -> float:
    score = 0.85 if cue.verb else 0.75
    if borrowed:
        score -= 0.2
    if pol != "asserted":
        score -= 0.05
    if n > 2:
        score -= 0.05
    return round(max(0.05, min(0.99, score)), 2)


def _lexicon_kind(lemmas: AbstractSet[str], words: Mapping[str, ContactKind]) -> ContactKind | None:
    """The contact kind of one of the lexicon's ``words`` (nouns or verbs) among ``lemmas`` (the
    first of the intersection, as a set orders it), or None. (The intersection with a dict's keys
    is a set, not a frozenset: typed loosely for mypyc, which checks declared types.)"""
    common: AbstractSet[str] = lemmas & words.keys()
    return words.get(next(iter(common))) if common else None


def _refine(sent: Sent, cue: Cue) -> Cue:
    lex = sent.lex
    own = [i for i, c in enumerate(sent.clause) if c == sent.clause[cue.word]]
    kind = cue.kind
    if kind in ("contact", "talks", "meeting") and not cue.host and any(lex.any("phone", sent.words[i].lemmas) for i in own):
        kind = "call"
    if cue.host and any(_lexicon_kind(sent.words[i].lemmas, lex.nouns) == "visit" for i in own):
        kind = "visit"
    return replace(cue, kind=kind)


def _publication_source(sent: Sent, denial: int, denier: set[int]) -> Source | None:
    """"назвал неправдой публикацию The London Courier о том, что …": the outlet whose report is denied."""
    for i in range(denial, min(denial + 8, len(sent.words))):
        if sent.lex.any("report_nouns", sent.words[i].lemmas):
            for j in range(i + 1, min(i + 6, len(sent.words))):
                mi = sent.word_mention[j]
                if mi >= 0 and sent.mentions[mi].type in ("ORG", "PER") and sent.mentions[mi].cluster not in denier:
                    return Source(sent.mentions[mi].base, sent.mentions[mi].cluster)
    return None


def _cue_reports(sent: Sent, cue: Cue, cues: list[int], state: Discourse, article: Article,
                 sources: list[Source], times: dict[int, list[TimeRef]], find: FindTimes | None,
                 memo: dict[int, Parties]) -> list[ContactReport]:
    found = slots(sent, cue, cues)
    if not valid(sent, cue, found):
        return []
    cue = _refine(sent, cue)
    parties, borrowed = complete(sent, cue, found, state)
    if len({p.cluster for p, _ in parties}) < 2:
        parties = _invited(sent, cue, memo) or parties
    memo[cue.word] = parties
    if len({p.cluster for p, _ in parties}) < 2:
        return []
    pol = polarity(sent, cue.word, cue.verb)
    passive = sent.words[cue.word].tag.pos == "PRTS"
    own = [i for i, c in enumerate(sent.clause) if c == sent.clause[cue.word]]
    joint = any(sent.lex.any("joint", sent.words[i].lemmas) for i in own)
    each = any(sent.lex.any("distributive", sent.words[i].lemmas | {sent.words[i].low}) for i in own if i > cue.word)
    with_roles = roles(cue, parties, passive)
    clusters = {p.cluster for p, _ in parties}
    place = _where(sent, cue, clusters)
    when = _when(sent, article.text, cue.word, sent.lang, article.published, times, find)
    cited = [s for s in sources if s.cluster not in clusters or s.cluster is None]
    extra: list[tuple[Polarity, list[Source]]] = []
    denial = governed_by_denial(sent, cue.word) if pol == "denied" else None
    if denial is not None:
        outlet = _publication_source(sent, denial, clusters)
        if outlet is not None:
            cited = [s for s in cited if s.cluster != outlet.cluster]
            extra.append(("asserted", [outlet]))
    out = []
    for pol_i, cite in [(pol, cited), *extra]:
        for group in split(cue.kind, with_roles, joint, each, cue.directed and cue.verb):
            out.append(ContactReport(
                cue.kind, pol_i, group, tuple(cite), when, place, sent.start, sent.end,
                _confidence(cue, borrowed, pol_i, len(group)), sent.words[cue.word].text,
            ))
    return out


def _invited(sent: Sent, cue: Cue, memo: dict[int, Parties]) -> Parties:
    """"Си пригласил Путина посетить Китай", "asked Trump to meet": an infinitive cue right after
    a request takes that request's parties, the invited one first."""
    if not cue.verb or sent.words[cue.word].tag.tense not in ("infn", ""):
        return []
    for k in range(cue.word - 1, max(-1, cue.word - 5), -1):
        found = memo.get(k)
        if found and len({p.cluster for p, _ in found}) >= 2 and _lexicon_kind(sent.words[k].lemmas, sent.lex.verbs) == "request":
            return [(p, "obj" if s == "subj" else "subj") for p, s in found]
    return []


def _dedupe(reports: list[ContactReport]) -> list[ContactReport]:
    best: dict[tuple[frozenset[int], str], ContactReport] = {}
    for r in reports:
        key = (frozenset(p.cluster for p in r.participants), r.polarity)
        old = best.get(key)
        if old is None or _KIND_ORDER.index(r.kind) < _KIND_ORDER.index(old.kind):
            best[key] = r if old is None else replace(r, according_to=tuple(dict.fromkeys(old.according_to + r.according_to)))
    return list(best.values())


def _governed_content(sent: Sent, cues: list[Cue]) -> list[Cue]:
    """Without message nouns carried by a message verb ("передал послание", "sent letters") or a
    call noun received ("received a call from"): the verb is the cue."""
    lex = sent.lex
    verbs = [c.word for c in cues if c.verb and (c.kind == "message" or lex.any("message_verbs", sent.words[c.word].lemmas)
                                                  or lex.any("host", sent.words[c.word].lemmas))]
    return [c for c in cues if c.verb or not (lex.any("content", sent.words[c.word].lemmas) or c.kind == "call")
            or not any(sent.clause[v] == sent.clause[c.word] and v < c.word for v in verbs)]


def _sentence(sent: Sent, state: Discourse, article: Article, times: dict[int, list[TimeRef]],
              find: FindTimes | None) -> list[ContactReport]:
    cues = _governed_content(sent, find_cues(sent))
    sources = find_sources(sent, lambda s, i: _pronoun(state, s, i), {c.word for c in cues})
    out: list[ContactReport] = []
    words = [c.word for c in cues]
    memo: dict[int, Parties] = {}
    per_cue: list[tuple[Cue, list[ContactReport]]] = []
    for cue in cues:
        per_cue.append((cue, _cue_reports(sent, cue, words, state, article, sources, times, find, memo)))
        state.last_kind, state.last_kind_sentence = cue.kind, sent.index
    out.extend(_without_settings(sent, _without_negated_topics(sent, per_cue)))
    subject = next((p for c in cues for p, s in memo.get(c.word, []) if s == "subj"), None)
    if subject is not None:
        state.set_topic(subject, sent.index)
    out = _dedupe(out)
    if not out:
        out = rules.without_cue(sent, state, sources)
    return out


def _without_negated_topics(sent: Sent, per_cue: list[tuple[Cue, list[ContactReport]]]) -> list[tuple[Cue, list[ContactReport]]]:
    """"Obama and Putin spoke by phone, but the encounters were not discussed", "провели переговоры,
    однако вопрос о газе не обсуждался": a negated talk about a topic next to the contact itself
    denies the topic, not the contact; its denied report goes."""
    said = {frozenset(p.cluster for p in r.participants) for c, found in per_cue for r in found
            if r.polarity == "asserted" and not sent.lex.any("topic_talk", sent.words[c.word].lemmas)}
    return [(c, [r for r in found if not (r.polarity == "denied" and sent.lex.any("topic_talk", sent.words[c.word].lemmas)
                                          and frozenset(p.cluster for p in r.participants) in said)])
            for c, found in per_cue]


def _without_settings(sent: Sent, per_cue: list[tuple[Cue, list[ContactReport]]]) -> list[ContactReport]:
    """"встретятся на саммите", "will meet at the summit": a cue noun that is only the setting of a
    verb cue of its clause with the same parties is not a report of its own."""
    by_verbs = {_setting_key(sent, c, r) for c, found in per_cue if c.verb for r in found}
    return [r for c, found in per_cue for r in found
            if c.verb or not in_frame(sent, c.word) or _setting_key(sent, c, r) not in by_verbs]


def _setting_key(sent: Sent, cue: Cue, r: ContactReport) -> tuple[int, frozenset[int]]:
    """The clause of a cue and the parties of one of its reports."""
    return sent.clause[cue.word], frozenset(p.cluster for p in r.participants)


def _pronoun(state: Discourse, sent: Sent, word: int) -> tuple[str, int] | None:
    p = state.resolve(sent, word, set())
    return (p.name, p.cluster) if p is not None else None


def _worth(mentions: list[Mention], state: Discourse, index: int) -> bool:
    return any(m.type == "PER" for m in mentions) or bool(state.group(index))


def _note_kind(sent: Sent, state: Discourse) -> None:
    """A cue sentence without persons ("Встреча во дворце длилась час") yields no report, but
    keeps the kind of contact it names for the sentences after it (heads of delegations …)."""
    cues = find_cues(sent)
    if cues:
        state.last_kind, state.last_kind_sentence = cues[-1].kind, sent.index


def extract_contacts(article: Article, analysis: ArticleAnalysis) -> tuple[ContactReport, ...]:
    """Every contact report of the article, in text order (see module doc)."""
    lang = analysis.language if analysis.language in ("ru", "uk", "en") else "en"
    lex = lexicon(lang)
    text = article.text
    mentions = sorted(analysis.mentions, key=lambda m: (m.start, -m.end))
    state = Discourse(persons={m.cluster for m in mentions if m.type == "PER"}, leaders=_leaders(mentions, lex))
    find = _times()
    times: dict[int, list[TimeRef]] = {}
    out: list[ContactReport] = []
    k = 0
    for index, s in enumerate(analysis.sentences):
        while k < len(mentions) and mentions[k].start < s.start:
            k += 1
        j = k
        while j < len(mentions) and mentions[j].start < s.end:
            j += 1
        inside = _usable(mentions[k:j])
        if text[s.start:s.start + 2].lstrip()[:1] in _BULLETS:
            state.reset()
        subject: Person | None = None
        cued = lex.worth(fold(text[s.start:s.end]))
        if cued and _worth(inside, state, index):
            sent = build(index, text, s.start, s.end, lang, lex, inside)
            topic_before = state.topic
            found = _sentence(sent, state, article, times, find)
            state.reports.extend((index, r) for r in found)
            out.extend(found)
            subject = state.topic if state.topic is not topic_before else None
        elif cued:
            _note_kind(build(index, text, s.start, s.end, lang, lex, inside), state)
        state.end_sentence(index, inside, subject, coordinated(text[:s.end], inside, lang))
    return tuple(_without_agenda(out, state.reports))


_AGENDA_REACH = 2


def _without_agenda(out: list[ContactReport], reports: list[tuple[int, ContactReport]]) -> list[ContactReport]:
    """"Обама принимает Саркози. Лидеры намерены обменяться мнениями о …": what the parties of a
    meeting reported just before are to discuss there is its agenda, not another (planned)
    contact: a hypothetical talk between them within two sentences after it is dropped."""
    held = [(i, frozenset(p.cluster for p in r.participants)) for i, r in reports
            if r.polarity == "asserted" and r.kind in ("meeting", "talks", "visit", "call")]
    agenda = {id(r) for i, r in reports if r.polarity == "hypothetical" and r.kind == "contact" and any(
        0 <= i - j <= _AGENDA_REACH and frozenset(p.cluster for p in r.participants) <= parties for j, parties in held)}
    return [r for r in out if id(r) not in agenda]
