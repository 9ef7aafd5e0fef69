"""Each single point of failure cuts off exactly the nodes removing it separates.

Checked by brute force on seeded random graphs (tangled: loops, several
superiors, isolated nodes): remove the node from the undirected command
graph and count the nodes of its old part outside the largest piece left.
The walk that finds them runs over nodes in graph order without sorting
neighbours, so the same graph in another node order must give the same answer.
"""

from __future__ import annotations

import networkx as nx
import pytest

from graph.analytics import command_graph
from graph.cuts import single_points_of_failure

RELATIONS = ("reportsTo", "within", "holds", "heads")


def _random(seed: int, nodes: int = 200, p: float = 0.015) -> nx.DiGraph:
    random = nx.gnp_random_graph(nodes, p, seed=seed, directed=True)
    graph = nx.DiGraph()
    graph.add_nodes_from(f"n{n:03}" for n in random)
    graph.add_edges_from(
        (f"n{u:03}", f"n{v:03}", {"relation": RELATIONS[(u * 3 + v) % 4]})
        for u, v in random.edges()
    )
    return graph


def _brute_force(graph: nx.DiGraph) -> list[tuple[str, int]]:
    undirected = command_graph(graph).to_undirected()
    found = []
    for node in undirected:
        part = nx.node_connected_component(undirected, node)
        rest = undirected.subgraph(part - {node})
        pieces = [len(c) for c in nx.connected_components(rest)]
        if len(pieces) >= 2:
            found.append((node, len(part) - 1 - max(pieces)))
    return sorted(found, key=lambda item: (-item[1], item[0]))


@pytest.mark.parametrize("seed", [2, 5, 11, 17])
def test_separated_counts_match_brute_force(seed: int) -> None:
    graph = _random(seed)
    expected = _brute_force(graph)
    assert expected, "the random graph should have some single points of failure"
    assert single_points_of_failure(graph) == expected


@pytest.mark.parametrize("seed", [3, 7, 13])
def test_sparse_graphs_with_many_leaves_match_brute_force(seed: int) -> None:
    """Most nodes of an organisation hang by one edge (a person on a post): the walk counts
    each such leaf as a piece of one without walking it, and must still be exact."""
    graph = _random(seed, p=0.006)
    undirected = command_graph(graph).to_undirected()
    assert sum(1 for node in undirected if undirected.degree(node) == 1) > 40
    assert single_points_of_failure(graph) == _brute_force(graph)


@pytest.mark.parametrize("seed", [2, 5])
def test_node_order_does_not_change_the_answer(seed: int) -> None:
    graph = _random(seed)
    reordered = nx.DiGraph()
    reordered.add_nodes_from(reversed(list(graph)))
    reordered.add_edges_from(reversed(list(graph.edges(data=True))))
    assert single_points_of_failure(reordered) == single_points_of_failure(graph)
