"""Contact reports and their participants.

Revision ID: 0003
Revises: 0002
Create Date: 2026-11-22
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0003"
down_revision = "0002"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table(
        "reports",
        sa.Column("id", sa.String(24), primary_key=True),
        sa.Column("article_id", sa.String(16), sa.ForeignKey("articles.id"), nullable=False),
        sa.Column("kind", sa.String(16), nullable=False),
        sa.Column("polarity", sa.String(16), nullable=False),
        sa.Column("confidence", sa.Float, nullable=False),
        sa.Column("cue", sa.Text, nullable=False),
        sa.Column("evidence_start", sa.Integer, nullable=False),
        sa.Column("evidence_end", sa.Integer, nullable=False),
        sa.Column("when_text", sa.Text),
        sa.Column("when_start", sa.String(10)),
        sa.Column("when_end", sa.String(10)),
        sa.Column("when_precision", sa.String(16)),
        sa.Column("where_name", sa.Text),
        sa.Column("where_entity_id", sa.String(64)),
        sa.Column("participants", sa.JSON, nullable=False),
        sa.Column("according_to", sa.JSON, nullable=False),
    )
    op.create_index("ix_reports_article", "reports", ["article_id"])
    op.create_table(
        "report_participants",
        sa.Column("report_id", sa.String(24), sa.ForeignKey("reports.id"), primary_key=True),
        sa.Column("entity_id", sa.String(64), primary_key=True),
        sa.Column("role", sa.String(16), nullable=False),
    )
    op.create_index("ix_report_participants_entity", "report_participants", ["entity_id"])


def downgrade() -> None:
    op.drop_index("ix_report_participants_entity", "report_participants")
    op.drop_table("report_participants")
    op.drop_index("ix_reports_article", "reports")
    op.drop_table("reports")
