"""Cleaning: decode, extract the main text, strip boilerplate, detect language, find metadata.

Two steps, both pure, so that lines repeating across one outlet's articles can be learned
from the corpus between them (the store keeps the per-outlet counts)::

    prepare(raw, settings) -> Draft | Rejected
    finish(draft, repeated, settings) -> Article | Rejected

``repeated`` is the subset of ``draft.line_keys`` that the store has seen in at least
``settings.repeated_line_min_articles`` articles of ``draft.outlet``.
"""
