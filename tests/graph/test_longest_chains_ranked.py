"""The longest chains are those of a plain re-derivation: every chain walked, all sorted.

``longest_chains`` ranks the starts by height and walks only the chains it
keeps; here, on seeded random command graphs without loops (edges only go
from a higher number to a lower one, with many ties in length), every start's
chain is walked up to its top, each step to the highest superior (ties: the
smallest IRI), and the chains are sorted longest first, then by path.
"""

from __future__ import annotations

import functools

import networkx as nx
import pytest

from graph.analytics import command_graph, longest_chains

RELATIONS = ("reportsTo", "within", "holds", "heads")
KINDS = ("post", "unit", "person", "agent")


def _acyclic(seed: int) -> nx.DiGraph:
    random = nx.gnp_random_graph(240, 0.02, seed=seed, directed=True)
    graph = nx.DiGraph()
    graph.add_nodes_from((f"n{n:03}", {"kind": KINDS[(n * 5) % 4]}) for n in random)
    graph.add_edges_from(
        (f"n{u:03}", f"n{v:03}", {"relation": RELATIONS[(u + v) % 4]})
        for u, v in random.edges()
        if u > v
    )
    return graph


def _every_chain_sorted(graph: nx.DiGraph) -> list[list[str]]:
    command = command_graph(graph)
    assert nx.is_directed_acyclic_graph(command)

    @functools.cache
    def height(node: str) -> int:
        return 1 + max((height(s) for s in command.successors(node)), default=0)

    def chain(start: str) -> list[str]:
        path = [start]
        while above := list(command.successors(path[-1])):
            path.append(min(above, key=lambda s: (-height(s), s)))
        return path

    chain_kinds = ("post", "unit")
    starts = [
        node
        for node in command
        if graph.nodes[node]["kind"] in chain_kinds
        and command.out_degree(node)
        and not any(graph.nodes[p]["kind"] in chain_kinds for p in command.predecessors(node))
    ]
    return sorted((chain(s) for s in starts), key=lambda c: (-len(c), c))


@pytest.mark.parametrize("seed", [3, 7, 12])
@pytest.mark.parametrize("limit", [1, 10, 1000])
def test_longest_chains_are_the_first_of_every_chain_sorted(seed: int, limit: int) -> None:
    graph = _acyclic(seed)
    every = _every_chain_sorted(graph)
    assert len(every) > 10, "the random graph should have many chains"
    assert longest_chains(graph, limit=limit) == every[:limit]
