"""In-document coreference: one cluster per actor.

Mentions resolved to one KB actor share a cluster; a surname-only or first-name-only person
mention joins the full name it belongs to ("Песков" → "Дмитрий Песков"); a single-word person
mention that is one edit (a substitution, insertion, deletion or swap of neighbours) away from a
surname in the article, and is not a person of its own in the KB, joins that surname ("Макс" in
an article about Маск). Other mentions cluster by type and base form."""

from __future__ import annotations

from collections.abc import Callable, Sequence

from backchannel.analyze.records import Draft
from backchannel.analyze.stems import fold

MIN_TYPO_LEN = 4


def one_edit(a: str, b: str) -> bool:
    """Optimal-string-alignment distance of exactly one."""
    if a == b or abs(len(a) - len(b)) > 1:
        return False
    if len(a) == len(b):
        diff = [i for i in range(len(a)) if a[i] != b[i]]
        if len(diff) == 1:
            return True
        return len(diff) == 2 and diff[1] == diff[0] + 1 and a[diff[0]] == b[diff[1]] and a[diff[1]] == b[diff[0]]
    short, long_ = (a, b) if len(a) < len(b) else (b, a)
    i = 0
    while i < len(short) and short[i] == long_[i]:
        i += 1
    return short[i:] == long_[i + 1:]


def _number(ids: dict[tuple[str, ...], int], key: tuple[str, ...]) -> int:
    """The cluster number of ``key``: a new one (the next) for a key not seen yet."""
    return ids.setdefault(key, len(ids))


def cluster(drafts: Sequence[Draft], stem: Callable[[str], str], kb_person: Callable[[str], bool]) -> None:
    """Set ``Draft.cluster`` on every draft (numbers start at 0, in order of first mention)."""
    ids: dict[tuple[str, ...], int] = {}
    persons = [d for d in drafts if d.span.type == "PER"]
    full: list[tuple[tuple[str, ...], Draft]] = []
    for d in persons:
        ws = d.base.split()
        if len(ws) > 1:
            full.append((tuple(stem(w) for w in ws), d))
    # Full names: the same KB actor or the same stemmed words form one cluster.
    for key, d in full:
        d.cluster = _number(ids, ("kb", d.kb_id) if d.kb_id else ("per",) + key)
    by_last: dict[str, set[int]] = {}
    by_first: dict[str, set[int]] = {}
    last_words: dict[int, str] = {}
    for key, d in full:
        by_last.setdefault(key[-1], set()).add(d.cluster)
        by_first.setdefault(key[0], set()).add(d.cluster)
        last_words.setdefault(d.cluster, fold(d.base.split()[-1]))
    for d in persons:
        if d.cluster >= 0:
            continue
        s = stem(d.base)
        for table in (by_last, by_first):
            found = table.get(s)
            if found and len(found) == 1:
                d.cluster = next(iter(found))
                break
        if d.cluster >= 0:
            continue
        if d.kb_id:
            d.cluster = _number(ids, ("kb", d.kb_id))
            continue
        word = fold(d.base)
        if len(word) >= MIN_TYPO_LEN and " " not in word and s not in by_first and not kb_person(d.base):
            near = {c for c, w in last_words.items() if one_edit(word, w)}
            if len(near) == 1:
                d.cluster = near.pop()
                d.extras["typo_of"] = "1"
                continue
        d.cluster = _number(ids, ("per1", s))
    for d in drafts:
        if d.cluster < 0:
            d.cluster = _number(ids, ("kb", d.kb_id) if d.kb_id else (d.span.type, fold(d.base)))
    # A cluster whose full name is in the KB lends its actor to every mention in it.
    kb_of: dict[int, str] = {}
    for d in drafts:
        if d.kb_id:
            kb_of.setdefault(d.cluster, d.kb_id)
    for d in drafts:
        if d.kb_id is None and d.cluster in kb_of:
            d.kb_id = kb_of[d.cluster]
