"""A read started early gives what the read would give then, on every engine.

``Store.select_values_later`` starts a query (Oxigraph: in a thread of its
own) and gives its rows when called, kept to ``first_in`` as
``select_values`` keeps them; an error in the query surfaces at the call.
``filled_digraph`` builds the projection's DiGraph as ``add_edges_from``
would: same nodes in the same order, same neighbours in the same order.
"""

from __future__ import annotations

import os
import sys
import threading

import networkx as nx
import pytest

from graph.projection import filled_digraph, node_labels, project_reporting
from ontology import QueryError, Store, load_regulation
from ontology.sparql import read_sparql
from ontology.store_oxigraph import LATER_NICENESS, OxigraphStore
from tests.graph.conftest import EX, MIXED_LABELS


def test_rows_started_early_are_the_rows_read_then(mixed_labels: Store) -> None:
    text = read_sparql("projection-labels")
    kept = {EX + "office", EX + "lan", EX + "not-there"}
    assert mixed_labels.select_values_later(text)(None) == mixed_labels.select_values(text)
    kept_rows = mixed_labels.select_values(text, first_in=kept)
    assert mixed_labels.select_values_later(text)(kept) == kept_rows
    assert mixed_labels.select_values_later(text)(kept), "some labels must be kept"


def test_labels_from_a_read_started_early_are_the_projections(mixed_labels: Store) -> None:
    labelled = project_reporting(mixed_labels)
    every = mixed_labels.select_values_later(read_sparql("projection-labels"))
    # FEW_NODES is 256: force the read of every label with the `every` given.
    nodes = list(labelled)
    assert len(nodes) < 256
    assert node_labels(mixed_labels, nodes, every=every) == {
        node: (data["label_vi"], data["label_en"]) for node, data in labelled.nodes(data=True)
    }


def test_a_bad_query_fails_when_its_rows_are_asked_for() -> None:
    store = load_regulation([MIXED_LABELS], engine="oxigraph")
    later = store.select_values_later("SELECT ?x WHERE { ?x ?p }")
    with pytest.raises(QueryError):
        later(None)


def test_filled_digraph_is_the_graph_add_edges_from_builds() -> None:
    edges = {("b", "a"): "within", ("c", "a"): "reportsTo", ("a", "d"): "heads", ("d", "d"): "x"}
    expected = nx.DiGraph()
    expected.add_edges_from((s, t, {"relation": r}) for (s, t), r in edges.items())
    built = filled_digraph(edges)
    assert list(built.nodes(data=True)) == list(expected.nodes(data=True))
    assert list(built.edges(data=True)) == list(expected.edges(data=True))
    assert all(list(built.pred[n]) == list(expected.pred[n]) for n in expected)
    assert nx.utils.graphs_equal(built, expected)
    built.edges["b", "a"]["sources"] = ["s1"]  # each edge keeps its own attributes
    assert "sources" not in built.edges["c", "a"]


@pytest.mark.skipif(sys.platform != "linux", reason="a thread has a priority of its own on Linux")
def test_a_read_for_later_yields_the_cpu_to_its_caller(monkeypatch: pytest.MonkeyPatch) -> None:
    """The thread evaluating it runs at a lower priority; the caller's stays as it was."""
    store = load_regulation([MIXED_LABELS], engine="oxigraph")
    seen: list[int] = []
    evaluate = OxigraphStore._tsv

    def noted(self: OxigraphStore, query: str, bindings: object) -> bytes:
        seen.append(os.getpriority(os.PRIO_PROCESS, threading.get_native_id()))
        return evaluate(self, query, bindings)  # type: ignore[arg-type]

    monkeypatch.setattr(OxigraphStore, "_tsv", noted)
    before = os.getpriority(os.PRIO_PROCESS, threading.get_native_id())
    rows = store.select_values_later(read_sparql("projection-labels"))(None)
    assert rows, "the read must still answer"
    assert seen == [min(before + LATER_NICENESS, 19)]
    assert os.getpriority(os.PRIO_PROCESS, threading.get_native_id()) == before
