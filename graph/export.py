"""The org graph in the graph tools' formats: GraphML (yEd), GEXF (Gephi), CSV tables.

One graph is exported: the reporting projection and the membership
projection together (a post can be both ``within`` a unit and ``postIn``
it), nodes and edges in sorted order so exports of the same data are
byte-identical. Every node carries ``label`` in the language asked (what
Gephi and yEd show), both languages and its kind; every edge its relation,
the relation's label and the sentences it comes from, with typed counts.
GraphML and GEXF are written directly (no networkx writer), so text stays
characters, attributes keep their types and no internal key leaks; both
validate against their official XML Schemas (GraphML 1.0, GEXF 1.2). GraphML
ids must be XML name tokens, which IRIs are not, so its nodes are ``n0``,
``n1``, ... in sorted order and each carries its IRI in ``iri``.

CSV is one table per file (``nodes`` or ``edges``), UTF-8, with a byte order
mark on request (Excel needs it to read UTF-8); ``csv-zip`` packs both.

>>> from ontology import load_regulation
>>> export_graph(load_regulation(), "graphml")[:38]
b'<?xml version="1.0" encoding="utf-8"?>'
"""

from __future__ import annotations

import csv
import io
import re
import zipfile
from dataclasses import dataclass
from xml.etree import ElementTree as ET

import networkx as nx

from graph.projection import project_membership, project_reporting, select_values
from ontology.errors import NotFound, ParameterError
from ontology.formats import NETWORK_FORMATS
from ontology.languages import LANGUAGES
from ontology.namespaces import OKG, ORG
from ontology.store import Store

TABLES = ("nodes", "edges")
BOM = "\ufeff"
# Spreadsheets run a cell starting with one of these as a formula.
_FORMULA_STARTS = ("=", "+", "-", "@", "\t", "\r")
_ZIP_TIME = (1980, 1, 1, 0, 0, 0)
# Characters XML 1.0 cannot hold, even escaped (C0 controls but tab, newline, return).
_NOT_XML = re.compile("[^\t\n\r\x20-\ud7ff\ue000-\ufffd\U00010000-\U0010ffff]")
# The predicate each projected relation stands for (its labels come from the store).
_RELATION_TERMS = {
    "reportsTo": str(ORG.reportsTo),
    "holds": str(ORG.holds),
    "heads": str(ORG.headOf),
    "headOf": str(ORG.headOf),
    "postIn": str(ORG.postIn),
    "memberOf": str(ORG.memberOf),
    "sitsIn": str(OKG.sitsIn),
}
# "within" is the projection's own relation (a post in its unit, a unit in its whole).
_OWN_RELATION_LABELS = {"within": {"vi": "thuộc", "en": "within"}}
_GRAPHML_NS = "http://graphml.graphdrawing.org/xmlns"
# GEXF 1.2: the version whose official schema is shipped (tests/data/schemas) and
# that Gephi and networkx read; the writer keeps to it so every export validates.
_GEXF_NS = "http://www.gexf.net/1.2draft"
_GEXF_VERSION = "1.2"


@dataclass(frozen=True)
class Attribute:
    """One typed node or edge attribute of the exported graph."""

    name: str
    kind: str  # "string" or "int"


NODE_ATTRIBUTES = (
    Attribute("label", "string"),
    Attribute("label_vi", "string"),
    Attribute("label_en", "string"),
    Attribute("kind", "string"),
    Attribute("iri", "string"),
    Attribute("in_degree", "int"),
    Attribute("out_degree", "int"),
)
EDGE_ATTRIBUTES = (
    Attribute("relation", "string"),
    Attribute("relation_label", "string"),
    Attribute("sources", "string"),
    Attribute("source_count", "int"),
)
NODE_FIELDS = ("label_vi", "label_en", "kind")


def org_graph(store: Store, lang: str = "vi") -> nx.MultiDiGraph:
    """Reporting and membership edges in one multigraph with flat, typed attributes."""
    _check_language(lang)
    reporting = project_reporting(store, sources=True)
    membership = project_membership(store)
    graph = nx.MultiDiGraph()
    for source in (reporting, membership):
        for node, data in sorted(source.nodes(data=True)):
            labels = {key: data.get(key) or "" for key in NODE_FIELDS}
            other = "en" if lang == "vi" else "vi"
            shown = labels[f"label_{lang}"] or labels[f"label_{other}"] or _tail(node)
            graph.add_node(node, label=shown, iri=node, **labels)
    edges = [
        (u, v, d["relation"], sorted(d.get("sources", [])))
        for u, v, d in reporting.edges(data=True)
    ]
    for u, v, d in membership.edges(data=True):
        member, unit = (u, v) if membership.nodes[u]["bipartite"] == 0 else (v, u)
        edges.extend((member, unit, relation, []) for relation in d["relations"])
    names = relation_labels(store)
    for u, v, relation, sources in sorted(edges):
        if not graph.has_edge(u, v, key=relation):
            graph.add_edge(
                u,
                v,
                key=relation,
                relation=relation,
                relation_label=names.get(relation, {}).get(lang) or relation,
                sources="; ".join(sources),
                source_count=len(sources),
            )
    for node in graph:
        graph.nodes[node]["in_degree"] = graph.in_degree(node)
        graph.nodes[node]["out_degree"] = graph.out_degree(node)
    return graph


