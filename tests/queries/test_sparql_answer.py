"""answer_sparql: the endpoint's path gives the rows path's answer, caps and guard included.

The engine's own JSON writer is used when the answer provably fits the caps;
these tests hold it to the answer built from rows, on every engine, and show
the caps and the guard still apply.
"""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from ontology import Store, load_regulation
from ontology.errors import ForbiddenQuery, NotAcceptableError
from queries.results import render_result
from queries.sparql import answer_sparql, guarded_form, run_sparql

DATA = Path(__file__).parents[1] / "ontology" / "data" / "store" / "two-posts.ttl"
LABELS = (
    "SELECT ?post ?label WHERE { ?post a org:Post ; skos:prefLabel ?label } ORDER BY ?post ?label"
)
JSON_ONLY = {"solutions": "json", "boolean": "json", "graph": "ttl"}


@pytest.fixture(scope="module", params=["oxigraph", "memory"])
def store(request: pytest.FixtureRequest) -> Store:
    return load_regulation([DATA], engine=request.param)


@pytest.mark.parametrize("query", [LABELS, "ASK { ?s org:reportsTo ?o }", "ASK { ?s ?s ?s }"])
def test_the_answer_is_the_rows_paths_answer(store: Store, query: str) -> None:
    fast = answer_sparql(store, query, JSON_ONLY, max_rows=100, max_bytes=2**20)
    rows = render_result(run_sparql(store, query), "json")
    assert json.loads(fast.body) == json.loads(rows.body)
    assert fast.media_type == rows.media_type
    assert not fast.truncated


def test_the_row_cap_still_cuts(store: Store) -> None:
    rendered = answer_sparql(store, LABELS, JSON_ONLY, max_rows=1, max_bytes=2**20)
    assert rendered.truncated
    assert len(json.loads(rendered.body)["results"]["bindings"]) == 1


def test_the_byte_cap_still_cuts(store: Store) -> None:
    whole = answer_sparql(store, LABELS, JSON_ONLY)
    rendered = answer_sparql(store, LABELS, JSON_ONLY, max_rows=100, max_bytes=len(whole.body) - 1)
    assert rendered.truncated
    assert len(rendered.body) < len(whole.body)


def test_a_kind_without_a_format_is_refused_before_evaluation(store: Store) -> None:
    with pytest.raises(NotAcceptableError, match=r"available: .*sparql-results"):
        answer_sparql(store, LABELS, {"solutions": None, "boolean": None, "graph": "ttl"})


def test_the_guards_verdict_is_kept_and_a_refusal_is_never_kept(store: Store) -> None:
    query = LABELS + " LIMIT 7"
    answer_sparql(store, query, JSON_ONLY)
    hits = guarded_form.cache_info().hits
    answer_sparql(store, query, JSON_ONLY)
    assert guarded_form.cache_info().hits == hits + 1
    forbidden = "SELECT * WHERE { SERVICE <http://127.0.0.1:9/> { ?s ?p ?o } }"
    for _ in range(2):
        with pytest.raises(ForbiddenQuery, match="SERVICE"):
            answer_sparql(store, forbidden, JSON_ONLY)
