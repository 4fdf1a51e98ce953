"""Cleaning: decode, extract the main text, strip boilerplate, detect language, find metadata.

Two steps, both pure, so that lines repeating across one outlet's articles can be learned
from the corpus between them (the store keeps the per-outlet counts)::

    prepare(raw, settings) -> Draft | Rejected
    finish(draft, repeated, settings) -> Article | Rejected

``repeated`` is the subset of ``draft.line_keys`` that the store has seen in at least
``settings.repeated_line_min_articles`` articles of ``draft.outlet``.
"""

from __future__ import annotations

from backchannel.clean import language
from backchannel.clean.boilerplate import copyright_holder, domain_of_removed, strip_boilerplate
from backchannel.clean.decode import decode
from backchannel.clean.frontmatter import read_markdown
from backchannel.clean.header import read_header
from backchannel.clean.html import read_html
from backchannel.clean.lexicon import lexicon
from backchannel.clean.markdown import strip_inline
from backchannel.clean.meta import article_meta, complete, first_text, merge, outlet_from
from backchannel.clean.records import Extracted, Failure
from backchannel.clean.text import join_lines, line_key
from backchannel.config import Settings
from backchannel.model import Article, DocFormat, Draft, RawDocument, Rejected, article_id

__all__ = ["finish", "line_key", "prepare"]

NO_TEXT = "no text left after removing boilerplate"


def _reject(raw: RawDocument, reason: str) -> Rejected:
    return Rejected(raw.source_path, raw.source_key, reason, raw.sha256)


def _extract(fmt: DocFormat, text: str) -> Extracted | Failure:
    if fmt == "html":
        return read_html(text)
    if fmt == "markdown":
        return read_markdown(text)
    return Extracted(tuple(strip_inline(line) for line in text.split("\n")), {})


def prepare(raw: RawDocument, settings: Settings) -> Draft | Rejected:
    """Decode, extract, strip rule-based boilerplate and read the metadata of one document."""
    decoded = decode(raw.data, raw.encoding, html=raw.format == "html")
    if isinstance(decoded, Failure):
        return _reject(raw, decoded.reason)
    extracted = _extract(raw.format, decoded.text)
    if isinstance(extracted, Failure):
        return _reject(raw, extracted.reason)
    lex = lexicon()
    stripped = strip_boilerplate(extracted.lines, lex)
    order = (raw.metadata, extracted.fields) if raw.format == "html" else (extracted.fields, raw.metadata)
    fields = merge(order)
    header = read_header(
        stripped.lines, first_text(fields, "title") or extracted.title, full=raw.format != "html"
    )
    text = join_lines(header.lines)
    if not text:
        return _reject(raw, NO_TEXT)
    removed = stripped.removed + header.removed
    in_text = (header.outlet, copyright_holder(removed), domain_of_removed(removed, lex))
    return Draft(
        raw=raw,
        text=text,
        fields=complete(fields, header, extracted.title),
        outlet=outlet_from(fields, in_text, settings.default_outlet),
        line_keys=frozenset(key for line in text.split("\n") if (key := line_key(line))),
        warnings=decoded.warnings + extracted.warnings,
    )


def finish(draft: Draft, repeated: frozenset[str], settings: Settings) -> Article | Rejected:
    """Drop lines the outlet repeats, detect the language and build the Article."""
    meta = article_meta(draft.fields)
    title_key = line_key(meta.title) if meta.title else None
    kept = [
        line for line in draft.text.split("\n") if (key := line_key(line)) not in repeated or key == title_key
    ]
    text = join_lines(kept)
    warnings = draft.warnings
    if not text:  # the whole article repeats earlier ones of its outlet: a repost, not boilerplate
        text = draft.text
        warnings += ("every line of this article repeats earlier articles of its outlet (a repost?)",)
    guess = language.detect(text, settings.languages)
    declared = language.declared(meta.language)
    if declared and guess.language != language.UNDETERMINED and declared != guess.language:
        warnings += (f"declared language '{declared}' but the text is '{guess.language}'",)
    raw = draft.raw
    return Article(
        id=article_id(raw.source_key, raw.sha256),
        source_path=raw.source_path,
        source_key=raw.source_key,
        raw_sha256=raw.sha256,
        format=raw.format,
        title=meta.title,
        outlet=draft.outlet,
        url=meta.url,
        author=meta.author,
        published=meta.published,
        language=guess.language,
        language_declared=declared,
        warnings=warnings,
        metadata=dict(draft.fields),
        text=text,
        languages=language.spans(text, guess.language, settings.languages)
        if guess.language != language.UNDETERMINED
        else (),
    )
