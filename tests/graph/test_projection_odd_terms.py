"""Only IRIs become nodes of the projections, no node is above itself, and only literals
are labels, on every engine.

The projections' queries no longer filter their rows in the engine (its
isIRI(), isLiteral() and != cost a third of the projection at 1M triples):
the reading of their answers drops the rows with a blank node or a literal
at either end of an edge, or a label that is not a literal, and building
the graph drops a node above itself. This checks them against
``edges-odd-terms.ttl``, where each kind of edge has such rows.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from graph.projection import node_labels, project_membership, project_reporting
from ontology import ENGINES, Store, load_regulation

ODD_TERMS = Path(__file__).parent / "data" / "edges-odd-terms.ttl"
EX = "http://example.org/odd/"


@pytest.fixture(scope="module", params=ENGINES)
def odd_terms(request: pytest.FixtureRequest) -> Store:
    return load_regulation([ODD_TERMS], engine=request.param)


def test_reporting_projection_keeps_only_edges_between_two_other_iris(odd_terms: Store) -> None:
    graph = project_reporting(odd_terms)
    named = graph.edges(data="relation")
    edges = {(u.removeprefix(EX), v.removeprefix(EX), relation) for u, v, relation in named}
    assert edges == {
        ("head", "office", "within"),
        ("clerk", "office", "within"),
        ("clerk", "head", "reportsTo"),
        ("lan", "clerk", "holds"),
        ("lan", "office", "heads"),
    }
    assert sorted(graph) == sorted(EX + name for name in ("office", "head", "clerk", "lan"))


def test_membership_projection_keeps_only_iris(odd_terms: Store) -> None:
    graph = project_membership(odd_terms)
    assert sorted(graph) == sorted(EX + name for name in ("office", "head", "clerk", "lan"))
    assert all(node.startswith(EX) for edge in graph.edges for node in edge)


def test_engines_give_the_same_projection() -> None:
    reporting = [project_reporting(load_regulation([ODD_TERMS], engine=e)) for e in ENGINES]
    first = reporting[0]
    for other in reporting[1:]:
        assert dict(other.nodes(data=True)) == dict(first.nodes(data=True))
        assert set(other.edges(data="relation")) == set(first.edges(data="relation"))


@pytest.mark.parametrize("few", [0, 256], ids=["every-label-read", "bound-look-ups"])
def test_only_literals_are_labels(
    odd_terms: Store, few: int, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr("graph.projection.FEW_NODES", few)
    expected = {
        EX + "head": (None, None),  # its rdfs:label is hidden by non-literal preferred ones
        EX + "clerk": ("Văn thư", None),
        EX + "office": (None, "Office"),
        EX + "lan": (None, None),
    }
    graph = project_reporting(odd_terms)
    labelled = {node: (data["label_vi"], data["label_en"]) for node, data in graph.nodes(data=True)}
    assert labelled == expected
    assert node_labels(odd_terms, list(graph)) == expected
