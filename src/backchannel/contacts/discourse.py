"""What the rules remember from sentence to sentence inside one article.

- the reports found so far (for "the two men", "стороны", "такая встреча", a denial of "это");
- the topic: the person the last sentences are about (the subject of the last contact, else the
  first person named in the nominative), who fills an elided or unnamed subject ("Ердоан" typo,
  "российский министр был принят …");
- pronoun resolution: the nearest person before the pronoun in its sentence, else one named after
  it ("Asked whether he …, Trump said"), else the topic.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from backchannel.contacts.lexicon import fold
from backchannel.contacts.sentence import Sent
from backchannel.contacts.words import words
from backchannel.model import ContactKind, ContactReport, Mention

_TOPIC_REACH = 6
_GROUP_REACH = 3
_PAIR_REACH = 2
_AND = frozenset("и і й та and".split())


@dataclass(frozen=True, slots=True)
class Person:
    name: str
    cluster: int
    start: int
    end: int


def person(m: Mention) -> Person:
    return Person(m.base, m.cluster, m.start, m.end)


def nominative(m: Mention) -> bool:
    return fold(m.surface) == fold(m.base)


def coordinated(text: str, mentions: list[Mention], lang: str) -> list[Person]:
    """Two persons named as a pair in the nominative and followed by their verb ("Путин и
    Эрдоган отметили …", "Macron and Scholz also stressed …"), the joint subject a later
    "лидеры/стороны обсудили" stands for; empty when there is none."""
    people = [m for m in mentions if m.type == "PER"]
    for a, b in zip(people, people[1:], strict=False):
        if (a.cluster != b.cluster and nominative(a) and nominative(b)
                and fold(text[a.end:b.start].strip()) in _AND and _verb_follows(text, b.end, lang)):
            return [person(a), person(b)]
    return []


def _verb_follows(text: str, at: int, lang: str) -> bool:
    """Whether a finite verb is among the next three words after ``at``, before any punctuation."""
    for w in words(text, at, min(len(text), at + 60), lang)[:3]:
        if w.tag.pos == "PNCT":
            return False
        if w.tag.tense in ("past", "pres", "futr"):
            return True
    return False


@dataclass(slots=True)
class Discourse:
    reports: list[tuple[int, ContactReport]] = field(default_factory=list)
    topic: Person | None = None
    topic_sentence: int = -10
    previous: list[Person] = field(default_factory=list)
    """Persons of the previous sentence, nominative ones first."""
    persons: set[int] = field(default_factory=set)
    """Clusters of person mentions (parties may also be countries, in "talks between …")."""
    leaders: set[int] = field(default_factory=set)
    """Clusters of heads of state or government (for "двух лидеров", "the presidents")."""
    last_kind: ContactKind | None = None
    last_kind_sentence: int = -10
    pair: list[Person] = field(default_factory=list)
    """The last coordinated pair of persons named as a subject (see :func:`coordinated`)."""
    pair_sentence: int = -10

    def reset(self) -> None:
        """Forget the discourse: a new item of a digest ("🔻 …", "• …") starts."""
        self.reports.clear()
        self.topic, self.previous, self.last_kind, self.pair = None, [], None, []

    def topic_at(self, index: int, reach: int = _TOPIC_REACH) -> Person | None:
        return self.topic if self.topic is not None and index - self.topic_sentence <= reach else None

    def set_topic(self, p: Person, index: int) -> None:
        self.topic, self.topic_sentence = p, index

    def group(self, index: int, leaders: bool = False) -> list[Person]:
        """The parties that "the two men", "стороны", "двух лидеров" stand for: of the recent
        reports between persons (within reach), those between leaders when the anaphor says
        "leaders" or "presidents", then the pair reported most often in the article so far (the
        story's main pair rather than an aside), the latest on a tie; without such reports, a
        pair named jointly as a subject just before ("Путин и Эрдоган отметили … Лидеры
        обсудили …")."""
        recent: list[ContactReport] = []
        for si, r in reversed(self.reports):
            if index - si > (_TOPIC_REACH if leaders else _GROUP_REACH):
                break
            if all(p.cluster in self.persons for p in r.participants):
                recent.append(r)
        if leaders:
            recent = [r for r in recent if all(p.cluster in self.leaders for p in r.participants)]
        if not recent:
            return self._pair_at(index, leaders)
        count: dict[frozenset[int], int] = {}
        for _, r in self.reports:
            key = frozenset(p.cluster for p in r.participants)
            count[key] = count.get(key, 0) + 1
        best = max(recent, key=lambda r: count[frozenset(p.cluster for p in r.participants)])
        return [Person(p.name, p.cluster, p.start, p.end) for p in best.participants]

    def _pair_at(self, index: int, leaders: bool) -> list[Person]:
        if not 0 < index - self.pair_sentence <= _PAIR_REACH:
            return []
        if leaders and not all(p.cluster in self.leaders for p in self.pair):
            return []
        return list(self.pair)

    def counterpart(self, index: int, clusters: set[int]) -> Person | None:
        """The other party of the latest recent report that involves one of ``clusters``."""
        for si, r in reversed(self.reports):
            if index - si > _TOPIC_REACH:
                break
            ids = {p.cluster for p in r.participants}
            if ids & clusters or not clusters:
                for p in r.participants:
                    if p.cluster not in clusters:
                        return Person(p.name, p.cluster, p.start, p.end)
        return None

    def resolve(self, sent: Sent, word: int, exclude: set[int]) -> Person | None:
        """The person a third-person pronoun at ``word`` stands for (see module doc)."""
        before = [mi for mi, m in enumerate(sent.mentions)
                  if m.type == "PER" and sent.last[mi] < word and m.cluster not in exclude and not sent.in_press(sent.first[mi])]
        if before:
            subj = [mi for mi in before if nominative(sent.mentions[mi])]
            return person(sent.mentions[(subj or before)[-1]])
        after = [mi for mi, m in enumerate(sent.mentions) if m.type == "PER" and sent.first[mi] > word
                 and m.cluster not in exclude and nominative(m) and mi in sent.sources]
        if after:
            return person(sent.mentions[after[0]])
        topic = self.topic_at(sent.index)
        if topic is not None and topic.cluster not in exclude:
            return topic
        return next((p for p in self.previous if p.cluster not in exclude), None)

    def end_sentence(self, sent_index: int, mentions: list[Mention], subject: Person | None,
                     pair: list[Person] | None = None) -> None:
        """Remember the sentence's persons, a coordinated pair of them, and move the topic to its subject."""
        persons = [m for m in mentions if m.type == "PER"]
        if pair:
            self.pair, self.pair_sentence = pair, sent_index
        self.previous = [person(m) for m in sorted(persons, key=lambda m: not nominative(m))]
        if subject is not None:
            self.set_topic(subject, sent_index)
        elif persons and nominative(persons[0]):
            self.set_topic(person(persons[0]), sent_index)
