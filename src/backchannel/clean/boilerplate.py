"""Rule-based boilerplate removal: lexicon lines (promos, cookie notices, language switches),
news tickers (runs of headlines between times and view counters) and the tail block under
an article (related / latest news), cut from its heading to the end."""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Iterable, Sequence

from backchannel.clean.lexicon import Lexicon
from backchannel.clean.records import Stripped
from backchannel.clean.text import line_key

_SPACES = re.compile(r"\s+")
_TIME = re.compile(
    r"(?:(?:сегодня|вчера|сьогодні|вчора|today|yesterday),?\s*)?(?:[0-3]?\d[./][01]?\d(?:[./]\d{2,4})?,?\s+)?[0-2]?\d:[0-5]\d",
    re.I,
)
_COUNTER = re.compile(r"(?:👁\s*)?\d{1,4}(?:[.,]\d)?\s*(?:т|тыс|тис|k|к|m|м|млн)?\.?", re.I)
_DOMAIN = re.compile(r"\b((?:[a-z0-9](?:[a-z0-9-]{0,61}[a-z0-9])?\.)+(?:[a-z]{2,12}|рф|укр))\b")
_NOT_TLD = frozenset({"jpg", "jpeg", "png", "gif", "webp", "html", "htm", "php", "pdf", "mp4", "js", "css"})
_COPYRIGHT = re.compile(
    r"(?:copyright\s*)?©\s*(?:(?:19|20)\d\d(?:\s*[-–—]\s*(?:19|20)\d\d)?[\s,]*)?[«\"“]?"
    r"(?P<name>[^«»\"”,.©|\d]{2,60}?)[»\"”]?\s*(?:[,.|]|(?:19|20)\d\d|$)",
    re.I,
)
_NOT_A_HOLDER = re.compile(r"прав|rights|reserved|захищ|защищ", re.I)
MIN_CONTENT_BEFORE_TAIL = 200
"""Characters of kept text a tail heading must follow (a heading at the top is not a tail)."""
MIN_CONTENT_BEFORE_WEAK = 100


def strip_boilerplate(lines: Sequence[str], lex: Lexicon) -> Stripped:
    """Remove boilerplate lines; keep blank lines (paragraph breaks) where they were."""
    keep = [not _is_boilerplate_line(line, lex) if line.strip() else True for line in lines]
    _drop_tickers(lines, keep)
    _drop_tail(lines, keep, lex)
    _drop_weak_headings(lines, keep, lex)
    kept = tuple(line for line, k in zip(lines, keep, strict=True) if k)
    removed = tuple(line for line, k in zip(lines, keep, strict=True) if not k and line.strip())
    return Stripped(kept, removed)


def _is_boilerplate_line(line: str, lex: Lexicon) -> bool:
    key = line_key(line)
    if not key:
        return False
    if lex.whole.fullmatch(key):
        return True
    folded = _SPACES.sub(" ", line.casefold()).strip()
    return any(len(folded) <= rule.max_chars and rule.pattern.search(folded) for rule in lex.lines)


def _tick(line: str) -> str | None:
    """'time' or 'count' for the small lines of a news ticker, else None."""
    text = line.strip()
    if len(text) > 24:
        return None
    if _TIME.fullmatch(text):
        return "time"
    if _COUNTER.fullmatch(text):
        return "count"
    return None


def _drop_tickers(lines: Sequence[str], keep: list[bool]) -> None:
    """Runs of short headlines interleaved with times and view counters."""
    rows = [i for i, line in enumerate(lines) if line.strip() and keep[i]]
    ticks = [(pos, kind) for pos, i in enumerate(rows) if (kind := _tick(lines[i]))]
    for cluster in _clusters(ticks):
        times = sum(kind == "time" for _, kind in cluster)
        if len(cluster) < 3 or (times < 2 and len(cluster) < 4):
            continue
        first, last = cluster[0][0], cluster[-1][0]
        if cluster[0][1] == "count" and first > 0:
            first -= 1  # a counter follows its headline
        if cluster[-1][1] == "time" and last + 1 < len(rows):
            last += 1  # a time precedes its headline
        if any(len(lines[rows[p]]) > 250 for p in range(first, last + 1)):
            continue
        for pos in range(first, last + 1):
            keep[rows[pos]] = False


