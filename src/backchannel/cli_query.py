"""CLI: contacts, actor, timeline, events, event, search — thin over :mod:`backchannel.query`."""

from __future__ import annotations

import json
from collections.abc import Sequence
from dataclasses import asdict
from typing import Any, get_args

import click
from rich.table import Table
from rich.text import Text

from backchannel import query
from backchannel.cli_common import out, workspace
from backchannel.model import ContactKind, EventStatus
from backchannel.query.records import EventRow

JSON = click.option("--json", "as_json", is_flag=True, help="One JSON object per line instead of a table.")
SINCE = click.option("--since", metavar="DATE", help="Only contacts that happened on or after DATE (2024, 2024-10, 2024-10-25).")
UNTIL = click.option("--until", metavar="DATE", help="Only contacts that happened on or before DATE.")
KIND = click.option("--kind", type=click.Choice(get_args(ContactKind)), help="Only this kind of contact.")
STATUS = click.option("--status", type=click.Choice(get_args(EventStatus)), help="Only contacts whose event has this status.")
LIMIT = click.option("--limit", default=100, show_default=True, help="Show at most this many.")


def _table(*columns: str) -> Table:
    table = Table(box=None, pad_edge=False)
    for col in columns:
        table.add_column(col, overflow="fold")
    return table


def _echo_json(items: Sequence[Any]) -> None:
    for item in items:
        click.echo(json.dumps(item if isinstance(item, dict) else asdict(item), ensure_ascii=False, default=str))


@click.command()
@click.argument("actor", required=False)
@click.option("--with", "other", help="Only contacts that also involve this actor.")
@SINCE
@UNTIL
@KIND
@STATUS
@LIMIT
@click.option("--json", "as_json", is_flag=True, help="One JSON object per line (the `export contacts` shape).")
@click.pass_context
def contacts(ctx: click.Context, actor: str | None, other: str | None, since: str | None, until: str | None,
             kind: str | None, status: str | None, limit: int, as_json: bool) -> int:
    """List contact reports (optionally of ACTOR, and --with another), oldest article first.

    ACTOR is an entity id or a name in any language and inflection ("Путіна", "Putin").

    \b
    Example:
      backchannel --db news.db contacts vladimir-putin --with "Elon Musk"
      backchannel --db news.db contacts Путин --since 2025-01 --kind call --status confirmed
    """
    records = query.contacts(workspace(ctx).store, actor, other, since=since, until=until, kind=kind,
                             status=status, limit=limit)
    if as_json:
        _echo_json(records)
        return 0
    table = Table(box=None, pad_edge=False)
    for col, width in (("published", 10), ("kind", 7), ("polarity", 12), ("participants", 40),
                       ("according to", 22), ("when", 16)):
        table.add_column(col, no_wrap=False, max_width=width + 20, min_width=min(width, 10))
    for r in records:
        parties = ", ".join(p["name"] + ("→" if p["role"] == "initiator" else "") for p in r["participants"])
        sources = ", ".join(s["name"] for s in r["according_to"]) or (r["article"]["outlet"] or "")
        when = (r["when"] or {}).get("start") or ""
        table.add_row(Text(r["article"]["published"] or "—"), r["kind"], r["polarity"], Text(parties),
                      Text(sources), Text(when))
    out.print(table)
    out.print(Text(f"{len(records)} report(s)"))
    return 0


def _events_table(rows: Sequence[EventRow]) -> None:
    table = _table("when", "precision", "kind", "status", "participants", "src", "rep", "outlets", "event")
    for e in rows:
        table.add_row(Text(e.when), e.precision, e.kind, e.status, Text(", ".join(p.name for p in e.participants)),
                      str(e.sources), str(e.reports), Text(", ".join(e.outlets[:3]) + (" …" if len(e.outlets) > 3 else "")),
                      Text(e.id))
    out.print(table)
    out.print(Text(f"{len(rows)} event(s)"))


@click.command()
@click.argument("actor", required=False)
@click.option("--with", "other", help="Only events that also involve this actor.")
@SINCE
@UNTIL
@KIND
@STATUS
@LIMIT
@click.option("--newest-first", is_flag=True, help="Newest contacts first.")
@JSON
@click.pass_context
def events(ctx: click.Context, actor: str | None, other: str | None, since: str | None, until: str | None,
           kind: ContactKind | None, status: EventStatus | None, limit: int, newest_first: bool, as_json: bool) -> int:
    """List contact events (reports of the same contact merged) with their status.

    Status: confirmed (two or more independent sources assert it), reported (one), contested
    (asserted and denied), denied, planned. Ordered by when the contact happened.

    \b
    Example:
      backchannel --db news.db events --status contested
      backchannel --db news.db events Putin --with Erdoğan --since 2024
    """
    rows = query.list_events(workspace(ctx).store, query.EventFilter(
        actor=actor, with_=other, since=since, until=until, kind=kind, status=status, limit=limit,
        newest_first=newest_first))
    if as_json:
        _echo_json(rows)
    else:
        _events_table(rows)
    return 0


