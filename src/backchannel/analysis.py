"""The analysis step of ingest: per-article NER (pure) then entity linking (in the store).

Models and the knowledge-base index are built on first use, once per process, so an ingest
that finds nothing new loads nothing.
"""

from __future__ import annotations

import threading
from collections.abc import Callable, Iterator, Sequence
from contextlib import contextmanager
from typing import TYPE_CHECKING, Any

from backchannel.config import Settings
from backchannel.model import Article, ArticleAnalysis

Analysed = ArticleAnalysis | str
"""An article's analysis, or why it failed (kept as the article's warning)."""

if TYPE_CHECKING:
    from backchannel.analyze.embed import Embedder
    from backchannel.kb.index import KbIndex
    from backchannel.store.entities import EntityRepo


def analysed_prefix(text: str, limit: int) -> str:
    """The part of an over-long text that is analysed: up to a paragraph (or line) break before ``limit``."""
    head = text[:limit]
    for sep in ("\n\n", "\n", ". "):
        cut = head.rfind(sep)
        if cut > limit // 2:
            return head[:cut]
    return head


def too_long_warning(article: Article, settings: Settings) -> str | None:
    """The warning an article gets when only a prefix of it is analysed."""
    if len(article.text) <= settings.max_analysis_chars:
        return None
    return (f"text of {len(article.text):,} characters: only the first {settings.max_analysis_chars:,} "
            "are analysed (setting max_analysis_chars)")


_PROCESS_MODELS: dict[str, Any] = {}
"""The analysis models of this process by ``english_ner``, once loaded (see :func:`process_models`)."""


def process_models(settings: Settings) -> Any:
    """The analysis models, with the contact lexicons, loaded on first use and then shared by
    every analyser of the process: they are built from the package's data alone, and loading
    them again would only cost time and memory. The one setting that changes them,
    ``english_ner``, only picks the English NER: an analyser with the other value gets the same
    models with that one part changed (:func:`with_english_ner`).

    Once loaded they are moved out of the garbage collector's generations (``gc.freeze``):
    they live as long as the process, and every full collection would otherwise walk their few
    hundred thousand objects again, which cost more per article than some analysis steps."""
    found = _PROCESS_MODELS.get(settings.english_ner)
    if found is not None:
        return found
    if _PROCESS_MODELS:
        from backchannel.analyze.models import with_english_ner

        found = with_english_ner(next(iter(_PROCESS_MODELS.values())), settings.english_ner)
    else:
        import gc

        from backchannel.analyze import load_models
        from backchannel.contacts import load_lexicons

        found = load_models(settings)
        load_lexicons()
        gc.freeze()
    _PROCESS_MODELS[settings.english_ner] = found
    return found


_RARE = threading.Lock()
_rare_depth = 0
"""How many runs are inside :func:`rare_collections` now."""
_rare_saved = (0, 0, 0)
"""The thresholds the first of them found (restored when the last one ends)."""


@contextmanager
def rare_collections() -> Iterator[None]:
    """Over an analysing run: the garbage collector runs ten times less often (the old
    thresholds come back when the last such run ends, so nested or concurrent runs are safe).
    Inside each batch it does not run at all (:func:`paused_collections`); this covers the
    reading and preparing between batches and the collections that follow each batch.
    Analysis grows its caches by thousands of objects a batch and each full pass walks all of
    them, at a cost per article comparable to a step of the analysis; most of what it
    allocates is freed by reference counting before a young pass would look at it, and the
    records it keeps are acyclic, so little garbage waits."""
    import gc

    global _rare_depth, _rare_saved
    with _RARE:
        if _rare_depth == 0:
            _rare_saved = young, middle, old = gc.get_threshold()
            gc.set_threshold(young * 10, middle, old * 10)
        _rare_depth += 1
    try:
        yield
    finally:
        with _RARE:
            _rare_depth -= 1
            if _rare_depth == 0:
                gc.set_threshold(*_rare_saved)


_PAUSE = threading.Lock()
_pause_depth = 0
"""How many batches are inside :func:`paused_collections` now."""
_pause_enable = False
"""Whether the collector was on when the first of them began (turned on again after the last)."""


@contextmanager
def paused_collections() -> Iterator[None]:
    """While one batch is analysed, linked and stored: no garbage collection at all; the
    collector runs again once the batch is done and its data freed. Until linking has stored
    them, a batch keeps tens of thousands of objects alive (its analyses, the caches' new
    entries): a collection during the batch walks them all, one after it only what stays. What
    the batch leaves in reference cycles waits for that collection (one batch's worth). Safe
    to nest and to overlap across threads: the collector is turned on when the last one ends,
    and only if it was on before the first began."""
    import gc

    global _pause_depth, _pause_enable
    with _PAUSE:
        if _pause_depth == 0:
            _pause_enable = gc.isenabled()
            gc.disable()
        _pause_depth += 1
    try:
        yield
    finally:
        with _PAUSE:
            _pause_depth -= 1
            if _pause_depth == 0 and _pause_enable:
                gc.enable()


