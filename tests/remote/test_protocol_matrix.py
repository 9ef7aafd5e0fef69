"""Real SPARQL clients against the served app and a real Oxigraph server, request for request.

Every request is sent to ``orgkg serve`` (a real uvicorn on 127.0.0.1) and to
``oxigraph serve`` holding the same triples; both must answer with the same
status and media type. The differences that are choices, not bugs, are
listed in :data:`DOCUMENTED` (and in docs/servers.md): orgkg answers a graph
that any type may take in Turtle where Oxigraph sends N-Quads (the store has
one graph, and Turtle is what people read), orgkg's errors are JSON where
Oxigraph's are plain text, and orgkg honours the format
names SPARQLWrapper and Fuseki-style clients put beside the query where
Oxigraph ignores them.
"""

from __future__ import annotations

import urllib.error
import warnings
from collections.abc import Iterator

import httpx
import pytest
from rdflib import Graph
from rdflib.plugins.stores.sparqlstore import SPARQLStore
from SPARQLWrapper import (
    CSV,
    JSON,
    JSONLD,
    N3,
    RDF,
    RDFXML,
    TSV,
    TURTLE,
    XML,
    SPARQLWrapper,
)

pytestmark = [
    pytest.mark.server,
    # rdflib 7 warns about its own ConjunctiveGraph use when it parses JSON-LD and N-Quads.
    pytest.mark.filterwarnings("ignore::DeprecationWarning:rdflib"),
]

ORG = "http://www.w3.org/ns/org#"
QUERIES = {
    "SELECT": f"SELECT ?post WHERE {{ ?post a <{ORG}Post> }} ORDER BY ?post",
    "ASK": f"ASK {{ ?post a <{ORG}Post> }}",
    "CONSTRUCT": f"CONSTRUCT {{ ?post a <{ORG}Post> }} WHERE {{ ?post a <{ORG}Post> }}",
    "DESCRIBE": f"DESCRIBE ?post WHERE {{ ?post a <{ORG}Post> }}",
}
RETURN_FORMATS = (JSON, XML, TURTLE, N3, RDF, RDFXML, JSONLD, CSV, TSV)
ACCEPTS = (
    "*/*",
    "application/sparql-results+json",
    "application/sparql-results+xml",
    "application/json",
    "application/xml",
    "text/csv",
    "text/tab-separated-values",
    "text/plain",
    "text/turtle",
    "application/ld+json",
    "application/n-triples",
    "application/rdf+xml",
    "image/png",
)
GRAPH_FORMS = ("CONSTRUCT", "DESCRIBE")
GRAPH_FORMAT_NAMES = {
    TURTLE: "text/turtle",
    N3: "text/turtle",
    RDF: "application/rdf+xml",
    RDFXML: "application/rdf+xml",
    XML: "application/rdf+xml",
    JSONLD: "application/ld+json",
    JSON: "application/ld+json",
}
SOLUTION_FORMAT_NAMES = {
    JSON: "application/sparql-results+json",
    XML: "application/sparql-results+xml",
    CSV: "text/csv",
    TSV: "text/tab-separated-values",
}

Outcome = tuple[int, str]


def media(content_type: str | None) -> str:
    return (content_type or "").split(";")[0].strip()


def documented(form: str, outcome: Outcome, *, hint: str | None) -> Outcome:
    """What Oxigraph's answer becomes under orgkg's documented choices."""
    status, media_type = outcome
    if status != 200:  # orgkg's errors are its one JSON shape; Oxigraph's are plain text
        return status, "application/json"
    if form in GRAPH_FORMS:
        if hint in GRAPH_FORMAT_NAMES:
            return status, GRAPH_FORMAT_NAMES[hint]
        if media_type == "application/n-quads":  # any type: orgkg sends Turtle
            return status, "text/turtle"
    elif hint in SOLUTION_FORMAT_NAMES:
        return status, SOLUTION_FORMAT_NAMES[hint]
    return outcome


@pytest.fixture(scope="module")
def endpoints(orgkg_base: str, loaded_server: str) -> dict[str, str]:
    return {"orgkg": f"{orgkg_base}/sparql", "oxigraph": loaded_server}


@pytest.fixture(scope="module")
def http() -> Iterator[httpx.Client]:
    with httpx.Client(timeout=30) as client:
        yield client