def _clusters(ticks: list[tuple[int, str]]) -> Iterable[list[tuple[int, str]]]:
    cluster: list[tuple[int, str]] = []
    for tick in ticks:
        if cluster and tick[0] - cluster[-1][0] > 3:
            yield cluster
            cluster = []
        cluster.append(tick)
    if cluster:
        yield cluster


def _content_before(lines: Sequence[str], keep: list[bool], index: int) -> int:
    return sum(len(lines[i].strip()) for i in range(index) if keep[i])


def _drop_tail(lines: Sequence[str], keep: list[bool], lex: Lexicon) -> None:
    """Cut from a tail heading ('Related articles', 'Останні новини') to the end, with a poll
    question just above it."""
    for index, line in enumerate(lines):
        if not keep[index] or len(line) > 60 or not lex.tail_strong.fullmatch(line_key(line)):
            continue
        if _content_before(lines, keep, index) < MIN_CONTENT_BEFORE_TAIL:
            continue
        for i in range(index, len(lines)):
            keep[i] = False
        previous = next((i for i in range(index - 1, -1, -1) if keep[i] and lines[i].strip()), None)
        if previous is not None and _is_poll_question(lines[previous]):
            keep[previous] = False
        return


def _is_poll_question(line: str) -> bool:
    text = line.strip()
    return text.endswith("?") and len(text) <= 150 and ". " not in text


def _drop_weak_headings(lines: Sequence[str], keep: list[bool], lex: Lexicon) -> None:
    """'Читайте также' with its link on the same line (that line goes), or alone: then the
    headlines under it go, or everything to the end when no article paragraph follows."""
    for index, line in enumerate(lines):
        if not keep[index] or not line.strip() or len(line) > 250:
            continue
        if lex.tail_weak_inline.match(_SPACES.sub(" ", line.casefold())):
            keep[index] = False
        elif len(line) <= 40 and lex.tail_weak.fullmatch(line_key(line)):
            if _content_before(lines, keep, index) < MIN_CONTENT_BEFORE_WEAK:
                continue
            if any(_is_paragraph(lines[i]) for i in range(index + 1, len(lines)) if keep[i]):
                keep[index] = False
                _drop_headlines_after(lines, keep, index)
            else:
                for i in range(index, len(lines)):
                    keep[i] = False
                return


def _is_paragraph(line: str) -> bool:
    """A line of article text rather than a headline or a teaser."""
    text = line.strip()
    return len(text) >= 160 and text[-1] in '.!?»"”' and not text.endswith("...")


def _drop_headlines_after(lines: Sequence[str], keep: list[bool], index: int) -> None:
    dropped = 0
    for i in range(index + 1, len(lines)):
        text = lines[i].strip()
        if not text:
            if dropped:
                return
            continue
        if dropped >= 3 or len(text) > 160 or text.endswith("."):
            return
        keep[i] = False
        dropped += 1


def copyright_holder(removed: Iterable[str]) -> str | None:
    """The name in a removed copyright notice ("© «Example News», 2025. …")."""
    for line in removed:
        match = _COPYRIGHT.match(line.strip())
        if match is None:
            continue
        name = match.group("name").strip(" -–—")
        if len(name) >= 2 and not _NOT_A_HOLDER.search(name) and any(ch.isalpha() for ch in name):
            return name
    return None


def domain_of_removed(removed: Iterable[str], lex: Lexicon) -> str | None:
    """A domain named in at least two removed lines ("Читайте example.net в Google News")."""
    counts: Counter[str] = Counter()
    for line in removed:
        found = {d.lower() for d in _DOMAIN.findall(line.lower())}
        counts.update(d for d in found if _is_outlet_domain(d, lex))
    best = counts.most_common(1)
    return best[0][0] if best and best[0][1] >= 2 else None


def _is_outlet_domain(domain: str, lex: Lexicon) -> bool:
    domain = domain.removeprefix("www.")
    tld = domain.rsplit(".", 1)[-1]
    return tld not in _NOT_TLD and not tld.isdigit() and domain not in lex.not_outlets and "." in domain
