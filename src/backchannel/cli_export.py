"""``export obsidian|gexf|graphml|ftm|plover|csv``: file and folder exports, and the filters every
export shares (``--actor``, ``--since``, ``--until``, ``--kind``, ``--status``, ``--story``)."""

from __future__ import annotations

import re
from collections.abc import Callable
from typing import Any, TypeVar

import click
from rich.text import Text

from backchannel.cli_common import err, workspace
from backchannel.errors import UsageError
from backchannel.export.codes import EVENT_STATUSES, KIND_CODES, POLARITIES
from backchannel.export.dataset import Filters

F = TypeVar("F", bound=Callable[..., Any])
DATE = re.compile(r"^\d{4}(-\d{2}(-\d{2})?)?$")

FILTER_OPTIONS: tuple[tuple[str, str, bool], ...] = (
    ("--actor", "Only contacts in which this actor takes part (entity id or any name; repeatable).", True),
    ("--since", "Only contacts on or after this date (YYYY, YYYY-MM or YYYY-MM-DD).", False),
    ("--until", "Only contacts on or before this date (YYYY, YYYY-MM or YYYY-MM-DD).", False),
    ("--kind", "Only this contact kind: call, meeting, talks, visit, message, request, contact (repeatable).", True),
    ("--status", "Only this event status (confirmed, contested, denied, reported, planned) or report polarity "
                 "(asserted, denied, hypothetical) (repeatable).", True),
    ("--story", "Only the articles and contacts of this story id (repeatable).", True),
)


def filter_options(command: F) -> F:
    """Add the shared filter options to a command (its callback receives them as keyword arguments)."""
    for flag, help_text, multiple in reversed(FILTER_OPTIONS):
        command = click.option(flag, flag.strip("-") + "_filter", multiple=multiple, metavar="VALUE",
                               help=help_text)(command)
    return command


def filters_from(options: dict[str, Any]) -> Filters:
    """The Filters of the shared options; a malformed date is a usage error."""
    for key in ("since_filter", "until_filter"):
        value = options.get(key)
        if value and not DATE.match(value):
            raise UsageError(f"--{key.split('_')[0]} {value!r} is not a date", "use YYYY, YYYY-MM or YYYY-MM-DD")
    for key, known in (("kind_filter", KIND_CODES), ("status_filter", (*EVENT_STATUSES, *POLARITIES))):
        wrong = [v for v in options.get(key) or () if v not in known]
        if wrong:
            raise UsageError(f"--{key.split('_')[0]} {wrong[0]!r} is unknown", f"choose from: {', '.join(known)}")
    return Filters(
        actors=tuple(options.get("actor_filter") or ()), since=options.get("since_filter"),
        until=options.get("until_filter"), kinds=tuple(options.get("kind_filter") or ()),
        statuses=tuple(options.get("status_filter") or ()), stories=tuple(options.get("story_filter") or ()),
    )


TARGET_EXPORTS: dict[str, tuple[str, str, str]] = {
    "obsidian": ("DIR", "An Obsidian vault: a note per actor, event, story and article, linked with wikilinks. "
                 "Re-exporting updates our notes (marked `backchannel-id`) and never touches yours.", "vault"),
    "gexf": ("FILE", "The actor-contact graph as GEXF for Gephi (edge weight = events; timeline spells).",
             "contacts.gexf"),
    "graphml": ("FILE", "The actor-contact graph as GraphML (networkx, igraph, yEd, Cytoscape).", "contacts.graphml"),
    "ftm": ("FILE", "FollowTheMoney entities as JSON lines (Aleph, OpenSanctions tools).", "entities.ftm.json"),
    "plover": ("FILE", "PLOVER-style event records with CAMEO 04x codes as JSON lines.", "events.plover.jsonl"),
    "csv": ("DIR", "CSV tables actors.csv, events.csv and reports.csv in one folder.", "tables"),
}


def _target_command(name: str, metavar: str, summary: str, example: str) -> click.Command:
    @click.argument("path", metavar=metavar, type=click.Path(dir_okay=metavar == "DIR", file_okay=metavar == "FILE"))
    @filter_options
    @click.pass_context
    def command(ctx: click.Context, /, path: str, **options: Any) -> int:
        count = workspace(ctx).export_to(name, path, filters_from(options))
        err.print(Text(f"wrote {count} {'notes' if name == 'obsidian' else 'records'} to {path}"))
        return 0

    command.__doc__ = f"""{summary}

    \b
    Example:
      backchannel --db news.db export {name} {example}
      backchannel --db news.db export {name} {example} --actor "Vladimir Putin" --since 2024-01
    """
    return click.command(name)(command)


def register(group: click.Group) -> None:
    for name, (metavar, summary, example) in TARGET_EXPORTS.items():
        group.add_command(_target_command(name, metavar, summary, example))
