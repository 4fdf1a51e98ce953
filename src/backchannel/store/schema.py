"""The store's tables (SQLAlchemy Core). Migrations in ``migrations/versions`` create them;
this module is what queries read. Both SQLite and PostgreSQL use exactly this schema."""

from __future__ import annotations

from sqlalchemy import (
    JSON,
    Boolean,
    Column,
    DateTime,
    Float,
    ForeignKey,
    Index,
    Integer,
    LargeBinary,
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

entities = Table(
    "entities",
    metadata,
    Column("id", String(64), primary_key=True),
    Column("type", String(8), nullable=False),
    Column("name", Text, nullable=False),
    Column("kb_id", String(64)),
    Column("qid", String(16)),
    Column("source", String(16), nullable=False),  # kb | text | import | user
    Column("merged_into", String(64)),  # set when curation merged this entity into another
    Column("created_at", DateTime(timezone=True), nullable=False),
    Index("ix_entities_kb", "kb_id"),
)

entity_names = Table(
    "entity_names",
    metadata,
    Column("entity_id", String(64), ForeignKey("entities.id"), primary_key=True),
    Column("lang", String(8), primary_key=True),
    Column("name", Text, primary_key=True),
    Column("source", String(16), nullable=False),
)

entity_keys = Table(
    "entity_keys",
    metadata,
    Column("key", Text, primary_key=True),  # "<type>:<skeleton of a name>"
    Column("entity_id", String(64), ForeignKey("entities.id"), nullable=False),
    Column("source", String(16), nullable=False),  # kb | text | user (user keys win and survive re-linking)
)

mentions = Table(
    "mentions",
    metadata,
    Column("id", Integer, primary_key=True, autoincrement=True),
    Column("article_id", String(16), ForeignKey("articles.id"), nullable=False),
    Column("start", Integer, nullable=False),
    Column("end", Integer, nullable=False),
    Column("surface", Text, nullable=False),
    Column("base", Text, nullable=False),
    Column("type", String(8), nullable=False),
    Column("cluster", Integer, nullable=False),
    Column("role", Text),
    Column("entity_id", String(64), ForeignKey("entities.id")),
    Index("ix_mentions_article", "article_id"),
    Index("ix_mentions_entity", "entity_id"),
)

curation_log = Table(
    "curation_log",
    metadata,
    Column("id", Integer, primary_key=True, autoincrement=True),
    Column("at", DateTime(timezone=True), nullable=False),
    Column("op", String(16), nullable=False),  # merge | split | rename | alias
    Column("args", JSON, nullable=False),
)

reports = Table(
    "reports",
    metadata,
    Column("id", String(24), primary_key=True),  # "<article id>-<n>"
    Column("article_id", String(16), ForeignKey("articles.id"), nullable=False),
    Column("kind", String(16), nullable=False),
    Column("polarity", String(16), nullable=False),
    Column("confidence", Float, nullable=False),
    Column("cue", Text, nullable=False),
    Column("evidence_start", Integer, nullable=False),
    Column("evidence_end", Integer, nullable=False),
    Column("when_text", Text),
    Column("when_start", String(10)),
    Column("when_end", String(10)),
    Column("when_precision", String(16)),
    Column("where_name", Text),
    Column("where_entity_id", String(64)),
    Column("participants", JSON, nullable=False),  # [{"entity_id", "name", "role"}]
    Column("according_to", JSON, nullable=False),  # [{"entity_id", "name"}]
    Index("ix_reports_article", "article_id"),
)

report_participants = Table(
    "report_participants",
    metadata,
    Column("report_id", String(24), ForeignKey("reports.id"), primary_key=True),
    Column("entity_id", String(64), primary_key=True),
    Column("role", String(16), nullable=False),
    Index("ix_report_participants_entity", "entity_id"),
)

events = Table(
    "events",
    metadata,
    Column("id", String(24), primary_key=True),  # "ev-" + hash of participants and first report
    Column("kind", String(16), nullable=False),
    Column("participants", JSON, nullable=False),  # entity ids, sorted
    Column("when_start", String(10)),
    Column("when_end", String(10)),
    Column("when_precision", String(16), nullable=False),
    Column("sort_key", String(10), nullable=False),  # when it happened (else first reported): timelines
    Column("status", String(16), nullable=False),
    Column("sources", Integer, nullable=False),
    Column("report_count", Integer, nullable=False),
    Column("outlets", JSON, nullable=False),
    Column("first_reported", String(10)),
    Column("last_reported", String(10)),
    Index("ix_events_sort", "sort_key"),
)

event_reports = Table(
    "event_reports",
    metadata,
    Column("report_id", String(24), primary_key=True),
    Column("event_id", String(24), nullable=False),
    Column("article_id", String(16), nullable=False),
    Column("voice", Integer, nullable=False),  # independent-source group inside the event
    Index("ix_event_reports_event", "event_id"),
    Index("ix_event_reports_article", "article_id"),
)

event_actors = Table(
    "event_actors",
    metadata,
    Column("entity_id", String(64), primary_key=True),
    Column("other_id", String(64), primary_key=True),  # "" for the row that stands for the actor alone
    Column("event_id", String(24), primary_key=True),
    Column("sort_key", String(10), nullable=False),
    Column("kind", String(16), nullable=False),
    Column("status", String(16), nullable=False),
    Column("span_start", String(10), nullable=False),  # the days its reports may mean: candidates for
    Column("span_end", String(10), nullable=False),  # a new report are the pair's events overlapping it
    Index("ix_event_actors_when", "entity_id", "other_id", "sort_key"),
    Index("ix_event_actors_event", "event_id"),
)

Index("ix_mentions_surface", mentions.c.surface)  # actor names as written ("Путіна") → entity
report_corrections = Table(
    "report_corrections",
    metadata,
    Column("report_key", Text, primary_key=True),  # "<article id>:<evidence start>:<evidence end>:<cue>"
    Column("article_id", String(16), nullable=False),
    Column("report_id", String(24), nullable=False),  # the report's id when the user corrected it
    Column("action", String(16), nullable=False),  # reject | correct
    Column("kind", String(16)),
    Column("polarity", String(16)),
    Column("note", Text),
    Column("at", DateTime(timezone=True), nullable=False),
    Index("ix_report_corrections_article", "article_id"),
)

stories = Table(
    "stories",
    metadata,
    Column("id", String(16), primary_key=True),
    Column("title", Text),
    Column("representative_id", String(16)),  # the article whose title is the story's title
    Column("first_published", String(10)),
    Column("last_published", String(10)),
    Column("articles", Integer, nullable=False),
    Column("languages", JSON, nullable=False),
    Column("outlets", Integer, nullable=False),
    Index("ix_stories_first_published", "first_published"),
)

story_articles = Table(
    "story_articles",
    metadata,
    Column("article_id", String(16), ForeignKey("articles.id"), primary_key=True),
    Column("story_id", String(16), nullable=False),
    Column("score", Float, nullable=False),
    Column("copy_of", String(16)),  # an earlier article this one nearly repeats word for word
    Index("ix_story_articles_story", "story_id"),
)

story_features = Table(
    "story_features",
    metadata,
    Column("article_id", String(16), ForeignKey("articles.id"), primary_key=True),
    Column("published", String(10)),
    Column("entities", JSON, nullable=False),  # linked entity ids
    Column("vectors", LargeBinary, nullable=False),  # float16 sentence vectors, row-major
    Column("dim", Integer, nullable=False),
    Column("minhash", LargeBinary, nullable=False),  # 64 × uint32, little-endian
    Index("ix_story_features_published", "published"),
)

story_entities = Table(
    "story_entities",
    metadata,
    Column("entity_id", String(64), primary_key=True),
    Column("article_id", String(16), ForeignKey("articles.id"), primary_key=True),
    Column("published", String(10)),
    Index("ix_story_entities_article", "article_id"),
)
