"""Reader for ECB+ (``../shared/data/eval/ecbplus``) as story-clustering gold.

Each ``ECBplus/<topic>/<topic>_<n>ecb.xml`` / ``…ecbplus.xml`` file is one English article;
the gold story is (topic, sub-topic), where ``ecb`` and ``ecbplus`` are the two look-alike
sub-topics of a topic (43 topics, 86 stories). Sentences are the tokens of one ``sentence``
attribute joined by spaces. The texts stay where they are; nothing is copied.
"""

from __future__ import annotations

import re
import xml.etree.ElementTree as ET
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

FOLDER = "ecbplus/ECBplus"
_NAME = re.compile(r"^(\d+)_(\d+)(ecbplus|ecb)\.xml$")


@dataclass(frozen=True, slots=True)
class StoryDoc:
    """One gold document: its name, gold story and sentences (no title, date or outlet in ECB+)."""

    name: str
    topic: int
    story: str
    sentences: tuple[str, ...]


def _sentences(path: Path) -> tuple[str, ...]:
    tokens: dict[int, list[str]] = {}
    for token in ET.parse(path).getroot().iter("token"):
        tokens.setdefault(int(token.get("sentence", "0")), []).append(token.text or "")
    return tuple(" ".join(words).strip() for _, words in sorted(tokens.items()) if any(w.strip() for w in words))


def read_ecbplus(root: Path) -> Iterator[StoryDoc]:
    """Every ECB+ document under ``root`` (the eval data folder), sorted by topic then name;
    nothing when the dataset is absent."""
    folder = root / FOLDER
    if not folder.is_dir():
        return
    paths = sorted(folder.glob("*/*.xml"), key=lambda p: (int(p.parent.name) if p.parent.name.isdigit() else 0, p.name))
    for path in paths:
        match = _NAME.match(path.name)
        if match is None:
            continue
        topic, _, sub = match.groups()
        yield StoryDoc(path.stem, int(topic), f"{topic}{sub}", _sentences(path))
