"""Bad HTTP requests: a documented 4xx with the one JSON error shape, never a 500.

Malformed and unknown parameters, oversized queries and bodies, wrong
methods, path traversal in /entities/{id}, /export/{format} and /static,
odd bytes in paths and headers. Each answer must be the status the route
documents in /openapi.json, carry ``{"error": {"code", "message"}}``, and
leak nothing of the machine (no file content, no source, no traceback).
"""

from __future__ import annotations

import json
import re
import socket
from collections.abc import Iterator
from typing import TYPE_CHECKING, Any

import pytest

from ontology import DataError
from tests.reliability.support import BAD, HOSTILE, make_client, served

if TYPE_CHECKING:
    from fastapi.testclient import TestClient

MAX_QUERY = 2000
LEAKS = re.compile(r"root:x:0:0|Traceback|File \"/|def create_app|\[build-system\]")

# method, URL, expected status, the documented route it reaches (None: no route matches)
CASES: list[tuple[str, str, int, str | None]] = [
    # malformed or unknown parameters
    ("GET", "/queries/chain-of-command", 400, "/queries/{question_id}"),
    ("GET", "/queries/chain-of-command?from=", 400, "/queries/{question_id}"),
    ("GET", "/queries/chain-of-command?from=%3Cscript%3E", 400, "/queries/{question_id}"),
    ("GET", "/queries/chain-of-command?from=a&from=b", 400, "/queries/{question_id}"),
    ("GET", "/queries/posts?bogus=1", 400, "/queries/{question_id}"),
    ("GET", "/queries/posts?lang=xx", 422, "/queries/{question_id}"),
    ("GET", "/queries/no-such-question", 404, "/queries/{question_id}"),
    ("GET", "/queries/%2e%2e", 404, "/queries/{question_id}"),
    ("GET", "/search", 422, "/search"),
    ("GET", "/search?q=", 422, "/search"),
    ("GET", "/search?q=" + "a" * 5000, 422, "/search"),
    ("GET", "/check?format=pdf", 422, "/check"),
    ("GET", "/check?lang=zz", 422, "/check"),
    # Without a query, GET /sparql is the Service Description (tests/api/test_api_descriptions.py).
    ("GET", "/sparql?query=", 400, "/sparql"),
    ("GET", "/sparql?query=SELEKT%20*", 400, "/sparql"),
    # An unknown format name is ignored, as SPARQL servers do; an unknown prefix is named.
    ("GET", "/sparql?query=SELECT%20*%20%7B%20?s%20foo:bar%20?o%20%7D", 400, "/sparql"),
    ("GET", "/sparql?query=%ff%fe", 400, "/sparql"),
    # oversized
    ("GET", "/sparql?query=" + "a" * (MAX_QUERY + 10), 413, "/sparql"),
    # path traversal and odd paths
    ("GET", "/entities/..%2f..%2fetc%2fpasswd", 404, "/entities/{entity_id}"),
    ("GET", "/entities/%2e%2e/%2e%2e/etc/passwd", 404, "/entities/{entity_id}"),
    ("GET", "/entities/file:%2f%2f%2fetc%2fpasswd", 404, "/entities/{entity_id}"),
    ("GET", "/entities/%00", 404, "/entities/{entity_id}"),
    ("GET", "/entities/%ff%fe", 404, "/entities/{entity_id}"),
    ("GET", "/entities/" + "a" * 8000, 404, "/entities/{entity_id}"),
    ("GET", "/entities/javascript:alert(1)", 404, "/entities/{entity_id}"),
    ("GET", "/entities/../../etc/passwd", 404, None),
    ("GET", "/export/..%2f..%2fetc%2fpasswd", 404, None),
    ("GET", "/export/%2e%2e", 404, "/export/{fmt}"),
    ("GET", "/export/ttl%00", 404, "/export/{fmt}"),
    ("GET", "/export/..%5c..%5cwindows", 404, "/export/{fmt}"),
    ("GET", "/export/../../etc/passwd", 404, None),
    ("GET", "/static/../app.py", 404, None),
    ("GET", "/static/%2e%2e/app.py", 404, None),
    ("GET", "/static/..%2f..%2fpyproject.toml", 404, None),
    ("GET", "/static/%2e%2e%2f%2e%2e%2fpyproject.toml", 404, None),
    ("GET", "/no/such/route", 404, None),
]


