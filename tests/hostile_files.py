"""Hand-made hostile inputs, one file each: what a careless export, a broken crawler or an attacker
might hand to ``ingest``. Every one must end as an article or as a rejection with a reason."""

from __future__ import annotations

import gzip
import io
import random
import zipfile
from pathlib import Path

TEXT = ("Президент Франции Эммануэль Макрон провёл телефонный разговор с Владимиром Путиным, "
        "сообщил Елисейский дворец. ")
LAUGHS = "".join(f'<!ENTITY l{i} "' + f"&l{i - 1};" * 10 + '">' for i in range(1, 10))


def _warc(body: bytes) -> bytes:
    head = (b"WARC/1.0\r\nWARC-Type: response\r\nWARC-Target-URI: http://x.example/a\r\n"
            b"Content-Type: application/http; msgtype=response\r\nContent-Length: 9999\r\n\r\n")
    return head + b"HTTP/1.1 200 OK\r\nContent-Type: text/html\r\n\r\n" + body


def hostile_files(folder: Path, huge_bytes: int = 50_000_000) -> dict[str, bytes]:
    """Write the files into ``folder``; returns them by name."""
    rng = random.Random(8)
    zipped = io.BytesIO()
    with zipfile.ZipFile(zipped, "w") as z:
        z.writestr("junk.bin", bytes(rng.randrange(256) for _ in range(5000)))
    files = {
        "binary.txt": bytes(rng.randrange(256) for _ in range(20000)),
        "binary.bin": bytes(rng.randrange(256) for _ in range(20000)),
        "nul-bytes.txt": (TEXT + "\x00\x00 ещё\x00 текст.\n").encode() * 5,
        "only-nul.txt": b"\x00" * 4096,
        "truncated-utf8.txt": (TEXT * 4).encode()[:-1],
        "mixed-scripts-rtl.md": ("# Заголовок \u202eтекст\u202c\n\n" + TEXT + " \u200fمرحبا بالعالم\u200e "
                                 "שלום עולם Zelensky Зеленський 習近平 e\u0301\u0301\u0301 🇺🇦\n" * 3).encode(),
        "huge.txt": b"a" * huge_bytes,
        "long-article.txt": ((TEXT * 30 + "\n\n") * 120).encode(),
        "deep.html": b"<html><body>" + b"<div>" * 100_000 + TEXT.encode() + b"</div>" * 100_000 + b"</body></html>",
        "deep-unclosed.html": b"<p><b><i>" * 50_000 + TEXT.encode(),
        "bad-frontmatter.md": b"---\ntitle: [unclosed\npublished: {a: b\n---\n" + TEXT.encode(),
        "yaml-bomb.md": ("---\na: &a [x, x, x, x, x, x, x, x, x]\nb: &b [*a, *a, *a, *a, *a, *a, *a, *a, *a]\n"
                         "c: &c [*b, *b, *b, *b, *b, *b, *b, *b, *b]\nd: &d [*c, *c, *c, *c, *c, *c, *c, *c, *c]\n"
                         "e: &e [*d, *d, *d, *d, *d, *d, *d, *d, *d]\nf: &f [*e, *e, *e, *e, *e, *e, *e, *e, *e]\n"
                         "g: [*f, *f, *f, *f, *f, *f, *f, *f, *f]\ntitle: *f\n---\n" + TEXT).encode(),
        "truncated.json": b'{"title": "x", "text": "' + TEXT.encode() + b'", "published": ',
        "deep.json": b"[" * 100_000 + b"]" * 100_000,
        "wrong-types.jsonl": b'{"text": 5}\n{"text": null}\n{"text": ["a", {"b": 1}]}\n[1,2]\n"s"\n{"text": "' + TEXT.encode() + b'"\n',
        "truncated.warc": _warc(b"<html><body><p>" + TEXT.encode())[:300],
        "garbage.warc.gz": gzip.compress(b"WARC/1.0\r\nnot a header\r\n\r\n" + bytes(rng.randrange(256) for _ in range(3000))),
        "broken.warc": b"WARC/1.0\r\n" + bytes(rng.randrange(256) for _ in range(3000)),
        "truncated.rss": b"<?xml version='1.0'?><rss><channel><item><title>x</title><description>" + TEXT.encode(),
        "entity-bomb.rss": (f"<?xml version='1.0'?><!DOCTYPE r [{LAUGHS}]><rss><channel><item><title>&l9;"
                            f"</title><description>{TEXT}</description></item></channel></rss>").encode(),
        "external-entity.atom": (b"<?xml version='1.0'?><!DOCTYPE f [<!ENTITY x SYSTEM 'file:///etc/passwd'>]>"
                                 b"<feed xmlns='http://www.w3.org/2005/Atom'><entry><title>&x;</title>"
                                 b"<content>" + TEXT.encode() + b"</content></entry></feed>"),
        "junk.zip": zipped.getvalue(),
        "zip-as.txt.gz": zipped.getvalue(),
        "bad.gz": b"\x1f\x8b\x08\x00" + bytes(rng.randrange(256) for _ in range(500)),
        "utf16-no-bom.txt": TEXT.encode("utf-16-le"),
        "empty.md": b"",
        "whitespace.txt": " \n\t\r\n\u3000\u00a0\n".encode(),
    }
    folder.mkdir(parents=True, exist_ok=True)
    for name, data in files.items():
        (folder / name).write_bytes(data)
    return files
