"""Looking for reporting loops only where they can be finds the loops a whole-graph search finds.

``reporting_cycles`` peels off the nodes no loop can pass before networkx
searches; with more loops than ``limit``, the ones kept must still be the
ones the search over every node (in the graph's order) met first.
"""

from __future__ import annotations

import networkx as nx
import pytest

from graph.analytics import reporting_cycles

UP = {"relation": "reportsTo"}


def _whole_graph_search(graph: nx.DiGraph, limit: int) -> list[list[str]]:
    """The search before pruning: strongly connected parts of every node's reportsTo edges."""
    reports = nx.DiGraph()
    reports.add_nodes_from(graph)
    reports.add_edges_from((u, v) for u, v, r in graph.edges(data="relation") if r == "reportsTo")
    looping = {n for p in nx.strongly_connected_components(reports) if len(p) > 1 for n in p}
    looping.update(u for u, _v in nx.selfloop_edges(reports))
    cycles = []
    for cycle in nx.simple_cycles(reports.subgraph(looping)):
        first = cycle.index(min(cycle))
        cycles.append(cycle[first:] + cycle[:first])
        if len(cycles) >= limit:
            break
    return sorted(cycles, key=lambda c: (len(c), c))


def _loopy(seed: int) -> nx.DiGraph:
    """Dense loops among a few nodes, hung on a long acyclic chain with other relations."""
    random = nx.gnp_random_graph(12, 0.35, seed=seed, directed=True)
    graph = nx.DiGraph()
    graph.add_edges_from((f"c{i:03}", f"c{i + 1:03}", UP) for i in range(200))
    graph.add_edges_from((f"c{i:03}", f"u{i:03}", {"relation": "within"}) for i in range(200))
    graph.add_edges_from((f"l{u:02}", f"l{v:02}", UP) for u, v in random.edges())
    graph.add_edge("c199", "l00", **UP)
    graph.add_edge("l05", "l05", **UP)
    return graph


@pytest.mark.parametrize("seed", [2, 3, 7])
@pytest.mark.parametrize("limit", [5, 100, 10_000])
def test_pruned_search_keeps_the_loops_the_whole_search_finds_first(seed: int, limit: int) -> None:
    graph = _loopy(seed)
    expected = _whole_graph_search(graph, limit)
    assert len(_whole_graph_search(graph, 10_000)) > 5, "the seed must give more loops than 5"
    assert reporting_cycles(graph, limit=limit) == expected


def test_a_graph_without_loops_has_none_even_with_long_chains() -> None:
    graph = nx.DiGraph([(f"c{i}", f"c{i + 1}", UP) for i in range(500)])
    graph.add_edge("c500", "c0", relation="within")  # a loop, but not of reporting lines
    assert reporting_cycles(graph) == []
