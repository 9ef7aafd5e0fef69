"""The org graph in the graph tools' formats: GraphML, GEXF, CSV (a zip of two tables).

One graph is exported: the reporting projection and the membership
projection together, as a directed multigraph (a post can be both ``within``
a unit and ``postIn`` it), nodes and edges in sorted order so exports of the
same data are byte-identical.

>>> from ontology import load_regulation
>>> export_graph(load_regulation(), "graphml")[:8]
b'<graphml'
"""

from __future__ import annotations

import csv
import io
import zipfile

import networkx as nx

from graph.projection import project_membership, project_reporting
from ontology.errors import NotFound
from ontology.formats import NETWORK_FORMATS
from ontology.store import Store

NODE_FIELDS = ("label_vi", "label_en", "kind")
# Spreadsheets run a cell starting with one of these as a formula.
_FORMULA_STARTS = ("=", "+", "-", "@", "\t", "\r")
_ZIP_TIME = (1980, 1, 1, 0, 0, 0)


def org_graph(store: Store) -> nx.MultiDiGraph:
    """Reporting and membership edges in one multigraph with flat (string) attributes."""
    reporting = project_reporting(store, sources=True)
    membership = project_membership(store)
    graph = nx.MultiDiGraph()
    for source in (reporting, membership):
        for node, data in sorted(source.nodes(data=True)):
            graph.add_node(node, **{key: data.get(key) or "" for key in NODE_FIELDS})
    edges = [
        (u, v, d["relation"], "; ".join(d.get("sources", [])))
        for u, v, d in reporting.edges(data=True)
    ]
    for u, v, d in membership.edges(data=True):
        member, unit = (u, v) if membership.nodes[u]["bipartite"] == 0 else (v, u)
        edges.extend((member, unit, relation, "") for relation in d["relations"])
    for u, v, relation, sources in sorted(edges):
        if not graph.has_edge(u, v, key=relation):
            graph.add_edge(u, v, key=relation, relation=relation, sources=sources)
    return graph


def export_graph(store: Store, fmt: str) -> bytes:
    """The org graph of ``store`` as ``graphml``, ``gexf`` or ``csv`` (a zip of two tables)."""
    if fmt not in NETWORK_FORMATS:
        raise NotFound(f"unknown graph format {fmt!r}: use one of {', '.join(NETWORK_FORMATS)}")
    graph = org_graph(store)
    if fmt == "graphml":
        return "\n".join(nx.generate_graphml(graph, encoding="utf-8")).encode("utf-8")
    if fmt == "gexf":
        return "\n".join(nx.generate_gexf(graph, encoding="utf-8")).encode("utf-8")
    return _zip_tables(graph)


def _zip_tables(graph: nx.MultiDiGraph) -> bytes:
    nodes = [["id", *NODE_FIELDS]] + [
        [node, *(data[key] for key in NODE_FIELDS)] for node, data in graph.nodes(data=True)
    ]
    edges = [["source", "target", "relation", "sources"]] + [
        [u, v, d["relation"], d["sources"]] for u, v, d in graph.edges(data=True)
    ]
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", compression=zipfile.ZIP_DEFLATED) as archive:
        for name, rows in (("nodes.csv", nodes), ("edges.csv", edges)):
            # A fixed timestamp: the same data gives the same bytes.
            archive.writestr(zipfile.ZipInfo(name, date_time=_ZIP_TIME), _csv(rows))
    return buffer.getvalue()


def _csv(rows: list[list[str]]) -> str:
    text = io.StringIO()
    writer = csv.writer(text, lineterminator="\r\n")
    for row in rows:
        writer.writerow(["'" + cell if cell.startswith(_FORMULA_STARTS) else cell for cell in row])
    return text.getvalue()
