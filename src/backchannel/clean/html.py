"""HTML → main text and metadata. The trafilatura adapter lives here; when it finds no main
text, a plain tag stripper (lxml, nothing executed) takes over. Any failure of the parsers
becomes a Failure, never an exception."""

from __future__ import annotations

import re
from typing import Any

from backchannel.clean.records import Extracted, Failure
from backchannel.model import JSONValue

_DROP = (
    "script",
    "style",
    "nav",
    "footer",
    "header",
    "aside",
    "noscript",
    "form",
    "iframe",
    "svg",
    "template",
    "button",
)
_BLOCKS = (
    "p",
    "div",
    "li",
    "br",
    "tr",
    "h1",
    "h2",
    "h3",
    "h4",
    "h5",
    "h6",
    "section",
    "article",
    "blockquote",
    "pre",
    "td",
)
_PUBLISHED_XPATH = (
    "//meta[@property='article:published_time' or @name='article:published_time' or @itemprop='datePublished'"
    " or @name='pubdate' or @name='publishdate' or @name='date' or @property='og:published_time']/@content"
    " | //time[@itemprop='datePublished']/@datetime"
)
_PRUNE = ["//nav", "//footer", "//*[@role='navigation']"]
_LANG = re.compile(r"[A-Za-z]{2,3}(?:[-_][A-Za-z0-9]{2,8})*")
_XML_DECLARATION = re.compile(r"^\s*<\?xml[^>]*\?>")
_TAGS = re.compile(r"<[^>]{0,2000}>")
MAX_ELEMENTS = 30_000
"""A page with more elements than this (a news page has a few thousand) is not given to the main-text
extractor, whose time grows too fast with them: all its text is kept instead, with a warning."""


def read_html(text: str) -> Extracted | Failure:
    """Main text (one paragraph per line, blank lines between) and the page's metadata."""
    try:
        return _read(text)
    except Exception as exc:  # the parsers' failures, translated once here
        return Failure(f"cannot extract text from HTML ({type(exc).__name__})")


def _read(text: str) -> Extracted | Failure:
    from trafilatura import bare_extraction
    from trafilatura.utils import load_html

    tree = load_html(text)
    if tree is None:
        return _paragraphs(_TAGS.sub(" ", text).split("\n"), {})
    fields = _page_fields(tree)
    elements = sum(1 for _ in tree.iter())
    if elements > MAX_ELEMENTS:
        warning = f"page has {elements:,} HTML elements (over {MAX_ELEMENTS:,}): all page text kept"
        return _paragraphs(_fallback_text(text).split("\n"), fields, warning)
    document = bare_extraction(
        tree,
        with_metadata=True,
        include_comments=False,
        include_tables=True,
        date_extraction_params={"extensive_search": False, "original_date": True},
        prune_xpath=_PRUNE,
    )
    if document is not None:
        fields.update(_document_fields(document, fields))
    body = getattr(document, "text", None) if document is not None else None
    if not body or not str(body).strip():
        return _paragraphs(_fallback_text(text).split("\n"), fields, "no main text found; all page text kept")
    return _paragraphs(str(body).split("\n"), fields)


def _paragraphs(lines: list[str], fields: dict[str, JSONValue], warning: str | None = None) -> Extracted:
    out: list[str] = []
    for line in lines:
        if line.strip():
            out.extend((" ".join(line.split()), ""))
    return Extracted(tuple(out), fields, warnings=(warning,) if warning else ())


def _first(tree: Any, xpath: str) -> str | None:
    values = tree.xpath(xpath)
    for value in values:
        text = " ".join(str(value).split())
        if text:
            return text
    return None


def _page_fields(tree: Any) -> dict[str, JSONValue]:
    """What trafilatura does not keep: the page language and the full publication time."""
    fields: dict[str, JSONValue] = {}
    lang = _first(tree, "/html/@lang | //html/@lang | //meta[@http-equiv='content-language']/@content")
    if lang and _LANG.fullmatch(lang):
        fields["language"] = lang
    published = _first(tree, _PUBLISHED_XPATH)
    if published:
        fields["published"] = published
    return fields


def _document_fields(document: Any, known: dict[str, JSONValue]) -> dict[str, JSONValue]:
    found: dict[str, JSONValue] = {}
    for ours, theirs in (
        ("title", "title"),
        ("author", "author"),
        ("published", "date"),
        ("sitename", "sitename"),
        ("url", "url"),
        ("description", "description"),
    ):
        value = getattr(document, theirs, None)
        if isinstance(value, str) and value.strip() and ours not in known:
            found[ours] = " ".join(value.split())
    return found


def _fallback_text(text: str) -> str:
    """All visible text, without scripts, styles and page furniture."""
    import lxml.html

    root = lxml.html.document_fromstring(_XML_DECLARATION.sub("", text, count=1))
    for element in list(root.iter(*_DROP)):
        parent = element.getparent()
        if parent is not None:
            element.drop_tree()
    for element in root.iter(*_BLOCKS):
        element.text = "\n" + (element.text or "")
        element.tail = "\n" + (element.tail or "")
    return str(root.text_content())
