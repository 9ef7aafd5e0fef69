"""/sparql: the SPARQL 1.1 Protocol, its content negotiation, guard, caps and time limit."""

from __future__ import annotations

import csv
import io
import re
import socket
import threading
import time
import warnings
import xml.etree.ElementTree as ET
from typing import Any

import pytest
from fastapi.testclient import TestClient
from rdflib import Graph

from api.runtime.settings import Settings
from ontology import Store
from queries import run_sparql
from tests.unavailable import unavailable

UNITS = """SELECT ?unit ?label WHERE {
  ?unit a org:OrganizationalUnit ; skos:prefLabel ?label . FILTER(lang(?label) = "vi")
} ORDER BY ?unit"""
CONSTRUCT = "CONSTRUCT { ?unit a org:OrganizationalUnit } WHERE { ?unit a org:OrganizationalUnit }"
ASK = "ASK { ?unit a org:OrganizationalUnit }"
RESULTS_NS = "{http://www.w3.org/2005/sparql-results#}"


def bindings(response_json: dict[str, Any]) -> list[dict[str, str]]:
    return [{k: v["value"] for k, v in row.items()} for row in response_json["results"]["bindings"]]


def test_get_post_form_and_post_query_agree(client: TestClient, store: Store) -> None:
    expected = run_sparql(store, UNITS).to_json()  # type: ignore[union-attr]
    by_get = client.get("/sparql", params={"query": UNITS})
    by_form = client.post("/sparql", data={"query": UNITS})
    by_body = client.post(
        "/sparql", content=UNITS.encode(), headers={"Content-Type": "application/sparql-query"}
    )
    for response in (by_get, by_form, by_body):
        assert response.status_code == 200, response.text
        assert response.headers["content-type"] == "application/sparql-results+json"
        assert response.json() == expected
    assert expected["results"]["bindings"]


@pytest.mark.parametrize(
    ("accept", "media"),
    [
        (None, "application/sparql-results+json"),
        ("application/sparql-results+json", "application/sparql-results+json"),
        ("application/json", "application/sparql-results+json"),
        ("application/sparql-results+xml", "application/sparql-results+xml"),
        ("text/csv", "text/csv"),
        ("text/tab-separated-values", "text/tab-separated-values"),
        ("text/html,application/xhtml+xml,*/*;q=0.8", "application/sparql-results+json"),
        ("text/csv;q=0.5, application/sparql-results+xml", "application/sparql-results+xml"),
    ],
)
def test_select_negotiation(client: TestClient, accept: str | None, media: str) -> None:
    headers = {"Accept": accept} if accept else {}
    response = client.get("/sparql", params={"query": UNITS}, headers=headers)
    assert response.status_code == 200
    assert response.headers["content-type"].split(";")[0] == media
    assert "accept" in response.headers["vary"].lower()


def test_select_formats_carry_the_same_rows(client: TestClient) -> None:
    rows = bindings(client.get("/sparql", params={"query": UNITS}).json())
    xml = client.get("/sparql", params={"query": UNITS, "format": "xml"}).text
    root = ET.fromstring(xml)
    assert [v.get("name") for v in root.iter(f"{RESULTS_NS}variable")] == ["unit", "label"]
    xml_rows = [
        {b.get("name"): b[0].text for b in result} for result in root.iter(f"{RESULTS_NS}result")
    ]
    assert xml_rows == rows
    lang = root.find(f".//{RESULTS_NS}literal")
    assert lang is not None and lang.get("{http://www.w3.org/XML/1998/namespace}lang") == "vi"
    table = list(
        csv.DictReader(
            io.StringIO(client.get("/sparql", params={"query": UNITS, "format": "csv"}).text)
        )
    )
    assert table == rows
    tsv = client.get("/sparql", params={"query": UNITS, "format": "tsv"}).text.splitlines()
    assert tsv[0] == "?unit\t?label"
    assert tsv[1].startswith("<https://w3id.org/orgkg/id/") and tsv[1].endswith('"@vi')
    assert len(tsv) == len(rows) + 1


