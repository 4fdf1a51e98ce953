"""The actor–contact graph shared by the GEXF and GraphML writers (pure: ExportData → ContactGraph).

Nodes are actors that take part in at least one contact; an edge joins every pair of
participants of an event (an n-ary event is a clique), weighted by the number of events, or by
the number of reports while no events are consolidated.
"""

from __future__ import annotations

import calendar
import re
import xml.etree.ElementTree as ET
from collections import Counter
from collections.abc import Callable, Iterable
from dataclasses import dataclass
from itertools import combinations
from pathlib import Path

from backchannel.export.codes import kind_code
from backchannel.export.dataset import ExportData, Record, contact_events, event_date, event_parties
from backchannel.export.targets import atomic_output

STATUS_ORDER = ("confirmed", "reported", "contested", "planned", "denied")
XML_ILLEGAL = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\ufffe\uffff\ud800-\udfff]")


def xml_text(text: str) -> str:
    """``text`` as XML 1.0 can carry it: illegal characters dropped, line ends normalised to ``\\n``."""
    return XML_ILLEGAL.sub("", text.replace("\r\n", "\n").replace("\r", "\n"))


@dataclass(frozen=True, slots=True)
class Node:
    id: str
    label: str
    type: str
    aliases: tuple[str, ...]
    qid: str | None
    first: str | None
    last: str | None


@dataclass(frozen=True, slots=True)
class Edge:
    source: str
    target: str
    weight: int
    events: int
    reports: int
    kinds: tuple[str, ...]
    cameo: tuple[str, ...]
    status: str
    first: str | None
    last: str | None
    dates: tuple[str, ...]
    """The date of each dated event, sorted (with repeats): the edge's timeline."""


@dataclass(frozen=True, slots=True)
class ContactGraph:
    nodes: tuple[Node, ...]
    edges: tuple[Edge, ...]
    weighted_by: str
    """``events`` or ``reports``."""


def period(day: str) -> tuple[str, str]:
    """A partial ISO date as a closed range of full dates: ``2022-10`` → (2022-10-01, 2022-10-31)."""
    parts = day.split("-")
    year = int(parts[0])
    if len(parts) == 1:
        return f"{year:04d}-01-01", f"{year:04d}-12-31"
    month = int(parts[1])
    if len(parts) == 2:
        return f"{year:04d}-{month:02d}-01", f"{year:04d}-{month:02d}-{calendar.monthrange(year, month)[1]:02d}"
    return day[:10], day[:10]


def _status(statuses: Iterable[str]) -> str:
    counts = Counter(statuses)
    if not counts:
        return "reported"
    return max(counts, key=lambda s: (counts[s], -STATUS_ORDER.index(s) if s in STATUS_ORDER else -99))


def build_graph(data: ExportData) -> ContactGraph:
    events = contact_events(data)
    actors = data.actor_index()
    by_pair: dict[tuple[str, str], list[Record]] = {}
    for e in events:
        for a, b in combinations(sorted(event_parties(e)), 2):
            by_pair.setdefault((a, b), []).append(e)
    edges = []
    for (a, b), found in sorted(by_pair.items()):
        dates = sorted(str(d) for d in (event_date(e) for e in found) if d)
        kinds = sorted({str(e["kind"]) for e in found})
        edges.append(Edge(
            source=a, target=b, weight=len(found), events=len(found),
            reports=len({r for e in found for r in e["reports"]}),
            kinds=tuple(kinds), cameo=tuple(sorted({kind_code(k).cameo for k in kinds})),
            status=_status(str(e["status"]) for e in found),
            first=dates[0] if dates else None, last=dates[-1] if dates else None, dates=tuple(dates),
        ))
    node_dates: dict[str, list[str]] = {x: [] for pair in by_pair for x in pair}
    for edge in edges:
        node_dates[edge.source].extend(edge.dates)
        node_dates[edge.target].extend(edge.dates)
    nodes = []
    for node_id in sorted(node_dates):
        actor = actors.get(node_id)
        dates = sorted(node_dates[node_id])
        nodes.append(Node(
            id=node_id, label=actor.name if actor else node_id.removeprefix("name:"),
            type=actor.type if actor else "MISC", aliases=actor.aliases if actor else (),
            qid=actor.qid if actor else None, first=dates[0] if dates else None, last=dates[-1] if dates else None,
        ))
    return ContactGraph(tuple(nodes), tuple(edges), "events" if data.events else "reports")


def write_graph(data: ExportData, path: Path, to_tree: Callable[[ContactGraph], ET.ElementTree]) -> int:
    """Build the contact graph, write it as the XML ``to_tree`` makes (GEXF, GraphML); returns
    the number of nodes and edges written."""
    graph = build_graph(data)
    with atomic_output(path) as out:
        to_tree(graph).write(out, encoding="unicode", xml_declaration=True)
        out.write("\n")
    return len(graph.nodes) + len(graph.edges)
