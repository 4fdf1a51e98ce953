"""Store: runs, article versions, rejections and per-outlet line counts."""

from __future__ import annotations

import hashlib
from collections.abc import Iterable, Iterator, Sequence
from contextlib import contextmanager
from dataclasses import dataclass
from datetime import UTC, datetime
from typing import TYPE_CHECKING, Any

from sqlalchemy import Connection, Engine, RowMapping, and_, func, or_, select, text, tuple_, update
from sqlalchemy.dialects import postgresql, sqlite
from sqlalchemy.exc import SQLAlchemyError

from backchannel.errors import StoreError
from backchannel.model import Article, Rejected
from backchannel.store import db
from backchannel.store.entities import EntityRepo
from backchannel.store.records import article_from_row, article_row, without_nul
from backchannel.store.schema import articles, entities, mentions, outlet_lines, rejections, runs

if TYPE_CHECKING:
    from backchannel.store.stories import StoryMember, StoryRow

LOOKUP_CHUNK = 400


def _now() -> datetime:
    return datetime.now(UTC)


def line_hash(key: str) -> str:
    return hashlib.blake2b(key.encode(), digest_size=16).hexdigest()


@dataclass(frozen=True, slots=True)
class ArticleSummary:
    id: str
    source_path: str
    title: str | None
    outlet: str | None
    published: str | None
    language: str
    version: int
    chars: int
    warnings: int
    opening: str
    """The first words of the text, for articles without a title."""


@dataclass(frozen=True, slots=True)
class RejectionRow:
    source_path: str
    reason: str
    created_at: datetime


class Batch:
    """One transaction of an ingest run: everything in it is committed together or not at all."""

    def __init__(self, connection: Connection, run_id: int | None) -> None:
        self._c = connection
        self._run_id = run_id
        self._now = _now()

    def known(self, pairs: Sequence[tuple[str, str]]) -> set[tuple[str, str]]:
        """Which (source_key, raw_sha256) pairs are already stored, as an article or a rejection."""
        found: set[tuple[str, str]] = set()
        for i in range(0, len(pairs), LOOKUP_CHUNK):
            chunk = pairs[i : i + LOOKUP_CHUNK]
            for table in (articles, rejections):
                # an OR of index lookups: SQLite answers a row-value IN by scanning the table
                cond = or_(*(and_(table.c.source_key == k, table.c.raw_sha256 == h) for k, h in chunk))
                rows = self._c.execute(select(table.c.source_key, table.c.raw_sha256).where(cond))
                found.update((r[0], r[1]) for r in rows)
        return found

    def count_lines(self, outlet: str, keys: Iterable[str]) -> None:
        """Count one more article of ``outlet`` containing each of these line keys."""
        rows = [{"outlet": without_nul(outlet), "line_hash": line_hash(k), "articles": 1} for k in set(keys)]
        if not rows:
            return
        dialect = postgresql if self._c.dialect.name == "postgresql" else sqlite
        stmt = dialect.insert(outlet_lines)
        stmt = stmt.on_conflict_do_update(
            index_elements=[outlet_lines.c.outlet, outlet_lines.c.line_hash],
            set_={"articles": outlet_lines.c.articles + 1},
        )
        self._c.execute(stmt, rows)

    def repeated(self, outlet: str, keys: Iterable[str], min_articles: int) -> frozenset[str]:
        """The keys seen in at least ``min_articles`` articles of ``outlet``."""
        by_hash = {line_hash(k): k for k in keys}
        out: set[str] = set()
        hashes = list(by_hash)
        for i in range(0, len(hashes), LOOKUP_CHUNK):
            rows = self._c.execute(
                select(outlet_lines.c.line_hash).where(
                    outlet_lines.c.outlet == without_nul(outlet),
                    outlet_lines.c.line_hash.in_(hashes[i : i + LOOKUP_CHUNK]),
                    outlet_lines.c.articles >= min_articles,
                )
            )
            out.update(by_hash[r[0]] for r in rows)
        return frozenset(out)

    def add_article(self, article: Article, raw_size: int) -> bool:
        """Store a new version of the article's source; True when an older version existed."""
        prior = self._c.execute(
            select(func.max(articles.c.version)).where(articles.c.source_key == article.source_key)
        ).scalar()
        if prior is not None:
            self._c.execute(
                update(articles)
                .where(and_(articles.c.source_key == article.source_key, articles.c.is_current))
                .values(is_current=False)
            )
        row = article_row(article, version=(prior or 0) + 1, raw_size=raw_size, run_id=self._run_id, now=self._now)
        self._c.execute(articles.insert().values(**row))
        return prior is not None

    @property
    def entities(self) -> EntityRepo:
        return EntityRepo(self._c)

    def add_warning(self, article_id: str, warning: str) -> None:
        current = self._c.execute(select(articles.c.warnings).where(articles.c.id == article_id)).scalar()
        self._c.execute(update(articles).where(articles.c.id == article_id)
                        .values(warnings=[*(current or []), warning]))

    def add_rejection(self, rejected: Rejected) -> None:
        sha = rejected.sha256 or ""
        exists = self._c.execute(
            select(rejections.c.id).where(
                rejections.c.source_key == rejected.source_key, rejections.c.raw_sha256 == sha
            )
        ).first()
        values = {"reason": without_nul(rejected.reason), "created_at": self._now, "run_id": self._run_id,
                  "source_path": without_nul(rejected.source_path)}
        if exists:
            self._c.execute(update(rejections).where(rejections.c.id == exists[0]).values(**values))
        else:
            self._c.execute(rejections.insert().values(source_key=rejected.source_key, raw_sha256=sha, **values))


