"""Events from reports: reports of the same contact merged into one event (pure functions).

Two reports tell of the same contact when
- their participants agree: the same entities, or one set contained in the other with at
  least two entities in common (a multilateral meeting and a report naming two of its parties);
- their kinds agree: a call is not a visit, but talks fit a call or a meeting, and "contact"
  (regular contact) or a request can be part of any contact;
- their times agree: intervals overlap at their precision (a day ± 1, a month, a year; an open
  interval "since late 2022" runs to the article's date). A report without a time is placed in a
  window of ``WINDOW_DAYS`` before its publication; with neither it fits any time.

Clustering is greedy over reports sorted by (publication, article, report number), so the same
reports always give the same events (ids included). An event's time is that of its first
timed report; each newcomer is compared with it, with every member's kind and with the
event's participants.

Independent sources: reports of one article are one voice; reports citing the same original
source (``according_to``) or the same outlet are one voice; reports whose evidence sentences are
near-identical (copies) are one voice. Status counts the asserting voices.
"""

from __future__ import annotations

import hashlib
import re
from collections import Counter
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass, field
from datetime import date, timedelta
from itertools import combinations
from typing import get_args

from backchannel.model import ContactEvent, ContactKind, EventStatus, ReportFacts

WINDOW_DAYS = 14
COPY_SIMILARITY = 0.7
MAX_POSTINGS = 50
FAR_PAST = date(1, 1, 1)
FAR_FUTURE = date(9999, 12, 31)

_KINDS: tuple[str, ...] = get_args(ContactKind)
_FITS: dict[str, frozenset[str]] = {
    "call": frozenset({"call", "talks"}),
    "meeting": frozenset({"meeting", "talks", "visit"}),
    "visit": frozenset({"visit", "meeting", "talks"}),
    "talks": frozenset({"talks", "call", "meeting", "visit"}),
    "message": frozenset({"message"}),
    "request": frozenset(_KINDS),
    "contact": frozenset(_KINDS),
}
_SPECIFIC = ("call", "visit", "meeting", "talks", "message", "request", "contact")
_PRECISION_RANK = {"day": 0, "month": 1, "season": 2, "year": 3, "interval": 4}
_WORD = re.compile(r"\w+")


@dataclass(frozen=True, slots=True)
class Interval:
    lo: date
    hi: date

    def overlaps(self, other: Interval) -> bool:
        return self.lo <= other.hi and other.lo <= self.hi


def kinds_fit(a: str, b: str) -> bool:
    return b in _FITS.get(a, frozenset({a})) or a in _FITS.get(b, frozenset({b}))


