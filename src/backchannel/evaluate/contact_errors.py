"""``eval contacts --errors FILE``: the scorer's misses and spurious pairs with the sentences behind
them, one JSON object a line, for error analysis.

* a **spurious** pair carries the evidence of every system report that yields it;
* a **missed** pair carries the system reports that name the pair with another polarity (if any)
  and the document's sentences that name both entities (by any gold alias, case-folded), or, where
  no sentence names both, those that name either.

Pure functions over the scorer's own records; nothing here changes the score.
"""

from __future__ import annotations

import json
import re
from collections.abc import Iterable, Iterator, Mapping, Sequence
from pathlib import Path
from typing import Any, Protocol

from backchannel.evaluate.contacts import ContactScore, alias_index, doc_key, fold, report_pairs
from backchannel.model import Article


class ArticleSource(Protocol):
    def iter_articles(self) -> Iterator[Article]: ...


_SENTENCE = re.compile(r"[^.!?\n]+(?:[.!?]+|$)")


def sentences(text: str) -> list[str]:
    return [s.strip() for s in _SENTENCE.findall(text) if s.strip()]


def _names(entity: str, entities: Mapping[str, Sequence[str]]) -> list[str]:
    return [fold(a) for a in {entity, *entities.get(entity, ())} if len(a) > 1]


def _mentions(sentence: str, names: Iterable[str]) -> bool:
    folded = fold(sentence)
    return any(re.search(rf"(?<!\w){re.escape(n)}", folded) for n in names)


def gold_sentences(text: str, pair: Sequence[str], entities: Mapping[str, Sequence[str]]) -> list[str]:
    """The sentences of ``text`` naming both entities of ``pair`` (else either of them)."""
    named = [_names(e, entities) for e in pair]
    split = sentences(text)
    both = [s for s in split if all(_mentions(s, n) for n in named)]
    return both or [s for s in split if any(_mentions(s, n) for n in named)][:4]


def _reports(records: Iterable[Mapping[str, Any]], index: Mapping[str, str]) -> dict[tuple[str, frozenset[str]], list[dict[str, Any]]]:
    """(document, pair) → the reports (kind, polarity, names, evidence) yielding that pair."""
    found: dict[tuple[str, frozenset[str]], list[dict[str, Any]]] = {}
    for r in records:
        brief = {"kind": r.get("kind"), "polarity": r.get("polarity"),
                 "participants": [p.get("name") for p in r["participants"]],
                 "evidence": (r.get("evidence") or {}).get("text", "")}
        doc = doc_key(r["article"]["source_path"])
        for pair in report_pairs(r, index):
            found.setdefault((doc, pair), []).append(brief)
    return found


def error_lines(errors: Iterable[Mapping[str, Any]], records: Iterable[Mapping[str, Any]],
                texts: Mapping[str, str], entities: Mapping[str, Sequence[str]]) -> Iterator[dict[str, Any]]:
    """Each scorer error with its reports and, for a miss, the gold document's sentences."""
    reports = _reports(records, alias_index(entities))
    for e in errors:
        pair = e.get("missed") or e.get("spurious") or []
        line = {**e, "reports": reports.get((str(e["doc"]), frozenset(pair)), [])}
        if "missed" in e:
            line["sentences"] = gold_sentences(texts.get(str(e["doc"]), ""), pair, entities)
        yield line


def write_errors(path: Path, lines: Iterable[Mapping[str, Any]]) -> int:
    rows = [json.dumps(line, ensure_ascii=False) for line in lines]
    path.write_text("".join(f"{row}\n" for row in rows), encoding="utf-8")
    return len(rows)


def dump_errors(path: Path, result: ContactScore, records: Sequence[Mapping[str, Any]], store: ArticleSource,
                entities: Mapping[str, Sequence[str]]) -> int:
    """Write ``result``'s errors with their reports and sentences (texts from ``store``) to ``path``."""
    texts = {doc_key(a.source_path): a.text for a in store.iter_articles()}
    return write_errors(path, error_lines(result.errors, records, texts, entities))
