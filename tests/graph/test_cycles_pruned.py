"""Reporting loops are searched only where they can be, and the same ones are kept on every run.

``reporting_cycles`` peels off the nodes no loop can pass before networkx
searches. With more loops than ``limit``, which loops are kept used to
depend on the process's string hash seed (networkx walks sets of nodes);
the nodes now reach the search numbered in the graph's order.
"""

from __future__ import annotations

import itertools
import json
import os
import subprocess
import sys
from pathlib import Path

import networkx as nx
import pytest

from graph.analytics import reporting_cycles

UP = {"relation": "reportsTo"}
ROOT = Path(__file__).resolve().parents[2]


def loopy(seed: int) -> nx.DiGraph:
    """Dense loops among a few nodes, hung on a long acyclic chain with other relations."""
    random = nx.gnp_random_graph(12, 0.35, seed=seed, directed=True)
    graph = nx.DiGraph()
    graph.add_edges_from((f"c{i:03}", f"c{i + 1:03}", UP) for i in range(200))
    graph.add_edges_from((f"c{i:03}", f"u{i:03}", {"relation": "within"}) for i in range(200))
    graph.add_edges_from((f"l{u:02}", f"l{v:02}", UP) for u, v in random.edges())
    graph.add_edge("c199", "l00", **UP)
    graph.add_edge("l05", "l05", **UP)
    return graph


def every_loop(graph: nx.DiGraph) -> list[list[str]]:
    """networkx's simple cycles of all reportsTo edges, rotated and sorted as the answer is."""
    reports = nx.DiGraph((u, v) for u, v, r in graph.edges(data="relation") if r == "reportsTo")
    rotated = (c[c.index(min(c)) :] + c[: c.index(min(c))] for c in nx.simple_cycles(reports))
    return sorted(rotated, key=lambda c: (len(c), c))


@pytest.mark.parametrize("seed", [2, 3, 7])
def test_with_room_for_all_every_loop_is_found(seed: int) -> None:
    graph = loopy(seed)
    expected = every_loop(graph)
    assert len(expected) > 5, "the seed must give more loops than the limit below"
    assert reporting_cycles(graph, limit=len(expected)) == expected


@pytest.mark.parametrize("seed", [2, 7])
def test_a_limited_answer_is_real_loops_and_the_same_under_any_hash_seed(seed: int) -> None:
    graph = loopy(seed)
    found = reporting_cycles(graph, limit=5)
    assert len(found) == 5
    for cycle in found:
        assert all(
            graph.edges[a, b]["relation"] == "reportsTo"
            for a, b in zip(cycle, cycle[1:] + cycle[:1], strict=True)
        )
    script = (
        "import json, sys; sys.path.insert(0, 'tests/graph');"
        "from test_cycles_pruned import loopy; from graph.analytics import reporting_cycles;"
        f"print(json.dumps(reporting_cycles(loopy({seed}), limit=5)))"
    )
    runs = set()
    for hash_seed in ("0", "1", "2"):
        env = {**os.environ, "PYTHONHASHSEED": hash_seed}
        done = subprocess.run(
            [sys.executable, "-c", script],
            cwd=ROOT,
            env=env,
            capture_output=True,
            text=True,
            check=True,
        )
        runs.add(done.stdout)
    assert runs == {json.dumps(found) + "\n"}


def test_a_graph_without_loops_has_none_even_with_long_chains() -> None:
    graph = nx.DiGraph([(f"c{i}", f"c{i + 1}", UP) for i in range(500)])
    graph.add_edge("c500", "c0", relation="within")  # a loop, but not of reporting lines
    assert reporting_cycles(graph) == []
    assert list(itertools.islice(nx.simple_cycles(graph), 1)), "the fixture has a loop"
