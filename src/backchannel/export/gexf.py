"""GEXF 1.2 for Gephi: actors as nodes, contacts as weighted edges, with spells and a dynamic
``weight`` (events so far) so that Gephi's timeline plays the network as it grew."""

from __future__ import annotations

import xml.etree.ElementTree as ET
from pathlib import Path
from typing import Literal

from backchannel.export.base import Target
from backchannel.export.dataset import ExportData
from backchannel.export.graph import ContactGraph, Edge, period, write_graph, xml_text

NS = "http://www.gexf.net/1.2draft"
NODE_ATTRS = (("type", "string"), ("aliases", "string"), ("qid", "string"), ("first", "string"), ("last", "string"))
EDGE_ATTRS = (("events", "integer"), ("reports", "integer"), ("kinds", "string"), ("cameo", "string"),
              ("status", "string"), ("first", "string"), ("last", "string"))


def _attributes(parent: ET.Element, cls: str, attrs: tuple[tuple[str, str], ...], mode: str = "static") -> None:
    block = ET.SubElement(parent, "attributes", {"class": cls, "mode": mode})
    for name, kind in attrs:
        ET.SubElement(block, "attribute", {"id": name, "title": name, "type": kind})


def _values(parent: ET.Element, values: dict[str, str | int | None]) -> None:
    block = ET.SubElement(parent, "attvalues")
    for key, value in values.items():
        if value is not None and value != "":
            ET.SubElement(block, "attvalue", {"for": key, "value": xml_text(str(value))})


def _dynamic_weight(element: ET.Element, edge: Edge, end: str) -> None:
    """Spells for each dated event and the running count of events, for Gephi's timeline."""
    if not edge.dates:
        return
    spells = ET.SubElement(element, "spells")
    for day in dict.fromkeys(edge.dates):
        start, stop = period(day)
        ET.SubElement(spells, "spell", {"start": start, "end": stop})
    block = element.find("attvalues")
    if block is None:
        block = ET.SubElement(element, "attvalues")
    starts = [period(d)[0] for d in edge.dates]
    unique = list(dict.fromkeys(starts))
    for i, start in enumerate(unique):
        so_far = sum(1 for s in starts if s <= start)
        stop = unique[i + 1] if i + 1 < len(unique) else end
        ET.SubElement(block, "attvalue", {"for": "so_far", "value": str(so_far), "start": start, "end": stop})


def gexf_tree(graph: ContactGraph) -> ET.ElementTree:
    root = ET.Element("gexf", {"xmlns": NS, "version": "1.2"})
    meta = ET.SubElement(root, "meta")
    ET.SubElement(meta, "creator").text = "backchannel"
    ET.SubElement(meta, "description").text = f"actor-contact graph; edge weight = number of {graph.weighted_by}"
    mode: Literal["dynamic", "static"] = "dynamic" if any(e.dates for e in graph.edges) else "static"
    g = ET.SubElement(root, "graph", {"defaultedgetype": "undirected", "mode": mode, "timeformat": "date"})
    _attributes(g, "node", NODE_ATTRS)
    _attributes(g, "edge", EDGE_ATTRS)
    if mode == "dynamic":
        _attributes(g, "edge", (("so_far", "integer"),), mode="dynamic")
    end = max((period(e.last)[1] for e in graph.edges if e.last), default="")
    nodes = ET.SubElement(g, "nodes")
    for n in graph.nodes:
        node = ET.SubElement(nodes, "node", {"id": xml_text(n.id), "label": xml_text(n.label)})
        _values(node, {"type": n.type, "aliases": "; ".join(n.aliases), "qid": n.qid, "first": n.first, "last": n.last})
    edges = ET.SubElement(g, "edges")
    for i, e in enumerate(graph.edges):
        edge = ET.SubElement(edges, "edge", {"id": str(i), "source": xml_text(e.source), "target": xml_text(e.target),
                                             "weight": str(e.weight)})
        _values(edge, {"events": e.events, "reports": e.reports, "kinds": "; ".join(e.kinds),
                       "cameo": "; ".join(e.cameo), "status": e.status, "first": e.first, "last": e.last})
        _dynamic_weight(edge, e, end)
    ET.indent(root)
    return ET.ElementTree(root)


class GexfExporter:
    target: Target = "file"

    def export(self, data: ExportData, path: Path) -> int:
        return write_graph(data, path, gexf_tree)