@pytest.fixture(scope="module")
def client() -> Iterator[TestClient]:
    with make_client(data=(HOSTILE,), max_query_length=MAX_QUERY) as test_client:
        yield test_client


@pytest.fixture(scope="module")
def openapi(client: TestClient) -> dict[str, Any]:
    spec: dict[str, Any] = client.get("/openapi.json").json()
    return spec


def _assert_error_shape(response: Any) -> None:
    assert response.headers["content-type"].startswith("application/json"), response.headers
    body = json.loads(response.text, strict=True)
    assert set(body) == {"error"} and {"code", "message"} <= set(body["error"]), body
    assert not LEAKS.search(response.text), response.text[:300]


@pytest.mark.parametrize(
    ("method", "url", "status", "route"),
    CASES,
    ids=[f"{m} {u[:60]}" for m, u, _, _ in CASES],
)
def test_bad_request_gets_its_documented_status(
    client: TestClient,
    openapi: dict[str, Any],
    *,
    method: str,
    url: str,
    status: int,
    route: str | None,
) -> None:
    """The expected 4xx, documented for the route it reaches, in the JSON error shape."""
    response = client.request(method, url)
    assert response.status_code == status, response.text[:300]
    _assert_error_shape(response)
    if route is not None:
        documented = openapi["paths"][route][method.lower()]["responses"]
        assert str(status) in documented, f"{status} not documented for {method} {route}"


@pytest.mark.parametrize(
    ("method", "url"),
    [
        ("DELETE", "/sparql"),
        ("PUT", "/sparql"),
        ("PUT", "/queries"),
        ("POST", "/health"),
        ("PATCH", "/entities/x"),
        ("POST", "/export/ttl"),
        ("DELETE", "/check"),
        ("TRACE", "/"),
    ],
)
def test_wrong_method_is_405_in_the_error_shape(client: TestClient, method: str, url: str) -> None:
    """A method the route does not take: 405, an Allow header, the JSON error shape."""
    response = client.request(method, url)
    assert response.status_code == 405, response.text[:300]
    assert response.headers.get("allow")
    _assert_error_shape(response)


def test_405_is_documented(openapi: dict[str, Any]) -> None:
    """Wrong methods get a documented 4xx: 405 appears in the OpenAPI document."""
    assert "405" in json.dumps(openapi)


def test_oversized_bodies_are_refused_unread(client: TestClient) -> None:
    """A 1 MB SPARQL body, direct or form-encoded, is 413 from its declared length."""
    for content_type, body in [
        ("application/sparql-query", b"x" * 2**20),
        ("application/x-www-form-urlencoded", b"query=" + b"x" * 2**20),
    ]:
        response = client.post("/sparql", content=body, headers={"Content-Type": content_type})
        assert response.status_code == 413, response.text[:200]
        _assert_error_shape(response)


@pytest.mark.parametrize(
    ("content_type", "body", "status"),
    [
        ("text/plain", b"ASK {}", 415),
        ("application/json", b'{"query": "ASK {}"}', 415),
        ("application/sparql-update", b"DROP ALL", 400),
        ("application/sparql-query", b"\xff\xfe", 400),
        ("application/x-www-form-urlencoded", b"update=DROP%20ALL", 400),
        ("application/x-www-form-urlencoded", b"nothing=here", 400),
        ("application/x-www-form-urlencoded", b"%%%", 400),
        ("multipart/form-data; boundary=x", b"--x--", 415),
    ],
)
def test_malformed_sparql_posts_are_4xx(
    client: TestClient, content_type: str, body: bytes, status: int
) -> None:
    """POST /sparql with a wrong type, an update, bad bytes or no query: the documented 4xx."""
    response = client.post("/sparql", content=body, headers={"Content-Type": content_type})
    assert response.status_code == status, response.text[:200]
    _assert_error_shape(response)