def relation_labels(store: Store) -> dict[str, dict[str, str]]:
    """Each projected relation's label per language, from its predicate's labels."""
    by_term: dict[str, dict[str, str]] = {}
    for term, label, language in select_values(store, "term-labels"):
        if term is not None and label is not None:
            current = by_term.setdefault(term, {})
            key = language or ""
            if key not in current or label < current[key]:
                current[key] = label
    labels = {name: dict(found) for name, found in _OWN_RELATION_LABELS.items()}
    for name, term in _RELATION_TERMS.items():
        found = by_term.get(term, {})
        labels[name] = {lang: found.get(lang) or found.get("") or name for lang in LANGUAGES}
    return labels


def export_graph(
    store: Store, fmt: str, *, lang: str = "vi", table: str = "nodes", bom: bool = False
) -> bytes:
    """The org graph of ``store`` as ``graphml``, ``gexf``, one ``csv`` table or ``csv-zip``."""
    if fmt not in NETWORK_FORMATS:
        raise NotFound(f"unknown graph format {fmt!r}: use one of {', '.join(NETWORK_FORMATS)}")
    if table not in TABLES:
        raise ParameterError(
            f"unknown table {table!r}: use one of {', '.join(TABLES)}", parameter="table"
        )
    graph = org_graph(store, lang)
    if fmt == "graphml":
        return _graphml(graph)
    if fmt == "gexf":
        return _gexf(graph, lang)
    tables = _tables(graph)
    if fmt == "csv":
        return _csv(tables[table], bom=bom)
    return _zip_tables(tables, bom=bom)


# -- GraphML ----------------------------------------------------------------


def _graphml(graph: nx.MultiDiGraph) -> bytes:
    ET.register_namespace("", _GRAPHML_NS)
    root = ET.Element(f"{{{_GRAPHML_NS}}}graphml")
    for domain, attributes in (("node", NODE_ATTRIBUTES), ("edge", EDGE_ATTRIBUTES)):
        for attribute in attributes:
            ET.SubElement(
                root,
                f"{{{_GRAPHML_NS}}}key",
                {
                    "id": f"{domain}_{attribute.name}",
                    "for": domain,
                    "attr.name": attribute.name,
                    "attr.type": attribute.kind,
                },
            )
    body = ET.SubElement(
        root,
        f"{{{_GRAPHML_NS}}}graph",
        {
            "id": "org",
            "edgedefault": "directed",
            "parse.nodeids": "canonical",
            "parse.edgeids": "canonical",
        },
    )
    ids = {node: f"n{index}" for index, node in enumerate(graph.nodes)}
    for node, data in graph.nodes(data=True):
        element = ET.SubElement(body, f"{{{_GRAPHML_NS}}}node", {"id": ids[node]})
        _graphml_data(element, "node", NODE_ATTRIBUTES, data)
    for index, (u, v, data) in enumerate(graph.edges(data=True)):
        element = ET.SubElement(
            body,
            f"{{{_GRAPHML_NS}}}edge",
            {"id": f"e{index}", "source": ids[u], "target": ids[v]},
        )
        _graphml_data(element, "edge", EDGE_ATTRIBUTES, data)
    return _xml_bytes(root)


def _graphml_data(
    element: ET.Element, domain: str, attributes: tuple[Attribute, ...], data: dict[str, object]
) -> None:
    for attribute in attributes:
        value = ET.SubElement(
            element, f"{{{_GRAPHML_NS}}}data", {"key": f"{domain}_{attribute.name}"}
        )
        value.text = _xml_text(data[attribute.name])


# -- GEXF ---------------------------------------------------------------------


