"""The plain-list analytics agree with networkx's own algorithms on a tangled graph.

A seeded random graph with every relation, loops and people/agents mixed in:
the single points of failure are exactly networkx's articulation points of
the undirected command graph, the reporting cycles networkx's simple cycles
of the ``reportsTo`` edges, and each longest chain is a path of the command
graph, walked without repeating a node, longest first.
"""

from __future__ import annotations

import itertools

import networkx as nx
import pytest

from graph.analytics import (
    command_graph,
    command_superiors,
    longest_chains,
    reporting_cycles,
    superiors,
)
from graph.cuts import single_points_of_failure

RELATIONS = ("reportsTo", "within", "holds", "heads")
KINDS = ("post", "unit", "person", "agent")


def _tangled(seed: int) -> nx.DiGraph:
    random = nx.gnp_random_graph(300, 0.012, seed=seed, directed=True)
    graph = nx.DiGraph()
    graph.add_nodes_from((f"n{n:03}", {"kind": KINDS[n % 4]}) for n in random)
    graph.add_edges_from(
        (f"n{u:03}", f"n{v:03}", {"relation": RELATIONS[(u * 7 + v) % 4]})
        for u, v in random.edges()
    )
    return graph


@pytest.mark.parametrize("seed", [1, 4, 9])
def test_command_superiors_are_superiors(seed: int) -> None:
    graph = _tangled(seed)
    assert command_superiors(graph) == {node: superiors(graph, node) for node in graph}


@pytest.mark.parametrize("seed", [1, 4, 9])
def test_single_points_of_failure_are_articulation_points(seed: int) -> None:
    graph = _tangled(seed)
    found = single_points_of_failure(graph)
    undirected = command_graph(graph).to_undirected()
    assert {node for node, _ in found} == set(nx.articulation_points(undirected))
    assert all(separated >= 1 for _, separated in found)


@pytest.mark.parametrize("seed", [1, 4, 9])
def test_reporting_cycles_are_the_simple_cycles(seed: int) -> None:
    graph = _tangled(seed)
    reports = nx.DiGraph((u, v) for u, v, r in graph.edges(data="relation") if r == "reportsTo")
    expected = sorted(
        (c[c.index(min(c)) :] + c[: c.index(min(c))] for c in nx.simple_cycles(reports)),
        key=lambda c: (len(c), c),
    )
    assert expected, "the seed must give loops to compare"
    assert reporting_cycles(graph) == expected[:100]


@pytest.mark.parametrize("seed", [1, 4, 9])
def test_longest_chains_follow_the_command_graph(seed: int) -> None:
    graph = _tangled(seed)
    command = command_graph(graph)
    chains = longest_chains(graph)
    assert chains and chains == sorted(chains, key=lambda c: (-len(c), c))
    for chain in chains:
        assert all(command.has_edge(a, b) for a, b in itertools.pairwise(chain))
        assert graph.nodes[chain[0]]["kind"] in ("post", "unit")
        assert len(set(chain)) == len(chain)  # a loop is never walked round
    assert len(chains[0]) >= 3
