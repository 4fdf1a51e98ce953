"""NER scores as pure functions over gold and system mentions of one document (or many).

* **Recognition, document level, BSNLP "relaxed" style**: per document, the *set* of distinct
  ``(type, normalised surface form)`` pairs; a system form counts when the gold has the same
  form with the same type. Repeating a name does not change the score; each inflected form
  ("Путин", "Путина") is a form of its own.
* **Recognition, span level, strict** (for reference): exact ``(start, end, type)``, micro.
* **Base forms**: over gold PER mentions with a base form whose exact span the system also
  found (any type): the system's base equals the gold's, case-folded, ё = е.
* **Cross-lingual linking**: over gold PER mentions with a link id whose exact span the system
  found, as PER: two mentions are linked by the system when ``identity`` gives them the same
  key. Pairwise P/R/F1 (all pairs, and ru↔uk pairs only) and B-cubed.

Surface and base forms are compared after :func:`normalise` (NFC, quotes dropped, apostrophes
unified, ё → е, whitespace collapsed, edge punctuation stripped, case-folded).
"""

from __future__ import annotations

import unicodedata
from collections import Counter
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass
from typing import Protocol

from backchannel.evaluate.gold import GoldMention


class MentionLike(Protocol):
    """What a recogniser returns per mention (``backchannel.model.Mention`` fits)."""

    @property
    def start(self) -> int: ...
    @property
    def end(self) -> int: ...
    @property
    def surface(self) -> str: ...
    @property
    def base(self) -> str: ...
    @property
    def type(self) -> str: ...
    @property
    def kb_id(self) -> str | None: ...


Identity = Callable[[MentionLike], str]
"""The entity key a system gives a mention; equal keys mean "the same actor"."""

_DROP = str.maketrans("", "", '«»"“”„‟‹›')
_APOSTROPHES = str.maketrans({"’": "'", "ʼ": "'", "`": "'", "´": "'", "‘": "'"})


def normalise(form: str) -> str:
    form = unicodedata.normalize("NFC", form).translate(_DROP).translate(_APOSTROPHES)
    return " ".join(form.split()).strip(" .,;:!?()[]").casefold().replace("ё", "е")


def default_identity(mention: MentionLike) -> str:
    """The knowledge-base id when the mention was resolved, else its normalised base form."""
    return mention.kb_id or f"base:{normalise(mention.base or mention.surface)}"


@dataclass(frozen=True, slots=True)
class Counts:
    tp: int = 0
    fp: int = 0
    fn: int = 0

    def __add__(self, other: Counts) -> Counts:
        return Counts(self.tp + other.tp, self.fp + other.fp, self.fn + other.fn)

    @property
    def precision(self) -> float:
        return self.tp / (self.tp + self.fp) if self.tp + self.fp else 0.0

    @property
    def recall(self) -> float:
        return self.tp / (self.tp + self.fn) if self.tp + self.fn else 0.0

    @property
    def f1(self) -> float:
        p, r = self.precision, self.recall
        return 2 * p * r / (p + r) if p + r else 0.0


def _compare(gold: set[tuple[object, ...]], system: set[tuple[object, ...]]) -> Counts:
    return Counts(tp=len(gold & system), fp=len(system - gold), fn=len(gold - system))


def relaxed_counts(
    gold: Sequence[GoldMention], system: Sequence[MentionLike], types: Iterable[str]
) -> dict[str, Counts]:
    """Document-level counts per type (only ``types`` are scored) of one document."""
    g = {(m.type, normalise(m.surface)) for m in gold}
    s = {(m.type, normalise(m.surface)) for m in system}
    return {t: _compare({x for x in g if x[0] == t}, {x for x in s if x[0] == t}) for t in types}


def strict_counts(
    gold: Sequence[GoldMention], system: Sequence[MentionLike], types: Iterable[str]
) -> dict[str, Counts]:
    """Exact-span counts per type of one document."""
    g = {(m.start, m.end, m.type) for m in gold}
    s = {(m.start, m.end, m.type) for m in system}
    return {t: _compare({x for x in g if x[2] == t}, {x for x in s if x[2] == t}) for t in types}


@dataclass(frozen=True, slots=True)
class RelaxedError:
    """One document-level miss: a system form the gold lacks (``FP``) or a gold form the system
    lacks (``FN``), with what the other side has over the same characters (``"ORG:ЦИК России"``)
    and the text around its first occurrence, for error analysis."""

    kind: str
    type: str
    form: str
    other: tuple[str, ...]
    context: str


def _overlapping(start: int, end: int, mentions: Sequence[MentionLike] | Sequence[GoldMention]) -> tuple[str, ...]:
    return tuple(
        dict.fromkeys(f"{m.type}:{m.surface}" for m in mentions if m.start < end and start < m.end)
    )


