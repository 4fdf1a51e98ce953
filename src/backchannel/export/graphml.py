"""GraphML: the same actor–contact graph as GEXF (static; dates as attributes), for networkx,
igraph, yEd, Cytoscape and Gephi."""

from __future__ import annotations

import xml.etree.ElementTree as ET
from pathlib import Path

from backchannel.export.base import Target
from backchannel.export.dataset import ExportData
from backchannel.export.graph import ContactGraph, write_graph, xml_text

NS = "http://graphml.graphdrawing.org/xmlns"
NODE_KEYS = (("label", "string"), ("type", "string"), ("aliases", "string"), ("qid", "string"),
             ("first", "string"), ("last", "string"))
EDGE_KEYS = (("weight", "int"), ("events", "int"), ("reports", "int"), ("kinds", "string"), ("cameo", "string"),
             ("status", "string"), ("first", "string"), ("last", "string"), ("dates", "string"))


def graphml_tree(graph: ContactGraph) -> ET.ElementTree:
    root = ET.Element("graphml", {"xmlns": NS})
    for domain, keys in (("node", NODE_KEYS), ("edge", EDGE_KEYS)):
        for name, kind in keys:
            ET.SubElement(root, "key", {"id": f"{domain[0]}_{name}", "for": domain,
                                        "attr.name": name, "attr.type": kind})
    g = ET.SubElement(root, "graph", {"id": "contacts", "edgedefault": "undirected"})

    def data(parent: ET.Element, key: str, value: str | int | None) -> None:
        if value is not None and (value != "" or key == "n_label"):
            ET.SubElement(parent, "data", {"key": key}).text = xml_text(str(value))

    for n in graph.nodes:
        node = ET.SubElement(g, "node", {"id": xml_text(n.id)})
        node_values: tuple[tuple[str, str | None], ...] = (("label", n.label), ("type", n.type), ("aliases", "; ".join(n.aliases)),
                           ("qid", n.qid), ("first", n.first), ("last", n.last))
        for key, text in node_values:
            data(node, "n_" + key, text)
    for i, e in enumerate(graph.edges):
        edge = ET.SubElement(g, "edge", {"id": f"e{i}", "source": xml_text(e.source), "target": xml_text(e.target)})
        for key, value in (("weight", e.weight), ("events", e.events), ("reports", e.reports),
                           ("kinds", "; ".join(e.kinds)), ("cameo", "; ".join(e.cameo)), ("status", e.status),
                           ("first", e.first), ("last", e.last), ("dates", "; ".join(e.dates))):
            data(edge, "e_" + key, value)
    ET.indent(root)
    return ET.ElementTree(root)


class GraphmlExporter:
    target: Target = "file"

    def export(self, data: ExportData, path: Path) -> int:
        return write_graph(data, path, graphml_tree)
