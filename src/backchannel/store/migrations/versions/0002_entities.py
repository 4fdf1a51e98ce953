"""Entities, their names and linking keys, mentions, and the curation audit log.

Revision ID: 0002
Revises: 0001
Create Date: 2026-11-22
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0002"
down_revision = "0001"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table(
        "entities",
        sa.Column("id", sa.String(64), primary_key=True),
        sa.Column("type", sa.String(8), nullable=False),
        sa.Column("name", sa.Text, nullable=False),
        sa.Column("kb_id", sa.String(64)),
        sa.Column("qid", sa.String(16)),
        sa.Column("source", sa.String(16), nullable=False),
        sa.Column("merged_into", sa.String(64)),
        sa.Column("created_at", sa.DateTime(timezone=True), nullable=False),
    )
    op.create_index("ix_entities_kb", "entities", ["kb_id"])
    op.create_table(
        "entity_names",
        sa.Column("entity_id", sa.String(64), sa.ForeignKey("entities.id"), primary_key=True),
        sa.Column("lang", sa.String(8), primary_key=True),
        sa.Column("name", sa.Text, primary_key=True),
        sa.Column("source", sa.String(16), nullable=False),
    )
    op.create_table(
        "entity_keys",
        sa.Column("key", sa.Text, primary_key=True),
        sa.Column("entity_id", sa.String(64), sa.ForeignKey("entities.id"), nullable=False),
        sa.Column("source", sa.String(16), nullable=False),
    )
    op.create_table(
        "mentions",
        sa.Column("id", sa.Integer, primary_key=True, autoincrement=True),
        sa.Column("article_id", sa.String(16), sa.ForeignKey("articles.id"), nullable=False),
        sa.Column("start", sa.Integer, nullable=False),
        sa.Column("end", sa.Integer, nullable=False),
        sa.Column("surface", sa.Text, nullable=False),
        sa.Column("base", sa.Text, nullable=False),
        sa.Column("type", sa.String(8), nullable=False),
        sa.Column("cluster", sa.Integer, nullable=False),
        sa.Column("role", sa.Text),
        sa.Column("entity_id", sa.String(64), sa.ForeignKey("entities.id")),
    )
    op.create_index("ix_mentions_article", "mentions", ["article_id"])
    op.create_index("ix_mentions_entity", "mentions", ["entity_id"])
    op.create_table(
        "curation_log",
        sa.Column("id", sa.Integer, primary_key=True, autoincrement=True),
        sa.Column("at", sa.DateTime(timezone=True), nullable=False),
        sa.Column("op", sa.String(16), nullable=False),
        sa.Column("args", sa.JSON, nullable=False),
    )


def downgrade() -> None:
    op.drop_table("curation_log")
    op.drop_index("ix_mentions_entity", "mentions")
    op.drop_index("ix_mentions_article", "mentions")
    op.drop_table("mentions")
    op.drop_table("entity_keys")
    op.drop_table("entity_names")
    op.drop_index("ix_entities_kb", "entities")
    op.drop_table("entities")