def relaxed_errors(
    text: str,
    gold: Sequence[GoldMention],
    system: Sequence[MentionLike],
    types: Iterable[str],
    window: int = 60,
) -> list[RelaxedError]:
    """The false positives and false negatives behind :func:`relaxed_counts` of one document."""
    wanted = set(types)
    g = {(m.type, normalise(m.surface)): m for m in reversed(gold) if m.type in wanted}
    s = {(m.type, normalise(m.surface)): m for m in reversed(system) if m.type in wanted}

    def error(kind: str, m: MentionLike | GoldMention, others: Sequence[MentionLike] | Sequence[GoldMention]) -> RelaxedError:
        context = " ".join(text[max(0, m.start - window) : m.end + window].split())
        return RelaxedError(kind, m.type, m.surface, _overlapping(m.start, m.end, others), context)

    return [error("FP", m, gold) for k, m in s.items() if k not in g] + [
        error("FN", m, system) for k, m in g.items() if k not in s
    ]


@dataclass(frozen=True, slots=True)
class BaseFormResult:
    gold: int
    """Gold PER mentions with a base form."""
    found: int
    """… whose exact span the system found."""
    correct: int
    errors: tuple[tuple[str, str, str], ...] = ()
    """``(surface, gold base, system base)`` of the misses."""

    def __add__(self, other: BaseFormResult) -> BaseFormResult:
        return BaseFormResult(
            self.gold + other.gold,
            self.found + other.found,
            self.correct + other.correct,
            self.errors + other.errors,
        )

    @property
    def accuracy(self) -> float:
        return self.correct / self.found if self.found else 0.0


def base_forms(gold: Sequence[GoldMention], system: Sequence[MentionLike]) -> BaseFormResult:
    by_span = {(m.start, m.end): m for m in system}
    wanted = [m for m in gold if m.type == "PER" and m.base]
    found = [(g, by_span[(g.start, g.end)]) for g in wanted if (g.start, g.end) in by_span]
    errors = tuple(
        (g.surface, g.base or "", s.base)
        for g, s in found
        if normalise(s.base or "") != normalise(g.base or "")
    )
    return BaseFormResult(gold=len(wanted), found=len(found), correct=len(found) - len(errors), errors=errors)


@dataclass(frozen=True, slots=True)
class LinkItem:
    """One gold PER mention the system found: its language, gold id and system key."""

    lang: str
    gold: str
    system: str


def link_items(
    lang: str,
    gold: Sequence[GoldMention],
    system: Sequence[MentionLike],
    identity: Identity = default_identity,
) -> list[LinkItem]:
    by_span = {(m.start, m.end): m for m in system if m.type == "PER"}
    return [
        LinkItem(lang, g.link_id, identity(by_span[(g.start, g.end)]))
        for g in gold
        if g.type == "PER" and g.link_id and (g.start, g.end) in by_span
    ]


def _pairs(n: int) -> int:
    return n * (n - 1) // 2


@dataclass(frozen=True, slots=True)
class LinkingResult:
    mentions: int
    pairwise: Counts
    """Over all pairs of mentions (same or different language)."""
    cross_lingual: Counts
    """Over pairs whose two mentions are in different languages only."""
    bcubed_precision: float
    bcubed_recall: float

    @property
    def bcubed_f1(self) -> float:
        p, r = self.bcubed_precision, self.bcubed_recall
        return 2 * p * r / (p + r) if p + r else 0.0


def linking(items: Sequence[LinkItem]) -> LinkingResult:
    """Pairwise and B-cubed scores of the system's grouping against the gold ids, computed
    from cluster sizes (no pair enumeration: SlavicNER has thousands of Putin mentions)."""
    gold, system, both = Counter[str](), Counter[str](), Counter[tuple[str, str]]()
    gold_lang, system_lang, both_lang = (
        Counter[tuple[str, str]](),
        Counter[tuple[str, str]](),
        Counter[tuple[str, str, str]](),
    )
    for item in items:
        gold[item.gold] += 1
        system[item.system] += 1
        both[(item.gold, item.system)] += 1
        gold_lang[(item.gold, item.lang)] += 1
        system_lang[(item.system, item.lang)] += 1
        both_lang[(item.gold, item.system, item.lang)] += 1

    def cross(
        total: Counter[str] | Counter[tuple[str, str]],
        by_lang: Counter[tuple[str, str]] | Counter[tuple[str, str, str]],
    ) -> int:
        """Pairs with different languages = all pairs − same-language pairs."""
        return sum(_pairs(n) for n in total.values()) - sum(_pairs(n) for n in by_lang.values())

    same = sum(_pairs(n) for n in both.values())
    pairwise = Counts(
        tp=same,
        fp=sum(_pairs(n) for n in system.values()) - same,
        fn=sum(_pairs(n) for n in gold.values()) - same,
    )
    same_cross = cross(both, both_lang)
    cross_lingual = Counts(
        tp=same_cross, fp=cross(system, system_lang) - same_cross, fn=cross(gold, gold_lang) - same_cross
    )
    n = len(items)
    precision = sum(both[(i.gold, i.system)] / system[i.system] for i in items) / n if n else 0.0
    recall = sum(both[(i.gold, i.system)] / gold[i.gold] for i in items) / n if n else 0.0
    return LinkingResult(n, pairwise, cross_lingual, precision, recall)
