"""The reporting projection and its labels, kept beside an on-disk store for later processes.

An on-disk store (``orgkg load --into DIR``) is one version of the data for
as long as it exists: a rebuild replaces the whole folder. What networkx
answers need of it, the reporting projection with every node's labels, is
read from the engine once, as the store is built, and kept in the folder as
``orgkg-kept-reporting-<key>.json`` (:func:`keep`); a process opening the
store reads that file instead of asking the engine (:func:`read_kept`): at
1M triples on disk, the engine takes 1.6 s for the projection and 2.2 s for
the labels. A store opened read-only is never written to.

The key hashes the store's version, the projection's SPARQL and the code
that builds it (this module and :mod:`graph.projection`): a kept file that
another orgkg would build differently is never read, nor is a damaged one;
the engine then answers, as for a store built before anything was kept.
The file is plain JSON written to a temporary name and renamed, so a
reader sees a whole file or none.

The graph read back is the one the engine gives: same nodes, in the same
order, with the same kinds; each node's successors and predecessors in the
same order, with the same relations (the walks go in graph order).
"""

from __future__ import annotations

import functools
import hashlib
import json
import os
from collections.abc import Mapping
from pathlib import Path
from typing import Any

import networkx as nx

from graph import projection
from graph.projection import paused_collection
from ontology.known_labels import Labels
from ontology.sparql import read_sparql
from ontology.store import Store

FORMAT = 1
PREFIX = "orgkg-kept-reporting-"
# The SPARQL the kept projection and labels come from (graph.projection runs it).
_QUERIES = (
    "projection-reporting",
    "projection-containment",
    "projection-types",
    "projection-labels",
)


def kept_path(store: Store) -> Path | None:
    """Where ``store``'s projection is kept (None: a store that keeps nothing)."""
    if store.kept_in is None:
        return None
    key = hashlib.sha256(f"{_definition()}\0{store.version}".encode()).hexdigest()[:16]
    return store.kept_in / f"{PREFIX}{key}.json"


@functools.cache
def _definition() -> str:
    """A digest of what makes the projection: its SPARQL, its code, the kept format."""
    digest = hashlib.sha256(str(FORMAT).encode())
    for name in _QUERIES:
        digest.update(read_sparql(name).encode())
    for module in (projection.__file__, __file__):
        digest.update(Path(module).read_bytes())
    return digest.hexdigest()


def is_kept(store: Store) -> bool:
    """Whether ``store``'s projection is kept (then every node's label comes with it)."""
    path = kept_path(store)
    return path is not None and path.is_file()


def read_kept(store: Store) -> tuple[nx.DiGraph, dict[str, Labels]] | None:
    """The projection (kinds, no labels) and every node's labels kept for ``store``, if any."""
    path = kept_path(store)
    if path is None:
        return None
    try:
        with paused_collection():  # hundreds of thousands of lists and dicts, none garbage
            kept = json.loads(path.read_bytes())
            return _graph_of(kept), _labels_of(kept)
    except (OSError, ValueError, KeyError, TypeError, IndexError):
        return None  # none kept, or not whole: the engine answers


def keep(store: Store, graph: nx.DiGraph, labels: Mapping[str, Labels]) -> Path | None:
    """Keep ``graph`` and the ``labels`` of its nodes for ``store``; where (None: not kept).

    A folder that cannot be written to keeps nothing (every process then
    asks the engine).
    """
    path = kept_path(store)
    if path is None:
        return None
    text = json.dumps(_plain(graph, labels), ensure_ascii=False, separators=(",", ":"))
    partial = path.with_name(f"{path.name}.{os.getpid()}.partial")
    try:
        partial.write_text(text, encoding="utf-8")
        partial.replace(path)
    except OSError:
        partial.unlink(missing_ok=True)
        return None
    return path


def _plain(graph: nx.DiGraph, labels: Mapping[str, Labels]) -> dict[str, Any]:
    """``graph`` as flat lists: nodes in order, then its edges in successor order.

    Edge ``e`` goes from node ``sources[e]`` to node ``targets[e]`` along
    ``relations[e]``, each source's edges in the order of its successors;
    ``predecessor_order`` lists the edges in the order each node's
    predecessors come (the order the engine gave them).
    """
    nodes = list(graph)
    number = {node: index for index, node in enumerate(nodes)}
    edges = [
        (source, target, data["relation"])
        for source, targets in graph._succ.items()
        for target, data in targets.items()
    ]
    index = {(source, target): position for position, (source, target, _) in enumerate(edges)}
    return {
        "format": FORMAT,
        "nodes": nodes,
        "kinds": [kind for _node, kind in graph.nodes(data="kind")],
        "labels": [labels.get(node, (None, None)) for node in nodes],
        "sources": [number[source] for source, _target, _relation in edges],
        "targets": [number[target] for _source, target, _relation in edges],
        "relations": [relation for _source, _target, relation in edges],
        "predecessor_order": [
            index[source, target] for target, sources in graph._pred.items() for source in sources
        ],
    }


def _graph_of(kept: Mapping[str, Any]) -> nx.DiGraph:
    """The DiGraph :func:`_plain` wrote (a malformed one raises KeyError, IndexError ...)."""
    if kept["format"] != FORMAT:
        raise ValueError(f"kept format {kept['format']!r}")
    nodes: list[str] = kept["nodes"]
    if len(nodes) != len(kept["kinds"]):
        raise ValueError("kept nodes and kinds of different lengths")
    sources = [nodes[index] for index in kept["sources"]]
    targets = [nodes[index] for index in kept["targets"]]
    attributes = [{"relation": relation} for relation in kept["relations"]]
    if not len(sources) == len(targets) == len(attributes) == len(kept["predecessor_order"]):
        raise ValueError("kept edge lists of different lengths")
    succ: dict[str, dict[str, dict[str, str]]] = {node: {} for node in nodes}
    pred: dict[str, dict[str, dict[str, str]]] = {node: {} for node in nodes}
    for source, target, data in zip(sources, targets, attributes, strict=True):
        succ[source][target] = data
    for edge in kept["predecessor_order"]:
        pred[targets[edge]][sources[edge]] = attributes[edge]
    graph = nx.DiGraph()
    kinds = zip(nodes, kept["kinds"], strict=True)
    graph._node.update((node, {"kind": kind}) for node, kind in kinds)
    graph._succ.update(succ)
    graph._pred.update(pred)
    return graph


def _labels_of(kept: Mapping[str, Any]) -> dict[str, Labels]:
    return {node: (vi, en) for node, (vi, en) in zip(kept["nodes"], kept["labels"], strict=True)}
