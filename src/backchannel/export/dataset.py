"""What every file/folder export reads: one frozen, filterable :class:`ExportData`.

Reports, events and stories are CONTRACT.md's ``export contacts`` / ``export events`` /
``export stories`` records, taken from the exporters registered in ``REGISTRY`` (events and
stories are empty while no exporter for them is registered). Actors come from the entity
tables with their names per language, Wikidata ids and offices from the knowledge base.
"""

from __future__ import annotations

import io
from collections.abc import Callable, Iterable, Mapping, Sequence
from dataclasses import dataclass, field, replace
from typing import TYPE_CHECKING, Any

from backchannel.export.codes import EVENT_STATUSES, POLARITIES, STATUS_POLARITIES
from backchannel.model import Article

if TYPE_CHECKING:
    from backchannel.workspace import Workspace

Record = Mapping[str, Any]


@dataclass(frozen=True, slots=True)
class Office:
    role: str
    of: str
    title: str | None = None
    start: str | None = None
    end: str | None = None


@dataclass(frozen=True, slots=True)
class ExportActor:
    """One actor: ``names`` are (language, name) pairs, the display name first."""

    id: str
    type: str
    name: str
    names: tuple[tuple[str, str], ...] = ()
    qid: str | None = None
    kb_id: str | None = None
    offices: tuple[Office, ...] = ()

    @property
    def aliases(self) -> tuple[str, ...]:
        return tuple(dict.fromkeys(n for _, n in self.names if n != self.name))


@dataclass(frozen=True, slots=True)
class Filters:
    """Shared by every export; empty fields keep everything. Dates are ISO prefixes."""

    actors: tuple[str, ...] = ()
    """Entity ids or names (any alias, case-folded); a record is kept when one of them takes part."""
    since: str | None = None
    until: str | None = None
    kinds: tuple[str, ...] = ()
    statuses: tuple[str, ...] = ()
    """Event statuses (confirmed, contested, denied, reported, planned) or report polarities."""
    stories: tuple[str, ...] = ()

    @property
    def empty(self) -> bool:
        return not (self.actors or self.since or self.until or self.kinds or self.statuses or self.stories)


@dataclass(frozen=True, slots=True)
class ExportData:
    articles: tuple[Article, ...] = ()
    actors: tuple[ExportActor, ...] = ()
    reports: tuple[Record, ...] = ()
    events: tuple[Record, ...] = ()
    stories: tuple[Record, ...] = ()
    filters: Filters = field(default_factory=Filters)

    def actor_index(self) -> dict[str, ExportActor]:
        return {a.id: a for a in self.actors}

    def article_index(self) -> dict[str, Article]:
        return {a.id: a for a in self.articles}

    def report_index(self) -> dict[str, Record]:
        return {r["report_id"]: r for r in self.reports}

    def filtered(self, filters: Filters) -> ExportData:
        return apply_filters(self, filters)


# --- identities ----------------------------------------------------------------------------------

def party_id(party: Record) -> str:
    """The actor id of a participant, source or place; an unlinked name gets a stable pseudo id."""
    return str(party.get("entity_id") or "name:" + str(party.get("name") or "?"))


def report_parties(report: Record) -> list[str]:
    return list(dict.fromkeys(party_id(p) for p in report.get("participants") or ()))


def report_date(report: Record) -> str | None:
    when = report.get("when") or {}
    return when.get("start") or (report.get("article") or {}).get("published")


def event_date(event: Record) -> str | None:
    when = event.get("when") or {}
    return when.get("start") or event.get("first_reported")


def event_parties(event: Record) -> list[str]:
    return list(dict.fromkeys(party_id(p) for p in event.get("participants") or ()))


# --- filtering (pure) ----------------------------------------------------------------------------

def _in_period(day: str | None, since: str | None, until: str | None) -> bool:
    if not since and not until:
        return True
    if not day:
        return False
    if since and day < since[: len(day)]:
        return False
    return not (until and day[: len(until)] > until)


def _actor_matcher(data: ExportData, wanted: Sequence[str]) -> set[str]:
    folded = {w.casefold() for w in wanted}
    ids = {a.id for a in data.actors
           if a.id.casefold() in folded or a.name.casefold() in folded
           or any(n.casefold() in folded for _, n in a.names)}
    return ids | {"name:" + w for w in wanted} | set(wanted)


