"""Analytics on small named graphs whose answers are worked out by hand."""

from __future__ import annotations

import networkx as nx
import pytest

from graph import (
    chain_of_command,
    command_graph,
    longest_chains,
    reporting_cycles,
    reporting_only,
    single_points_of_failure,
    span_of_control,
)

UP = {"relation": "reportsTo"}
IN = {"relation": "within"}
HOLDS = {"relation": "holds"}


def ministry() -> nx.DiGraph:
    """minister <- deputy, director <- clerk; clerk also sits within the office;
    the office within the ministry; ana holds the director post."""
    graph = nx.DiGraph()
    graph.add_edges_from(
        [
            ("deputy", "minister", UP),
            ("director", "minister", UP),
            ("clerk", "director", UP),
            ("clerk", "office", IN),
            ("office", "ministry", IN),
            ("minister", "ministry", IN),
            ("ana", "director", HOLDS),
        ]
    )
    for node in graph:
        graph.nodes[node]["kind"] = "person" if node == "ana" else "post"
    for unit in ("office", "ministry"):
        graph.nodes[unit]["kind"] = "unit"
    return graph


def star() -> nx.DiGraph:
    """Four posts all reporting to one boss, who reports to the top."""
    graph = nx.DiGraph([(f"p{i}", "boss", UP) for i in range(4)])
    graph.add_edge("boss", "top", **UP)
    return graph


def loop() -> nx.DiGraph:
    """a -> b -> c -> a, plus d -> a and a self-contained pair x <-> y."""
    return nx.DiGraph(
        [
            ("a", "b", UP),
            ("b", "c", UP),
            ("c", "a", UP),
            ("d", "a", UP),
            ("x", "y", UP),
            ("y", "x", UP),
        ]
    )


def test_reporting_only_keeps_reports_to_edges() -> None:
    kept = reporting_only(ministry())
    assert sorted(kept.edges()) == [
        ("clerk", "director"),
        ("deputy", "minister"),
        ("director", "minister"),
    ]
    assert set(kept) == set(ministry())


def test_command_graph_prefers_reports_to_over_containment() -> None:
    command = command_graph(ministry())
    # The clerk reports to the director, so the office (within) is not followed.
    assert sorted(command.successors("clerk")) == ["director"]
    # The minister reports to no one: the ministry (within) is followed.
    assert sorted(command.successors("minister")) == ["ministry"]
    assert sorted(command.successors("ana")) == ["director"]


def test_chain_of_command_of_the_clerk() -> None:
    steps = chain_of_command(ministry(), "clerk")
    assert [(s.step, s.node, s.below, s.relation) for s in steps] == [
        (0, "clerk", None, None),
        (1, "director", "clerk", "reportsTo"),
        (2, "minister", "director", "reportsTo"),
        (3, "ministry", "minister", "within"),
    ]


def test_chain_of_command_of_a_person_and_of_a_stranger() -> None:
    assert [s.node for s in chain_of_command(ministry(), "ana")] == [
        "ana",
        "director",
        "minister",
        "ministry",
    ]
    assert [s.node for s in chain_of_command(ministry(), "nobody")] == ["nobody"]


def test_chain_of_command_walks_a_loop_once() -> None:
    assert [(s.step, s.node) for s in chain_of_command(loop(), "d")] == [
        (0, "d"),
        (1, "a"),
        (2, "b"),
        (3, "c"),
    ]


def test_reporting_cycles() -> None:
    assert reporting_cycles(loop()) == [["x", "y"], ["a", "b", "c"]]
    assert reporting_cycles(ministry()) == []
    # Containment does not make a reporting loop.
    graph = nx.DiGraph([("a", "b", UP), ("b", "a", IN)])
    assert reporting_cycles(graph) == []


def test_span_of_control() -> None:
    assert span_of_control(star()) == [("boss", 4), ("top", 1)]
    assert span_of_control(ministry()) == [("minister", 2), ("director", 1)]


def test_single_points_of_failure_of_a_star() -> None:
    # Without the boss, the four posts are cut off from the top (and from each other):
    # the largest part left has 1 node, so 6 - 1 - 1 = 4 are separated.
    assert single_points_of_failure(star()) == [("boss", 4)]


def test_single_points_of_failure_of_the_ministry() -> None:
    # Command edges: deputy-minister, director-minister, clerk-director, ana-director,
    # minister-ministry (office-ministry too: the office has no reportsTo).
    # Without the minister: {deputy}, {director, clerk, ana}, {ministry, office} -> the
    # largest part has 3 nodes, 7 - 1 - 3 = 3 separated. Without the director: {clerk},
    # {ana} cut off from the 4 others: 2. Without the ministry: {office}: 1.
    assert single_points_of_failure(ministry()) == [
        ("minister", 3),
        ("director", 2),
        ("ministry", 1),
    ]


def test_no_single_point_of_failure_in_a_ring() -> None:
    ring = nx.DiGraph([("a", "b", UP), ("b", "c", UP), ("c", "a", UP)])
    assert single_points_of_failure(ring) == []


def test_longest_chains() -> None:
    # People are not chain links: ana's chain is the director's.
    assert longest_chains(ministry()) == [
        ["clerk", "director", "minister", "ministry"],
        ["deputy", "minister", "ministry"],
        ["office", "ministry"],
    ]
    assert longest_chains(star(), limit=2) == [["p0", "boss", "top"], ["p1", "boss", "top"]]


def test_longest_chains_cut_loops() -> None:
    chains = longest_chains(loop())
    assert ["d", "a", "b", "c"] in chains
    assert all(len(set(chain)) == len(chain) for chain in chains)


@pytest.mark.parametrize(
    "function", [reporting_cycles, span_of_control, single_points_of_failure, longest_chains]
)
def test_empty_graph(function) -> None:  # type: ignore[no-untyped-def]
    assert function(nx.DiGraph()) == []
