"""Contact extraction: who talked to whom, how, when, where — according to whom, and who denies it.

    extract_contacts(article, analysis, models) -> tuple[ContactReport, ...]   (pure, per article)
    find_times(text, lang, anchor) -> list[TimeRef]                          (the time grammar)
"""
