"""Parameters bound as VALUES rows (a remote endpoint) mean what the engine's substitution means.

Every SPARQL question of the catalogue is run on the embedded engine twice:
with its parameters and language substituted by the engine, and as the text
:func:`inject_values` makes for a remote endpoint, with nothing bound. The
rows, made alike as every answer is (lists sorted, terms in one form),
must be the same. A group that never names a bound variable gets no
VALUES row (Virtuoso loses rows when one sits in an EXISTS beside a UNION:
docs/servers.md, bug 7).
"""

from __future__ import annotations

from collections import Counter

import pytest
from rdflib import Literal, URIRef

from ontology import Store, load_regulation
from ontology.store_remote import inject_values
from queries import load_catalogue, run_query
from queries.runner import bind_parameters, dropped_columns, sparql_bindings, tidy
from tests.remote.test_remote_store import SEARCH_TEXT, required_params

CATALOGUE = load_catalogue()
SPARQL_QUESTIONS = [q.id for q in CATALOGUE.values() if q.kind == "sparql"]


@pytest.fixture(scope="module")
def store() -> Store:
    return load_regulation()


@pytest.fixture(scope="module")
def samples(store: Store) -> dict[str, str]:
    posts = run_query(store, "posts", lang="en")
    return {"iri": str(posts.column("post")[0]), "text": SEARCH_TEXT}


@pytest.mark.parametrize("question_id", SPARQL_QUESTIONS)
def test_values_rows_give_the_substituted_rows(
    store: Store, samples: dict[str, str], question_id: str
) -> None:
    question = CATALOGUE[question_id]
    params = bind_parameters(store, question, required_params(question, samples))
    bindings = sparql_bindings(question, params, "vi")
    dropped = dropped_columns(question, params)
    substituted = tidy(store.select(question.text, bindings), question, dropped, "vi")
    injected = tidy(store.select(inject_values(question.text, bindings)), question, dropped, "vi")
    assert Counter(injected.rows) == Counter(substituted.rows)


def test_a_group_that_never_names_the_variable_gets_no_values_row() -> None:
    text = (
        "SELECT ?duty WHERE { ?duty ?p ?bearer"
        " OPTIONAL { ?bearer ?q ?label FILTER(LANG(?label) = ?lang) }"
        " FILTER EXISTS { { ?bearer a ?post } UNION { ?bearer ?in ?unit } } }"
    )
    injected = inject_values(text, {"lang": Literal("vi")})
    assert injected.count('VALUES (?lang) { ("vi") }') == 2  # the outer group, the OPTIONAL
    assert "EXISTS { { ?bearer a ?post }" in injected


def test_a_sub_select_body_naming_the_variable_gets_its_row() -> None:
    text = "SELECT ?x WHERE { { SELECT ?x WHERE { ?x ?p ?to } } }"
    injected = inject_values(text, {"to": URIRef("urn:to")})
    assert injected.count("VALUES (?to) { (<urn:to>) }") == 2
    assert "{ { SELECT" in injected.replace("VALUES (?to) { (<urn:to>) } ", "")
