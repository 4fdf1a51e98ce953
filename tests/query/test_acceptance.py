"""Acceptance checks on the shared evaluation data (skipped when ``../shared/data`` is absent):
the seeds' Musk–Putin reports are one contested event; the Telegram channels' Putin–Erdogan
call of 3 December 2024 is one event."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from backchannel import query
from backchannel.workspace import Workspace
from tests.conftest import shared_data


def test_seeds_musk_putin_is_one_contested_event(tmp_path: Path) -> None:
    seeds = shared_data() / "seeds"
    with Workspace.open(db=str(tmp_path / "seeds.db")) as ws:
        ws.ingest([str(p) for p in sorted(seeds.glob("00[012]_*.txt"))])
        reports = [r for r in query.contacts(ws.store, "Маск", "Путин", limit=1000) if r["kind"] == "contact"]
        articles = {r["article"]["id"] for r in reports}
        assert len(articles) == 3
        # the WSJ story (regular contact since late 2022) as each article tells it, and its denials
        regular = [r for r in reports if (r["when"] or {}).get("start") == "2022-10" and r["polarity"] == "asserted"]
        denials = [r for r in reports if r["polarity"] == "denied"]
        assert {r["article"]["id"] for r in regular} == articles
        event_ids = {r["event_id"] for r in regular}
        assert len(event_ids) == 1
        [event] = query.claims(ws.store, event_id=event_ids.pop())
        assert event.event.status == "contested"
        assert {c.article_id for c in event.claims} == articles
        assert {r["event_id"] for r in denials if (r["when"] or {}).get("start") is None} == {event.event.id}


def _posts(root: Path) -> list[dict[str, object]]:
    """The posts of 3 December 2024 that name Erdogan, plus a few unrelated posts of that day."""
    chosen: list[dict[str, object]] = []
    for path in sorted((root / "raw").glob("*_messages.json")):
        others = 0
        for post in json.loads(path.read_text(encoding="utf-8")):
            text, day = str(post.get("text") or ""), str(post.get("date") or "")
            if not day.startswith("2024-12-03") or not text:
                continue
            if "Эрдоган" in text or others < 3:
                others += "Эрдоган" not in text
                chosen.append({"text": text, "date": day, "channel": post.get("channel"),
                               "url": f"https://t.me/c/{post.get('sender_id')}/{post.get('message_id')}"})
    return chosen


def test_telegram_putin_erdogan_call_of_3_december_2024_is_one_event(tmp_path: Path) -> None:
    root = shared_data() / "eval" / "telegram-ru-news-2024"
    if not root.is_dir():
        pytest.skip("telegram-ru-news-2024 is absent")
    posts = tmp_path / "posts.jsonl"
    posts.write_text("".join(json.dumps(p, ensure_ascii=False) + "\n" for p in _posts(root)), encoding="utf-8")
    with Workspace.open(db=str(tmp_path / "tg.db")) as ws:
        ws.ingest([str(posts)])
        calls = [r for r in query.contacts(ws.store, "Путин", "Эрдоган", limit=1000)
                 if r["kind"] in ("call", "talks") and r["polarity"] == "asserted"]
        assert len({r["article"]["id"] for r in calls}) >= 2  # RIA posted it twice; the other channel's post names no contact cue
        [event_id] = {r["event_id"] for r in calls}
        event = query.event(ws.store, event_id)
        assert event.kind == "call" and event.first_reported == "2024-12-03"
        assert event.status in ("reported", "confirmed")
