"""The composition root and Python API: settings, store and stages wired together once.

    from backchannel.workspace import Workspace
    with Workspace.open(db="news.db") as ws:
        summary = ws.ingest(["articles/"])
        for article in ws.articles():
            print(article.title)
"""

from __future__ import annotations

import os
from collections.abc import Iterator, Sequence
from types import TracebackType
from typing import IO, TYPE_CHECKING, Any, BinaryIO

from backchannel import pipeline
from backchannel.analysis import Analyzer
from backchannel.config import Settings, load_settings
from backchannel.model import Article, IngestSummary
from backchannel.store import ArticleSummary, RejectionRow, Store

if TYPE_CHECKING:
    from backchannel.export.dataset import ExportData, Filters
    from backchannel.store.stories import StoryMember, StoryRow


class Workspace:
    """One store plus the effective settings; every CLI command calls one method of this."""

    def __init__(self, settings: Settings, store: Store) -> None:
        self.settings = settings
        self.store = store
        self.analyzer = Analyzer(settings)

    @classmethod
    def open(cls, settings: Settings | None = None, **overrides: Any) -> Workspace:
        settings = settings or load_settings(overrides)
        return cls(settings, Store.open(settings.db))

    def close(self) -> None:
        self.store.close()

    def __enter__(self) -> Workspace:
        return self

    def __exit__(self, *exc: type[BaseException] | BaseException | TracebackType | None) -> None:
        self.close()

    def ingest(
        self,
        inputs: Sequence[str],
        *,
        stdin: BinaryIO | None = None,
        on_outcome: pipeline.OnOutcome | None = None,
        analyze: bool = True,
        workers: int = 1,
        dask: str | None = None,
    ) -> IngestSummary:
        """Read, clean, analyse and store every input; an input that cannot be used is stored as a rejection.

        ``workers`` > 1 runs the per-article stages in that many local processes; ``dask`` (a
        scheduler address such as ``tcp://host:8786``) runs them on a Dask cluster instead."""
        from backchannel.ingest import read_inputs
        from backchannel.parallel import runner

        documents = read_inputs(inputs, self.settings, stdin=stdin)
        run = runner(self.settings, self.analyzer, workers=workers, dask=dask, analyze=analyze)
        try:
            return pipeline.ingest(
                self.store, documents, self.settings, command="ingest " + " ".join(inputs), on_outcome=on_outcome,
                analyzer=self.analyzer if analyze else None, runner=run,
            )
        finally:
            run.close()

    def reprocess(self, on_article: pipeline.OnOutcome | None = None, *, workers: int = 1,
                  dask: str | None = None) -> int:
        """Re-run analysis and linking for every stored article, without reading any file again
        (after a model, rule or knowledge-base upgrade); returns how many articles were done."""
        from backchannel.parallel import runner

        run = runner(self.settings, self.analyzer, workers=workers, dask=dask)
        try:
            return pipeline.reanalyze(self.store, self.analyzer, self.settings.batch_size, on_article, runner=run)
        finally:
            run.close()

    def reanalyze(self, on_article: pipeline.OnOutcome | None = None) -> int:
        """The former name of :meth:`reprocess`."""
        return self.reprocess(on_article)

    def articles(self) -> Iterator[Article]:
        return self.store.iter_articles()

    def article(self, id_or_prefix: str) -> Article | None:
        return self.store.article(id_or_prefix)

    def list_articles(self, *, limit: int = 50, outlet: str | None = None, language: str | None = None) -> list[ArticleSummary]:
        return self.store.list_articles(limit=limit, outlet=outlet, language=language)

    def rejections(self, limit: int | None = None) -> list[RejectionRow]:
        return self.store.rejections(limit)

    def export(self, kind: str, out: IO[str], fmt: str = "jsonl", filters: Filters | None = None) -> int:
        """Write one export to ``out``; returns the number of records written."""
        from backchannel.export import exporter_for
        from backchannel.export.dataset import stream_filter

        exporter = exporter_for(kind, fmt, out)
        keep = stream_filter(self.export_data(filters), kind) if filters and not filters.empty else None
        count = 0
        for record in exporter.records(self):
            if keep is not None and not keep(record):
                continue
            exporter.write(record)
            count += 1
        exporter.finalize()
        return count

    def export_data(self, filters: Filters | None = None) -> ExportData:
        """Everything the exports read (articles, actors, reports, events, stories), filtered."""
        from backchannel.export.dataset import load

        return load(self, filters)

    def export_to(self, fmt: str, path: str | os.PathLike[str], filters: Filters | None = None) -> int:
        """Write a file or folder export (obsidian, gexf, graphml, ftm, plover, csv); returns records written."""
        from pathlib import Path

        from backchannel.export.targets import target_exporter

        exporter = target_exporter(fmt)
        return exporter.export(self.export_data(filters), Path(path))

    def kb_import(self, path: str) -> tuple[int, int]:
        """Load a user's knowledge base; returns (actors imported, of which merged into built-in actors)."""
        from pathlib import Path

        from backchannel.consolidate.keys import key
        from backchannel.consolidate.linking import ensure_kb_entity
        from backchannel.kb.imports import read_import

        by_qid = {a.qid: a for a in self.analyzer.index.actors.values() if a.qid}
        count = merged = 0
        with self.store.batch(None) as b:
            repo = b.entities
            for actor in read_import(Path(path)):
                builtin = by_qid.get(actor.qid) if actor.qid else None
                if builtin is not None:
                    entity_id = ensure_kb_entity(repo, builtin)
                    merged += 1
                else:
                    entity_id = repo.resolve(actor.id)
                    repo.create(entity_id, actor.type, actor.display_name, "import", qid=actor.qid)
                names = list(actor.all_names())
                repo.add_names(entity_id, names, "import")
                repo.add_keys(entity_id, [key(actor.type, n) for _, n in names], "import")
                count += 1
        return count, merged

    def check(self) -> list[str]:
        return self.store.integrity_problems()

    def stories(self, *, limit: int | None = None, min_articles: int = 1) -> list[StoryRow]:
        """Stories, largest first (articles about the same news across outlets and languages)."""
        return self.store.stories(limit=limit, min_articles=min_articles)

    def story(self, id_or_prefix: str) -> tuple[StoryRow, list[StoryMember]] | None:
        return self.store.story(id_or_prefix)
