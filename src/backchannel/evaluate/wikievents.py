"""WikiEvents' entity mentions as English NER gold (``dev`` and ``test``; no train split is here).

Its entity layer marks every participant, pronouns and nominals included ("he", "officials",
"the Afghan security forces"), with ``mention_type`` always ``UNK``, so names are picked out
by rule (:func:`is_name`):

* after a leading article, every content word is capitalised or a number
  ("Maidan Wardak province" and "Afghan security forces" are not names; "Bureau of Alcohol,
  Tobacco, Firearms and Explosives" is);
* not a pronoun ("He", but "US" is a name) and not a bare title ("President", "Officer");
* a single Title-case word is a common noun when the document also writes it in lower case
  ("Police said" … "police") — unless it is part of a longer person's name in the same
  document ("Theresa May" … "May said"); and a single word opening a sentence (by the
  dataset's split, or after . ! ? : or a quote) counts only when the document also writes it
  capitalised on its own inside a sentence ("Sources said" is not a name).

Types: PER, ORG; GPE, LOC and FAC → LOC (BSNLP and ner-uk count facilities as locations);
demonyms and religious/ethnic groups ("Afghan", "Russians", "Muslims") → MISC, as in CoNLL;
named WEA/VEH ("Humvee", "USS Cole") → MISC; VAL, TTL and the other types are skipped.
"""

from __future__ import annotations

import json
import re
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from backchannel.evaluate.gold import GoldDoc, GoldMention, outermost
from backchannel.model import EntityType

TYPES: dict[str, EntityType] = {
    "PER": "PER",
    "ORG": "ORG",
    "GPE": "LOC",
    "LOC": "LOC",
    "FAC": "LOC",
    "WEA": "MISC",
    "VEH": "MISC",
}
_PRONOUNS = frozenset(
    "i me my mine myself we us our ours ourselves you your yours yourself yourselves he him his himself she her "
    "hers herself it its itself they them their theirs themselves who whom whose which that this these those what "
    "one some several many more others all both each whoever".split()
)
_TITLES = frozenset(
    "president vice prime minister secretary senator judge officer director commander chief lieutenant attorney "
    "general governor mayor king queen prince princess pope sheikh mr mrs ms dr sir lord sergeant captain colonel "
    "col major agent detective spokesman".split()
)
_DETERMINERS = frozenset({"the", "a", "an"})
_CONNECTORS = frozenset("of and the for de del da du al bin ibn van von la le & - on in".split())
_GROUPS = frozenset(
    "afghan afghans afghani thai thais iraqi iraqis pakistani pakistanis yemeni yemenis israeli israelis saudi saudis "
    "qatari qataris emirati kuwaiti somali somalis omani bangladeshi nepali dagestani french dutch greek greeks swiss "
    "welsh basque soviet czech czechs uzbek kazakh turk turks arab arabs kurd kurds cuban cubans venezuelan "
    "venezuelans libyan libyans uighur uighurs uyghur uyghurs chechen chechens muslim muslims jew jews shiite "
    "shiites sunni sunnis islamist islamists protestant protestants catholic catholics democrat democrats "
    "republican republicans".split()
)
_GROUP_SUFFIXES = ("ese", "ish", "ian", "ians", "ean", "eans", "ican", "icans")
_PERSON_NAME_SUFFIXES = ("ian", "ean", "ican")  # "Brian", "Adrian": a person, not a demonym


def _capitalised(token: str) -> bool:
    return token[:1].isupper()


@dataclass(frozen=True, slots=True)
class _DocWords:
    """What the name rule needs to know about the whole document."""

    sentence_starts: frozenset[int]
    lower: frozenset[str]
    """Words written in lower case somewhere."""
    alone_mid_sentence: frozenset[str]
    """Capitalised words standing alone (previous word not capitalised) inside a sentence."""
    in_long_names: frozenset[str]
    """Words of the document's multi-word capitalised PER mentions ("Theresa May")."""


