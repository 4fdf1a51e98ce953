"""What kind of input a file is: by its name first, by its first bytes when the name does not say."""

from __future__ import annotations

import codecs
import re
from typing import Literal

Kind = Literal["text", "markdown", "html", "json", "jsonl", "feed", "warc", "gzip"]
"""How an input is read. ``text``/``markdown``/``html`` are single documents passed on as bytes."""

SINGLE_DOCUMENT: frozenset[Kind] = frozenset({"text", "markdown", "html"})

SNIFF_BYTES = 8192
"""How much of the start of a file the sniffer looks at."""

_SUFFIXES: dict[str, Kind] = {
    ".warc.gz": "warc", ".arc.gz": "warc", ".warc": "warc", ".arc": "warc",
    ".md": "markdown", ".markdown": "markdown", ".mdown": "markdown", ".mkd": "markdown",
    ".txt": "text", ".text": "text",
    ".html": "html", ".htm": "html", ".xhtml": "html", ".shtml": "html",
    ".json": "json",
    ".jsonl": "jsonl", ".ndjson": "jsonl", ".jl": "jsonl",
    ".xml": "feed", ".rss": "feed", ".atom": "feed", ".rdf": "feed",
    ".gz": "gzip",
}  # fmt: skip

_UNSUPPORTED = frozenset(
    ".png .jpg .jpeg .gif .bmp .tif .tiff .webp .heic .ico .svg .psd "
    ".pdf .doc .docx .odt .rtf .xls .xlsx .ods .csv .tsv .ppt .pptx .odp .epub .djvu "
    ".zip .7z .rar .tar .tgz .bz2 .xz .zst .lz4 .jar "
    ".exe .dll .so .dylib .bin .o .a .class .pyc .wasm .iso .dmg "
    ".mp3 .mp4 .m4a .wav .ogg .oga .opus .flac .avi .mov .mkv .webm "
    ".woff .woff2 .ttf .otf .sqlite .sqlite3 .db .parquet .pkl .npy".split()
)

_FRONT_MATTER_END = re.compile(rb"\r?\n(?:---|\.\.\.)[ \t]*(?:\r?\n|$)")
_HTML_START = re.compile(
    r"<(?:!doctype\s+html|html|head|body|meta|title|div|p|article|section|main|table|h[1-6])\b"
)
_FEED_ROOT = re.compile(r"<(?:rss|feed|rdf:rdf)\b")
_HTML_TAG = re.compile(
    r"</?(?:p|div|br|hr|span|a|b|i|u|em|strong|h[1-6]|ul|ol|li|table|tr|td|img|figure|figcaption"
    r"|article|section|blockquote|html|body|head|header|footer|main|nav|iframe|script|style)\b[^<>]*>",
    re.IGNORECASE,
)


def suffix_of(name: str) -> str:
    """The (lower-case) extension that decides the kind, ``.warc.gz`` counted as one."""
    lower = name.lower().rsplit("/", 1)[-1]
    for double in (".warc.gz", ".arc.gz", ".tar.gz"):
        if lower.endswith(double):
            return double
    dot = lower.rfind(".")
    return lower[dot:] if dot > 0 else ""


def kind_from_name(name: str) -> Kind | None:
    """The kind its extension says, or None when the extension says nothing."""
    return _SUFFIXES.get(suffix_of(name))


def unsupported_reason(name: str) -> str | None:
    """A reason when the extension names a format that is clearly not an article (images, archives…)."""
    suffix = suffix_of(name)
    if suffix in _UNSUPPORTED or suffix == ".tar.gz":
        return f"unsupported file type {suffix}"
    return None


def has_front_matter(data: bytes) -> bool:
    """Whether the bytes open with a YAML front matter block (``---`` line … closing ``---`` line)."""
    if data.startswith(codecs.BOM_UTF8):
        data = data[len(codecs.BOM_UTF8) :]
    for opening in (b"---\n", b"---\r\n"):
        if data.startswith(opening):
            return _FRONT_MATTER_END.search(data, len(opening) - 1, 1 << 16) is not None
    return False


def decode_head(head: bytes) -> str | None:
    """The start of a file as text for sniffing, or None when it looks binary (NUL bytes that
    are not the zeros of UTF-16/32 text)."""
    for bom, codec in (
        (codecs.BOM_UTF32_LE, "utf-32"), (codecs.BOM_UTF32_BE, "utf-32"),
        (codecs.BOM_UTF16_LE, "utf-16"), (codecs.BOM_UTF16_BE, "utf-16"),
        (codecs.BOM_UTF8, "utf-8-sig"),
    ):  # fmt: skip
        if head.startswith(bom):
            return head.decode(codec, errors="ignore")
    if b"\0" not in head:
        return head.decode("latin-1")
    # UTF-16 without a BOM: the zero high bytes of ASCII letters, spaces and digits, all on one side
    even = head[0::2].count(0)
    odd = head[1::2].count(0)
    enough = max(1, len(head) // 40)
    if even >= enough and not odd:
        return head.decode("utf-16-be", errors="ignore")
    if odd >= enough and not even:
        return head.decode("utf-16-le", errors="ignore")
    return None


def sniff(head: bytes) -> Kind | None:
    """The kind that the first bytes of a file show, or None for binary data."""
    if head.startswith(b"\x1f\x8b"):
        return "gzip"
    text = decode_head(head)
    if text is None:
        return None
    start = text.lstrip()[:4096].lower()
    if start.startswith(("warc/", "filedesc://")):
        return "warc"
    if start.startswith("<?xml") or _FEED_ROOT.match(start):
        return "html" if "<html" in start and not _FEED_ROOT.search(start) else "feed"
    if _HTML_START.match(start) or (start.startswith("<!--") and "<html" in start):
        return "html"
    if start.startswith(("{", "[")):
        first, _, rest = start.partition("\n")
        return "jsonl" if first.rstrip().endswith("}") and rest.lstrip().startswith("{") else "json"
    if has_front_matter(head):
        return "markdown"
    return "text"


def looks_like_html(text: str) -> bool:
    """Whether a record's text is HTML markup rather than plain text that mentions a ``<``."""
    found = 0
    for _ in _HTML_TAG.finditer(text, 0, 1 << 16):
        found += 1
        if found >= 2 or text.lstrip().startswith("<"):
            return True
    return False
