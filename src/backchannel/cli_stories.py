"""CLI: stories (articles about the same news across outlets and languages) and one story."""

from __future__ import annotations

import json
from dataclasses import asdict

import click
from rich.table import Table
from rich.text import Text

from backchannel.cli_common import out, workspace
from backchannel.errors import InputError


@click.command()
@click.option("--limit", default=50, show_default=True, help="At most this many stories.")
@click.option("--min-articles", default=1, show_default=True, help="Only stories with at least this many articles.")
@click.option("--json", "as_json", is_flag=True, help="One JSON object per line.")
@click.pass_context
def stories(ctx: click.Context, limit: int, min_articles: int, as_json: bool) -> int:
    """List stories (articles about the same news), largest first.

    \b
    Example:
      backchannel --db news.db stories --min-articles 2
    """
    rows = workspace(ctx).stories(limit=limit, min_articles=min_articles)
    if as_json:
        for r in rows:
            click.echo(json.dumps(asdict(r), ensure_ascii=False))
        return 0
    table = Table(box=None, pad_edge=False)
    for col in ("id", "articles", "outlets", "languages", "first", "last", "title"):
        table.add_column(col, no_wrap=col != "title", overflow="ellipsis", max_width=70 if col == "title" else None)
    for r in rows:
        table.add_row(Text(r.id), str(r.articles), str(r.outlets), ",".join(r.languages),
                      r.first_published or "—", r.last_published or "—", Text(r.title or "—"))
    out.print(table)
    out.print(Text(f"{len(rows)} stor{'y' if len(rows) == 1 else 'ies'}"))
    return 0


@click.command()
@click.argument("story_id")
@click.option("--json", "as_json", is_flag=True, help="The story as one JSON object.")
@click.pass_context
def story(ctx: click.Context, story_id: str, as_json: bool) -> int:
    """Show one story's articles side by side: outlet, language, date, title (copies marked).

    STORY_ID is a story id or a unique prefix of at least 4 characters.

    \b
    Example:
      backchannel --db news.db story s3f2a
    """
    found = workspace(ctx).story(story_id)
    if found is None:
        raise InputError(f"no story '{story_id}'", "list them with `backchannel stories`")
    row, members = found
    if as_json:
        click.echo(json.dumps({**asdict(row), "members": [asdict(m) for m in members]}, ensure_ascii=False))
        return 0
    out.print(Text(f"{row.id}  {row.title or '—'}"))
    table = Table(box=None, pad_edge=False)
    for col in ("article", "outlet", "lang", "published", "score", "title"):
        table.add_column(col, no_wrap=col != "title", overflow="ellipsis", max_width=70 if col == "title" else 24)
    for m in members:
        title = (m.title or m.source_path) + (f"  (copy of {m.copy_of})" if m.copy_of else "")
        table.add_row(Text(m.article_id), Text(m.outlet or "—"), m.language, m.published or "—",
                      f"{m.score:.2f}", Text(title))
    out.print(table)
    return 0
