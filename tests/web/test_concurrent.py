"""Issue 8: `serve` keeps answering while `ingest` writes to the same store (SQLite in WAL mode;
PostgreSQL): an ingest runs in a subprocess while requests hit the running server, and every
request succeeds."""

from __future__ import annotations

import json
import shutil
import subprocess
import urllib.request
from pathlib import Path

from backchannel.workspace import Workspace
from tests.conftest import CORPUS
from tests.web.serving import cli, serving

FIRST = """---
title: Путин и Эрдоган поговорили по телефону
publication: Утренний вестник
published: 2025-11-05
---
Президент России Владимир Путин 4 ноября провел телефонный разговор с президентом Турции Реджепом Тайипом \
Эрдоганом. Стороны обсудили поставки зерна.
"""
PAGES = ["/", "/events", "/disputed", "/stories", "/search?q=%D0%9F%D1%83%D1%82%D0%B8%D0%BD",
         "/actors/vladimir-putin", "/api/events", "/api/actors/vladimir-putin", "/curation"]


def get(url: str) -> int:
    with urllib.request.urlopen(url, timeout=30) as r:
        r.read()
        return int(r.status)


def events(url: str) -> int:
    with urllib.request.urlopen(url + "/api/events", timeout=30) as r:
        return len(json.loads(r.read())["events"])


def test_serve_answers_while_ingest_writes(db_target: str, tmp_path: Path) -> None:
    first = tmp_path / "first"
    first.mkdir()
    (first / "call.md").write_text(FIRST, encoding="utf-8")
    with Workspace.open(db=db_target) as ws:
        ws.ingest([str(first)])
    more = tmp_path / "more"
    shutil.copytree(CORPUS, more)  # new source paths: every article is new to the store
    with serving(db_target) as url:
        before = events(url)
        writer = subprocess.Popen([cli(), "--db", db_target, "ingest", str(more)],
                                  stdout=subprocess.PIPE, stderr=subprocess.STDOUT)
        statuses: list[int] = []
        while writer.poll() is None:
            statuses += [get(url + page) for page in PAGES]
        out = writer.stdout.read().decode() if writer.stdout else ""
        assert writer.returncode in (0, 1), out  # 1: the corpus's deliberately broken file is rejected
        assert "ingested" in out, out
        assert len(statuses) >= len(PAGES) and set(statuses) == {200}
        assert events(url) > before
