"""Hostile queries: nothing a query says may make orgkg open a connection.

Each query below tries to reach a loopback listener (SERVICE in every
position, FROM / FROM NAMED with http and file IRIs, LOAD, and a query that
smuggles SERVICE past the guard). Every surface is tried: the function
(``queries.run_sparql``), the command line (``orgkg sparql``), the endpoint
(``/sparql`` in-process and in a served process). Each must refuse, and the
listener must record no connection.
"""

from __future__ import annotations

import socket
from collections.abc import Iterable, Iterator
from typing import TYPE_CHECKING

import httpx
import pytest
from typer.testing import CliRunner

from api.cli import app as cli_app
from ontology import ForbiddenQuery, QueryError, Store, load_regulation
from queries import check_read_only, run_sparql
from tests.reliability.support import (
    HOSTILE,
    Listener,
    assert_clean_failure,
    make_client,
    run_orgkg,
    served,
)

if TYPE_CHECKING:
    from fastapi.testclient import TestClient

# The guard parses with rdflib, which expands \uXXXX escapes before tokenising
# (SPARQL 1.1 section 19.2); Oxigraph applies them inside strings only. A
# \u0022 would be a quote to one and a plain character to the other, so an
# escape spelling a delimiter is refused ("smuggled-*" below).

# name -> query template ({url} is the listener's URL); every one must be refused.
HOSTILE_QUERIES: dict[str, str] = {
    "service": "SELECT * WHERE { SERVICE <{url}> { ?s ?p ?o } }",
    "service-silent": "SELECT * WHERE { SERVICE SILENT <{url}> { ?s ?p ?o } }",
    "service-variable": "SELECT * WHERE { VALUES ?e { <{url}> } SERVICE ?e { ?s ?p ?o } }",
    "service-in-optional": (
        "SELECT * WHERE { ?a ?b ?c OPTIONAL { SERVICE <{url}> { ?a ?p ?o } } } LIMIT 1"
    ),
    "service-in-subselect": (
        "SELECT * WHERE { { SELECT ?s WHERE { SERVICE <{url}> { ?s ?p ?o } } } }"
    ),
    "service-in-exists": (
        "SELECT * WHERE { ?s ?p ?o FILTER EXISTS { SERVICE <{url}> { ?s ?p ?o } } } LIMIT 1"
    ),
    "service-in-union": (
        "SELECT * WHERE { { ?s ?p ?o } UNION { SERVICE <{url}> { ?s ?p ?o } } } LIMIT 1"
    ),
    "service-in-minus": "SELECT * WHERE { ?s ?p ?o MINUS { SERVICE <{url}> { ?s ?p ?o } } }",
    "service-lower-case": "select * where { service <{url}> { ?s ?p ?o } }",
    "service-prefixed": "PREFIX r: <{url}> SELECT * WHERE { SERVICE r: { ?s ?p ?o } }",
    "service-relative-to-base": "BASE <{url}> SELECT * WHERE { SERVICE <> { ?s ?p ?o } }",
    "service-after-comment": "SELECT * WHERE { SERVICE # hidden?\n <{url}> { ?s ?p ?o } }",
    "service-escaped-keyword": "SELECT * WHERE { \\u0053ERVICE <{url}> { ?s ?p ?o } }",
    "service-ask": "ASK { SERVICE <{url}> { ?s ?p ?o } }",
    "service-construct": "CONSTRUCT { ?s ?p ?o } WHERE { SERVICE <{url}> { ?s ?p ?o } }",
    "service-describe": "DESCRIBE ?s WHERE { SERVICE <{url}> { ?s ?p ?o } }",
    "from-http": "SELECT * FROM <{url}data.ttl> WHERE { ?s ?p ?o }",
    "from-named-http": "SELECT * FROM NAMED <{url}g.ttl> WHERE { GRAPH ?g { ?s ?p ?o } }",
    "from-file": "SELECT * FROM <file:///etc/passwd> WHERE { ?s ?p ?o }",
    "from-named-file": "SELECT * FROM NAMED <file:///etc/hostname> WHERE { GRAPH ?g { ?s ?p ?o } }",
    "construct-from-http": "CONSTRUCT { ?s ?p ?o } FROM <{url}> WHERE { ?s ?p ?o }",
    "load": "LOAD <{url}data.ttl>",
    "load-silent-into": "LOAD SILENT <{url}data.ttl> INTO GRAPH <urn:x:g>",
    "update-then-select": "INSERT DATA { <urn:x:a> <urn:x:b> <urn:x:c> } ; LOAD <{url}>",
    "smuggled-service-select": (
        'SELECT * WHERE { BIND("a\\u0022 + " AS ?x) SERVICE <{url}> { ?s ?p ?o } '
        'BIND(" + \\u0022" AS ?y) }'
    ),
    "smuggled-service-ask": (
        'ASK { BIND("a\\u0022 + " AS ?x) SERVICE <{url}> { ?s ?p ?o } BIND(" + \\u0022" AS ?y) }'
    ),
}