@pytest.mark.parametrize(
    ("accept", "media", "rdflib_format"),
    [
        (None, "text/turtle", "turtle"),
        ("application/ld+json", "application/ld+json", "json-ld"),
        ("application/n-triples", "application/n-triples", "nt"),
    ],
)
def test_construct_negotiation(
    client: TestClient, store: Store, accept: str | None, media: str, rdflib_format: str
) -> None:
    headers = {"Accept": accept} if accept else {}
    response = client.get("/sparql", params={"query": CONSTRUCT}, headers=headers)
    assert response.status_code == 200
    assert response.headers["content-type"].split(";")[0] == media
    with warnings.catch_warnings():
        # rdflib's own JSON-LD parser uses its deprecated ConjunctiveGraph.
        warnings.filterwarnings("ignore", "ConjunctiveGraph is deprecated")
        graph = Graph().parse(data=response.text, format=rdflib_format)
    expected = run_sparql(store, CONSTRUCT)
    assert isinstance(expected, Graph)
    assert len(graph) == len(expected) > 0


@pytest.mark.parametrize(
    ("accept", "body"),
    [
        ("application/sparql-results+json", '"boolean":true'),
        ("application/sparql-results+xml", "<boolean>true</boolean>"),
    ],
)
def test_ask(client: TestClient, accept: str, body: str) -> None:
    response = client.get("/sparql", params={"query": ASK}, headers={"Accept": accept})
    assert response.status_code == 200
    assert body in response.text.replace(" ", "")


@pytest.mark.parametrize(
    ("query", "accept"),
    [(UNITS, "text/turtle"), (CONSTRUCT, "text/csv"), (UNITS, "image/png")],
)
def test_unacceptable_accept_is_406(client: TestClient, query: str, accept: str) -> None:
    response = client.get("/sparql", params={"query": query}, headers={"Accept": accept})
    assert response.status_code == 406
    assert response.json()["error"]["code"] == "not-acceptable"


@pytest.mark.parametrize(
    ("query", "code"),
    [
        ("SELECT * WHERE { SERVICE <http://127.0.0.1:9/sparql> { ?s ?p ?o } }", "forbidden-query"),
        ("SELECT * FROM <http://example.org/g> WHERE { ?s ?p ?o }", "forbidden-query"),
        (
            "SELECT * FROM NAMED <file:///etc/passwd> WHERE { GRAPH ?g { ?s ?p ?o } }",
            "forbidden-query",
        ),
        ("INSERT DATA { <urn:a> <urn:b> <urn:c> }", "forbidden-query"),
        ("LOAD <http://example.org/data.ttl>", "forbidden-query"),
        ("DROP ALL", "forbidden-query"),
        ("SELECT * WHERE { ?s ?p }", "bad-query"),
        ("   ", "bad-query"),
    ],
)
def test_refused_before_evaluation(client: TestClient, query: str, code: str) -> None:
    response = client.get("/sparql", params={"query": query})
    assert response.status_code == 400
    assert response.json()["error"]["code"] == code


def test_service_never_leaves_the_machine(client: TestClient) -> None:
    """A SERVICE call to a listening local port is refused and the port sees nothing."""
    with socket.socket() as listener:
        listener.bind(("127.0.0.1", 0))
        listener.listen()
        listener.settimeout(0.5)
        port = listener.getsockname()[1]
        query = f"SELECT * WHERE {{ SERVICE <http://127.0.0.1:{port}/sparql> {{ ?s ?p ?o }} }}"
        response = client.post("/sparql", data={"query": query})
        assert response.status_code == 400
        with pytest.raises(TimeoutError):
            listener.accept()


@pytest.mark.parametrize(
    ("params", "data", "message"),
    [
        ({"query": UNITS, "default-graph-uri": "http://example.org/g"}, None, "default-graph-uri"),
        ({"query": UNITS, "named-graph-uri": "http://example.org/g"}, None, "named-graph-uri"),
        ({}, {"query": UNITS, "default-graph-uri": "http://example.org/g"}, "default-graph-uri"),
        ({}, {"update": "DROP ALL"}, "update"),
        ({}, {"other": "x"}, "query"),
    ],
)
def test_protocol_parameters_refused(
    client: TestClient, params: dict[str, str], data: dict[str, str] | None, message: str
) -> None:
    if data is None:
        response = client.get("/sparql", params=params)
    else:
        response = client.post("/sparql", data=data)
    assert response.status_code == 400
    assert message in response.json()["error"]["message"]


def test_missing_query_is_400_for_programs(client: TestClient) -> None:
    response = client.get("/sparql", headers={"Accept": "application/sparql-results+json"})
    assert response.status_code == 400