@click.command()
@click.argument("actor")
@click.option("--with", "other", help="Only the contacts with this actor.")
@LIMIT
@JSON
@click.pass_context
def timeline(ctx: click.Context, actor: str, other: str | None, limit: int, as_json: bool) -> int:
    """An actor's contacts (or a pair's) ordered by when they happened, with the time's precision.

    \b
    Example:
      backchannel --db news.db timeline Путина
      backchannel --db news.db timeline Putin --with "Elon Musk"
    """
    rows = query.timeline(workspace(ctx).store, actor, other, limit=limit)
    if as_json:
        _echo_json(rows)
    else:
        _events_table(rows)
    return 0


@click.command("event")
@click.argument("event_id", metavar="ID")
@JSON
@click.pass_context
def show_event(ctx: click.Context, event_id: str, as_json: bool) -> int:
    """Show one event with its claims: who asserts, denies or plans it, quoted, with the articles.

    ID is an event id or a unique prefix (see `backchannel events`).

    \b
    Example:
      backchannel --db news.db event ev-8b15f222
    """
    found = query.claims(workspace(ctx).store, event_id=event_id)[0]
    if as_json:
        _echo_json([found])
        return 0
    e = found.event
    out.print(Text(f"{e.id}  {e.kind}  {e.status}  {', '.join(p.name for p in e.participants)}"))
    out.print(Text(f"when {e.when} ({e.precision}) · {e.reports} report(s) · {e.sources} independent asserting "
                   f"source(s) · reported {e.first_reported or '?'} … {e.last_reported or '?'}"))
    for c in found.claims:
        who = ", ".join(c.according_to) or c.outlet or "the article"
        out.print()
        out.print(Text(f"[{c.polarity}] {who} (voice {c.voice}) — {c.outlet or '—'}, {c.published or 'undated'}"
                       + (f", when: {c.when_text}" if c.when_text else "")))
        out.print(Text(f"  “{c.evidence}”"))
        out.print(Text(f"  {c.url or c.source_path}  (article {c.article_id})", style="dim"))
    return 0


def _counts(title: str, items: Sequence[query.records.Count]) -> None:
    out.print(Text(title, style="bold"))
    for item in items:
        out.print(Text(f"  {item.count:>5}  {item.label}"))


@click.command("actor")
@click.argument("ref", metavar="ACTOR")
@JSON
@click.pass_context
def show_actor(ctx: click.Context, ref: str, as_json: bool) -> int:
    """An actor's names per language, roles, counterparts ranked by contacts, contacts per year.

    \b
    Example:
      backchannel --db news.db actor Путіна
    """
    p = query.actor(workspace(ctx).store, ref)
    if as_json:
        _echo_json([p])
        return 0
    out.print(Text(f"{p.id}  {p.type}  {p.name}  ({p.events} contact events)"))
    by_lang: dict[str, list[str]] = {}
    for lang, name in p.names:
        by_lang.setdefault(lang, []).append(name)
    for lang, names in by_lang.items():
        out.print(Text(f"  {lang}: {' · '.join(names)}"))
    _counts("roles", p.roles)
    _counts("counterparts", p.counterparts)
    _counts("contact events per year", p.per_year)
    return 0


@click.command()
@click.argument("text")
@click.option("--limit", default=20, show_default=True)
@JSON
@click.pass_context
def search(ctx: click.Context, text: str, limit: int, as_json: bool) -> int:
    """Full-text search over article titles and texts (every word must occur; longer words also
    match their inflected forms by prefix).

    \b
    Example:
      backchannel --db news.db search "Эрдоган телефон"
    """
    hits = query.search(workspace(ctx).store, text, limit)
    if as_json:
        _echo_json(hits)
        return 0
    table = _table("id", "published", "outlet", "title / snippet")
    for h in hits:
        table.add_row(Text(h.article_id), Text(h.published or "—"), Text(h.outlet or "—"),
                      Text(f"{h.title or ''}\n{h.snippet}".strip()))
    out.print(table)
    out.print(Text(f"{len(hits)} article(s)"))
    return 0


def register(group: click.Group) -> None:
    for command in (contacts, show_actor, timeline, events, show_event, search):
        group.add_command(command)
