"""The plain ``GET /sparql?query=`` shortcut answers exactly as the documented route.

An unknown extra parameter sends the same request to the documented
(FastAPI) route, which ignores it: the two answers are compared whole.
"""

from __future__ import annotations

from typing import Any
from urllib.parse import urlencode

import pytest
from fastapi.testclient import TestClient
from starlette.routing import Match

from api.http.routes.sparql_shortcut import SparqlShortcut

SELECT = """PREFIX org: <http://www.w3.org/ns/org#>
SELECT ?unit WHERE { ?unit a org:OrganizationalUnit } ORDER BY ?unit"""
ASK = "ASK { ?s ?p ?o }"
CONSTRUCT = "CONSTRUCT { ?s ?p ?o } WHERE { ?s ?p ?o } LIMIT 3"
UPDATE = "INSERT DATA { <urn:a> <urn:b> <urn:c> }"
SERVICE = "SELECT * WHERE { SERVICE <http://example.org/sparql> { ?s ?p ?o } }"
# Headers that differ between any two responses, whoever answers.
_VOLATILE = {"date", "server"}


def _compared(response: Any) -> tuple[int, bytes, dict[str, str]]:
    headers = {k: v for k, v in response.headers.items() if k.lower() not in _VOLATILE}
    return response.status_code, response.content, headers


@pytest.mark.parametrize(
    ("params", "accept"),
    [
        ({"query": SELECT}, None),
        ({"query": SELECT}, "text/csv"),
        ({"query": SELECT}, "application/sparql-results+xml"),
        ({"query": SELECT, "format": "tsv"}, None),
        ({"query": SELECT, "output": "json", "results": "csv"}, "text/turtle"),
        ({"query": ASK}, "application/sparql-results+json"),
        ({"query": CONSTRUCT}, "text/turtle"),
        ({"query": CONSTRUCT}, "text/csv"),  # 406: no graph format in Accept
        ({"query": SELECT}, "image/png"),  # 406 before evaluation
        ({"query": UPDATE}, None),  # 400: read-only
        ({"query": SERVICE}, None),  # 400: no outbound call
        ({"query": "  "}, None),  # 400: empty
        ({"query": "SELECT * WHERE { ?s ?p"}, None),  # 400: syntax
    ],
    ids=lambda value: str(value)[:30] if isinstance(value, dict) else str(value),
)
def test_the_shortcut_and_the_documented_route_answer_alike(
    client: TestClient, params: dict[str, str], accept: str | None
) -> None:
    headers = {"Accept": accept} if accept else {}
    shortcut = client.get("/sparql", params=params, headers=headers)
    documented = client.get("/sparql", params={**params, "unrelated": "1"}, headers=headers)
    assert _compared(shortcut) == _compared(documented)


@pytest.mark.parametrize(
    ("content_type", "body", "accept"),
    [
        ("application/sparql-query", SELECT.encode(), None),
        ("application/sparql-query", SELECT.encode(), "text/csv"),
        ("application/sparql-query; charset=utf-8", ASK.encode(), None),
        ("application/x-www-form-urlencoded", urlencode({"query": SELECT}).encode(), None),
        (
            "application/x-www-form-urlencoded",
            urlencode({"query": SELECT, "format": "xml"}).encode(),
            None,
        ),
        ("application/x-www-form-urlencoded", urlencode({"update": UPDATE}).encode(), None),
        ("application/x-www-form-urlencoded", b"other=1", None),  # 400: no query field
        ("application/sparql-update", UPDATE.encode(), None),  # 400: read-only
        ("text/plain", SELECT.encode(), None),  # 415
        ("application/sparql-query", "Ơ".encode("utf-16"), None),  # 400: not UTF-8
    ],
    ids=lambda value: str(value)[:30],
)
def test_a_posted_query_is_answered_alike_by_both_routes(
    client: TestClient, content_type: str, body: bytes, accept: str | None
) -> None:
    headers = {"Content-Type": content_type, **({"Accept": accept} if accept else {})}
    shortcut = client.post("/sparql", content=body, headers=headers)
    documented = client.post("/sparql?unrelated=1", content=body, headers=headers)
    assert _compared(shortcut) == _compared(documented)


def test_a_refusal_by_the_shortcut_keeps_the_json_error_shape(client: TestClient) -> None:
    response = client.get("/sparql", params={"query": UPDATE})
    assert response.status_code == 400
    assert set(response.json()["error"]) == {"code", "message"}


def test_the_shortcut_answers_cross_origin_reads(client: TestClient) -> None:
    response = client.get(
        "/sparql", params={"query": ASK}, headers={"Origin": "https://yasgui.example"}
    )
    assert response.status_code == 200
    assert response.headers["access-control-allow-origin"] == "*"
    assert "X-Orgkg-Truncated" in response.headers["access-control-expose-headers"]


def _scope(method: str, path: str, query: bytes) -> dict[str, Any]:
    return {"type": "http", "method": method, "path": path, "query_string": query}


@pytest.mark.parametrize(
    ("method", "path", "query", "taken"),
    [
        ("GET", "/sparql", b"query=ASK%7B%7D", True),
        ("GET", "/sparql", b"query=ASK%7B%7D&format=json&output=xml&results=csv", True),
        ("GET", "/sparql", b"", False),  # the service description or the editor
        ("GET", "/sparql", b"query=a&query=b", False),  # which one: the documented route says
        ("GET", "/sparql", b"query=a&limit=10", False),  # validated paging
        ("GET", "/sparql", b"query=a&lang=en", False),
        ("GET", "/sparql", b"query=a&at=2020", False),
        ("GET", "/sparql", b"query=a&default-graph-uri=urn:g", False),  # refused there
        ("GET", "/sparql", b"edit=a", False),
        ("POST", "/sparql", b"", True),  # the body holds the query
        ("POST", "/sparql", b"format=csv", True),
        ("POST", "/sparql", b"limit=10", False),  # validated paging
        ("POST", "/sparql", b"query=a", False),  # a query in a POST's URL: the documented route
        ("HEAD", "/sparql", b"query=a", False),
        ("GET", "/sparql/", b"query=a", False),
        ("GET", "/queries", b"query=a", False),
    ],
)
def test_the_shortcut_takes_only_the_plain_get(
    method: str, path: str, query: bytes, taken: bool
) -> None:
    match, _ = SparqlShortcut().matches(_scope(method, path, query))
    assert (match is Match.FULL) is taken
