"""Report corrections by the user (reject, or correct kind/polarity), kept apart from the
machine's reports so that they survive re-ingestion and re-analysis.

Revision ID: 0005
Revises: 0004
Create Date: 2026-11-22
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0005"
down_revision = "0004"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table(
        "report_corrections",
        sa.Column("report_key", sa.Text, primary_key=True),
        sa.Column("article_id", sa.String(16), nullable=False),
        sa.Column("report_id", sa.String(24), nullable=False),
        sa.Column("action", sa.String(16), nullable=False),
        sa.Column("kind", sa.String(16)),
        sa.Column("polarity", sa.String(16)),
        sa.Column("note", sa.Text),
        sa.Column("at", sa.DateTime(timezone=True), nullable=False),
    )
    op.create_index("ix_report_corrections_article", "report_corrections", ["article_id"])


def downgrade() -> None:
    op.drop_index("ix_report_corrections_article", "report_corrections")
    op.drop_table("report_corrections")
