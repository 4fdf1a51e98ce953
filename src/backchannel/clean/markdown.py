"""Minimal Markdown → text: markup goes, the words stay. Headings, emphasis, links and
blockquotes keep their text; images, rules, fences and link definitions are dropped.
Plain text gets the light version (Telegram-style ``**bold**``, ``__italic__`` and links)."""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass

_WIKILINK = re.compile(r"\[\[([^\[\]|\n]*)(?:\|([^\[\]\n]*))?\]\]")
_IMAGE = re.compile(r"!\[[^\]\n]*\]\([^)\n]*\)")
_LINK = re.compile(r"\[([^\]\n]*)\]\((?:[^()\s]|\([^()\s]*\))*(?:\s+\"[^\"\n]*\")?\)")
_STRONG_RUN = re.compile(r"\*{2,}|_{2,}")
_EM_STAR = re.compile(r"(?<![\w*])\*(?=\S)([^*\n]+?)(?<=\S)\*(?![\w*])")
_EM_UNDERSCORE = re.compile(r"(?<![\w_])_(?=\S)([^_\n]+?)(?<=\S)_(?![\w_])")
_CODE = re.compile(r"`([^`\n]+)`")
_ESCAPE = re.compile(r"\\([\\`*_{}\[\]()#+\-.!>|~])")
_HEADING = re.compile(r"^\s{0,3}(#{1,6})\s+(.*?)(?:\s+#+)?\s*$")
_QUOTE = re.compile(r"^\s{0,3}(?:>\s?)+")
_RULE = re.compile(r"^\s{0,3}([-*_])(?:\s*\1){2,}\s*$")
_FENCE = re.compile(r"^\s{0,3}(?:```|~~~)")
_DEFINITION = re.compile(r"^\s{0,3}\[[^\]\n]+\]:\s*\S+")


def unwikilink(text: str) -> str:
    """``[[target]]`` → target, ``[[target|alias]]`` → alias."""
    return _WIKILINK.sub(lambda m: (m.group(2) if m.group(2) is not None else m.group(1)).strip(), text)


def strip_inline(line: str) -> str:
    """The light pass, safe on plain text: images removed, links and wikilinks to their text,
    runs of ``**`` / ``__`` removed."""
    if "[" in line:
        line = unwikilink(_LINK.sub(r"\1", _IMAGE.sub("", line)))
    if "**" in line or "__" in line:
        line = _STRONG_RUN.sub("", line)
    return line


@dataclass(frozen=True, slots=True)
class MarkdownBody:
    lines: tuple[str, ...]
    heading: str | None
    """The first line's text when it is a level 1 or 2 heading (a title candidate)."""


def strip_markdown(lines: Sequence[str]) -> MarkdownBody:
    """The full pass for Markdown documents."""
    out: list[str] = []
    heading: str | None = None
    seen_text = False
    for line in lines:
        if _FENCE.match(line) or _RULE.match(line) or _DEFINITION.match(line):
            out.append("")
            continue
        match = _HEADING.match(line)
        if match:
            line = match.group(2)
            if not seen_text and len(match.group(1)) <= 2:
                heading = _inline_full(line).strip() or None
        line = _inline_full(_QUOTE.sub("", line))
        seen_text = seen_text or bool(line.strip())
        out.append(line)
    return MarkdownBody(tuple(out), heading)


def _inline_full(line: str) -> str:
    line = strip_inline(line)
    if "*" in line:
        line = _EM_STAR.sub(r"\1", line)
    if "_" in line:
        line = _EM_UNDERSCORE.sub(r"\1", line)
    if "`" in line:
        line = _CODE.sub(r"\1", line)
    if "\\" in line:
        line = _ESCAPE.sub(r"\1", line)
    return line