@pytest.mark.parametrize(
    "headers",
    [
        {"Accept": ";;;,,,q=abc"},
        {"Accept": "text/csv;q=nan, */*;q=-1"},
        {"Accept": "*/*;" + "q=1;" * 2000},
        {"Accept-Language": "\t"},
    ],
    ids=["garbage", "nan-q", "long", "tab"],
)
def test_odd_headers_never_500(client: TestClient, headers: dict[str, str]) -> None:
    """Odd Accept / Accept-Language headers end in an answer or a 4xx, never a 500."""
    response = client.get("/queries/posts", headers=headers)
    assert response.status_code < 500, response.text[:200]


@pytest.mark.server
def test_served_process_refuses_path_traversal_on_the_wire() -> None:
    """Over real HTTP (no client-side path cleaning), ../ in the raw path leaks no file."""
    with served(data=(HOSTILE,)) as base:
        host, port = base.removeprefix("http://").split(":")
        for raw in [
            "/static/../../../etc/passwd",
            "/static/..%2f..%2f..%2fetc%2fpasswd",
            "/export/../../../etc/passwd",
            "/entities/../../../etc/passwd",
            "/static/%2e%2e/%2e%2e/pyproject.toml",
        ]:
            with socket.create_connection((host, int(port)), timeout=10) as conn:
                conn.sendall(f"GET {raw} HTTP/1.1\r\nHost: x\r\nConnection: close\r\n\r\n".encode())
                reply = b""
                while chunk := conn.recv(65536):
                    reply += chunk
            status = int(reply.split(b" ", 2)[1])
            assert 400 <= status < 500, (raw, reply[:200])
            assert not LEAKS.search(reply.decode("utf-8", "replace")), raw


@pytest.mark.server
@pytest.mark.parametrize("name", ["remote_context.jsonld"])
def test_service_refuses_to_start_on_bad_data(name: str) -> None:
    """`orgkg --data BAD serve` exits 2 with file:line:column and one line: it never serves."""
    path = BAD / name
    with pytest.raises(RuntimeError) as caught, served(data=(path,)):
        pass
    message = str(caught.value)
    assert "exited with 2" in message
    assert f"{path}:" in message and "Traceback" not in message
    assert len([line for line in message.split(": ", 1)[1].splitlines() if line.strip()]) == 1


def test_app_lifespan_raises_the_data_error(tmp_path: Any) -> None:
    """create_app on bad data fails at startup with the DataError itself (not a later 500)."""
    with (
        pytest.raises(DataError, match=r"ill_typed_date\.ttl:6:27"),
        make_client(data=(BAD / "ill_typed_date.ttl",)),
    ):
        pass


def test_every_entity_question_answers_each_post_and_unit_without_a_500(
    client: TestClient,
) -> None:
    """Questions taking an entity answer any post or unit (even of hostile data) with 2xx/4xx."""
    catalogue = client.get("/queries").json()
    questions = catalogue["queries"] if isinstance(catalogue, dict) else catalogue
    entities = [
        "hostile/head",
        "hostile/unit",
        "hostile/body",
        "hostile/post/x');alert('xss-iri');//",
        "javascript:alert('xss-link')",
    ]
    failures = []
    for question in questions:
        for parameter in question.get("parameters", []):
            if parameter.get("kind") != "iri":
                continue
            for entity in entities:
                response = client.get(
                    f"/queries/{question['id']}", params={parameter["name"]: entity}
                )
                if response.status_code >= 500:
                    failures.append(f"{question['id']} {parameter['name']}={entity}")
    assert not failures, failures
