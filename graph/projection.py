"""Explicit projections of the store into networkx graphs.

Nodes are keyed by IRI string and carry ``label_vi``, ``label_en`` (None when
missing) and ``kind`` (``post``, ``unit``, ``body``, ``person``, ``agent`` or
``other``). The SPARQL they run is ``graph/sparql/projection-*.rq``.

>>> from ontology import load_regulation
>>> reporting = project_reporting(load_regulation())
>>> reporting.nodes["https://w3id.org/orgkg/id/tct-cpdt"]["kind"]
'body'
"""

from __future__ import annotations

import functools
from collections.abc import Iterable
from pathlib import Path

import networkx as nx
from rdflib import Literal

from ontology.errors import DataError
from ontology.namespaces import FOAF, ORG
from ontology.store import Store

SPARQL = Path(__file__).resolve().parent / "sparql"
RELATIONS = ("reportsTo", "within", "holds", "heads")
# A node typed twice is the first of these it is (a unit is also an org:Organization).
_KINDS = (
    (str(ORG.Post), "post"),
    (str(ORG.OrganizationalUnit), "unit"),
    (str(ORG.FormalOrganization), "body"),
    (str(ORG.OrganizationalCollaboration), "body"),
    (str(ORG.Organization), "body"),
    (str(FOAF.Organization), "body"),
    (str(FOAF.Person), "person"),
    (str(FOAF.Group), "agent"),
    (str(FOAF.Agent), "agent"),
)
# Without a type, the relation an IRI takes part in tells its kind.
_IMPLIED = {
    ("within", "source"): "other",
    ("within", "target"): "unit",
    ("holds", "source"): "person",
    ("holds", "target"): "post",
    ("heads", "source"): "person",
    ("heads", "target"): "unit",
}


@functools.cache
def read_projection_query(name: str) -> str:
    """The text of ``graph/sparql/<name>.rq`` (read once)."""
    path = SPARQL / f"{name}.rq"
    try:
        return path.read_text(encoding="utf-8")
    except OSError as exc:
        raise DataError(f"missing projection query: {exc.strerror}", path=path) from None


def project_reporting(store: Store) -> nx.DiGraph:
    """Reporting and containment as a DiGraph from subordinate to superior.

    Edge attributes: ``relation`` (``reportsTo``, ``within``, ``holds``,
    ``heads``; see ``graph/sparql/projection-reporting.rq``) and ``sources``
    (sentence ids, sorted). Posts, units, bodies and the people holding
    posts are nodes; ``reporting_only`` keeps the reportsTo edges alone.
    """
    graph = nx.DiGraph()
    implied: dict[str, str] = {}
    table = store.select(read_projection_query("projection-reporting"))
    for source, target, relation, sources in table.rows:
        relation_name = str(relation)
        ids = sorted(set(str(sources).split("; ")) - {""}) if sources is not None else []
        # The same pair can be both reportsTo and within: the earlier relation wins.
        if graph.has_edge(str(source), str(target)) and RELATIONS.index(
            relation_name
        ) >= RELATIONS.index(graph.edges[str(source), str(target)]["relation"]):
            continue
        graph.add_edge(str(source), str(target), relation=relation_name, sources=ids)
        implied.setdefault(str(source), _IMPLIED.get((relation_name, "source"), "other"))
        implied.setdefault(str(target), _IMPLIED.get((relation_name, "target"), "other"))
    _describe_nodes(store, graph, implied)
    return graph


def project_membership(store: Store) -> nx.Graph:
    """Bipartite graph: posts and agents (``bipartite=0``) and their units (``bipartite=1``).

    Edge attribute ``relations``: the sorted ways the member belongs
    (``postIn``, ``sitsIn``, ``memberOf``, ``headOf``).
    """
    graph = nx.Graph()
    implied: dict[str, str] = {}
    table = store.select(read_projection_query("projection-membership"))
    for member, unit, relation in table.rows:
        key = (str(member), str(unit))
        if graph.has_edge(*key):
            relations = set(graph.edges[key]["relations"]) | {str(relation)}
            graph.edges[key]["relations"] = sorted(relations)
        else:
            graph.add_edge(*key, relations=[str(relation)])
        implied.setdefault(
            str(member), "post" if str(relation) in ("postIn", "sitsIn") else "agent"
        )
        implied.setdefault(str(unit), "unit")
    _describe_nodes(store, graph, implied)
    for _node, data in graph.nodes(data=True):
        data["bipartite"] = 1 if data["kind"] in ("unit", "body") else 0
    return graph


def _describe_nodes(store: Store, graph: nx.Graph, implied: dict[str, str]) -> None:
    """Give every node its labels and kind (from types, else from its relations)."""
    labels: dict[str, dict[str, str]] = {}
    kinds: dict[str, set[str]] = {}
    for node, label, kind in store.select(read_projection_query("projection-nodes")).rows:
        key = str(node)
        if key not in graph:
            continue
        if isinstance(label, Literal):
            language = label.language or ""
            current = labels.setdefault(key, {})
            # Several labels in one language: keep the smallest, so runs agree.
            if language not in current or str(label) < current[language]:
                current[language] = str(label)
        if kind is not None:
            kinds.setdefault(key, set()).add(str(kind))
    for node, data in graph.nodes(data=True):
        found = labels.get(node, {})
        data["label_vi"] = found.get("vi") or found.get("")
        data["label_en"] = found.get("en") or found.get("")
        data["kind"] = _kind_of(kinds.get(node, set())) or implied.get(node, "other")


def _kind_of(types: Iterable[str]) -> str | None:
    present = set(types)
    return next((kind for iri, kind in _KINDS if iri in present), None)


def label_of(graph: nx.Graph, node: str, lang: str) -> str | None:
    """A node's label in ``lang``, else in the other language, else None."""
    data = graph.nodes[node]
    other = "en" if lang == "vi" else "vi"
    label: str | None = data.get(f"label_{lang}") or data.get(f"label_{other}")
    return label
