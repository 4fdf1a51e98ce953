"""The store: SQLite (WAL) by default, PostgreSQL with the same schema and migrations.

``Store`` is the only way the rest of backchannel touches the database. Writes happen in
batches (:meth:`Store.batch`), one transaction each, so an interrupted run keeps every batch
it committed and a re-run resumes from there.
"""

from backchannel.store.store import ArticleSummary, Batch, RejectionRow, Store

__all__ = ["ArticleSummary", "Batch", "RejectionRow", "Store"]
