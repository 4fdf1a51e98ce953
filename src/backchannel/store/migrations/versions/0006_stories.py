"""Stories: story rows, membership (with copies) and compact per-article story features.

Revision ID: 0006
Revises: 0005
Create Date: 2026-11-22
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0006"
down_revision = "0005"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table(
        "stories",
        sa.Column("id", sa.String(16), primary_key=True),
        sa.Column("title", sa.Text),
        sa.Column("representative_id", sa.String(16)),
        sa.Column("first_published", sa.String(10)),
        sa.Column("last_published", sa.String(10)),
        sa.Column("articles", sa.Integer, nullable=False),
        sa.Column("languages", sa.JSON, nullable=False),
        sa.Column("outlets", sa.Integer, nullable=False),
    )
    op.create_index("ix_stories_first_published", "stories", ["first_published"])
    op.create_table(
        "story_articles",
        sa.Column("article_id", sa.String(16), sa.ForeignKey("articles.id"), primary_key=True),
        sa.Column("story_id", sa.String(16), nullable=False),
        sa.Column("score", sa.Float, nullable=False),
        sa.Column("copy_of", sa.String(16)),
    )
    op.create_index("ix_story_articles_story", "story_articles", ["story_id"])
    op.create_table(
        "story_features",
        sa.Column("article_id", sa.String(16), sa.ForeignKey("articles.id"), primary_key=True),
        sa.Column("published", sa.String(10)),
        sa.Column("entities", sa.JSON, nullable=False),
        sa.Column("vectors", sa.LargeBinary, nullable=False),
        sa.Column("dim", sa.Integer, nullable=False),
        sa.Column("minhash", sa.LargeBinary, nullable=False),
    )
    op.create_index("ix_story_features_published", "story_features", ["published"])
    op.create_table(
        "story_entities",
        sa.Column("entity_id", sa.String(64), primary_key=True),
        sa.Column("article_id", sa.String(16), sa.ForeignKey("articles.id"), primary_key=True),
        sa.Column("published", sa.String(10)),
    )
    op.create_index("ix_story_entities_article", "story_entities", ["article_id"])


def downgrade() -> None:
    op.drop_index("ix_story_entities_article", "story_entities")
    op.drop_table("story_entities")
    op.drop_index("ix_story_features_published", "story_features")
    op.drop_table("story_features")
    op.drop_index("ix_story_articles_story", "story_articles")
    op.drop_table("story_articles")
    op.drop_index("ix_stories_first_published", "stories")
    op.drop_table("stories")
