"""Explicit projections of the store into networkx graphs.

Nodes are keyed by IRI string and carry ``label_vi``, ``label_en`` (None when
missing) and ``kind`` (``post``, ``unit``, ``body``, ``person``, ``agent`` or
``other``); a reporting projection built without labels carries ``kind``
only, and :func:`node_labels` reads the labels of the nodes an answer shows.
The SPARQL they run is ``ontology/sparql/projection-*.rq``; the store
evaluates a projection's queries at once (edges, types, labels).

>>> from ontology import load_regulation
>>> reporting = project_reporting(load_regulation())
>>> reporting.nodes["https://w3id.org/orgkg/id/tct-cpdt"]["kind"]
'body'
"""

from __future__ import annotations

import gc
import itertools
from collections.abc import Callable, Collection, Iterable, Iterator, Mapping, Sequence
from contextlib import contextmanager
from dataclasses import dataclass

import networkx as nx

from ontology.known_labels import Labels, pairs_of, shown_labels
from ontology.namespaces import FOAF, ORG
from ontology.sparql import read_sparql
from ontology.store import Cell, CellKind, Store, ValuesLater, ValuesQuery

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
# Up to this many nodes, node_labels looks each one up; past it, it reads every label once.
FEW_NODES = 256
# The place of each type in _KINDS: a node takes the kind of its lowest.
_RANKS = {iri: index for index, (iri, _kind) in enumerate(_KINDS)}
# Without a type, the relation an IRI takes part in tells its kind.
_IMPLIED = {
    ("holds", "source"): "person",
    ("holds", "target"): "post",
    ("heads", "source"): "person",
    ("heads", "target"): "unit",
    ("within", "target"): "unit",
}


# What the first cells of these queries' rows must be: rows with other terms are dropped as
# they are read, which costs far less than the engine's FILTER(isIRI(...)) (the queries say why).
_CELL_KINDS: dict[str, tuple[CellKind, ...]] = {
    "projection-reporting": ("iri", "iri"),
    "projection-containment": ("iri", "iri"),
    "projection-membership": ("iri", "iri"),
    "projection-labels": ("iri", "literal"),
}


# Every label's query and what its cells must be (node_labels, every_label_later).
_EVERY_LABEL = (read_sparql("projection-labels"), _CELL_KINDS["projection-labels"])


def select_values(
    store: Store, name: str, bindings: Mapping[str, str] | None = None
) -> list[tuple[Cell, ...]]:
    """Rows of ``ontology/sparql/<name>.rq`` as plain strings (IRIs and lexical forms).

    The store's fast path (:meth:`ontology.store.Store.select_values`);
    ``bindings`` pre-bind variables to IRIs.
    """
    return store.select_values(read_sparql(name), bindings, kinds=_CELL_KINDS.get(name, ()))


def project_reporting(store: Store, *, sources: bool = False, labels: bool = True) -> nx.DiGraph:
    """Reporting and containment as a DiGraph from subordinate to superior.

    Edge attribute ``relation``: ``reportsTo``, ``within``, ``holds`` or
    ``heads`` (``ontology/sparql/projection-reporting.rq`` and
    ``projection-containment.rq``); a pair both
    reporting and contained keeps ``reportsTo``. With ``sources``, edges also
    get ``sources``: the sorted ids of the sentences they come from. Without
    ``labels``, nodes carry ``kind`` only: the labels are the bigger half of
    the work at scale (223k rows at 1M triples against 66k types), and a
    networkx answer shows few of them (:func:`node_labels`).
    """
    with paused_collection():
        return _reporting(store, sources=sources, labels=labels)