def test_form_for_people(client: TestClient) -> None:
    response = client.get("/sparql", headers={"Accept": "text/html,*/*;q=0.8"})
    assert response.status_code == 200
    assert response.headers["content-type"].startswith("text/html")
    assert '<script src="/static/pages/sparql-editor.js"' in response.text
    # IRIs appear as text (prefixes, examples); nothing is loaded from another host.
    assert not re.search(r"""(?:src|href|action)=["']?(?:https?:)?//""", response.text)


def test_unsupported_body_type_is_415(client: TestClient) -> None:
    response = client.post("/sparql", content=UNITS, headers={"Content-Type": "text/plain"})
    assert response.status_code == 415


def test_sparql_update_body_is_refused(client: TestClient) -> None:
    response = client.post(
        "/sparql", content=b"DROP ALL", headers={"Content-Type": "application/sparql-update"}
    )
    assert response.status_code == 400


def test_long_query_is_413(capped_client: TestClient) -> None:
    query = "SELECT * WHERE { ?s ?p ?o } # " + "x" * 300
    by_get = capped_client.get("/sparql", params={"query": query})
    by_body = capped_client.post(
        "/sparql",
        content=query.encode() * 4,
        headers={"Content-Type": "application/sparql-query"},
    )
    for response in (by_get, by_body):
        assert response.status_code == 413
        assert response.json()["error"]["code"] == "query-too-long"


def test_caps_cut_answers_and_say_so(capped_client: TestClient) -> None:
    query = "SELECT ?s ?p ?o WHERE { ?s ?p ?o } LIMIT 50"
    response = capped_client.get("/sparql", params={"query": query})
    assert response.status_code == 200
    assert response.headers["x-orgkg-truncated"] == "true"
    assert len(response.json()["results"]["bindings"]) == 3
    small = capped_client.get("/sparql", params={"query": "SELECT ?s WHERE { ?s ?p ?o } LIMIT 2"})
    assert small.headers["x-orgkg-truncated"] == "false"


def test_byte_cap_cuts_graphs_too(capped_client: TestClient) -> None:
    query = "CONSTRUCT { ?s ?p ?o } WHERE { ?s ?p ?o }"
    response = capped_client.get("/sparql", params={"query": query, "format": "nt"})
    assert response.status_code == 200
    assert response.headers["x-orgkg-truncated"] == "true"
    assert len(response.content) <= 4000
    assert len(Graph().parse(data=response.text, format="nt")) <= 3


def test_runaway_query_is_stopped_and_the_service_keeps_answering(
    client: TestClient, settings: Settings, runaway_query: str
) -> None:
    response = client.get("/sparql", params={"query": runaway_query})
    # The query never ends by itself: only the time limit's kill answers it.
    assert response.status_code == 503
    assert response.json()["error"]["code"] == "query-timeout"
    assert response.headers["retry-after"]
    after = client.get("/sparql", params={"query": ASK})
    assert after.status_code == 200
    health = client.get("/health").json()
    assert health["lanes"]["sparql"]["alive"] == settings.sparql_workers


def test_health_answers_while_every_worker_is_busy(client: TestClient, runaway_query: str) -> None:
    results: list[int] = []

    def run_away() -> None:
        results.append(client.get("/sparql", params={"query": runaway_query}).status_code)

    threads = [threading.Thread(target=run_away) for _ in range(2)]
    for thread in threads:
        thread.start()
    time.sleep(0.3)  # both workers are now evaluating
    health = client.get("/health")
    assert results == []  # answered while both runaways were still in flight
    assert health.json()["lanes"]["sparql"]["idle"] == 0
    for thread in threads:
        thread.join()
    assert results == [503, 503]


def test_service_slipping_past_the_guard_still_reaches_nothing(client: TestClient) -> None:
    """Defence in depth: the workers have no network, whatever the guard misses.

    ``\\u0022`` escapes hide the SERVICE call from a parser that expands them first.
    """
    if not client.get("/health").json()["network_isolated"]:
        unavailable("this kernel gives no network namespace to this user")
    with socket.socket() as listener:
        listener.bind(("127.0.0.1", 0))
        listener.listen()
        listener.settimeout(0.5)
        port = listener.getsockname()[1]
        query = (
            'SELECT * WHERE { BIND("a\\u0022 + " AS ?x) '
            f"SERVICE <http://127.0.0.1:{port}/sparql> {{ ?s ?p ?o }} "
            'BIND(" + \\u0022" AS ?y) }'
        )
        response = client.get("/sparql", params={"query": query})
        assert response.status_code != 200
        with pytest.raises(TimeoutError):
            listener.accept()
