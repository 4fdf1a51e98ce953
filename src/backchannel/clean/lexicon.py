"""The boilerplate lexicon (``backchannel/data/boilerplate.yaml``), compiled on first use."""

from __future__ import annotations

import functools
import re
from dataclasses import dataclass
from importlib import resources
from typing import Any

import yaml


@dataclass(frozen=True, slots=True)
class LineRule:
    """Lines no longer than ``max_chars`` in which ``pattern`` is found are boilerplate."""

    group: str
    max_chars: int
    pattern: re.Pattern[str]


@dataclass(frozen=True, slots=True)
class Lexicon:
    lines: tuple[LineRule, ...]
    whole: re.Pattern[str]
    """Matched against a whole line key: language switches, share buttons, lone labels."""
    tail_strong: re.Pattern[str]
    """Headings (whole line keys) after which everything is the page's tail."""
    tail_weak: re.Pattern[str]
    """Headings that introduce a few links inside or after the article."""
    tail_weak_inline: re.Pattern[str]
    """A weak heading followed by its link on the same line ("Читайте также: …")."""
    not_outlets: frozenset[str]


def _alternation(patterns: list[Any]) -> re.Pattern[str]:
    return re.compile("|".join(f"(?:{p})" for p in patterns) or r"(?!)")


def parse_lexicon(data: Any) -> Lexicon:
    """A lexicon from the YAML structure described at the top of ``boilerplate.yaml``."""
    rules = tuple(
        LineRule(str(group["group"]), int(group["max_chars"]), _alternation(list(group["patterns"])))
        for group in data.get("lines", [])
    )
    tail = data.get("tail", {})
    weak = list(tail.get("weak", []))
    return Lexicon(
        lines=rules,
        whole=_alternation(list(data.get("whole", []))),
        tail_strong=_alternation(list(tail.get("strong", []))),
        tail_weak=_alternation(weak),
        tail_weak_inline=re.compile(r"^[\W_]*(?:" + _alternation(weak).pattern + r")\s*[:—–-]\s*\S"),
        not_outlets=frozenset(str(d).lower() for d in data.get("not_outlets", [])),
    )


@functools.cache
def lexicon() -> Lexicon:
    """The bundled lexicon, read and compiled once, on first use (never at import)."""
    text = resources.files("backchannel").joinpath("data/boilerplate.yaml").read_text(encoding="utf-8")
    return parse_lexicon(yaml.safe_load(text))