@dataclass(frozen=True)
class PlainReporting:
    """The reporting projection before networkx: each edge's relation and each node's kind.

    ``edges`` go from subordinate to superior in the order the engine's rows
    first give them; ``kinds`` has every node in the order the edges first
    name them: the order of :meth:`graph`, the DiGraph :func:`project_reporting`
    gives. A question that needs no DiGraph (:func:`graph.cuts.failures_of`)
    reads this and spares building one (a fifth of a cold projection at 1M).
    """

    edges: dict[tuple[str, str], str]
    kinds: dict[str, str]

    def graph(self, labels: Mapping[str, Labels] | None = None) -> nx.DiGraph:
        """The projection as a DiGraph, with each node's ``label_vi``, ``label_en`` if given."""
        graph = filled_digraph(self.edges)
        _set_nodes(graph, self.kinds, labels)
        return graph

    @classmethod
    def of(cls, graph: nx.DiGraph) -> PlainReporting:
        """The plain data of a reporting projection built already (or kept, graph.kept)."""
        edges = {(u, v): relation for u, v, relation in graph.edges(data="relation")}
        return cls(edges, dict(graph.nodes(data="kind")))


def read_reporting(store: Store) -> PlainReporting:
    """The reporting projection of ``store`` as plain data (:class:`PlainReporting`)."""
    with paused_collection():
        return _read_reporting(store, labels=False)[0]


def _read_reporting(
    store: Store, *, labels: bool
) -> tuple[PlainReporting, Mapping[str, Labels] | None]:
    """The projection's queries evaluated at once: its plain data, and its nodes' labels."""
    read_labels = labels and store.known_labels is None
    lines, containment, types, *named = select_values_each(
        store,
        ["projection-reporting", "projection-containment", "projection-types"]
        + ["projection-labels"] * read_labels,
    )
    rows = [*lines, *containment]
    edges = _best_relations(rows)
    nodes = dict.fromkeys(itertools.chain.from_iterable(edges))
    plain = PlainReporting(edges, _node_kinds(nodes, types, _implied_by(rows)))
    return plain, _shown(store, nodes, named[0] if named else None) if labels else None


def _reporting(store: Store, *, sources: bool, labels: bool) -> nx.DiGraph:
    """:func:`project_reporting`'s work, done with collection paused."""
    plain, shown = _read_reporting(store, labels=labels)
    graph = plain.graph(shown)
    if sources:
        found = _sources(select_values(store, "projection-sources"))
        for u, v, data in graph.edges(data=True):
            data["sources"] = edge_sources_of(found, u, v, data["relation"])
    return graph


def _best_relations(rows: Iterable[tuple[Cell, ...]]) -> dict[tuple[str, str], str]:
    """Each (subordinate, superior) pair in the order the rows first give it, with its relation.

    A pair both reporting and contained keeps the relation first in
    RELATIONS; rows with an unbound cell, and a node above itself, are skipped.

    >>> _best_relations([("a", "b", "within"), ("a", "c", "holds"), ("a", "b", "reportsTo")])
    {('a', 'b'): 'reportsTo', ('a', 'c'): 'holds'}
    >>> _best_relations([("a", "a", "reportsTo"), ("a", None, "within")])
    {}
    """
    by_relation: dict[str, list[tuple[str, str]]] = {relation: [] for relation in RELATIONS}
    order: list[tuple[str, str]] = []
    for source, target, relation in rows:
        if source is None or target is None or source == target or relation not in by_relation:
            continue
        pair = (source, target)
        order.append(pair)
        by_relation[relation].append(pair)
    best: dict[tuple[str, str], str] = dict.fromkeys(order, "")
    for relation in reversed(RELATIONS):  # the best relation is written last
        best.update(zip(by_relation[relation], itertools.repeat(relation)))
    return best


def _implied_by(rows: Sequence[tuple[Cell, ...]]) -> Callable[[str], str]:
    """The kind of an untyped node, from the first edge row it is on.

    Only called for nodes without an ORG/FOAF type (none in most data): the
    first call reads every row once, the others look the node up.
    """
    kinds: dict[str, str] = {}

    def implied(node: str) -> str:
        if not kinds:
            for source, target, relation in rows:
                if source is None or target is None or relation is None or source == target:
                    continue
                kinds.setdefault(source, _IMPLIED.get((relation, "source"), "other"))
                kinds.setdefault(target, _IMPLIED.get((relation, "target"), "other"))
        return kinds.get(node, "other")

    return implied


