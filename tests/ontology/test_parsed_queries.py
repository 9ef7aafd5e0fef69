"""``orgkg check`` parses each SHACL-SPARQL constraint once per process, and reports the same."""

from __future__ import annotations

import pytest
from rdflib import Graph

from ontology import load_regulation
from ontology.parsed_queries import PreparedGraph, prepared_view
from ontology.validation import check


@pytest.mark.slow  # three whole checks of the bundled model: 6-7 s
def test_a_check_with_queries_parsed_once_reports_what_parsing_each_time_reports(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    store = load_regulation()
    once = check(store)
    again = check(store)  # every constraint's parse now comes from the first check
    with monkeypatch.context() as patched:
        patched.setattr(PreparedGraph, "query", Graph.query)  # rdflib parses every text
        parsed_each_time = check(store)
    assert once.results, "the bundled regulation has warnings a check must report"
    assert once == again == parsed_each_time


def test_a_view_shares_the_graphs_triples_without_copying_them() -> None:
    graph = Graph()
    graph.parse(data="<urn:a> <urn:p> <urn:b> .", format="nt")
    view = prepared_view(graph)
    assert view.store is graph.store and len(view) == 1
    assert prepared_view(view) is view
