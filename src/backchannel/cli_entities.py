"""CLI: entities (list, show, merge, split, rename, alias add, log), kb import, eval."""

from __future__ import annotations

import json
from dataclasses import asdict

import click
from rich.table import Table
from rich.text import Text

from backchannel import curation
from backchannel.cli_common import out, workspace

LANG = click.option("--lang", default="en", show_default=True, help="Language of the name (en, ru, uk).")


@click.group()
def entities() -> None:
    """Inspect and curate entities (people, organisations, places) linked across articles.

    Curation (merge, split, rename, alias) is logged and survives re-ingestion.

    \b
    Example:
      backchannel --db news.db entities list --type PER --search Путин
    """


@entities.command("list")
@click.option("--type", "entity_type", type=click.Choice(["PER", "ORG", "LOC", "MISC"]), help="Only this type.")
@click.option("--search", help="Only entities with a name containing this text.")
@click.option("--limit", default=50, show_default=True)
@click.option("--json", "as_json", is_flag=True, help="One JSON object per line.")
@click.pass_context
def list_entities(ctx: click.Context, entity_type: str | None, search: str | None, limit: int, as_json: bool) -> int:
    """List entities, most mentioned first.

    \b
    Example:
      backchannel --db news.db entities list --type PER --limit 20
    """
    rows = curation.listing(workspace(ctx).store, entity_type, search, limit)
    if as_json:
        for r in rows:
            click.echo(json.dumps(asdict(r), ensure_ascii=False))
        return 0
    table = Table(box=None, pad_edge=False)
    for col in ("id", "type", "name", "mentions", "qid"):
        table.add_column(col, no_wrap=True)
    for r in rows:
        table.add_row(Text(r.id), r.type, Text(r.name), str(r.mentions), Text(r.qid or ""))
    out.print(table)
    return 0


@entities.command("show")
@click.argument("entity")
@click.pass_context
def show_entity(ctx: click.Context, entity: str) -> int:
    """Show one entity (by id or by any of its names) with all its names.

    \b
    Example:
      backchannel --db news.db entities show vladimir-putin
    """
    d = curation.detail(workspace(ctx).store, entity)
    out.print(Text(f"{d.entity.id}  {d.entity.type}  {d.entity.name}  ({d.entity.mentions} mentions)"
                   + (f"  wikidata {d.entity.qid}" if d.entity.qid else "")))
    for lang, name in d.names:
        out.print(Text(f"  {lang}: {name}"))
    return 0


@entities.command("merge")
@click.argument("keep")
@click.argument("other")
@click.pass_context
def merge(ctx: click.Context, keep: str, other: str) -> int:
    """Merge entity OTHER into KEEP (its mentions, names and future links go to KEEP).

    \b
    Example:
      backchannel --db news.db entities merge elon-musk x-3f2a9c0d1e2b
    """
    row = curation.merge(workspace(ctx).store, keep, other)
    out.print(Text(f"merged {other} into {row.id} ({row.name}, {row.mentions} mentions)"))
    return 0


@entities.command("split")
@click.argument("entity")
@click.argument("name")
@LANG
@click.pass_context
def split(ctx: click.Context, entity: str, name: str, lang: str) -> int:
    """Split the mentions called NAME off ENTITY into a new entity (and link NAME there from now on).

    \b
    Example:
      backchannel --db news.db entities split x-1a2b3c4d5e6f "Ким Ё Чжон" --lang ru
    """
    row, moved = curation.split(workspace(ctx).store, entity, name, lang)
    out.print(Text(f"split {moved} mention(s) into new entity {row.id} ({row.name})"))
    return 0


@entities.command("rename")
@click.argument("entity")
@click.argument("name")
@LANG
@click.pass_context
def rename(ctx: click.Context, entity: str, name: str, lang: str) -> int:
    """Give ENTITY a new display name.

    \b
    Example:
      backchannel --db news.db entities rename x-1a2b3c4d5e6f "Kirill Dmitriev"
    """
    row = curation.rename(workspace(ctx).store, entity, name, lang)
    out.print(Text(f"{row.id} is now called {row.name}"))
    return 0


@entities.group("alias")
def alias() -> None:
    """Manage the names an entity is known by.

    \b
    Example:
      backchannel --db news.db entities alias add elon-musk "Макс" --lang uk
    """


@alias.command("add")
@click.argument("entity")
@click.argument("name")
@LANG
@click.pass_context
def alias_add(ctx: click.Context, entity: str, name: str, lang: str) -> int:
    """Add NAME as an alias of ENTITY; mentions called NAME link to ENTITY from now on.

    \b
    Example:
      backchannel --db news.db entities alias add elon-musk "Макс" --lang uk
    """
    row = curation.add_alias(workspace(ctx).store, entity, name, lang)
    out.print(Text(f"added alias {name!r} ({lang}) to {row.id} ({row.name})"))
    return 0


@entities.command("log")
@click.option("--limit", default=50, show_default=True)
@click.pass_context
def curation_log(ctx: click.Context, limit: int) -> int:
    """Show the curation audit log, newest first.

    \b
    Example:
      backchannel --db news.db entities log
    """
    for at, op, args in curation.log(workspace(ctx).store, limit):
        out.print(Text(f"{at:%Y-%m-%d %H:%M:%S}  {op:<7} {json.dumps(args, ensure_ascii=False)}"))
    return 0


@click.group()
def kb() -> None:
    """The actor knowledge base: built-in, plus what you import.

    \b
    Example:
      backchannel --db news.db kb import opensanctions-peps.ftm.json
    """


@kb.command("import")
@click.argument("file", type=click.Path(exists=True, dir_okay=False))
@click.pass_context
def kb_import(ctx: click.Context, file: str) -> int:
    """Import actors from FollowTheMoney entities (JSON lines) or Wikidata-style JSON lines.

    Actors whose Wikidata id matches a built-in actor add their names to it.

    \b
    Example:
      backchannel --db news.db kb import wikidata-politicians.jsonl
    """
    count, merged = workspace(ctx).kb_import(file)
    out.print(Text(f"imported {count} actors ({merged} matched built-in actors by Wikidata id)"))
    return 0


@kb.command("stats")
@click.pass_context
def kb_stats(ctx: click.Context) -> int:
    """Count the built-in knowledge base's actors by type.

    \b
    Example:
      backchannel kb stats
    """
    from collections import Counter

    from backchannel.kb import load_kb

    actors = load_kb().actors
    kinds = Counter(a.kind or a.type for a in actors)
    out.print(Text(f"{len(actors)} actors; {sum(1 for a in actors if a.qid)} with a Wikidata id; "
                   f"{sum(1 for a in actors if a.offices)} with offices"))
    for kind, n in kinds.most_common():
        out.print(Text(f"  {kind}: {n}"))
    return 0