def filled_digraph(edges: Mapping[tuple[str, str], str]) -> nx.DiGraph:
    """A DiGraph of ``edges`` (pair -> ``relation``), as ``add_edges_from`` would build it.

    networkx keeps a DiGraph as dicts of dicts; filling them in one pass
    skips the checks and copies ``add_edges_from`` makes per edge (half of
    the graph's construction at 1M triples). Nodes come in the order the
    edges first name them, each node's neighbours in edge order, as with
    ``add_edges_from``.

    >>> g = filled_digraph({("a", "b"): "within", ("c", "a"): "holds"})
    >>> list(g), list(g.predecessors("a"))
    (['a', 'b', 'c'], ['c'])
    >>> list(g.edges(data=True))
    [('a', 'b', {'relation': 'within'}), ('c', 'a', {'relation': 'holds'})]
    """
    graph = nx.DiGraph()
    nodes = dict.fromkeys(itertools.chain.from_iterable(edges))
    successors: dict[str, dict[str, dict[str, str]]] = {node: {} for node in nodes}
    predecessors: dict[str, dict[str, dict[str, str]]] = {node: {} for node in nodes}
    for (source, target), relation in edges.items():
        data = {"relation": relation}
        successors[source][target] = data
        predecessors[target][source] = data
    graph._node.update((node, {}) for node in nodes)
    graph._succ.update(successors)
    graph._pred.update(predecessors)
    return graph


def select_values_each(store: Store, names: Sequence[str]) -> list[list[tuple[Cell, ...]]]:
    """The rows of several ``ontology/sparql/<name>.rq``, evaluated at once where the store can."""
    return store.select_values_each(
        [ValuesQuery(read_sparql(name), kinds=_CELL_KINDS.get(name, ())) for name in names]
    )


def node_labels(
    store: Store, nodes: Iterable[str], *, every: ValuesLater | None = None
) -> dict[str, Labels]:
    """``(label_vi, label_en)`` of each of ``nodes``, as a projection with labels gives them.

    Up to :data:`FEW_NODES` nodes, one bound look-up each (a fraction of a
    millisecond); more, one read of every label (``projection-labels.rq``),
    or of ``every``: that read started earlier (:func:`every_label_later`).
    """
    wanted = set(nodes)
    if store.known_labels is not None:  # read as the data was loaded
        return _shown(store, wanted, None)
    if len(wanted) > FEW_NODES:  # the other rows are dropped before they are read
        rows = (every or store.select_values_later(*_EVERY_LABEL))(wanted)
    else:
        rows = [
            row
            for node in sorted(wanted)
            for row in select_values(store, "projection-labels", {"node": node})
        ]
    return shown_labels(rows, wanted)


def every_label_later(store: Store) -> ValuesLater | None:
    """Start reading every label (``projection-labels.rq``) for :func:`node_labels`.

    The engine evaluates it while the caller works (on Oxigraph, in a
    thread of its own): an answer that shows thousands of nodes starts it
    before it finds them. None when the store knows every label already
    (``Store.known_labels``).
    """
    if store.known_labels is not None:
        return None
    return store.select_values_later(*_EVERY_LABEL)


def _shown(
    store: Store, nodes: Collection[str], rows: Iterable[tuple[Cell, ...]] | None
) -> dict[str, Labels]:
    """The labels of ``nodes``: from ``rows`` of ``projection-labels.rq``, else the store's own."""
    if rows is not None:
        return shown_labels(rows, nodes)
    return pairs_of(store.known_labels or {}, nodes)


@contextmanager
def paused_collection() -> Iterator[None]:
    """No cyclic garbage collection while a projection is built.

    Building one allocates hundreds of thousands of dicts and tuples, none
    of them garbage; the collector's passes over them cost 15-20 % of the
    projection's CPU at 1M triples. Collection resumes (if it was on) after.
    """
    was_enabled = gc.isenabled()
    gc.disable()
    try:
        yield
    finally:
        if was_enabled:
            gc.enable()


