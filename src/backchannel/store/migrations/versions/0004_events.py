"""Contact events (reports merged), their reports, the actor/pair index, full-text search.

Revision ID: 0004
Revises: 0003
Create Date: 2026-11-22
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0004"
down_revision = "0003"
branch_labels = None
depends_on = None

FTS = "articles_fts"


def upgrade() -> None:
    op.create_table(
        "events",
        sa.Column("id", sa.String(24), primary_key=True),
        sa.Column("kind", sa.String(16), nullable=False),
        sa.Column("participants", sa.JSON, nullable=False),
        sa.Column("when_start", sa.String(10)),
        sa.Column("when_end", sa.String(10)),
        sa.Column("when_precision", sa.String(16), nullable=False),
        sa.Column("sort_key", sa.String(10), nullable=False),
        sa.Column("status", sa.String(16), nullable=False),
        sa.Column("sources", sa.Integer, nullable=False),
        sa.Column("report_count", sa.Integer, nullable=False),
        sa.Column("outlets", sa.JSON, nullable=False),
        sa.Column("first_reported", sa.String(10)),
        sa.Column("last_reported", sa.String(10)),
    )
    op.create_index("ix_events_sort", "events", ["sort_key"])
    op.create_table(
        "event_reports",
        sa.Column("report_id", sa.String(24), primary_key=True),
        sa.Column("event_id", sa.String(24), nullable=False),
        sa.Column("article_id", sa.String(16), nullable=False),
        sa.Column("voice", sa.Integer, nullable=False),
    )
    op.create_index("ix_event_reports_event", "event_reports", ["event_id"])
    op.create_index("ix_event_reports_article", "event_reports", ["article_id"])
    op.create_table(
        "event_actors",
        sa.Column("entity_id", sa.String(64), primary_key=True),
        sa.Column("other_id", sa.String(64), primary_key=True),
        sa.Column("event_id", sa.String(24), primary_key=True),
        sa.Column("sort_key", sa.String(10), nullable=False),
        sa.Column("kind", sa.String(16), nullable=False),
        sa.Column("status", sa.String(16), nullable=False),
        sa.Column("span_start", sa.String(10), nullable=False),
        sa.Column("span_end", sa.String(10), nullable=False),
    )
    op.create_index("ix_event_actors_when", "event_actors", ["entity_id", "other_id", "sort_key"])
    op.create_index("ix_event_actors_event", "event_actors", ["event_id"])
    op.create_index("ix_mentions_surface", "mentions", ["surface"])
    if op.get_bind().dialect.name == "sqlite":
        op.execute(f"CREATE VIRTUAL TABLE {FTS} USING fts5(title, text, content='articles', "
                   "content_rowid='rowid', tokenize='unicode61 remove_diacritics 2')")
        op.execute(f"INSERT INTO {FTS}({FTS}) VALUES ('rebuild')")
        op.execute(f"CREATE TRIGGER articles_fts_ai AFTER INSERT ON articles BEGIN "
                   f"INSERT INTO {FTS}(rowid, title, text) VALUES (new.rowid, new.title, new.text); END")
        op.execute(f"CREATE TRIGGER articles_fts_ad AFTER DELETE ON articles BEGIN "
                   f"INSERT INTO {FTS}({FTS}, rowid, title, text) VALUES ('delete', old.rowid, old.title, old.text); END")
        op.execute(f"CREATE TRIGGER articles_fts_au AFTER UPDATE OF title, text ON articles BEGIN "
                   f"INSERT INTO {FTS}({FTS}, rowid, title, text) VALUES ('delete', old.rowid, old.title, old.text); "
                   f"INSERT INTO {FTS}(rowid, title, text) VALUES (new.rowid, new.title, new.text); END")


def downgrade() -> None:
    if op.get_bind().dialect.name == "sqlite":
        for trigger in ("articles_fts_ai", "articles_fts_ad", "articles_fts_au"):
            op.execute(f"DROP TRIGGER IF EXISTS {trigger}")
        op.execute(f"DROP TABLE IF EXISTS {FTS}")
    op.drop_index("ix_mentions_surface", "mentions")
    op.drop_index("ix_event_actors_event", "event_actors")
    op.drop_index("ix_event_actors_when", "event_actors")
    op.drop_table("event_actors")
    op.drop_index("ix_event_reports_article", "event_reports")
    op.drop_index("ix_event_reports_event", "event_reports")
    op.drop_table("event_reports")
    op.drop_index("ix_events_sort", "events")
    op.drop_table("events")
