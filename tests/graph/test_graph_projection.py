"""Projections of the ORG-only ministry and the bundled regulation, and the graph exports."""

from __future__ import annotations

import csv
import io
import zipfile
from pathlib import Path

import networkx as nx
import pytest

from graph import export_graph, project_membership, project_reporting
from ontology import NotFound, Store, load_regulation

MINISTRY = Path(__file__).resolve().parent.parent / "queries" / "data" / "org-only-ministry.ttl"
EX = "http://example.org/lighthouses/"


@pytest.fixture(scope="module")
def ministry() -> Store:
    return load_regulation([MINISTRY])


@pytest.fixture(scope="module")
def bundled() -> Store:
    return load_regulation()


def test_reporting_projection_of_the_ministry(ministry: Store) -> None:
    graph = project_reporting(ministry)
    relations = {
        (u.removeprefix(EX), v.removeprefix(EX)): d["relation"]
        for u, v, d in graph.edges(data=True)
    }
    assert relations[("engineer", "tech-lead")] == "reportsTo"
    assert relations[("tech-office", "north")] == "within"
    assert relations[("south", "mol")] == "within"  # from org:hasUnit only
    assert relations[("director-south", "south")] == "within"  # from org:hasPost only
    assert relations[("duc", "deputy-minister")] == "holds"
    assert relations[("carol", "tech-lead")] == "holds"  # from org:heldBy
    assert relations[("carol", "south")] == "within"  # from org:Membership
    assert relations[("alice", "mol")] == "heads"
    assert graph.nodes[EX + "engineer"] == {
        "label_vi": None,
        "label_en": "Lighthouse engineer",
        "kind": "post",
    }
    assert graph.nodes[EX + "mol"]["kind"] == "body"
    assert graph.nodes[EX + "north"]["kind"] == "unit"
    assert graph.nodes[EX + "duc"]["label_vi"] == "Bùi Văn Đức"


def test_membership_projection_is_bipartite(ministry: Store) -> None:
    graph = project_membership(ministry)
    members = {n for n, d in graph.nodes(data=True) if d["bipartite"] == 0}
    assert nx.is_bipartite(graph)
    assert {EX + "carol", EX + "engineer", EX + "alice"} <= members
    assert graph.edges[EX + "carol", EX + "south"]["relations"] == ["memberOf"]
    assert graph.edges[EX + "alice", EX + "mol"]["relations"] == ["headOf"]


def test_bundled_projection_sources(bundled: Store) -> None:
    graph = project_reporting(bundled, sources=True)
    tct = "https://w3id.org/orgkg/id/tct-cpdt"
    edge = graph.edges[tct, "https://w3id.org/orgkg/id/ubqg-cpdt/post/chu-tich"]
    # para_10__sent_3 (monthly report) and para_6__sent_1 (proposals).
    assert edge == {"relation": "reportsTo", "sources": ["para_10__sent_3", "para_6__sent_1"]}
    # A containment edge comes from the sources of the contained node.
    post = graph.edges["https://w3id.org/orgkg/id/tct-cpdt/post/to-truong", tct]
    assert post["relation"] == "within"
    assert set(post["sources"]) == {
        "caption_1__sent_1",
        "para_4__sent_1",
        "para_5__sent_1",
        "para_6__sent_1",
    }
    assert "sources" not in project_reporting(bundled).edges[post_edge(tct)]


def post_edge(tct: str) -> tuple[str, str]:
    return ("https://w3id.org/orgkg/id/tct-cpdt/post/to-truong", tct)


def test_graphml_and_gexf_read_back(bundled: Store) -> None:
    graphml = nx.parse_graphml(export_graph(bundled, "graphml").decode("utf-8"))
    nodes = set(project_reporting(bundled)) | set(project_membership(bundled))
    assert {data["iri"] for _, data in graphml.nodes(data=True)} == nodes
    gexf = nx.read_gexf(io.BytesIO(export_graph(bundled, "gexf")))
    assert gexf.number_of_edges() == graphml.number_of_edges()


def test_csv_zip_is_stable_and_safe(bundled: Store) -> None:
    data = export_graph(bundled, "csv-zip")
    assert data == export_graph(load_regulation(), "csv-zip")
    archive = zipfile.ZipFile(io.BytesIO(data))
    assert archive.namelist() == ["nodes.csv", "edges.csv"]
    nodes = list(csv.reader(io.StringIO(archive.read("nodes.csv").decode("utf-8"))))
    edges = list(csv.reader(io.StringIO(archive.read("edges.csv").decode("utf-8"))))
    assert nodes[0][:5] == ["id", "label", "label_vi", "label_en", "kind"]
    assert edges[0][:3] == ["source", "target", "relation"]
    assert any(row[1] == "Tổ trưởng Tổ công tác" for row in nodes)


def test_unknown_graph_format(bundled: Store) -> None:
    with pytest.raises(NotFound, match="graphml"):
        export_graph(bundled, "xlsx")
