"""The store's tables (SQLAlchemy Core). Migrations in ``migrations/versions`` create them;
this module is what queries read. Both SQLite and PostgreSQL use exactly this schema."""

from __future__ import annotations

from sqlalchemy import (
    JSON,
    Boolean,
    Column,
    DateTime,
    ForeignKey,
    Index,
    Integer,
    MetaData,
    String,
    Table,
    Text,
    UniqueConstraint,
)

metadata = MetaData()

runs = Table(
    "runs",
    metadata,
    Column("id", Integer, primary_key=True, autoincrement=True),
    Column("command", Text, nullable=False),
    Column("started_at", DateTime(timezone=True), nullable=False),
    Column("finished_at", DateTime(timezone=True)),
    Column("status", String(16), nullable=False),  # running | done | interrupted | failed
    Column("ingested", Integer, nullable=False, default=0),
    Column("unchanged", Integer, nullable=False, default=0),
    Column("rejected", Integer, nullable=False, default=0),
)

articles = Table(
    "articles",
    metadata,
    Column("id", String(16), primary_key=True),
    Column("source_key", Text, nullable=False),
    Column("source_path", Text, nullable=False),
    Column("version", Integer, nullable=False),
    Column("is_current", Boolean, nullable=False),
    Column("raw_sha256", String(64), nullable=False),
    Column("raw_size", Integer, nullable=False),
    Column("format", String(16), nullable=False),
    Column("title", Text),
    Column("outlet", Text),
    Column("url", Text),
    Column("author", Text),
    Column("published", String(10)),
    Column("language", String(8), nullable=False),
    Column("language_declared", String(16)),
    Column("warnings", JSON, nullable=False),
    Column("meta", JSON, nullable=False),
    Column("languages", JSON, nullable=False),
    Column("text", Text, nullable=False),
    Column("ingested_at", DateTime(timezone=True), nullable=False),
    Column("run_id", Integer, ForeignKey("runs.id")),
    UniqueConstraint("source_key", "raw_sha256", name="uq_articles_source_content"),
    Index("ix_articles_source_current", "source_key", "is_current"),
    Index("ix_articles_published", "published"),
    Index("ix_articles_outlet", "outlet"),
)

rejections = Table(
    "rejections",
    metadata,
    Column("id", Integer, primary_key=True, autoincrement=True),
    Column("source_key", Text, nullable=False),
    Column("source_path", Text, nullable=False),
    Column("raw_sha256", String(64), nullable=False),  # "" when no bytes could be read
    Column("reason", Text, nullable=False),
    Column("created_at", DateTime(timezone=True), nullable=False),
    Column("run_id", Integer, ForeignKey("runs.id")),
    UniqueConstraint("source_key", "raw_sha256", name="uq_rejections_source_content"),
)

outlet_lines = Table(
    "outlet_lines",
    metadata,
    Column("outlet", Text, primary_key=True),
    Column("line_hash", String(32), primary_key=True),
    Column("articles", Integer, nullable=False),
)
