"""The reporting projection read as plain data is the DiGraph's, and answers alike.

``read_reporting`` gives each edge's relation and each node's kind without
building a networkx graph; ``single-points-of-failure`` answers from it when
no DiGraph was built. Its graph must be the one ``project_reporting`` gives
(same nodes, kinds, neighbours, all in the same order), reading a built
DiGraph back must give the same plain data, and the answer must not depend
on which of the two was there first.
"""

from __future__ import annotations

from pathlib import Path

import networkx as nx
import pytest

from graph.cuts import failures_of, single_points_of_failure
from graph.projection import PlainReporting, project_reporting, read_reporting
from ontology import BUNDLED, Store, load_regulation
from queries import run_query
from queries.analysis import plain_reporting_of, reporting_of

GRAPH_DATA = Path(__file__).parent / "data"
DATASETS = {
    "bundled": [BUNDLED],
    "labels-mixed": [GRAPH_DATA / "labels-mixed.ttl"],
    "odd-terms": [GRAPH_DATA / "edges-odd-terms.ttl"],
}


@pytest.fixture(scope="module", params=sorted(DATASETS))
def store(request: pytest.FixtureRequest) -> Store:
    return load_regulation(DATASETS[request.param])


def _same(mine: nx.DiGraph, expected: nx.DiGraph) -> None:
    assert list(mine.nodes(data=True)) == list(expected.nodes(data=True))
    for node in expected:
        assert list(mine.succ[node].items()) == list(expected.succ[node].items()), node
        assert list(mine.pred[node].items()) == list(expected.pred[node].items()), node


def test_the_plain_projections_graph_is_project_reportings(store: Store) -> None:
    plain = read_reporting(store)
    expected = project_reporting(store, labels=False)
    _same(plain.graph(), expected)
    assert PlainReporting.of(expected) == plain
    assert list(plain.kinds) == list(expected), "nodes in the graph's order"


def test_failures_of_the_plain_projection_are_the_graphs(store: Store) -> None:
    plain = read_reporting(store)
    assert failures_of(list(plain.kinds), plain.edges) == single_points_of_failure(plain.graph())


@pytest.mark.parametrize("first", ["plain", "digraph"])
def test_the_answer_does_not_depend_on_what_was_built_first(first: str) -> None:
    """Answered from the plain data (nothing built), or after the DiGraph was."""
    fresh = load_regulation()
    expected = run_query(load_regulation(), "single-points-of-failure", lang="en")
    if first == "digraph":
        reporting_of(fresh)
    answer = run_query(fresh, "single-points-of-failure", lang="en")
    assert answer.rows == expected.rows
    assert answer.rows, "the bundled regulation has single points of failure"
    assert plain_reporting_of(fresh) == read_reporting(fresh)
