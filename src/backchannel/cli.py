"""The command line: a thin layer over :class:`backchannel.workspace.Workspace`.

Every command calls one library method; errors become one line on stderr and an exit code
(1 bad input or failed run, 2 wrong usage), never a traceback.
"""

from __future__ import annotations

import json
import os
import sys
from collections.abc import Sequence
from dataclasses import asdict

import click
from rich.table import Table
from rich.text import Text

from backchannel.cli_common import english_ner_option, err, out, workspace
from backchannel.cli_export import filter_options
from backchannel.cli_scale import parallel_options
from backchannel.config import load_settings
from backchannel.errors import BackchannelError
from backchannel.model import IngestOutcome, IngestSummary

_workspace = workspace


@click.group(context_settings={"help_option_names": ["-h", "--help"], "max_content_width": 100})
@click.option("--db", metavar="TARGET", help="SQLite file (default ./backchannel.db) or postgresql:// URL; env BACKCHANNEL_DB.")
@click.version_option(package_name="backchannel")
@click.pass_context
def cli(ctx: click.Context, db: str | None) -> None:
    """backchannel: who talks to whom in politics, read from news articles.

    \b
    Example:
      backchannel --db news.db ingest articles/ feed.xml
      backchannel --db news.db articles
    """
    ctx.ensure_object(dict)
    ctx.obj["db"] = db


def _print_summary(summary: IngestSummary, shown: int = 20) -> None:
    rate = (summary.ingested + summary.unchanged + summary.rejected) / summary.seconds if summary.seconds else 0.0
    line = (
        f"ingested {summary.ingested} · unchanged {summary.unchanged} · rejected {summary.rejected}"
        f"  ({summary.seconds:.1f} s, {rate:.1f} documents/s)"
    )
    if summary.new_versions:
        line += f"; {summary.new_versions} new version(s) of changed sources"
    out.print(Text(line))
    if summary.rejections:
        out.print("rejected:")
        for r in summary.rejections[:shown]:
            out.print(Text(f"  {r.source_path}: {r.reason}"))
        if len(summary.rejections) > shown:
            out.print(f"  … and {len(summary.rejections) - shown} more (see `backchannel rejected`)")


@cli.command()
@click.argument("inputs", nargs=-1, required=True, metavar="INPUT...")
@click.option("--strict", is_flag=True, help="Exit 1 when any input is rejected.")
@click.option("--outlet", help="Outlet for inputs whose metadata names none.")
@click.option("--max-bytes", type=int, help="Reject inputs larger than this (default 25 MB).")
@click.option("--batch-size", type=int, help="Documents committed per transaction (default 200).")
@click.option("--no-analyze", is_flag=True, help="Only read, clean and store; skip entity recognition.")
@click.option("-q", "--quiet", is_flag=True, help="No progress bar.")
@english_ner_option
@parallel_options
@click.pass_context
def ingest(ctx: click.Context, inputs: tuple[str, ...], strict: bool, outlet: str | None,
           max_bytes: int | None, batch_size: int | None, no_analyze: bool, quiet: bool,
           english_ner: str | None = None, workers: int = 1, dask: str | None = None) -> int:
    """Read articles (files, folders, globs, - for stdin), clean them and store them.

    Formats: Markdown (Obsidian web clipper), plain text, HTML, JSON/JSONL records,
    Telegram Desktop exports, RSS/Atom feeds, WARC. Re-running is safe: unchanged inputs
    are skipped, changed files become new versions.

    \b
    Example:
      backchannel --db news.db ingest ~/vault/Clippings "exports/*.jsonl" feed.xml
      backchannel --db postgresql://localhost/news ingest --workers 4 archive/
    """
    from rich.progress import BarColumn, Progress, SpinnerColumn, TextColumn, TimeElapsedColumn

    ws = _workspace(ctx, default_outlet=outlet, max_bytes=max_bytes, batch_size=batch_size, english_ner=english_ner)
    progress = Progress(SpinnerColumn(), TextColumn("{task.description}"), BarColumn(bar_width=None),
                        TextColumn("{task.completed} documents"), TimeElapsedColumn(),
                        console=err, transient=True, disable=quiet or not err.is_terminal)
    tally = {"ingested": 0, "unchanged": 0, "rejected": 0}
    with progress:
        task = progress.add_task("ingesting", total=None)

        def on_outcome(outcome: IngestOutcome) -> None:
            tally[outcome.status] += 1
            desc = " · ".join(f"{k} {v}" for k, v in tally.items())
            progress.update(task, advance=1, description=desc)

        summary = ws.ingest(list(inputs), stdin=sys.stdin.buffer, on_outcome=on_outcome, analyze=not no_analyze,
                            workers=workers, dask=dask)
    _print_summary(summary)
    return 1 if strict and summary.rejected else 0


