"""Contact extraction: who talked to whom, how, when, where — according to whom, and who denies it.

    extract_contacts(article, analysis) -> tuple[ContactReport, ...]            (pure, per article)
    find_times(text, lang, anchor) -> list[TimeRef]                          (the time grammar)
    load_lexicons()                                                          (build the lexicons now)
"""

from __future__ import annotations

from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from backchannel.model import Article, ArticleAnalysis, ContactReport


def extract_contacts(article: Article, analysis: ArticleAnalysis) -> tuple[ContactReport, ...]:
    """Every contact report of the article (see ``backchannel.contacts.extract``)."""
    from backchannel.contacts.extract import extract_contacts as extract

    found: tuple[ContactReport, ...] = extract(article, analysis)
    return found


def load_lexicons() -> None:
    """Build the contact lexicons of every language now (they are otherwise built by the first
    article of each language), so a worker or a benchmark can load them with the other models."""
    from backchannel.contacts.lexicon import lexicon

    for lang in ("ru", "uk", "en"):
        lexicon(lang)