def wrapper_outcome(endpoint: str, form: str, fmt: str, method: str) -> Outcome:
    client = SPARQLWrapper(endpoint)
    client.setQuery(QUERIES[form])
    client.setReturnFormat(fmt)
    client.setMethod(method)
    with warnings.catch_warnings():
        # SPARQLWrapper warns that it sends */* for a format a query form does not have.
        warnings.simplefilter("ignore", RuntimeWarning)
        try:
            result = client.query()
        except urllib.error.HTTPError as error:
            return error.code, media(error.headers.get("Content-Type"))
        except Exception as error:  # noqa: BLE001 - SPARQLWrapper wraps HTTP errors in its own
            code = getattr(error, "code", None) or int(str(error).split(":")[0][-3:])
            return int(code), ""
    status = result.response.status
    content_type = media(result.response.headers.get("Content-Type"))
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        result.convert()  # the client reads what it was sent
    return status, content_type


@pytest.mark.parametrize("method", ["GET", "POST"])
@pytest.mark.parametrize("fmt", RETURN_FORMATS)
@pytest.mark.parametrize("form", list(QUERIES))
def test_sparqlwrapper_matrix(endpoints: dict[str, str], form: str, fmt: str, method: str) -> None:
    ours = wrapper_outcome(endpoints["orgkg"], form, fmt, method)
    reference = wrapper_outcome(endpoints["oxigraph"], form, fmt, method)
    assert ours[0] == 200
    assert ours == documented(form, reference, hint=fmt)


@pytest.mark.parametrize("method", ["GET", "POST_FORM", "POST_DIRECT"])
@pytest.mark.parametrize("accept", ACCEPTS)
@pytest.mark.parametrize("form", list(QUERIES))
def test_plain_http_accept_matrix(
    endpoints: dict[str, str], http: httpx.Client, form: str, accept: str, method: str
) -> None:
    def send(endpoint: str) -> Outcome:
        headers = {"Accept": accept}
        if method == "GET":
            response = http.get(endpoint, params={"query": QUERIES[form]}, headers=headers)
        elif method == "POST_FORM":
            response = http.post(endpoint, data={"query": QUERIES[form]}, headers=headers)
        else:
            headers["Content-Type"] = "application/sparql-query"
            response = http.post(endpoint, content=QUERIES[form].encode(), headers=headers)
        return response.status_code, media(response.headers.get("content-type"))

    ours = send(endpoints["orgkg"])
    assert ours == documented(form, send(endpoints["oxigraph"]), hint=None)
    if ours[0] != 200:
        assert ours == (406, "application/json")


@pytest.mark.parametrize("method", ["GET", "POST"])
def test_rdflib_sparqlstore_reads_every_form(endpoints: dict[str, str], method: str) -> None:
    answers = {}
    for name, endpoint in endpoints.items():
        store = SPARQLStore(query_endpoint=endpoint, method=method)
        graph = Graph(store=store)
        select = [str(row[0]) for row in graph.query(QUERIES["SELECT"])]  # type: ignore[index]
        ask = graph.query(QUERIES["ASK"]).askAnswer
        construct = {str(t) for t in graph.query(QUERIES["CONSTRUCT"])}
        describe = len(graph.query(QUERIES["DESCRIBE"]))
        answers[name] = (select, ask, construct, describe)
    assert answers["orgkg"] == answers["oxigraph"]
    assert answers["orgkg"][0] and answers["orgkg"][1] is True


@pytest.mark.parametrize("accept", ["text/turtle", "application/ld+json", "*/*"])
def test_service_description_without_a_query(
    endpoints: dict[str, str], http: httpx.Client, accept: str
) -> None:
    sd = "http://www.w3.org/ns/sparql-service-description#"
    graphs = {}
    for name, endpoint in endpoints.items():
        response = http.get(endpoint, headers={"Accept": accept})
        assert response.status_code == 200, name
        graph = Graph()
        graph.parse(data=response.content, format=_rdflib_format(response.headers["content-type"]))
        graphs[name] = graph
    for graph in graphs.values():
        query = f"ASK {{ ?s a <{sd}Service> ; <{sd}supportedLanguage> <{sd}SPARQL11Query> }}"
        assert graph.query(query).askAnswer


def _rdflib_format(content_type: str) -> str:
    return {
        "text/turtle": "turtle",
        "application/ld+json": "json-ld",
        "application/n-quads": "nquads",
        "application/n-triples": "nt",
    }[media(content_type)]