def _gexf(graph: nx.MultiDiGraph, lang: str) -> bytes:
    ET.register_namespace("", _GEXF_NS)
    root = ET.Element(f"{{{_GEXF_NS}}}gexf", {"version": _GEXF_VERSION})
    meta = ET.SubElement(root, f"{{{_GEXF_NS}}}meta")
    ET.SubElement(meta, f"{{{_GEXF_NS}}}creator").text = "orgkg"
    ET.SubElement(meta, f"{{{_GEXF_NS}}}description").text = f"org graph ({lang})"
    body = ET.SubElement(
        root, f"{{{_GEXF_NS}}}graph", {"defaultedgetype": "directed", "mode": "static"}
    )
    kinds = {"string": "string", "int": "integer"}
    node_attributes = [a for a in NODE_ATTRIBUTES if a.name != "label"]  # the node's own label
    for domain, attributes in (("node", node_attributes), ("edge", list(EDGE_ATTRIBUTES))):
        declared = ET.SubElement(body, f"{{{_GEXF_NS}}}attributes", {"class": domain})
        for attribute in attributes:
            ET.SubElement(
                declared,
                f"{{{_GEXF_NS}}}attribute",
                # The title is what Gephi shows and what readers key values by.
                {"id": attribute.name, "title": attribute.name, "type": kinds[attribute.kind]},
            )
    nodes = ET.SubElement(body, f"{{{_GEXF_NS}}}nodes")
    for node, data in graph.nodes(data=True):
        element = ET.SubElement(
            nodes, f"{{{_GEXF_NS}}}node", {"id": node, "label": _xml_text(data["label"])}
        )
        _gexf_values(element, node_attributes, data)
    edges = ET.SubElement(body, f"{{{_GEXF_NS}}}edges")
    for index, (u, v, data) in enumerate(graph.edges(data=True)):
        element = ET.SubElement(
            edges,
            f"{{{_GEXF_NS}}}edge",
            {
                "id": f"e{index}",
                "source": u,
                "target": v,
                "label": _xml_text(data["relation_label"]),
            },
        )
        _gexf_values(element, list(EDGE_ATTRIBUTES), data)
    return _xml_bytes(root)


def _gexf_values(element: ET.Element, attributes: list[Attribute], data: dict[str, object]) -> None:
    values = ET.SubElement(element, f"{{{_GEXF_NS}}}attvalues")
    for attribute in attributes:
        ET.SubElement(
            values,
            f"{{{_GEXF_NS}}}attvalue",
            {"for": attribute.name, "value": _xml_text(data[attribute.name])},
        )


def _xml_text(value: object) -> str:
    """``value`` as text XML can carry: characters XML 1.0 forbids are dropped."""
    return _NOT_XML.sub("", str(value))


def _xml_bytes(root: ET.Element) -> bytes:
    ET.indent(root)
    # encoding="unicode" keeps every character as itself (no &#7897; references).
    text = ET.tostring(root, encoding="unicode")
    return ('<?xml version="1.0" encoding="utf-8"?>\n' + text + "\n").encode("utf-8")


# -- CSV ----------------------------------------------------------------------


def _tables(graph: nx.MultiDiGraph) -> dict[str, list[list[str]]]:
    node_columns = ["id", *(a.name for a in NODE_ATTRIBUTES if a.name != "iri")]
    edge_columns = ["source", "target", *(a.name for a in EDGE_ATTRIBUTES)]
    nodes = [node_columns] + [
        [node, *(str(data[name]) for name in node_columns[1:])]
        for node, data in graph.nodes(data=True)
    ]
    edges = [edge_columns] + [
        [u, v, *(str(data[name]) for name in edge_columns[2:])]
        for u, v, data in graph.edges(data=True)
    ]
    return {"nodes": nodes, "edges": edges}


def _zip_tables(tables: dict[str, list[list[str]]], *, bom: bool) -> bytes:
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", compression=zipfile.ZIP_DEFLATED) as archive:
        for name in TABLES:
            # A fixed timestamp: the same data gives the same bytes.
            info = zipfile.ZipInfo(f"{name}.csv", date_time=_ZIP_TIME)
            archive.writestr(info, _csv(tables[name], bom=bom))
    return buffer.getvalue()


def _csv(rows: list[list[str]], *, bom: bool) -> bytes:
    text = io.StringIO()
    writer = csv.writer(text, lineterminator="\r\n")
    for row in rows:
        writer.writerow(["'" + cell if cell.startswith(_FORMULA_STARTS) else cell for cell in row])
    return ((BOM if bom else "") + text.getvalue()).encode("utf-8")


def _tail(iri: str) -> str:
    return iri.rstrip("/#").rsplit("/", 1)[-1].rsplit("#", 1)[-1]


def _check_language(lang: str) -> None:
    if lang not in LANGUAGES:
        raise ParameterError(
            f"unknown language {lang!r}: use one of {', '.join(LANGUAGES)}", parameter="lang"
        )
