"""CLI: ``serve`` (the local web UI and JSON API) and ``reports`` (reject or correct a contact report)."""

from __future__ import annotations

import click
from rich.table import Table
from rich.text import Text

from backchannel import curation
from backchannel.cli_common import err, out, workspace
from backchannel.errors import UsageError

KINDS = ["call", "meeting", "talks", "visit", "message", "request", "contact"]
POLARITIES = ["asserted", "denied", "hypothetical"]


@click.command()
@click.option("--host", default="127.0.0.1", show_default=True,
              help="Address to listen on; anything but loopback exposes your store to the network.")
@click.option("--port", default=8080, show_default=True, type=click.IntRange(0, 65535))
@click.pass_context
def serve(ctx: click.Context, host: str, port: int) -> int:
    """Start the web UI at http://HOST:PORT/ and the JSON API under /api (OpenAPI at /api/openapi.json).

    \b
    Example:
      backchannel --db news.db serve --port 8080
    """
    import uvicorn

    from backchannel.web.app import LOOPBACK, create_app

    hosts = set(LOOPBACK) | ({host} if host not in ("0.0.0.0", "::") else set())
    if host not in LOOPBACK:
        err.print(Text(f"warning: listening on {host}: anyone who can reach it can read and curate this store"))
    app = create_app(workspace(ctx), hosts=hosts)
    app.state.context.offices_of("")  # read the knowledge base now, not on the first actor page
    shown = f"[{host}]" if ":" in host else host
    err.print(Text(f"backchannel web UI on http://{shown}:{port}/  (Ctrl+C stops it)"))
    uvicorn.run(app, host=host, port=port, log_level="warning", server_header=False)
    return 0


@click.group()
def reports() -> None:
    """Reject or correct contact reports; corrections are logged and survive re-ingestion.

    \b
    Example:
      backchannel --db news.db reports reject a64b062783c426f8-2 --note "not a contact"
    """


@reports.command("reject")
@click.argument("report_id")
@click.option("--note", help="Why (kept in the log).")
@click.pass_context
def reject(ctx: click.Context, report_id: str, note: str | None) -> int:
    """Reject a report: it leaves `contacts`, the exports and the web UI for good.

    \b
    Example:
      backchannel --db news.db reports reject a64b062783c426f8-2
    """
    fix = curation.reject_report(workspace(ctx).store, report_id, note)
    out.print(Text(f"rejected report {fix.report_id}"))
    return 0


@reports.command("correct")
@click.argument("report_id")
@click.option("--kind", type=click.Choice(KINDS), help="The right kind of contact.")
@click.option("--polarity", type=click.Choice(POLARITIES), help="The right polarity.")
@click.option("--note", help="Why (kept in the log).")
@click.pass_context
def correct(ctx: click.Context, report_id: str, kind: str | None, polarity: str | None, note: str | None) -> int:
    """Correct a report's kind and/or polarity.

    \b
    Example:
      backchannel --db news.db reports correct a64b062783c426f8-2 --polarity denied
    """
    if not (kind or polarity):
        raise UsageError("give --kind and/or --polarity")
    fix = curation.correct_report(workspace(ctx).store, report_id, kind=kind, polarity=polarity, note=note)
    out.print(Text(f"corrected report {fix.report_id}: " + ", ".join(
        f"{k} → {v}" for k, v in (("kind", fix.kind), ("polarity", fix.polarity)) if v)))
    return 0


@reports.command("corrections")
@click.option("--limit", default=50, show_default=True)
@click.pass_context
def corrections(ctx: click.Context, limit: int) -> int:
    """List the report corrections, newest first.

    \b
    Example:
      backchannel --db news.db reports corrections
    """
    table = Table(box=None, pad_edge=False)
    for col in ("at", "report", "action", "kind", "polarity", "note"):
        table.add_column(col)
    for f in curation.report_corrections(workspace(ctx).store, limit):
        table.add_row(f.at.isoformat(timespec="seconds") if f.at else "", Text(f.report_id), f.action,
                      f.kind or "", f.polarity or "", Text(f.note or ""))
    out.print(table)
    return 0