def is_name(tokens: list[str], first: int, doc: _DocWords) -> bool:
    """Whether a mention (leading article already dropped) is a name; see the module docs."""
    content = [t for t in tokens if t.lower() not in _CONNECTORS]
    if not content or not any(_capitalised(t) for t in content) or any(t[:1].islower() for t in content):
        return False
    if all(t.lower() in _TITLES for t in content):
        return False
    if len(tokens) > 1:
        return True
    word = tokens[0]
    if word.lower() in _PRONOUNS and not (len(word) > 1 and word.isupper()):
        return False
    if word in doc.in_long_names or word.isupper():
        return True
    if word.lower() in doc.lower:
        return False
    return first not in doc.sentence_starts or word in doc.alone_mid_sentence


def is_group(surface: str, kind: str) -> bool:
    """A demonym or a religious/ethnic group ("Afghan", "Russians", "Muslims")."""
    word = surface.lower()
    if " " in word:
        return False
    if word in _GROUPS:
        return True
    return word.endswith(_GROUP_SUFFIXES) and not (kind == "PER" and word.endswith(_PERSON_NAME_SUFFIXES))


def _token_offsets(text: str, tokens: list[str]) -> list[tuple[int, int]]:
    """Character offsets of the tokens: they follow the text in order, whitespace between
    (the ``sentences`` field's own offsets drift from ``text`` after the first sentence)."""
    offsets: list[tuple[int, int]] = []
    cursor = 0
    for token in tokens:
        at = text.find(token, cursor)
        at = cursor if at < 0 else at
        offsets.append((at, at + len(token)))
        cursor = at + len(token)
    return offsets


_SENTENCE_OPENERS = frozenset('. ! ? : ; “ " ” — – - … ( «'.split())


def _doc_words(record: dict[str, Any], tokens: list[str]) -> _DocWords:
    starts, n = {0}, 0
    for sentence in record["sentences"]:
        starts.add(n)
        n += len(sentence[0])
    # the dataset's sentence split misses many boundaries ("… said.Police …"): add our own
    starts.update(i for i in range(1, len(tokens)) if tokens[i - 1] in _SENTENCE_OPENERS)
    long_names = set()
    for m in record["entity_mentions"]:
        words = [t for t in tokens[int(m["start"]) : int(m["end"])] if t.lower() not in _DETERMINERS]
        if (
            m["entity_type"] == "PER"
            and len(words) > 1
            and all(_capitalised(t) or t.lower() in _CONNECTORS for t in words)
        ):
            long_names.update(words)
    return _DocWords(
        sentence_starts=frozenset(starts),
        lower=frozenset(t for t in tokens if t[:1].islower()),
        alone_mid_sentence=frozenset(
            t
            for i, t in enumerate(tokens)
            if i not in starts and _capitalised(t) and not _capitalised(tokens[i - 1])
        ),
        in_long_names=frozenset(long_names),
    )


def wikievents_doc(record: dict[str, Any]) -> GoldDoc:
    """One JSON line of ``dev.jsonl``/``test.jsonl`` as a gold document."""
    text = str(record["text"])
    tokens = [str(t) for t in record["tokens"]]
    offsets = _token_offsets(text, tokens)
    words = _doc_words(record, tokens)
    mentions = []
    for m in record["entity_mentions"]:
        kind, first, last = str(m["entity_type"]), int(m["start"]), int(m["end"])
        if last - first > 1 and tokens[first].lower() in _DETERMINERS:
            first += 1
        if kind not in TYPES or last <= first or not is_name(tokens[first:last], first, words):
            continue
        start, end = offsets[first][0], offsets[last - 1][1]
        surface = text[start:end]
        mentions.append(
            GoldMention(start, end, surface, None, "MISC" if is_group(surface, kind) else TYPES[kind])
        )
    doc_id = str(record["doc_id"])
    topic = re.sub(r"_\d+_news_\d+$", "", doc_id).removeprefix("wiki_")
    return GoldDoc(id=doc_id, lang="en", text=text, mentions=outermost(mentions), topic=topic)


def read_wikievents(root: Path, splits: tuple[str, ...] = ("dev", "test")) -> Iterator[GoldDoc]:
    for split in splits:
        path = root / "wikievents" / f"{split}.jsonl"
        if path.is_file():
            with path.open(encoding="utf-8") as f:
                yield from (wikievents_doc(json.loads(line)) for line in f if line.strip())