@cli.command()
@click.option("--limit", default=50, show_default=True, help="How many to list (newest first).")
@click.option("--outlet", help="Only this outlet.")
@click.option("--language", help="Only this language (ru, uk, en…).")
@click.option("--json", "as_json", is_flag=True, help="One JSON object per line instead of a table.")
@click.pass_context
def articles(ctx: click.Context, limit: int, outlet: str | None, language: str | None, as_json: bool) -> int:
    """List stored articles: id, outlet, date, language, title.

    \b
    Example:
      backchannel --db news.db articles --language uk --limit 20
    """
    rows = _workspace(ctx).list_articles(limit=limit, outlet=outlet, language=language)
    if as_json:
        for r in rows:
            click.echo(json.dumps(asdict(r), ensure_ascii=False))
        return 0
    table = Table(box=None, pad_edge=False)
    table.add_column("id", no_wrap=True, min_width=16)
    table.add_column("outlet", no_wrap=True, overflow="ellipsis", max_width=22)
    table.add_column("published", no_wrap=True, min_width=10)
    table.add_column("lang", no_wrap=True, min_width=4)
    table.add_column("title", no_wrap=True, overflow="ellipsis", max_width=max(20, out.width - 62))
    for r in rows:
        flag = " ⚠" if r.warnings else ""
        title = Text(r.title) if r.title else Text(f"({r.opening[:80]}…)", style="italic")
        table.add_row(Text(r.id), Text(r.outlet or "—"), Text(r.published or "—"), Text(r.language + flag), title)
    out.print(table)
    return 0


@cli.command()
@click.argument("article_id", metavar="ID")
@click.option("--json", "as_json", is_flag=True, help="The article as one JSON object.")
@click.pass_context
def show(ctx: click.Context, article_id: str, as_json: bool) -> int:
    """Print one article's metadata and cleaned text.

    ID is an article id or a unique prefix of it, the source path as ingested, or the
    file name when it is unique (records of a container: NAME#N).

    \b
    Example:
      backchannel --db news.db show 3f9a
      backchannel --db news.db show wire.jsonl#2
    """
    from backchannel.export.jsonl import article_json

    article = _workspace(ctx).article(article_id)
    if article is None:
        raise BackchannelError(f"no article with id '{article_id}'", "list ids with `backchannel articles`")
    if as_json:
        click.echo(json.dumps(article_json(article), ensure_ascii=False, default=str))
        return 0
    meta = Table(box=None, show_header=False, pad_edge=False)
    for key, value in [("id", article.id), ("source", article.source_path), ("title", article.title),
                       ("outlet", article.outlet), ("published", article.published), ("author", article.author),
                       ("url", article.url), ("language", article.language),
                       ("declared", article.language_declared)] + [("warning", w) for w in article.warnings]:
        if value:
            meta.add_row(Text(key, style="bold"), Text(str(value)))
    out.print(meta)
    out.print()
    out.print(Text(article.text))
    return 0


@cli.command()
@click.option("--limit", type=int, help="Show at most this many.")
@click.option("--json", "as_json", is_flag=True, help="One JSON object per line.")
@click.pass_context
def rejected(ctx: click.Context, limit: int | None, as_json: bool) -> int:
    """List inputs that were rejected, with the reason.

    \b
    Example:
      backchannel --db news.db rejected --limit 20
    """
    for r in _workspace(ctx).rejections(limit):
        if as_json:
            click.echo(json.dumps({"source_path": r.source_path, "reason": r.reason,
                                   "at": r.created_at.isoformat()}, ensure_ascii=False))
        else:
            out.print(Text(f"{r.source_path}: {r.reason}"))
    return 0


@cli.group()
def export() -> None:
    """Write stored data in formats other tools read.

    \b
    Example:
      backchannel --db news.db export articles --format jsonl -o articles.jsonl
    """


def _export(ctx: click.Context, kind: str, fmt: str, output: str, **options: object) -> int:
    from backchannel.cli_export import filters_from

    ws = _workspace(ctx)
    filters = filters_from(options)
    if output == "-":
        ws.export(kind, sys.stdout, fmt, filters)
        return 0
    with open(output, "w", encoding="utf-8", newline="\n") as handle:
        count = ws.export(kind, handle, fmt, filters)
    err.print(Text(f"wrote {count} {kind} to {output}"))
    return 0


