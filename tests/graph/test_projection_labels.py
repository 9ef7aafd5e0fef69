"""The networkx questions' projection reads no labels, and looking labels up gives the same ones.

``reporting_of`` builds the reporting projection without labels (kinds only);
``node_labels`` must give each node exactly the ``label_vi``/``label_en`` a
projection with labels gives, by bound look-ups (a few nodes) or by one
read of every label (many), on every engine; and a store evaluating
several queries at once answers each as it would alone.
"""

from __future__ import annotations

import pytest

from graph import projection
from graph.projection import node_labels, project_reporting, select_values, select_values_each
from ontology import Store, load_regulation
from ontology.sparql import read_sparql
from tests.graph.conftest import EX


def test_each_way_of_labelling_is_read_as_documented(mixed_labels: Store) -> None:
    labelled = project_reporting(mixed_labels)
    assert {node.removeprefix(EX): labelled.nodes[node]["label_vi"] for node in labelled} == {
        "office": "Phòng hành chính",
        "clerk": "Clerk",
        "head": "Trưởng văn phòng",
        "deputy": "Phó văn phòng",
        "archivist": None,
        "nameless": None,
        "lan": "Lan",
    }
    assert labelled.nodes[EX + "archivist"]["label_en"] == "Archivist"
    assert labelled.nodes[EX + "clerk"]["label_en"] == "Clerk"
    assert labelled.nodes[EX + "lan"]["kind"] == "person"  # untyped: implied by org:holds


@pytest.mark.parametrize("few", [0, 256], ids=["every-label-read", "bound-look-ups"])
def test_looked_up_labels_are_the_projections_labels(
    mixed_labels: Store, few: int, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(projection, "FEW_NODES", few)
    labelled = project_reporting(mixed_labels)
    bare = project_reporting(mixed_labels, labels=False)
    assert dict(bare.nodes(data=True)) == {
        node: {"kind": data["kind"]} for node, data in labelled.nodes(data=True)
    }
    assert list(bare.edges(data=True)) == list(labelled.edges(data=True))
    assert node_labels(mixed_labels, bare) == {
        node: (data["label_vi"], data["label_en"]) for node, data in labelled.nodes(data=True)
    }


def test_queries_evaluated_at_once_answer_as_alone(mixed_labels: Store) -> None:
    names = ["projection-reporting", "projection-containment", "projection-types"]
    together = select_values_each(mixed_labels, names)
    assert together == [select_values(mixed_labels, name) for name in names]
    assert all(together), "every query must have rows to compare"


@pytest.mark.parametrize("asked", [False, True], ids=["read-at-load", "asked"])
def test_the_bundled_regulation_reads_the_same_labels_both_ways(asked: bool) -> None:
    bundled = load_regulation()
    known = bundled.known_labels
    if asked:
        bundled.known_labels = None
    labelled = project_reporting(bundled)
    looked_up = {
        node: (data["label_vi"], data["label_en"]) for node, data in labelled.nodes(data=True)
    }
    assert node_labels(bundled, labelled) == looked_up
    assert known is not None
    assert looked_up == {node: known.get(node, (None, None)) for node in labelled}


def test_rows_kept_by_their_first_cell_are_those_of_the_whole_answer(mixed_labels: Store) -> None:
    every = select_values(mixed_labels, "projection-labels")
    kept = {EX + "office", EX + "lan", EX + "not-there"}
    text = read_sparql("projection-labels")
    kept_rows = [row for row in every if row[0] in kept]
    assert mixed_labels.select_values(text, first_in=kept) == kept_rows
    assert {row[0] for row in every} > {EX + "office", EX + "lan"}
