"""The per-article stages of ingest (clean → NER → contacts), run in this process, in local
worker processes (``--workers N``) or on a Dask cluster (``--dask tcp://HOST:PORT``).

Every stage here is pure: documents in, records out. The store, boilerplate line counts and
entity linking stay in the main process (see :mod:`backchannel.pipeline`), so a parallel run
stores exactly what a serial run stores. Work is sent as one task per partition of a batch;
each worker process builds its models once and keeps them for every later task.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from contextlib import nullcontext
from dataclasses import dataclass, replace
from functools import partial
from typing import Any, Protocol, TypeVar

from backchannel import clean
from backchannel.analysis import Analysed, Analyzer, paused_collections, too_long_warning
from backchannel.config import Settings
from backchannel.errors import BackchannelError, UsageError
from backchannel.model import Article, Draft, RawDocument, Rejected

T = TypeVar("T")
R = TypeVar("R")


@dataclass(frozen=True, slots=True)
class Finished:
    """A draft finished into an article (analysed when analysis was asked) or a rejection."""

    result: Article | Rejected
    analysis: Analysed | None = None


# the pure stages -------------------------------------------------------------------------
def prepare_all(settings: Settings, docs: Sequence[RawDocument]) -> list[Draft | Rejected]:
    return [clean.prepare(doc, settings) for doc in docs]


def analyze_all(analyzer: Analyzer, articles: Sequence[Article]) -> list[Analysed]:
    return analyzer.analyze_many(articles)


def finish_all(
    settings: Settings, analyzer: Analyzer | None, items: Sequence[tuple[Draft, frozenset[str]]]
) -> list[Finished]:
    # every article of the batch is cleaned first, then analysed: each stage keeps its own data
    # (language model, lexicons) in the CPU caches instead of the two evicting each other per article
    results = [clean.finish(draft, repeated, settings) for draft, repeated in items]
    if analyzer is None:
        return [Finished(result) for result in results]
    results = [_warned(result, settings) for result in results]
    analysed = iter(analyzer.analyze_many([r for r in results if isinstance(r, Article)]))
    return [Finished(r, next(analysed)) if isinstance(r, Article) else Finished(r) for r in results]


def _warned(result: Article | Rejected, settings: Settings) -> Article | Rejected:
    """An article too long to analyse whole carries a warning that says so."""
    if isinstance(result, Article) and (warning := too_long_warning(result, settings)):
        return replace(result, warnings=(*result.warnings, warning))
    return result


# what a worker process runs ---------------------------------------------------------------
_WORKER_ANALYZERS: dict[Settings, Analyzer] = {}
"""The models of this worker process, built by its first task and kept for the later ones."""


def worker_analyzer(settings: Settings) -> Analyzer:
    analyzer = _WORKER_ANALYZERS.get(settings)
    if analyzer is None:
        analyzer = _WORKER_ANALYZERS[settings] = Analyzer(settings, embed_threads=1)
    return analyzer


def warm_worker(settings: Settings, analyze: bool) -> None:
    """Load the models now (a process pool's initializer), so the first batch does not wait."""
    if analyze:
        _ = worker_analyzer(settings).models


def _warm_part(settings: Settings, part: list[int]) -> list[tuple[int, float, float]]:
    """Load this worker's models; answer (process id, peak RSS in MB, CPU seconds used so far)."""
    import os
    import resource
    import time

    _ = worker_analyzer(settings).models
    time.sleep(0.3)  # so that the tasks spread over all the workers
    usage = resource.getrusage(resource.RUSAGE_SELF)
    return [(os.getpid(), peak_rss_mb(usage.ru_maxrss / 1024), usage.ru_utime + usage.ru_stime) for _ in part[:1]]


def peak_rss_mb(fallback: float) -> float:
    """This process's own peak RSS: VmHWM on Linux (ru_maxrss keeps the spawning parent's peak)."""
    try:
        with open("/proc/self/status", encoding="ascii") as status:
            for line in status:
                if line.startswith("VmHWM:"):
                    return int(line.split()[1]) / 1024
    except OSError:
        pass
    return fallback


def _prepare_part(settings: Settings, docs: list[RawDocument]) -> list[Draft | Rejected]:
    return prepare_all(settings, docs)


def _finish_part(settings: Settings, analyze: bool, items: list[tuple[Draft, frozenset[str]]]) -> list[Finished]:
    with paused_collections() if analyze else nullcontext():  # a part is one batch's articles
        return finish_all(settings, worker_analyzer(settings) if analyze else None, items)


def _analyze_part(settings: Settings, articles: list[Article]) -> list[Analysed]:
    with paused_collections():
        return analyze_all(worker_analyzer(settings), articles)


# backends -------------------------------------------------------------------------------
class Backend(Protocol):
    parallelism: int

    def map(self, fn: Callable[[list[Any]], list[Any]], parts: list[list[Any]]) -> list[list[Any]]: ...

    def close(self) -> None: ...


class ProcessBackend:
    """``--workers N``: N local processes (spawned, so nothing of the main process leaks in)."""

    def __init__(self, workers: int, settings: Settings, analyze: bool) -> None:
        import multiprocessing
        from concurrent.futures import ProcessPoolExecutor

        self.parallelism = workers
        self._pool = ProcessPoolExecutor(max_workers=workers, mp_context=multiprocessing.get_context("spawn"),
                                         initializer=warm_worker, initargs=(settings, analyze))

    def map(self, fn: Callable[[list[Any]], list[Any]], parts: list[list[Any]]) -> list[list[Any]]:
        from concurrent.futures.process import BrokenProcessPool

        try:
            return list(self._pool.map(fn, parts))
        except BrokenProcessPool as exc:
            raise BackchannelError("a worker process died (out of memory?)",
                                   "run the same command again, with fewer --workers; committed batches are kept") from exc

    def close(self) -> None:
        self._pool.shutdown(cancel_futures=True)


class DaskBackend:
    """``--dask tcp://HOST:PORT``: one Dask task per partition on an existing dask.distributed cluster."""

    def __init__(self, address: str, timeout: float = 30) -> None:
        try:
            from distributed import Client as client_class
        except ImportError as exc:
            raise UsageError("--dask needs dask.distributed: pip install 'backchannel[dask]'") from exc
        try:
            connect: Any = client_class  # dask.distributed is untyped
            self._client: Any = connect(address, timeout=timeout)
        except OSError as exc:
            raise UsageError(f"cannot reach the Dask scheduler at {address}: {exc}",
                             "start one with `dask scheduler` and `dask worker`, or check the address") from exc
        workers = self._client.scheduler_info().get("workers", {})
        self.parallelism = max(1, sum(int(w.get("nthreads", 1)) for w in workers.values()))

    def map(self, fn: Callable[[list[Any]], list[Any]], parts: list[list[Any]]) -> list[list[Any]]:
        futures = self._client.map(fn, parts, pure=False)
        return list(self._client.gather(futures))

    def close(self) -> None:
        self._client.close()


def _partitions(items: Sequence[T], count: int) -> list[list[T]]:
    """``items`` in at most ``count`` contiguous parts of nearly equal size (order kept)."""
    count = max(1, min(count, len(items)))
    size, extra = divmod(len(items), count)
    parts: list[list[T]] = []
    start = 0
    for i in range(count):
        stop = start + size + (i < extra)
        parts.append(list(items[start:stop]))
        start = stop
    return parts


PARTS_PER_WORKER = 4
"""Tasks per worker and batch: small enough parts that a few long articles do not leave a worker idle."""


class Runner:
    """Runs the pure stages over a batch: here (no backend), or spread over a backend's workers."""

    def __init__(self, settings: Settings, analyzer: Analyzer, backend: Backend | None = None) -> None:
        self.settings = settings
        self.analyzer = analyzer
        self.backend = backend

    def _map(self, fn: Callable[[list[T]], list[R]], items: Sequence[T], here: Callable[[Sequence[T]], list[R]]) -> list[R]:
        if self.backend is None or len(items) < 2:
            return here(items)
        parts = _partitions(items, PARTS_PER_WORKER * self.backend.parallelism)
        return [item for part in self.backend.map(fn, parts) for item in part]

    def prepare(self, docs: Sequence[RawDocument]) -> list[Draft | Rejected]:
        return self._map(partial(_prepare_part, self.settings), docs, partial(prepare_all, self.settings))

    def finish(self, items: Sequence[tuple[Draft, frozenset[str]]], analyze: bool) -> list[Finished]:
        here = partial(finish_all, self.settings, self.analyzer if analyze else None)
        return self._map(partial(_finish_part, self.settings, analyze), items, here)

    def analyze(self, articles: Sequence[Article]) -> list[Analysed]:
        return self._map(partial(_analyze_part, self.settings), articles, partial(analyze_all, self.analyzer))

    def warm(self, rounds: int = 5) -> dict[int, tuple[float, float]]:
        """Load the models in every worker now; returns each worker's (peak RSS in MB, CPU seconds) so far."""
        if self.backend is None:
            return {}
        seen: dict[int, tuple[float, float]] = {}
        for _ in range(rounds):
            parts = [[i] for i in range(2 * self.backend.parallelism)]
            for part in self.backend.map(partial(_warm_part, self.settings), parts):
                seen.update((pid, (rss, cpu)) for pid, rss, cpu in part)
            if len(seen) >= self.backend.parallelism:
                break
        return seen

    def close(self) -> None:
        if self.backend is not None:
            self.backend.close()


def runner(settings: Settings, analyzer: Analyzer, *, workers: int = 1, dask: str | None = None,
           analyze: bool = True) -> Runner:
    """The runner for ``--workers N`` / ``--dask ADDRESS`` (serial when neither asks for more)."""
    if dask:
        return Runner(settings, analyzer, DaskBackend(dask))
    if workers < 1:
        raise UsageError(f"--workers must be at least 1, not {workers}")
    return Runner(settings, analyzer, ProcessBackend(workers, settings, analyze) if workers > 1 else None)
