"""The ingest pipeline over the store: idempotency, versions, interruption, learned boilerplate."""

from __future__ import annotations

from collections.abc import Iterator

import pytest

from backchannel import pipeline
from backchannel.config import Settings
from backchannel.model import RawDocument, Rejected
from backchannel.store import Store

BODY = "Президент провёл телефонный разговор с премьер-министром страны {n} и обсудил торговлю."
PLACES = ["Армения", "Бразилия", "Вьетнам", "Гана", "Дания", "Египет", "Замбия", "Индия"]


def doc(n: int, extra: str = "", outlet: str | None = "Вестник") -> RawDocument:
    text = BODY.format(n=PLACES[n]) + "\n" + extra
    meta = {"outlet": outlet} if outlet else {}
    return RawDocument(f"posts.jsonl#{n}", f"/abs/posts.jsonl#{n}", text.encode(), "text", meta, "utf-8")


def run(store: Store, docs: list[RawDocument | Rejected], **kw: object) -> pipeline.IngestSummary:
    settings = Settings(db="unused", batch_size=3, **kw)  # type: ignore[arg-type]
    return pipeline.ingest(store, docs, settings)


def test_idempotent_and_versions(db_target: str) -> None:
    store = Store.open(db_target)
    first = run(store, [doc(i) for i in range(1, 8)] + [Rejected("gone.txt", "/abs/gone.txt", "no such file")])
    assert (first.ingested, first.unchanged, first.rejected) == (7, 0, 1)
    again = run(store, [doc(i) for i in range(1, 8)])
    assert (again.ingested, again.unchanged, again.rejected) == (0, 7, 0)
    changed = run(store, [doc(1, "Обновлено: добавлены детали.")])
    assert (changed.ingested, changed.new_versions) == (1, 1)
    assert store.counts() == {"articles": 7, "versions": 8, "rejections": 1, "runs": 3}
    assert store.integrity_problems() == []


def test_same_input_twice_in_one_run_is_unchanged(db_target: str) -> None:
    summary = run(Store.open(db_target), [doc(1), doc(1)])
    assert (summary.ingested, summary.unchanged) == (1, 1)


def test_interrupted_run_keeps_committed_batches(db_target: str) -> None:
    store = Store.open(db_target)

    def interrupted() -> Iterator[RawDocument]:
        for i in range(1, 8):
            if i == 6:
                raise KeyboardInterrupt
            yield doc(i)

    with pytest.raises(KeyboardInterrupt):
        run(store, interrupted())  # type: ignore[arg-type]
    assert store.counts()["articles"] == 3  # the first batch of 3 was committed, the second was not
    resumed = run(store, [doc(i) for i in range(1, 8)])
    assert (resumed.ingested, resumed.unchanged) == (4, 3)
    assert store.counts()["articles"] == 7
    assert store.integrity_problems() == []


def test_lines_repeating_across_an_outlet_are_removed(db_target: str) -> None:
    store = Store.open(db_target)
    signature = "Отдел политики, северный выпуск, редактор смены Иванова"
    run(store, [doc(i, signature) for i in range(1, 7)], repeated_line_min_articles=4)
    texts = [a.text for a in store.iter_articles()]
    # batch 1 (3 articles) has seen the line 3 times: kept; batch 2 brings it to 6: removed
    assert sum(signature in t for t in texts) == 3, texts
    assert all("телефонный разговор" in t for t in texts)


def test_unknown_outlet_learns_nothing(db_target: str) -> None:
    store = Store.open(db_target)
    signature = "Отдел политики, северный выпуск, редактор смены Иванова"
    run(store, [doc(i, signature, outlet=None) for i in range(1, 7)], repeated_line_min_articles=2)
    assert all(signature in a.text for a in store.iter_articles())