def _cases(names: Iterable[str] | None = None) -> list[object]:
    """The queries as pytest params, named."""
    chosen = HOSTILE_QUERIES if names is None else {n: HOSTILE_QUERIES[n] for n in names}
    return [pytest.param(template, id=name) for name, template in chosen.items()]


def _query(template: str, listener: Listener) -> str:
    return template.replace("{url}", listener.url)


@pytest.fixture(scope="module")
def store() -> Store:
    return load_regulation([HOSTILE])


@pytest.fixture(scope="module")
def client() -> Iterator[TestClient]:
    with make_client(data=(HOSTILE,)) as test_client:
        yield test_client


@pytest.fixture(scope="module")
def base_url() -> Iterator[str]:
    with served(data=(HOSTILE,)) as base:
        yield base


def test_listener_records_a_connection(listener: Listener) -> None:
    """The witness works: a real connection to it is recorded (else every 'none' is void)."""
    with socket.create_connection(("127.0.0.1", listener.port), timeout=2) as client:
        client.sendall(b"GET / HTTP/1.0\r\n\r\n")
        client.recv(1024)
    assert len(listener.connections) == 1
    assert listener.connections[0].startswith(b"GET /")


def test_unguarded_oxigraph_would_connect(listener: Listener, store: Store) -> None:
    """Control: the engine itself does execute SERVICE, so the guard is what stands between."""
    store.select(f"SELECT * WHERE {{ SERVICE <{listener.url}> {{ ?s ?p ?o }} }}")
    assert len(listener.connections) == 1


@pytest.mark.parametrize("template", _cases())
def test_guard_refuses_and_nothing_connects(
    template: str, listener: Listener, store: Store
) -> None:
    """check_read_only and run_sparql refuse the query; the listener records nothing."""
    text = _query(template, listener)
    with pytest.raises((ForbiddenQuery, QueryError)):
        check_read_only(text)
    with pytest.raises((ForbiddenQuery, QueryError)):
        run_sparql(store, text)
    assert listener.connections == []


@pytest.mark.parametrize("template", _cases())
def test_command_line_refuses_and_nothing_connects(template: str, listener: Listener) -> None:
    """`orgkg sparql QUERY` exits 2 with one line on stderr; the listener records nothing."""
    result = CliRunner().invoke(
        cli_app, ["--data", str(HOSTILE), "sparql", _query(template, listener)]
    )
    assert result.exit_code == 2, result.output
    assert result.exception is None or isinstance(result.exception, SystemExit)
    assert "Traceback" not in result.output
    assert listener.connections == []


@pytest.mark.parametrize("template", _cases(["service", "smuggled-service-select"]))
def test_real_command_refuses_and_nothing_connects(template: str, listener: Listener) -> None:
    """The installed `orgkg` command, as a user runs it: exit 2, no traceback, no connection."""
    result = run_orgkg(["--data", str(HOSTILE), "sparql", _query(template, listener)])
    message = assert_clean_failure(result)
    assert message.startswith("orgkg: ") and len(message.splitlines()) == 1
    assert listener.connections == []


@pytest.mark.parametrize("template", _cases())
def test_endpoint_refuses_every_way_and_nothing_connects(
    template: str, listener: Listener, client: TestClient
) -> None:
    """/sparql by GET, form POST and direct POST answers 400 (JSON error); nothing connects."""
    text = _query(template, listener)
    responses = [
        client.get("/sparql", params={"query": text}),
        client.post("/sparql", data={"query": text}),
        client.post(
            "/sparql", content=text.encode(), headers={"Content-Type": "application/sparql-query"}
        ),
    ]
    for response in responses:
        assert response.status_code == 400, response.text
        assert response.json()["error"]["code"] in {"forbidden-query", "bad-query"}
    assert listener.connections == []


@pytest.mark.server
@pytest.mark.parametrize(
    "template",
    _cases(["service", "service-variable", "from-http", "load", "smuggled-service-select"]),
)
def test_served_process_refuses_and_nothing_connects(
    template: str, listener: Listener, base_url: str
) -> None:
    """`orgkg serve` on loopback, asked over real HTTP: 400 and no connection from any worker."""
    response = httpx.get(
        f"{base_url}/sparql", params={"query": _query(template, listener)}, timeout=10
    )
    assert response.status_code == 400, response.text
    assert listener.connections == []


def test_dataset_parameters_of_the_protocol_are_refused(
    listener: Listener, client: TestClient
) -> None:
    """default-graph-uri / named-graph-uri (SPARQL Protocol) cannot name a remote graph either."""
    for name in ("default-graph-uri", "named-graph-uri"):
        response = client.get(
            "/sparql", params={"query": "SELECT * WHERE { ?s ?p ?o } LIMIT 1", name: listener.url}
        )
        assert response.status_code == 400, response.text
    assert listener.connections == []
