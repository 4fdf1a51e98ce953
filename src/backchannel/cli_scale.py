"""CLI: reprocess (alias reanalyze), and the parallel options ingest shares with it."""

from __future__ import annotations

import click
from rich.text import Text

from backchannel.cli_common import F, english_ner_option, err, workspace


def parallel_options(command: F) -> F:
    """``--workers N`` and ``--dask ADDRESS`` for a command that analyses articles."""
    command = click.option(
        "--dask", metavar="ADDRESS",
        help="Run the per-article analysis on this Dask scheduler (tcp://HOST:8786) instead of locally.",
    )(command)
    return click.option(
        "--workers", type=click.IntRange(min=1), default=1, show_default=True,
        help="Local processes for the per-article analysis (models load once per worker).",
    )(command)


@click.command()
@parallel_options
@click.option("-q", "--quiet", is_flag=True, help="Print nothing but errors.")
@english_ner_option
@click.pass_context
def reprocess(ctx: click.Context, workers: int, dask: str | None, quiet: bool, english_ner: str | None = None) -> int:
    """Re-run the analysis (NER, linking, contacts) of every stored article, without reading any
    file again: use after upgrading backchannel, its rules or models, or importing a knowledge base.

    `reanalyze` is another name for this command.

    \b
    Example:
      backchannel --db news.db reprocess --workers 2
    """
    done = workspace(ctx, english_ner=english_ner).reprocess(workers=workers, dask=dask)
    if not quiet:
        err.print(Text(f"re-analysed {done} articles"))
    return 0
