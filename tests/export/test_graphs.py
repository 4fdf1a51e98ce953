from __future__ import annotations

from pathlib import Path

import igraph
import networkx as nx
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from backchannel.export.dataset import ExportActor, ExportData
from backchannel.export.gexf import GexfExporter
from backchannel.export.graph import build_graph, period, xml_text
from backchannel.export.graphml import GraphmlExporter
from backchannel.workspace import Workspace


def test_graph_model(sample: ExportData) -> None:
    graph = build_graph(sample)
    assert graph.weighted_by == "events"
    assert len(graph.nodes) == 4  # Putin, Tokayev, Erdoğan and the unlinked mediator; places and sources are not nodes
    edges = {(e.source, e.target): e for e in graph.edges}
    call = edges[("kassym-jomart-tokayev", "vladimir-putin")]
    assert (call.weight, call.reports, call.status, call.kinds, call.cameo) == (1, 2, "contested", ("call",), ("041",))
    assert len(edges) == 1 + 1 + 3  # the call, the visit, and a 3-clique for the planned meeting


def test_reports_weigh_edges_while_no_events_exist(sample: ExportData) -> None:
    graph = build_graph(ExportData(articles=sample.articles, actors=sample.actors, reports=sample.reports))
    edges = {(e.source, e.target): e for e in graph.edges}
    assert graph.weighted_by == "reports"
    assert edges[("kassym-jomart-tokayev", "vladimir-putin")].weight == 2


def test_period() -> None:
    assert period("2024") == ("2024-01-01", "2024-12-31")
    assert period("2024-02") == ("2024-02-01", "2024-02-29")
    assert period("2024-05-17") == ("2024-05-17", "2024-05-17")


def test_gexf_loads_in_networkx(sample: ExportData, tmp_path: Path) -> None:
    path = tmp_path / "c.gexf"
    GexfExporter().export(sample, path)
    g = nx.read_gexf(path)
    assert (g.number_of_nodes(), g.number_of_edges()) == (4, 5)
    assert g.nodes["vladimir-putin"]["label"] == "Vladimir Putin"
    assert g.nodes["vladimir-putin"]["type"] == "PER" and "Путин" in g.nodes["vladimir-putin"]["aliases"]
    edge = g.edges["kassym-jomart-tokayev", "vladimir-putin"]
    assert edge["weight"] == 1 and edge["status"] == "contested" and edge["first"] == "2024-05-17"
    text = path.read_text(encoding="utf-8")
    assert 'mode="dynamic"' in text and '<spell start="2024-09-01" end="2024-09-30"' in text
    assert 'for="so_far"' in text


def test_graphml_loads_in_networkx_and_igraph(sample: ExportData, tmp_path: Path) -> None:
    path = tmp_path / "c.graphml"
    GraphmlExporter().export(sample, path)
    g = nx.read_graphml(path)
    assert (g.number_of_nodes(), g.number_of_edges()) == (4, 5)
    assert g.edges["kassym-jomart-tokayev", "vladimir-putin"]["weight"] == 1
    ig = igraph.Graph.Read_GraphML(str(path))
    assert (ig.vcount(), ig.ecount()) == (4, 5)
    assert not ig.is_directed()
    assert set(ig.vs["label"]) == {"Vladimir Putin", "Kassym-Jomart Tokayev", "Recep Tayyip Erdoğan",
                                   "Неизвестный Посредник"}
    assert sorted(ig.es["weight"]) == [1, 1, 1, 1, 1]


def test_corpus_graphs(corpus_ws: Workspace, tmp_path: Path) -> None:
    graph = build_graph(corpus_ws.export_data())
    corpus_ws.export_to("gexf", tmp_path / "c.gexf")
    corpus_ws.export_to("graphml", tmp_path / "c.graphml")
    g = nx.read_gexf(tmp_path / "c.gexf")
    ig = igraph.Graph.Read_GraphML(str(tmp_path / "c.graphml"))
    assert (g.number_of_nodes(), g.number_of_edges()) == (len(graph.nodes), len(graph.edges))
    assert (ig.vcount(), ig.ecount()) == (len(graph.nodes), len(graph.edges))
    assert len(graph.edges) > 10
    assert sum(w for _, _, w in g.edges(data="weight")) >= len(graph.edges)


def _pair(name_a: str, name_b: str, sample: ExportData) -> ExportData:
    actors = (ExportActor("a", "PER", name_a, (("en", name_b),)), ExportActor("b", "ORG", name_b))
    report = {**sample.reports[0], "participants": [{"entity_id": "a", "name": name_a, "role": "participant"},
                                                    {"entity_id": "b", "name": name_b, "role": "participant"}]}
    return ExportData(actors=actors, reports=(report,))


@settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(st.text(min_size=1, max_size=40), st.text(min_size=1, max_size=40))
def test_any_unicode_name_survives_graphml_and_gexf(sample: ExportData, tmp_path: Path, a: str, b: str) -> None:
    data = _pair(a, b, sample)
    GraphmlExporter().export(data, tmp_path / "p.graphml")
    GexfExporter().export(data, tmp_path / "p.gexf")
    graphml = nx.read_graphml(tmp_path / "p.graphml")
    assert graphml.nodes["a"]["label"] == xml_text(a) and graphml.nodes["b"]["label"] == xml_text(b)
    ig = igraph.Graph.Read_GraphML(str(tmp_path / "p.graphml"))
    assert dict(zip(ig.vs["id"], ig.vs["label"], strict=True)) == {"a": xml_text(a), "b": xml_text(b)}
    gexf = nx.read_gexf(tmp_path / "p.gexf")
    labels = {n: d["label"] for n, d in gexf.nodes(data=True)}
    # XML normalises whitespace in attribute values only where it is not escaped; we escape it
    assert labels == {"a": xml_text(a), "b": xml_text(b)}
