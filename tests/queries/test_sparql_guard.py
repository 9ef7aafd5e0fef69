"""The read-only guard refuses updates, SERVICE, FROM and LOAD in every disguise."""

from __future__ import annotations

import pytest
from rdflib import Graph

from ontology import ForbiddenQuery, QueryError, Store
from queries import Answer, check_read_only, run_sparql

FORBIDDEN = [
    # updates and LOAD
    "INSERT DATA { <http://x/a> <http://x/b> <http://x/c> }",
    "DELETE DATA { <http://x/a> <http://x/b> <http://x/c> }",
    "DELETE WHERE { ?s ?p ?o }",
    "INSERT { ?s a <http://x/T> } WHERE { ?s ?p ?o }",
    "WITH <http://x/g> DELETE { ?s ?p ?o } WHERE { ?s ?p ?o }",
    "LOAD <http://example.org/data.ttl>",
    "LOAD SILENT <file:///etc/passwd> INTO GRAPH <http://x/g>",
    "CLEAR ALL",
    "DROP DEFAULT",
    "CREATE GRAPH <http://x/g>",
    "COPY DEFAULT TO <http://x/g>",
    "PREFIX x: <http://x/> INSERT DATA { x:a x:b x:c }",
    # SERVICE, anywhere
    "SELECT * WHERE { SERVICE <http://example.org/sparql> { ?s ?p ?o } }",
    "SELECT * WHERE { SERVICE SILENT <http://example.org/sparql> { ?s ?p ?o } }",
    "SELECT * WHERE { SERVICE ?endpoint { ?s ?p ?o } }",
    "select * where { service <http://example.org/sparql> { ?s ?p ?o } }",
    "SELECT * WHERE { ?s ?p ?o OPTIONAL { SERVICE <http://e/s> { ?s ?q ?r } } }",
    "SELECT * WHERE { { ?s ?p ?o } UNION { SERVICE <http://e/s> { ?s ?p ?o } } }",
    "SELECT * WHERE { { SELECT ?s WHERE { SERVICE <http://e/s> { ?s ?p ?o } } } }",
    "SELECT * WHERE { ?s ?p ?o FILTER EXISTS { SERVICE <http://e/s> { ?s ?p ?o } } }",
    "SELECT * WHERE { ?s ?p ?o MINUS { SERVICE <http://e/s> { ?s ?p ?o } } }",
    "SELECT * WHERE { GRAPH ?g { SERVICE <http://e/s> { ?s ?p ?o } } }",
    "ASK { SERVICE <http://e/s> { ?s ?p ?o } }",
    "CONSTRUCT { ?s ?p ?o } WHERE { SERVICE <http://e/s> { ?s ?p ?o } }",
    "DESCRIBE ?s WHERE { SERVICE <http://e/s> { ?s ?p ?o } }",
    "PREFIX e: <http://e/> SELECT * WHERE { SERVICE e:s { ?s ?p ?o } }",
    # FROM / FROM NAMED
    "SELECT * FROM <http://example.org/g> WHERE { ?s ?p ?o }",
    "SELECT * FROM NAMED <http://example.org/g> WHERE { GRAPH ?g { ?s ?p ?o } }",
    "SELECT * FROM <file:///etc/passwd> WHERE { ?s ?p ?o }",
    "ASK FROM <http://example.org/g> { ?s ?p ?o }",
    "CONSTRUCT { ?s ?p ?o } FROM <http://e/g> WHERE { ?s ?p ?o }",
    "DESCRIBE <http://x/a> FROM <http://e/g>",
]


@pytest.mark.parametrize("text", FORBIDDEN)
def test_forbidden_forms_are_refused(text: str) -> None:
    with pytest.raises(ForbiddenQuery):
        check_read_only(text)


@pytest.mark.parametrize("text", FORBIDDEN)
def test_run_sparql_refuses_before_evaluation(bundled_ox: Store, text: str) -> None:
    size = len(bundled_ox)
    with pytest.raises(ForbiddenQuery):
        run_sparql(bundled_ox, text)
    assert len(bundled_ox) == size


@pytest.mark.parametrize(
    ("text", "form"),
    [
        ("SELECT * WHERE { ?s ?p ?o } LIMIT 1", "SELECT"),
        ("ASK { ?s ?p ?o }", "ASK"),
        ("CONSTRUCT WHERE { ?s ?p ?o }", "CONSTRUCT"),
        ("DESCRIBE <http://x/a>", "DESCRIBE"),
        # Words that look like keywords but are not.
        (
            "SELECT ?service ?from WHERE { ?service <http://x/from> ?from "
            'FILTER(?from != "LOAD") }',
            "SELECT",
        ),
        ("# SERVICE <http://e/s>\nSELECT * WHERE { ?s ?p ?o }", "SELECT"),
        ("SELECT * WHERE { ?s <http://x/service> ?o }", "SELECT"),
    ],
)
def test_read_queries_pass(text: str, form: str) -> None:
    assert check_read_only(text) == form


def test_a_query_followed_by_an_update_is_refused() -> None:
    with pytest.raises(QueryError):
        check_read_only("SELECT * WHERE { ?s ?p ?o } ; INSERT DATA { <http://x/a> <http://x/b> 1 }")


def test_syntax_errors_say_where() -> None:
    with pytest.raises(QueryError, match="line 2") as caught:
        check_read_only("SELECT * WHERE {\n ?s ?p }")
    assert not isinstance(caught.value, ForbiddenQuery)


def test_run_sparql_returns_the_right_shapes(bundled: Store) -> None:
    answer = run_sparql(bundled, "SELECT ?post WHERE { ?post a org:Post } ORDER BY ?post")
    assert isinstance(answer, Answer) and len(answer) >= 10
    assert run_sparql(bundled, "ASK { ?s a org:Post }") is True
    assert run_sparql(bundled, "ASK { ?s a org:NoSuchClass }") is False
    graph = run_sparql(bundled, "CONSTRUCT { ?s org:reportsTo ?o } WHERE { ?s org:reportsTo ?o }")
    # 3 post kinds x (the leadership + 4 group leaderships), 4 groups, the Working Group x 2
    assert isinstance(graph, Graph) and len(graph) == 21
