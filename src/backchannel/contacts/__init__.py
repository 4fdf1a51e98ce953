"""Contact extraction: who talked to whom, how, when, where — according to whom, and who denies it.

    extract_contacts(article, analysis) -> tuple[ContactReport, ...]            (pure, per article)
    find_times(text, lang, anchor) -> list[TimeRef]                          (the time grammar)
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