def apply_filters(data: ExportData, f: Filters) -> ExportData:
    """Reports and events that pass every filter, then the articles, stories and actors they reference."""
    if f.empty:
        return replace(data, filters=f)
    actors = _actor_matcher(data, f.actors) if f.actors else set()
    story_articles = {a["id"] for s in data.stories if s["story_id"] in f.stories for a in s["articles"]}
    index = data.report_index()
    in_any_event = {rid for e in data.events for rid in e["reports"]}
    by_polarity = {s for s in f.statuses if s in POLARITIES}
    by_status = {s for s in f.statuses if s in EVENT_STATUSES}
    of_status = {rid for e in data.events if e["status"] in by_status for rid in e["reports"]}
    mapped = set().union(*(STATUS_POLARITIES.get(s, frozenset()) for s in f.statuses))

    def status_ok(r: Record) -> bool:
        if not f.statuses:
            return True
        if data.events:
            return r["polarity"] in by_polarity or r["report_id"] in of_status
        return r["polarity"] in mapped

    def keep_report(r: Record) -> bool:
        return ((not actors or bool(actors & set(report_parties(r))))
                and _in_period(report_date(r), f.since, f.until)
                and (not f.kinds or r["kind"] in f.kinds)
                and status_ok(r)
                and (not f.stories or r["article"]["id"] in story_articles))

    reports = tuple(r for r in data.reports if keep_report(r))
    kept_reports = {r["report_id"] for r in reports}

    def keep_event(e: Record) -> bool:
        return ((not actors or bool(actors & set(event_parties(e))))
                and _in_period(event_date(e), f.since, f.until)
                and (not f.kinds or e["kind"] in f.kinds)
                and (not f.statuses or e["status"] in f.statuses or bool(by_polarity & {index[r]["polarity"] for r in e["reports"] if r in index}))
                and (not f.stories or bool(kept_reports & set(e["reports"]))))

    events = tuple(e for e in data.events if keep_event(e))
    if data.events:  # with consolidated events, a report is kept only beside one of its kept events
        in_events = {rid for e in events for rid in e["reports"]}
        reports = tuple(r for r in reports if r["report_id"] in in_events or r["report_id"] not in in_any_event)
    article_ids = {r["article"]["id"] for r in reports} | story_articles
    stories = tuple(s for s in data.stories
                    if (f.stories and s["story_id"] in f.stories)
                    or (not f.stories and article_ids & {a["id"] for a in s["articles"]}))
    article_ids |= {a["id"] for s in stories for a in s["articles"]} if f.stories else set()
    return replace(
        data,
        articles=tuple(a for a in data.articles if a.id in article_ids),
        actors=tuple(a for a in data.actors if a.id in referenced_actors(reports, events)),
        reports=reports, events=events, stories=stories, filters=f,
    )


def referenced_actors(reports: Iterable[Record], events: Iterable[Record]) -> set[str]:
    """Every actor a report or event names: participants, sources and places."""
    ids: set[str] = set()
    for r in reports:
        ids.update(report_parties(r))
        ids.update(party_id(s) for s in r.get("according_to") or ())
        if r.get("where"):
            ids.add(party_id(r["where"]))
    for e in events:
        ids.update(event_parties(e))
    return ids


# --- loading (the store side) ---------------------------------------------------------------------

def registered_records(workspace: Workspace, kind: str) -> tuple[Record, ...]:
    """The records of a registered ``(kind, "jsonl")`` exporter; empty when none is registered."""
    from backchannel.export import REGISTRY

    factory = REGISTRY.get((kind, "jsonl"))
    if factory is None:
        return ()
    return tuple(factory(io.StringIO()).records(workspace))


def load(workspace: Workspace, filters: Filters | None = None) -> ExportData:
    """Everything an export needs, read once from the workspace, then filtered."""
    from backchannel.export.actors import load_actors

    reports = registered_records(workspace, "contacts")
    events = registered_records(workspace, "events")
    stories = registered_records(workspace, "stories")
    actors = load_actors(workspace, reports, events)
    data = ExportData(articles=tuple(workspace.articles()), actors=actors,
                      reports=reports, events=events, stories=stories)
    return data.filtered(filters or Filters())


# --- events, or reports standing in for them ----------------------------------------------------

def event_from_report(report: Record) -> dict[str, Any]:
    """A CONTRACT ``export events`` record made of one report (where no consolidated event exists)."""
    from backchannel.export.codes import REPORT_STATUS

    when = report.get("when") or {}
    article = report.get("article") or {}
    return {
        "event_id": "report-" + str(report["report_id"]),
        "kind": report["kind"],
        "participants": [{k: p.get(k) for k in ("entity_id", "name", "aliases")} for p in report.get("participants") or ()],
        "when": {"start": when.get("start"), "end": when.get("end")},
        "status": REPORT_STATUS.get(report["polarity"], "reported"),
        "reports": [report["report_id"]],
        "outlets": [article["outlet"]] if article.get("outlet") else [],
        "first_reported": article.get("published"),
    }


def contact_events(data: ExportData) -> tuple[Record, ...]:
    """The consolidated events; one per report while none are consolidated."""
    return data.events if data.events else tuple(event_from_report(r) for r in data.reports)


def stream_filter(data: ExportData, kind: str) -> Callable[[Record], bool]:
    """Whether a record of a stream export (``export KIND --format jsonl``) passes ``data``'s filters."""
    if data.filters.empty:
        return lambda _record: True
    articles = {a.id for a in data.articles}
    reports = {r["report_id"] for r in data.reports}
    events = {e["event_id"] for e in data.events}
    stories = {s["story_id"] for s in data.stories}
    actors = {a.id for a in data.actors}
    keys: dict[str, Callable[[Record], bool]] = {
        "articles": lambda r: r.get("id") in articles,
        "mentions": lambda r: (r.get("article") or {}).get("id") in articles,
        "contacts": lambda r: r.get("report_id") in reports,
        "events": lambda r: r.get("event_id") in events,
        "stories": lambda r: r.get("story_id") in stories,
        "actors": lambda r: r.get("id") in actors,
    }
    return keys.get(kind, lambda _record: True)
