from __future__ import annotations

from pathlib import Path

import pytest

from backchannel.errors import StoreError
from backchannel.model import Article, LanguageSpan, Rejected, article_id
from backchannel.store import Store
from backchannel.store import db as store_db


def make_article(key: str = "/x/a.txt", sha: str = "a" * 64, text: str = "Путин позвонил Эрдогану.") -> Article:
    return Article(
        id=article_id(key, sha), source_path="a.txt", source_key=key, raw_sha256=sha, format="text",
        title="T", outlet="Outlet", url=None, author=None, published="2025-01-02", language="ru",
        language_declared="ro", warnings=("declared language 'ro' but the text is 'ru'",),
        metadata={"keywords": ["Путин"], "n": 1}, text=text, languages=(LanguageSpan(0, 5, "uk"),),
    )


def test_round_trip_and_versions(db_target: str) -> None:
    store = Store.open(db_target)
    first = make_article()
    with store.batch(None) as b:
        assert b.add_article(first, 10) is False
    second = make_article(sha="b" * 64, text="Новая версия.")
    with store.batch(None) as b:
        assert b.known([(first.source_key, first.raw_sha256), ("/nope", "c")]) == {(first.source_key, first.raw_sha256)}
        assert b.add_article(second, 11) is True
    assert store.article(first.id) == first
    assert [a.id for a in store.iter_articles()] == [second.id]
    assert len(list(store.iter_articles(current_only=False))) == 2
    assert store.counts()["versions"] == 2
    assert store.integrity_problems() == []
    store.close()


def test_rejections_upsert(db_target: str) -> None:
    store = Store.open(db_target)
    for _ in range(2):
        with store.batch(None) as b:
            b.add_rejection(Rejected("missing.txt", "/abs/missing.txt", "no such file or directory"))
    rows = store.rejections()
    assert [(r.source_path, r.reason) for r in rows] == [("missing.txt", "no such file or directory")]


def test_line_counts_per_outlet(db_target: str) -> None:
    store = Store.open(db_target)
    with store.batch(None) as b:
        for _ in range(3):
            b.count_lines("A", {"subscribe", "unique"})
        b.count_lines("B", {"subscribe"})
        assert b.repeated("A", {"subscribe", "unique", "never"}, 3) == {"subscribe", "unique"}
        assert b.repeated("B", {"subscribe"}, 3) == frozenset()


def test_batch_rolls_back_on_error(db_target: str) -> None:
    store = Store.open(db_target)
    with pytest.raises(RuntimeError), store.batch(None) as b:
        b.add_article(make_article(), 1)
        raise RuntimeError("killed")
    assert store.counts()["articles"] == 0


def test_prefix_lookup(db_target: str) -> None:
    store = Store.open(db_target)
    art = make_article()
    with store.batch(None) as b:
        b.add_article(art, 1)
    assert store.article(art.id[:6]) == art
    assert store.article("zz") is None


def test_migrations_are_idempotent(db_target: str) -> None:
    Store.open(db_target).close()
    store = Store.open(db_target)
    assert store_db.current_revision(store.engine) == store_db.head_revision()


def test_db_target_errors(tmp_path: Path) -> None:
    with pytest.raises(StoreError):
        Store.open(str(tmp_path))
    with pytest.raises(StoreError):
        Store.open(str(tmp_path / "missing" / "x.db"))
    (tmp_path / "junk.db").write_bytes(b"not a database at all" * 100)
    with pytest.raises(StoreError):
        Store.open(str(tmp_path / "junk.db"))