class Analyzer:
    def __init__(self, settings: Settings, *, embed_threads: int | None = None) -> None:
        self.settings = settings
        self.embed_threads = embed_threads
        """Threads of the sentence embedder (its default when None; 1 in a worker process, whose
        siblings use the other cores)."""
        self._models: Any = None
        self._index: KbIndex | None = None
        self._embedder: Embedder | None = None

    @property
    def models(self) -> Any:
        if self._models is None:
            self._models = process_models(self.settings)
        return self._models

    @property
    def index(self) -> KbIndex:
        if self._index is None:
            from backchannel.kb import load_kb
            from backchannel.kb.index import build_index

            self._index = build_index(load_kb())
        return self._index

    def analyze(self, article: Article) -> ArticleAnalysis:
        """Entities, then contact reports over them (pure, per article). A text longer than
        ``max_analysis_chars`` is analysed up to the last paragraph break before that limit,
        so time and memory per article stay bounded (offsets stay valid in the whole text)."""
        from backchannel.analyze import analyze

        read = self._analysed_text(article)
        return self._sketched(article, _with_reports(analyze(read, self.models), read))

    def analyze_many(self, articles: Sequence[Article]) -> list[Analysed]:
        """:meth:`analyze` for a batch, one stage at a time over all its articles (entities, then
        contacts, then story sketches), so each stage's lexicons and caches stay in the CPU's
        caches instead of evicting each other article by article (NER ~12 % faster). An article
        whose analysis fails gets its one-line reason instead; the others go on."""
        from backchannel.analyze import analyze

        read = [self._analysed_text(a) for a in articles]
        out = [_attempt(analyze, a, self.models) for a in read]
        out = [r if isinstance(r, str) else _attempt(_with_reports, r, a) for a, r in zip(read, out, strict=True)]
        return [r if isinstance(r, str) else _attempt(self._sketched, a, r) for a, r in zip(articles, out, strict=True)]

    def _analysed_text(self, article: Article) -> Article:
        from dataclasses import replace

        limit = self.settings.max_analysis_chars
        return replace(article, text=analysed_prefix(article.text, limit)) if len(article.text) > limit else article

    def _sketched(self, whole: Article, analysis: ArticleAnalysis) -> ArticleAnalysis:
        """The analysis with its story sketch (from the whole text) when stories are on."""
        if self.settings.story_sentences <= 0:
            return analysis
        from dataclasses import replace

        from backchannel.consolidate.story_step import sketch

        return replace(analysis, story=sketch(whole, analysis, self.embedder, self.settings.story_sentences))

    def link(self, repo: EntityRepo, items: Sequence[tuple[Article, ArticleAnalysis]], *, fresh: bool) -> None:
        """Link a batch of analysed articles and store their mentions (replacing old ones unless ``fresh``)."""
        from backchannel.consolidate.linking import link_batch
        from backchannel.store.reports import replace_reports, report_rows

        rows = link_batch(repo, self.index, items)
        ids = [article.id for article, _ in items]
        if not fresh:
            repo.delete_mentions(ids)
        repo.insert_mentions([row for article_rows in rows.values() for row in article_rows])
        report_table: list[dict[str, Any]] = []
        participants: list[dict[str, Any]] = []
        for article, analysis in items:
            entity_of = {row["cluster"]: row["entity_id"] for row in rows[article.id]}
            found, parts = report_rows(article.id, analysis.reports, entity_of)
            report_table += found
            participants += parts
        replace_reports(repo.c, ids, report_table, participants, fresh=fresh)

    @property
    def embedder(self) -> Embedder:
        if self._embedder is None:
            from backchannel.analyze.embed import Embedder

            self._embedder = Embedder(self.embed_threads)
        return self._embedder

    def assign_stories(self, repo: EntityRepo, items: Sequence[tuple[Article, ArticleAnalysis]], *, fresh: bool) -> None:
        """Group a linked batch into stories (incremental; nothing when ``story_sentences`` is 0)."""
        if self.settings.story_sentences <= 0:
            return
        from backchannel.consolidate.stories import StoryParams
        from backchannel.consolidate.story_step import update_stories

        update_stories(repo.c, self.embedder, items, StoryParams(sentences=self.settings.story_sentences), fresh=fresh)


def _with_reports(analysis: ArticleAnalysis, article: Article) -> ArticleAnalysis:
    """The analysis with the contact reports of the (analysed part of the) article."""
    from dataclasses import replace

    from backchannel.contacts import extract_contacts

    return replace(analysis, reports=extract_contacts(article, analysis))


def _attempt(step: Callable[..., ArticleAnalysis], *args: Any) -> Analysed:
    """``step(*args)``, or the one-line reason it failed: one article's analysis bug must not stop the run."""
    try:
        return step(*args)
    except Exception as exc:  # noqa: BLE001
        return f"analysis failed: {exc.__class__.__name__}: {exc}"