def _parse(value: str, *, last: bool) -> date | None:
    """The first (or last) day of an ISO prefix: ``2022`` → 2022-01-01 / 2022-12-31."""
    parts = value.split("-")
    try:
        year = int(parts[0])
        if len(parts) == 1:
            return date(year, 12, 31) if last else date(year, 1, 1)
        month = int(parts[1])
        if len(parts) == 2:
            if not last:
                return date(year, month, 1)
            nxt = date(year + month // 12, month % 12 + 1, 1)
            return nxt - timedelta(days=1)
        return date(year, month, int(parts[2][:2]))
    except (ValueError, IndexError):
        return None


def interval_of(r: ReportFacts) -> Interval | None:
    """When the report says the contact happened; None when nothing at all is known."""
    published = _parse(r.published, last=True) if r.published else None
    if r.when_start or r.when_end:
        lo = _parse(r.when_start, last=False) if r.when_start else None
        hi = _parse(r.when_end, last=True) if r.when_end else None
        if r.when_start and not r.when_end and r.precision != "interval":
            hi = _parse(r.when_start, last=True)
        lo = lo or FAR_PAST
        hi = hi or max(published or FAR_FUTURE, lo)
        if r.precision == "day":
            lo, hi = lo - timedelta(days=1), hi + timedelta(days=1)
        return Interval(lo, hi)
    if published is not None:
        return Interval(published - timedelta(days=WINDOW_DAYS), published)
    return None


def _timed(r: ReportFacts) -> bool:
    return bool(r.when_start or r.when_end)


def participants_fit(a: frozenset[str], b: frozenset[str]) -> bool:
    small, large = (a, b) if len(a) <= len(b) else (b, a)
    return len(small) >= 2 and small <= large


@dataclass(slots=True)
class _Draft:
    members: list[ReportFacts] = field(default_factory=list)
    parties: frozenset[str] = frozenset()
    anchor: Interval | None = None
    anchored: bool = False

    def accepts(self, r: ReportFacts, when: Interval | None) -> bool:
        if not participants_fit(self.parties, frozenset(r.participants)):
            return False
        if not all(kinds_fit(m.kind, r.kind) for m in self.members):
            return False
        return when is None or self.anchor is None or self.anchor.overlaps(when)

    def add(self, r: ReportFacts, when: Interval | None) -> None:
        self.members.append(r)
        self.parties = self.parties | frozenset(r.participants)
        if when is None:
            return
        if _timed(r) and not self.anchored:
            self.anchor, self.anchored = when, True
        elif not self.anchored:
            self.anchor = when if self.anchor is None else Interval(min(self.anchor.lo, when.lo),
                                                                     max(self.anchor.hi, when.hi))


def order_key(r: ReportFacts) -> tuple[str, str, int]:
    article, _, n = r.id.rpartition("-")
    return (r.published or "", article, int(n) if n.isdigit() else 0)


def cluster(reports: Iterable[ReportFacts]) -> list[ContactEvent]:
    """Merge reports of the same contact into events (deterministic: same reports, same events)."""
    drafts: list[_Draft] = []
    by_pair: dict[tuple[str, str], list[int]] = {}  # a fitting event shares a pair with the report
    for r in sorted(reports, key=order_key):
        if len(r.participants) < 2:
            continue
        when = interval_of(r)
        pairs = list(combinations(r.participants, 2))
        candidates = sorted({i for pair in pairs for i in by_pair.get(pair, ())})
        target = next((i for i in candidates if drafts[i].accepts(r, when)), None)
        if target is None:
            target = len(drafts)
            drafts.append(_Draft())
        drafts[target].add(r, when)
        for pair in combinations(sorted(drafts[target].parties), 2):
            if target not in by_pair.setdefault(pair, []):
                by_pair[pair].append(target)
    return [event_of(d.members) for d in drafts]


def _shingles(text: str) -> frozenset[tuple[str, ...]]:
    words = [w.casefold() for w in _WORD.findall(text)]
    return frozenset(zip(words, words[1:], words[2:], strict=False)) or frozenset({tuple(words)})


def _similar(sa: frozenset[tuple[str, ...]], sb: frozenset[tuple[str, ...]]) -> bool:
    inter = len(sa & sb)
    return bool(inter) and inter / len(sa | sb) >= COPY_SIMILARITY


def near_copies(a: str, b: str) -> bool:
    """Two evidence sentences are copies of one another (word-trigram Jaccard ≥ ``COPY_SIMILARITY``)."""
    return _similar(_shingles(a), _shingles(b))


def _join_copies(reports: Sequence[ReportFacts], find: Callable[[int], int], parent: list[int]) -> None:
    """Union reports whose evidence is near-identical; candidates come from an index of shared
    word trigrams, so distinct sentences are never compared."""
    postings: dict[tuple[str, ...], list[int]] = {}
    shingled: list[frozenset[tuple[str, ...]]] = []
    for i, r in enumerate(reports):
        mine = _shingles(r.evidence)
        shingled.append(mine)
        shared: Counter[int] = Counter()
        for s in mine:
            shared.update(postings.setdefault(s, [])[-MAX_POSTINGS:])
            postings[s].append(i)
        for j, _n in shared.most_common(8):
            if find(i) != find(j) and _similar(mine, shingled[j]):
                parent[find(i)] = find(j)


def voice_groups(reports: Sequence[ReportFacts]) -> list[int]:
    """For each report, its independent-source group (union-find over shared article, cited source,
    outlet and near-identical evidence); groups are numbered in report order."""
    parent = list(range(len(reports)))

    def find(i: int) -> int:
        while parent[i] != i:
            parent[i] = parent[parent[i]]
            i = parent[i]
        return i

    owner: dict[str, int] = {}
    for i, r in enumerate(reports):
        keys = [f"a:{r.article_id}", *(f"s:{s}" for s in r.sources)]
        if r.outlet and not r.sources:
            keys.append(f"s:{r.outlet.casefold()}")
        for k in keys:
            if k in owner:
                parent[find(i)] = find(owner[k])
            else:
                owner[k] = i
    _join_copies(reports, find, parent)
    numbers: dict[int, int] = {}
    return [numbers.setdefault(find(i), len(numbers) + 1) for i in range(len(reports))]


def status_of(reports: Sequence[ReportFacts], groups: Sequence[int]) -> tuple[EventStatus, int]:
    """The event's status and its number of independent asserting sources."""
    asserting = {g for r, g in zip(reports, groups, strict=True) if r.polarity == "asserted"}
    denied = any(r.polarity == "denied" for r in reports)
    if asserting and denied:
        return "contested", len(asserting)
    if asserting:
        return ("confirmed" if len(asserting) >= 2 else "reported"), len(asserting)
    if denied:
        return "denied", 0
    return "planned", 0


def event_id(participants: Sequence[str], first_report: str) -> str:
    digest = hashlib.sha1(("|".join(participants) + "#" + first_report).encode()).hexdigest()
    return "ev-" + digest[:16]


def _kind(reports: Sequence[ReportFacts]) -> ContactKind:
    """The kind most asserting reports (else all) give; "contact" and "request", which fit any
    contact, count half; the more specific kind on a tie."""
    kinds = [r.kind for r in reports if r.polarity == "asserted"] or [r.kind for r in reports]
    weight: dict[ContactKind, float] = {}
    for k in kinds:
        weight[k] = weight.get(k, 0.0) + (0.5 if k in ("contact", "request") else 1.0)
    return min(weight, key=lambda k: (-weight[k], _SPECIFIC.index(k)))


def _when(reports: Sequence[ReportFacts]) -> tuple[str | None, str | None, str]:
    """The most precise time any asserting (else any) report gives; the earliest on a tie."""
    timed = [r for r in reports if _timed(r) and r.polarity == "asserted"] or [r for r in reports if _timed(r)]
    if not timed:
        return None, None, "unknown"
    best = min(timed, key=lambda r: (_PRECISION_RANK.get(r.precision or "", 5), r.when_start or ""))
    return best.when_start, best.when_end, best.precision or "unknown"


def event_of(members: Sequence[ReportFacts]) -> ContactEvent:
    groups = voice_groups(members)
    status, sources = status_of(members, groups)
    parties = tuple(sorted({p for r in members for p in r.participants}))
    published = sorted(r.published for r in members if r.published)
    start, end, precision = _when(members)
    spans = [interval_of(r) for r in members]
    known = [i for i in spans if i is not None]
    lo = min(i.lo for i in known) if len(known) == len(spans) else FAR_PAST
    hi = max(i.hi for i in known) if len(known) == len(spans) else FAR_FUTURE
    return ContactEvent(
        id=event_id(parties, members[0].id),
        kind=_kind(members),
        participants=parties,
        when_start=start,
        when_end=end,
        precision=precision,
        status=status,
        reports=tuple(r.id for r in members),
        outlets=tuple(sorted({r.outlet for r in members if r.outlet})),
        sources=sources,
        first_reported=published[0] if published else None,
        last_reported=published[-1] if published else None,
        groups=tuple((r.id, g) for r, g in zip(members, groups, strict=True)),
        span_start=lo.isoformat(),
        span_end=hi.isoformat(),
    )
