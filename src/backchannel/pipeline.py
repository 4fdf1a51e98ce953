"""The ingest pipeline: read → prepare → count outlet lines → finish → store, in batches.

Each batch is one transaction: an interrupted run keeps every batch it committed, and a
re-run finds those inputs unchanged and carries on with the rest.
"""

from __future__ import annotations

import time
from collections.abc import Callable, Iterable, Iterator, Sequence
from contextlib import nullcontext
from itertools import islice
from typing import TypeVar

from backchannel.analysis import Analysed, Analyzer, paused_collections, rare_collections
from backchannel.config import Settings
from backchannel.model import (
    Article,
    ArticleAnalysis,
    Draft,
    IngestOutcome,
    IngestSummary,
    RawDocument,
    Rejected,
)
from backchannel.parallel import Runner
from backchannel.store import Batch, Store
from backchannel.store.events import update_events

OnOutcome = Callable[[IngestOutcome], None]


T = TypeVar("T")


def _chunks(items: Iterable[T], size: int) -> Iterator[list[T]]:
    iterator = iter(items)
    while chunk := list(islice(iterator, size)):
        yield chunk


def analyze_and_link(
    batch: Batch, analyzer: Analyzer, articles: Sequence[Article], *, fresh: bool, runner: Runner | None = None
) -> None:
    """NER for each stored article (spread over the runner's workers), then linking for all of them
    at once. One article's analysis failure is kept as that article's warning, never lost."""
    results = (runner or Runner(analyzer.settings, analyzer)).analyze(articles)
    _link(batch, analyzer, list(zip(articles, results, strict=True)), fresh=fresh)


def _link(batch: Batch, analyzer: Analyzer, results: list[tuple[Article, Analysed]], *, fresh: bool) -> None:
    analysed: list[tuple[Article, ArticleAnalysis]] = []
    for article, result in results:
        if isinstance(result, str):
            batch.add_warning(article.id, result)
        else:
            analysed.append((article, result))
    if analysed:
        analyzer.link(batch.entities, analysed, fresh=fresh)
        update_events(batch.entities.c, [article.id for article, _ in analysed])
        analyzer.assign_stories(batch.entities, analysed, fresh=fresh)


def _process_batch(
    batch: Batch,
    docs: list[RawDocument | Rejected],
    settings: Settings,
    seen: set[tuple[str, str]],
    analyzer: Analyzer | None,
    runner: Runner,
) -> list[IngestOutcome]:
    keyed = [(d.source_key, d.sha256 or "") if isinstance(d, Rejected) else (d.source_key, d.sha256) for d in docs]
    known = batch.known([k for k in keyed if k[1]])
    fresh: list[RawDocument | Rejected | None] = []  # None: unchanged
    for doc, key in zip(docs, keyed, strict=True):
        if key[1] and (key in known or key in seen):
            fresh.append(None)
            continue
        seen.add(key)
        fresh.append(doc)
    prepared = iter(runner.prepare([d for d in fresh if isinstance(d, RawDocument)]))
    outcomes: list[IngestOutcome] = []
    drafts: list[Draft] = []
    for doc, item in zip(docs, fresh, strict=True):
        ready = None if item is None else item if isinstance(item, Rejected) else next(prepared)
        if ready is None:
            outcomes.append(IngestOutcome(doc.source_path, "unchanged"))
        elif isinstance(ready, Rejected):
            batch.add_rejection(ready)
            outcomes.append(IngestOutcome(doc.source_path, "rejected", reason=ready.reason))
        else:
            drafts.append(ready)
    for draft in drafts:
        if draft.outlet:
            batch.count_lines(draft.outlet, draft.line_keys)
    repeated = [
        batch.repeated(d.outlet, d.line_keys, settings.repeated_line_min_articles) if d.outlet else frozenset[str]()
        for d in drafts
    ]
    analysed: list[tuple[Article, Analysed]] = []
    for draft, finished in zip(drafts, runner.finish(list(zip(drafts, repeated, strict=True)), analyzer is not None),
                               strict=True):
        result = finished.result
        if isinstance(result, Rejected):
            batch.add_rejection(result)
            outcomes.append(IngestOutcome(result.source_path, "rejected", reason=result.reason))
        else:
            new_version = batch.add_article(result, len(draft.raw.data))
            if finished.analysis is not None:
                analysed.append((result, finished.analysis))
            outcomes.append(IngestOutcome(result.source_path, "ingested", result.id, new_version=new_version))
    if analyzer is not None and analysed:
        _link(batch, analyzer, analysed, fresh=True)
    return outcomes


def ingest(
    store: Store,
    documents: Iterable[RawDocument | Rejected],
    settings: Settings,
    *,
    command: str = "ingest",
    on_outcome: OnOutcome | None = None,
    analyzer: Analyzer | None = None,
    runner: Runner | None = None,
) -> IngestSummary:
    """Analyse and store every document; returns what happened to each, counted. The per-article
    stages run on ``runner`` (in this process when None); storing and linking run here."""
    started = time.perf_counter()
    run_id = store.begin_run(command)
    counts = {"ingested": 0, "unchanged": 0, "rejected": 0}
    new_versions = 0
    rejected: list[Rejected] = []
    seen: set[tuple[str, str]] = set()
    status = "interrupted"
    runner = runner or Runner(settings, analyzer or Analyzer(settings))
    try:
        with rare_collections() if analyzer is not None else nullcontext():
            for chunk in _chunks(documents, settings.batch_size):
                with paused_collections() if analyzer is not None else nullcontext(), store.batch(run_id) as batch:
                    outcomes = _process_batch(batch, chunk, settings, seen, analyzer, runner)
                for outcome in outcomes:
                    counts[outcome.status] += 1
                    new_versions += outcome.new_version
                    if outcome.status == "rejected":
                        rejected.append(Rejected(outcome.source_path, "", outcome.reason or ""))
                    if on_outcome:
                        on_outcome(outcome)
        status = "done"
    finally:
        store.finish_run(run_id, status, counts["ingested"], counts["unchanged"], counts["rejected"])
    return IngestSummary(
        ingested=counts["ingested"],
        unchanged=counts["unchanged"],
        rejected=counts["rejected"],
        new_versions=new_versions,
        rejections=tuple(rejected),
        seconds=time.perf_counter() - started,
    )


def reanalyze(store: Store, analyzer: Analyzer, batch_size: int, on_article: OnOutcome | None = None,
              runner: Runner | None = None) -> int:
    """Analyse and link every current article again, in batches; returns how many were done."""
    done = 0
    with rare_collections():
        for chunk in _chunks(store.iter_articles(), batch_size):
            with paused_collections(), store.batch(None) as batch:
                analyze_and_link(batch, analyzer, chunk, fresh=False, runner=runner)
            for article in chunk:
                done += 1
                if on_article:
                    on_article(IngestOutcome(article.source_path, "ingested", article.id))
    return done