class Store:
    """The database behind one ``--db`` target."""

    def __init__(self, engine: Engine) -> None:
        self.engine = engine

    @classmethod
    def open(cls, target: str) -> Store:
        engine = db.create(target)
        db.migrate(engine)
        return cls(engine)

    def close(self) -> None:
        self.engine.dispose()

    @property
    def dialect(self) -> str:
        return self.engine.dialect.name

    @contextmanager
    def _connect(self) -> Iterator[Connection]:
        try:
            with self.engine.connect() as connection:
                yield connection
        except SQLAlchemyError as exc:
            raise StoreError(f"database error: {str(exc).splitlines()[0]}", "run `backchannel check`") from exc

    @contextmanager
    def _begin(self) -> Iterator[Connection]:
        try:
            with self.engine.begin() as connection:
                yield connection
        except SQLAlchemyError as exc:
            raise StoreError(f"database error: {str(exc).splitlines()[0]}", "nothing of this batch was kept") from exc

    @contextmanager
    def batch(self, run_id: int | None) -> Iterator[Batch]:
        """One transaction: everything written through the Batch is committed together or not at all."""
        with self._begin() as connection:
            yield Batch(connection, run_id)

    # runs -------------------------------------------------------------------------
    def begin_run(self, command: str) -> int:
        with self._begin() as c:
            result = c.execute(runs.insert().values(
                command=command, started_at=_now(), status="running", ingested=0, unchanged=0, rejected=0))
            key = result.inserted_primary_key
            assert key is not None
            return int(key[0])

    def finish_run(self, run_id: int, status: str, ingested: int, unchanged: int, rejected: int) -> None:
        with self._begin() as c:
            c.execute(update(runs).where(runs.c.id == run_id).values(
                finished_at=_now(), status=status, ingested=ingested, unchanged=unchanged, rejected=rejected))

    # reading ----------------------------------------------------------------------
    def article(self, id_or_prefix: str) -> Article | None:
        """One article by id, a unique id prefix (4+ characters), its source path as ingested,
        or its file name (``wire.jsonl#2``) when that is unique."""
        with self._connect() as c:
            row = c.execute(select(articles).where(articles.c.id == id_or_prefix)).mappings().first()
            if row is None and len(id_or_prefix) >= 4:
                rows = c.execute(
                    select(articles).where(articles.c.id.startswith(id_or_prefix, autoescape=True)).limit(2)
                ).mappings().all()
                row = rows[0] if len(rows) == 1 else None
            if row is None:
                row = self._by_source(c, id_or_prefix)
            return article_from_row(row) if row else None

    @staticmethod
    def _by_source(c: Connection, path: str) -> RowMapping | None:
        """The current article of a source given as ingested, or by its file name when that is unique."""
        current = select(articles).where(articles.c.is_current)
        row = c.execute(current.where(articles.c.source_path == path).limit(1)).mappings().first()
        if row is None and "/" not in path:
            rows = c.execute(current.where(articles.c.source_path.endswith("/" + path, autoescape=True)).limit(2))
            found = rows.mappings().all()
            row = found[0] if len(found) == 1 else None
        return row

    def iter_articles(self, *, current_only: bool = True, chunk: int = 500) -> Iterator[Article]:
        """Every stored article in a stable order (published, then id), streamed in chunks."""
        last: tuple[str, str] | None = None
        order = (func.coalesce(articles.c.published, ""), articles.c.id)
        while True:
            q = select(articles)
            if current_only:
                q = q.where(articles.c.is_current)
            if last is not None:
                q = q.where(tuple_(*order) > tuple_(*last))
            with self._connect() as c:
                rows = c.execute(q.order_by(*order).limit(chunk)).mappings().all()
            if not rows:
                return
            for row in rows:
                yield article_from_row(row)
            last = (rows[-1]["published"] or "", rows[-1]["id"])

    def iter_mentions(self, chunk: int = 5000) -> Iterator[dict[str, Any]]:
        """Every mention of a current article with its article and entity, in a stable order."""
        last = 0
        while True:
            q = (
                select(mentions.c.id, mentions.c.article_id, articles.c.source_path, mentions.c.surface,
                       mentions.c.base, mentions.c.type, mentions.c.entity_id, entities.c.name,
                       mentions.c.start, mentions.c.end, mentions.c.role)
                .select_from(mentions.join(articles, articles.c.id == mentions.c.article_id)
                             .outerjoin(entities, entities.c.id == mentions.c.entity_id))
                .where(articles.c.is_current, mentions.c.id > last)
                .order_by(mentions.c.id).limit(chunk)
            )
            with self._connect() as c:
                rows = c.execute(q).all()
            if not rows:
                return
            for r in rows:
                yield {"article": {"id": r[1], "source_path": r[2]}, "surface": r[3], "base": r[4], "type": r[5],
                       "entity_id": r[6], "entity_name": r[7], "start": r[8], "end": r[9], "role": r[10]}
            last = rows[-1][0]

    def iter_contacts(self, entity_ids: Sequence[str] = ()) -> Iterator[dict[str, Any]]:
        """``export contacts`` records: every contact report of a current article (only those in
        which all of ``entity_ids`` take part, when given)."""
        from backchannel.store.reports import iter_contact_records

        with self._connect() as c:
            yield from iter_contact_records(c, entity_ids=entity_ids)

    def list_articles(self, *, limit: int = 50, outlet: str | None = None, language: str | None = None) -> list[ArticleSummary]:
        q = select(
            articles.c.id, articles.c.source_path, articles.c.title, articles.c.outlet, articles.c.published,
            articles.c.language, articles.c.version, func.length(articles.c.text), articles.c.warnings,
            func.substr(articles.c.text, 1, 120),
        ).where(articles.c.is_current)
        if outlet:
            q = q.where(articles.c.outlet == outlet)
        if language:
            q = q.where(articles.c.language == language)
        q = q.order_by(func.coalesce(articles.c.published, "").desc(), articles.c.id).limit(limit)
        with self._connect() as c:
            return [
                ArticleSummary(r[0], r[1], r[2], r[3], r[4], r[5], r[6], int(r[7] or 0), len(r[8] or ()),
                               " ".join(str(r[9] or "").split()))
                for r in c.execute(q)
            ]

    def rejections(self, limit: int | None = None) -> list[RejectionRow]:
        q = select(rejections.c.source_path, rejections.c.reason, rejections.c.created_at).order_by(rejections.c.id)
        if limit:
            q = q.limit(limit)
        with self._connect() as c:
            return [RejectionRow(r[0], r[1], r[2]) for r in c.execute(q)]

    def counts(self) -> dict[str, int]:
        with self._connect() as c:
            return {
                "articles": int(c.execute(select(func.count()).where(articles.c.is_current)).scalar() or 0),
                "versions": int(c.execute(select(func.count()).select_from(articles)).scalar() or 0),
                "rejections": int(c.execute(select(func.count()).select_from(rejections)).scalar() or 0),
                "runs": int(c.execute(select(func.count()).select_from(runs)).scalar() or 0),
            }

    def integrity_problems(self) -> list[str]:
        """Everything wrong with the store, as sentences; empty when all is well."""
        from backchannel.model import article_id

        problems: list[str] = []
        if db.current_revision(self.engine) != db.head_revision():
            problems.append("schema is not at the newest migration")
        with self._connect() as c:
            if self.dialect == "sqlite":
                result = [r[0] for r in c.execute(text("PRAGMA integrity_check"))]
                if result != ["ok"]:
                    problems.append("SQLite integrity check failed: " + "; ".join(map(str, result[:5])))
            dup = c.execute(
                select(articles.c.source_key).where(articles.c.is_current)
                .group_by(articles.c.source_key).having(func.count() > 1).limit(5)
            ).scalars().all()
            problems += [f"source {k} has more than one current version" for k in dup]
            orphans = c.execute(
                select(func.count()).select_from(mentions.outerjoin(entities, entities.c.id == mentions.c.entity_id))
                .where(mentions.c.entity_id.is_not(None), entities.c.id.is_(None))
            ).scalar()
            if orphans:
                problems.append(f"{orphans} mentions point at entities that do not exist")
            stale = c.execute(
                select(func.count()).select_from(mentions.join(entities, entities.c.id == mentions.c.entity_id))
                .where(entities.c.merged_into.is_not(None))
            ).scalar()
            if stale:
                problems.append(f"{stale} mentions point at merged entities (run `backchannel reprocess`)")
            for r in c.execute(select(articles.c.id, articles.c.source_key, articles.c.raw_sha256, articles.c.text)):
                if r[0] != article_id(r[1], r[2]):
                    problems.append(f"article {r[0]} does not match its source and content hash")
                if not (r[3] or "").strip():
                    problems.append(f"article {r[0]} has an empty text")
        return problems

    # stories ----------------------------------------------------------------------
    def stories(self, *, limit: int | None = None, min_articles: int = 1) -> list[StoryRow]:
        from backchannel.store.stories import story_rows

        with self._connect() as c:
            return story_rows(c, limit=limit, min_articles=min_articles)

    def story(self, id_or_prefix: str) -> tuple[StoryRow, list[StoryMember]] | None:
        """One story (by id or a unique prefix of 4+ characters) with its articles, oldest first."""
        from backchannel.store.stories import story_id_like, story_members, story_row

        with self._connect() as c:
            story_id = story_id_like(c, id_or_prefix)
            if story_id is None:
                return None
            row = story_row(c, story_id)
            return (row, story_members(c, story_id)) if row else None

    def iter_stories(self) -> Iterator[dict[str, Any]]:
        """``export stories`` records."""
        from backchannel.store.stories import iter_story_records

        with self._connect() as c:
            yield from iter_story_records(c)