def edge_sources(store: Store, source: str, target: str, relation: str) -> list[str]:
    """The sorted sentence ids one edge of the reporting projection comes from."""
    rows = select_values(store, "projection-sources", {"source": source, "target": target})
    return edge_sources_of(_sources(rows), source, target, relation)


def _sources(rows: Iterable[tuple[Cell, ...]]) -> dict[tuple[str, str | None], set[str]]:
    """(subordinate, superior) -> ids for reporting lines; (node, None) -> a node's ids."""
    found: dict[tuple[str, str | None], set[str]] = {}
    for source, target, kind, sentence in rows:
        if source is None or sentence is None:
            continue
        key = (source, target if kind == "reportsTo" else None)
        found.setdefault(key, set()).add(sentence)
    return found


def edge_sources_of(
    found: Mapping[tuple[str, str | None], set[str]], source: str, target: str, relation: str
) -> list[str]:
    key = (source, target) if relation == "reportsTo" else (source, None)
    return sorted(found.get(key, ()))


def project_membership(store: Store) -> nx.Graph:
    """Bipartite graph: posts and agents (``bipartite=0``) and their units (``bipartite=1``).

    Edge attribute ``relations``: the sorted ways the member belongs
    (``postIn``, ``sitsIn``, ``memberOf``, ``headOf``).
    """
    with paused_collection():
        return _membership(store)


def _membership(store: Store) -> nx.Graph:
    """:func:`project_membership`'s work, done with collection paused."""
    edges, types, *named = select_values_each(
        store,
        ["projection-membership", "projection-types"]
        + ["projection-labels"] * (store.known_labels is None),
    )
    graph = nx.Graph()
    implied: dict[str, str] = {}
    for member, unit, relation in edges:
        if member is None or unit is None or relation is None:
            continue
        if graph.has_edge(member, unit):
            relations = set(graph.edges[member, unit]["relations"]) | {relation}
            graph.edges[member, unit]["relations"] = sorted(relations)
        else:
            graph.add_edge(member, unit, relations=[relation])
        implied.setdefault(member, "post" if relation in ("postIn", "sitsIn") else "agent")
        implied.setdefault(unit, "unit")
    shown = _shown(store, graph._node, named[0] if named else None)
    _describe_nodes(graph, types, shown, lambda node: implied.get(node, "other"))
    for _node, data in graph.nodes(data=True):
        data["bipartite"] = 1 if data["kind"] in ("unit", "body") else 0
    return graph


def _describe_nodes(
    graph: nx.Graph,
    types: Iterable[tuple[Cell, ...]],
    labels: Mapping[str, Labels] | None,
    implied: Callable[[str], str],
) -> None:
    """Give every node its labels (unless ``labels`` is None) and kind (:func:`_node_kinds`)."""
    _set_nodes(graph, _node_kinds(graph._node, types, implied), labels)


def _set_nodes(
    graph: nx.Graph, kinds: Mapping[str, str], labels: Mapping[str, Labels] | None
) -> None:
    for node, data in graph._node.items():
        if labels is not None:
            data["label_vi"], data["label_en"] = labels[node]
        data["kind"] = kinds[node]


def _node_kinds(
    nodes: Collection[str], types: Iterable[tuple[Cell, ...]], implied: Callable[[str], str]
) -> dict[str, str]:
    """Each node's kind, in node order: from its types, else from its relations (``implied``).

    Rows about other IRIs (the types of duties, documents ...) are skipped
    with one dict look-up.
    """
    ranks: dict[str, int] = {}
    last = len(_KINDS)
    for node, kind in types:
        if node is None or kind is None or node not in nodes:
            continue
        rank = _RANKS.get(kind, last)
        if rank < ranks.get(node, last):
            ranks[node] = rank
    return {node: _KINDS[ranks[node]][1] if node in ranks else implied(node) for node in nodes}