JSONL_EXPORTS = {
    "articles": "One JSON object per stored article: metadata and cleaned text.",
    "mentions": "One JSON object per named-entity mention, with its base form and linked entity.",
    "contacts": "One JSON object per contact report: parties, kind, polarity, source, time, place, evidence.",
    "events": "One JSON object per contact event (reports merged): parties, kind, time, status, reports, outlets.",
    "stories": "One JSON object per story: articles about the same news across outlets and languages.",
}


def _jsonl_export_command(kind: str, summary: str) -> click.Command:
    """An ``export KIND --format jsonl [-o FILE]`` command; every JSON-lines export is made alike."""

    @click.pass_context
    def command(ctx: click.Context, /, fmt: str, output: str, **options: object) -> int:
        return _export(ctx, kind, fmt, output, **options)

    command.__doc__ = f"""{summary}

    \b
    Example:
      backchannel --db news.db export {kind} --format jsonl -o {kind}.jsonl
    """
    command = filter_options(command)
    command = click.option("-o", "--output", default="-", show_default=True, help="File to write; - for stdout.")(command)
    command = click.option("--format", "fmt", default="jsonl", show_default=True, type=click.Choice(["jsonl"]))(command)
    return export.command(kind)(command)


for _kind, _summary in JSONL_EXPORTS.items():
    _jsonl_export_command(_kind, _summary)


@cli.command()
@click.pass_context
def check(ctx: click.Context) -> int:
    """Check the store's integrity; exit 1 with the problems when something is wrong.

    \b
    Example:
      backchannel --db news.db check
    """
    ws = _workspace(ctx)
    problems = ws.check()
    counts = ws.store.counts()
    if problems:
        for p in problems:
            err.print(Text(f"problem: {p}"))
        return 1
    out.print(Text(f"ok: {counts['articles']} articles ({counts['versions']} versions), "
                   f"{counts['rejections']} rejections, {counts['runs']} runs"))
    return 0


@cli.command("config")
@click.pass_context
def show_config(ctx: click.Context) -> int:
    """Show the effective settings (defaults → config file → environment → flags).

    \b
    Example:
      BACKCHANNEL_BATCH_SIZE=500 backchannel config
    """
    from backchannel.config import config_path

    settings = load_settings({"db": ctx.obj["db"]})
    out.print(Text(f"# config file: {config_path()}"))
    for key, value in asdict(settings).items():
        out.print(Text(f"{key} = {value!r}"))
    return 0


def _register() -> None:
    from backchannel.cli_entities import entities, kb
    from backchannel.cli_eval import evaluate
    from backchannel.cli_export import register as register_exports
    from backchannel.cli_query import register as register_queries
    from backchannel.cli_scale import reprocess
    from backchannel.cli_stories import stories, story
    from backchannel.cli_web import reports, serve

    cli.add_command(entities)
    cli.add_command(kb)
    cli.add_command(reprocess)
    cli.add_command(reprocess, "reanalyze")
    cli.add_command(evaluate)
    register_queries(cli)
    register_exports(export)
    cli.add_command(serve)
    cli.add_command(reports)
    cli.add_command(stories)
    cli.add_command(story)


_register()


def run(argv: Sequence[str] | None = None) -> int:
    """Run the CLI and return its exit code; every error ends as one line on stderr."""
    try:
        result = cli.main(args=list(argv) if argv is not None else None, prog_name="backchannel",
                          standalone_mode=False)
        return result if isinstance(result, int) else 0
    except click.exceptions.Exit as exc:
        return int(exc.exit_code)
    except click.ClickException as exc:
        exc.show()
        return 2
    except (click.Abort, KeyboardInterrupt):
        err.print("interrupted: everything committed so far is kept; run the same command again to resume")
        return 130
    except BackchannelError as exc:
        err.print(Text(f"error: {exc}"))
        return exc.exit_code
    except BrokenPipeError:
        return 1
    except Exception as exc:  # noqa: BLE001 - the last line of defence: no bare traceback
        if os.environ.get("BACKCHANNEL_DEBUG"):
            raise
        err.print(Text(f"internal error: {exc.__class__.__name__}: {exc} "
                       "(set BACKCHANNEL_DEBUG=1 for the traceback, and please report it)"))
        return 1


def main() -> None:
    sys.exit(run())
