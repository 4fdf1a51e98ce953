"""The contact lexicon (``data/contacts.yaml``), compiled once per language on first use.

Russian and Ukrainian entries are lemmas (matched through pymorphy3, see :mod:`words`);
English entries are word forms, multi-word ones matched as word sequences.
"""

from __future__ import annotations

import re
from collections.abc import Mapping
from dataclasses import dataclass
from functools import cache
from importlib import resources
from typing import Any, cast

from backchannel.contacts.timex_lexicon import fold as fold  # one folding for cues and time expressions
from backchannel.errors import ConfigError
from backchannel.model import ContactKind

KINDS: tuple[ContactKind, ...] = ("call", "meeting", "talks", "visit", "message", "request", "contact")
Phrase = tuple[str, ...]

_LETTERS = re.compile(r"[^\W\d_]+(?:['-][^\W\d_]+)*")
_EXPAND = ("verbs", "nouns")
_EXPAND_SETS = ("host", "participate", "lead", "delegation", "denial", "denial_nouns")
_SETS = (
    "directed", "host", "host_block", "companion", "message_verbs", "content", "phone", "support", "negation",
    "denial", "denial_nouns", "refusal", "intent", "modal", "future", "subjunctive", "phase", "speech",
    "anaphor_single", "anaphor_roles", "counterpart", "topic_preps", "comitative", "source_preps", "locative",
    "delegation", "lead", "participate", "report_nouns", "joint", "possessor_heads", "needs_cue_object", "anaphor_plural", "time_nouns", "motion", "leader_words", "companion_strict", "not_anaphoric", "wh_words",
    "passive_talk", "joint_statement", "joint_appearance", "exchange", "exchange_objects", "report_to",
    "visit_motion", "visit_preps", "distributive", "topic_talk", "testimony", "matter_nouns",
)


@dataclass(frozen=True, slots=True)
class Lexicon:
    """One language's cue words and markers (every entry folded)."""

    lang: str
    prefilter: re.Pattern[str]
    forms: frozenset[str]
    """Every inflected form of the cue lemmas (ru, uk), for the prefilter."""
    verbs: Mapping[str, ContactKind]
    nouns: Mapping[str, ContactKind]
    noun_phrases: tuple[tuple[Phrase, ContactKind], ...]
    sets: Mapping[str, frozenset[str]]
    press: re.Pattern[str] | None
    hyp_phrases: re.Pattern[str] | None
    denial_phrases: re.Pattern[str] | None
    attribution_before: tuple[Phrase, ...]
    anaphor_plural: tuple[Phrase, ...]
    including: tuple[Phrase, ...]
    attribution_starts: Mapping[str, tuple[Phrase, ...]]
    """``attribution_before`` by first word (longest first, as there): only these can start at a word."""

    def has(self, name: str, word: str) -> bool:
        return word in self.sets[name]

    def worth(self, folded: str) -> bool:
        """Whether a (folded) sentence may hold a cue: a prefilter stem or a cue word form."""
        return self.prefilter.search(folded) is not None or any(w in self.forms for w in _LETTERS.findall(folded))

    def any(self, name: str, lemmas: frozenset[str]) -> bool:
        return not lemmas.isdisjoint(self.sets[name])


def _alternation(items: list[str]) -> re.Pattern[str] | None:
    return re.compile("|".join(f"(?:{p})" for p in items)) if items else None


def _phrases(items: list[str]) -> tuple[Phrase, ...]:
    return tuple(sorted((tuple(fold(i).split()) for i in items), key=len, reverse=True))


def by_first_word(phrases: tuple[Phrase, ...]) -> dict[str, tuple[Phrase, ...]]:
    """The phrases grouped by their first word, each group in the order of ``phrases``."""
    out: dict[str, list[Phrase]] = {}
    for phrase in phrases:
        if not phrase:
            raise ConfigError("data/contacts.yaml: an empty phrase")
        out.setdefault(phrase[0], []).append(phrase)
    return {word: tuple(group) for word, group in out.items()}


def _compile(lang: str, data: Mapping[str, Any]) -> Lexicon:
    stems = sorted({fold(s) for s in data["prefilter"]}, key=len, reverse=True)
    prefilter = re.compile(r"(?<![^\W\d_])(?:" + "|".join(re.escape(s) for s in stems) + ")")
    verbs: dict[str, ContactKind] = {}
    nouns: dict[str, ContactKind] = {}
    phrases: list[tuple[Phrase, ContactKind]] = []
    for section, target in (("verbs", verbs), ("nouns", nouns)):
        for kind, words in data[section].items():
            if kind not in KINDS:
                raise ConfigError(f"data/contacts.yaml: unknown contact kind {kind!r} in {lang}.{section}")
            for w in words:
                key = fold(w)
                if " " in key and section == "nouns":
                    phrases.append((tuple(key.split()), cast(ContactKind, kind)))
                else:
                    target.setdefault(key, cast(ContactKind, kind))
    sets = {name: frozenset(fold(w) for w in data.get(name, ())) for name in _SETS}
    lemmas = set(verbs) | set(nouns) | {w for name in _EXPAND_SETS for w in sets[name]}
    attribution = _phrases(data.get("attribution_before", []))
    return Lexicon(
        lang, prefilter, _forms(lang, lemmas), verbs, nouns, tuple(sorted(phrases, key=lambda p: len(p[0]), reverse=True)), sets,
        _alternation(data.get("press", [])), _alternation(data.get("hyp_phrases", [])),
        _alternation(data.get("denial_phrases", [])), attribution,
        _phrases(data.get("anaphor_plural", [])), _phrases(data.get("including", [])), by_first_word(attribution),
    )


def _forms(lang: str, lemmas: set[str]) -> frozenset[str]:
    if lang not in ("ru", "uk"):
        return frozenset()
    from backchannel.contacts.words import tagger

    out: set[str] = set()
    for lemma in lemmas:
        out.update(tagger(lang).forms(lemma))
    return frozenset(out)


@cache
def _raw() -> Mapping[str, Any]:
    import yaml

    path = resources.files("backchannel") / "data" / "contacts.yaml"
    data = yaml.safe_load(path.read_text(encoding="utf-8"))
    if not isinstance(data, dict):
        raise ConfigError("data/contacts.yaml must map languages to their lexicons")
    return data


@cache
def lexicon(lang: str) -> Lexicon:
    """The lexicon of ``lang`` (ru, uk, en; other languages read as English)."""
    raw = _raw()
    return _compile(lang if lang in raw else "en", raw[lang if lang in raw else "en"])
