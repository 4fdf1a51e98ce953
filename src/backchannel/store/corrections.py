"""The user's corrections of contact reports: reject a report, or correct its kind or polarity.

Corrections live in their own table, keyed by what identifies a report across re-analysis (its
article, evidence span and cue), and are applied to the ``reports`` rows whenever those are
written again — so they survive re-ingestion and re-analysis, and every reader (CLI, exports,
web UI) sees the corrected reports. Each correction is also written to ``curation_log``.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from datetime import UTC, datetime
from typing import get_args

from sqlalchemy import Connection, delete, insert, select, update

from backchannel.errors import UsageError
from backchannel.model import ContactKind, Polarity
from backchannel.store.schema import curation_log, report_corrections, report_participants, reports

CHUNK = 400
KINDS: tuple[str, ...] = get_args(ContactKind)
POLARITIES: tuple[str, ...] = get_args(Polarity)


@dataclass(frozen=True, slots=True)
class Correction:
    report_key: str
    article_id: str
    report_id: str
    action: str  # reject | correct
    kind: str | None
    polarity: str | None
    note: str | None
    at: datetime


def report_key(article_id: str, start: int, end: int, cue: str) -> str:
    return f"{article_id}:{start}:{end}:{cue}"


def _key_of_row(article_id: str, start: int, end: int, cue: str) -> str:
    return report_key(article_id, int(start), int(end), str(cue))


def apply_corrections(c: Connection, article_ids: Sequence[str]) -> None:
    """Apply the stored corrections to the current ``reports`` rows of these articles."""
    for i in range(0, len(article_ids), CHUNK):
        chunk = list(article_ids[i : i + CHUNK])
        found = c.execute(select(report_corrections).where(report_corrections.c.article_id.in_(chunk))).mappings().all()
        if not found:
            continue
        by_key = {r["report_key"]: r for r in found}
        rows = c.execute(select(reports.c.id, reports.c.article_id, reports.c.evidence_start, reports.c.evidence_end,
                                reports.c.cue).where(reports.c.article_id.in_(chunk))).all()
        for r in rows:
            fix = by_key.get(_key_of_row(r[1], r[2], r[3], r[4]))
            if fix is not None:
                _apply(c, r[0], fix["action"], fix["kind"], fix["polarity"])


def _apply(c: Connection, report_id: str, action: str, kind: str | None, polarity: str | None) -> None:
    if action == "reject":
        c.execute(delete(report_participants).where(report_participants.c.report_id == report_id))
        c.execute(delete(reports).where(reports.c.id == report_id))
        return
    values = {k: v for k, v in (("kind", kind), ("polarity", polarity)) if v}
    if values:
        c.execute(update(reports).where(reports.c.id == report_id).values(**values))


def correct(c: Connection, report_id: str, action: str, *, kind: str | None = None,
            polarity: str | None = None, note: str | None = None) -> Correction:
    """Record and apply one correction of the report ``report_id`` (logged in ``curation_log``)."""
    if action not in ("reject", "correct"):
        raise UsageError(f"unknown report action '{action}'", "use reject or correct")
    if kind is not None and kind not in KINDS:
        raise UsageError(f"unknown contact kind '{kind}'", "one of " + ", ".join(KINDS))
    if polarity is not None and polarity not in POLARITIES:
        raise UsageError(f"unknown polarity '{polarity}'", "one of " + ", ".join(POLARITIES))
    if action == "correct" and not (kind or polarity):
        raise UsageError("a correction needs a new kind or polarity")
    row = c.execute(select(reports.c.article_id, reports.c.evidence_start, reports.c.evidence_end, reports.c.cue)
                    .where(reports.c.id == report_id)).first()
    if row is None:
        raise UsageError(f"no report '{report_id}'", "find report ids with `backchannel contacts --json`")
    fix = Correction(_key_of_row(row[0], row[1], row[2], row[3]), row[0], report_id, action,
                     kind if action == "correct" else None, polarity if action == "correct" else None,
                     note or None, datetime.now(UTC))
    values = {"article_id": fix.article_id, "report_id": report_id, "action": fix.action, "kind": fix.kind,
              "polarity": fix.polarity, "note": fix.note, "at": fix.at}
    updated = c.execute(update(report_corrections).where(report_corrections.c.report_key == fix.report_key)
                        .values(**values)).rowcount
    if not updated:
        c.execute(insert(report_corrections).values(report_key=fix.report_key, **values))
    _apply(c, report_id, fix.action, fix.kind, fix.polarity)
    args = {"report": report_id, **{k: v for k, v in (("kind", kind), ("polarity", polarity), ("note", note)) if v}}
    c.execute(insert(curation_log).values(at=fix.at, op=f"{action}-report", args=args))
    return fix


def listing(c: Connection, limit: int = 200) -> list[Correction]:
    rows = c.execute(select(report_corrections).order_by(report_corrections.c.at.desc()).limit(limit)).mappings()
    return [Correction(r["report_key"], r["article_id"], r["report_id"], r["action"], r["kind"], r["polarity"],
                       r["note"], r["at"]) for r in rows]
