"""``orgkg serve`` as a real process, queried by real SPARQL clients.

SPARQLWrapper, rdflib's SPARQLStore and plain HTTP must give the same rows as
the command line; a runaway query is stopped and the server keeps answering;
when the server stops, its query workers stop with it.
"""

from __future__ import annotations

import json
import os
import signal
import socket
import subprocess
import time
import urllib.parse
import urllib.request
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import Any
from urllib.error import HTTPError

import pytest
from rdflib import Graph
from rdflib.plugins.stores.sparqlstore import SPARQLStore
from rdflib.query import ResultRow
from SPARQLWrapper import JSON, SPARQLWrapper
from SPARQLWrapper.SPARQLExceptions import QueryBadFormed

from api.runtime.settings import Settings

pytestmark = pytest.mark.server
RunOrgkg = Callable[..., "subprocess.CompletedProcess[str]"]

UNITS = """PREFIX org: <http://www.w3.org/ns/org#>
PREFIX skos: <http://www.w3.org/2004/02/skos/core#>
SELECT ?unit ?label WHERE {
  ?unit a org:OrganizationalUnit ; skos:prefLabel ?label . FILTER(lang(?label) = "vi")
} ORDER BY ?unit"""


@dataclass
class Server:
    process: subprocess.Popen[str]
    url: str
    banner: str
    timeout: float

    @property
    def sparql(self) -> str:
        return self.url + "/sparql"


def free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return int(probe.getsockname()[1])


def descendants(pid: int) -> set[int]:
    """Every process below ``pid`` (from /proc)."""
    children: dict[int, list[int]] = {}
    for entry in Path("/proc").iterdir():
        if not entry.name.isdigit():
            continue
        try:
            stat = (entry / "stat").read_text()
        except OSError:
            continue
        parent = int(stat.rsplit(")", 1)[1].split()[1])
        children.setdefault(parent, []).append(int(entry.name))
    found: set[int] = set()
    stack = [pid]
    while stack:
        for child in children.get(stack.pop(), []):
            found.add(child)
            stack.append(child)
    return found


def alive(pid: int) -> bool:
    try:
        state = Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()[0]
    except OSError:
        return False
    return state != "Z"


@pytest.fixture(scope="module")
def server(orgkg_script: Path, settings: Settings) -> Iterator[Server]:
    port = free_port()
    env = {k: v for k, v in os.environ.items() if not k.startswith("ORGKG_")}
    timeout = settings.query_timeout
    process = subprocess.Popen(
        [str(orgkg_script), "serve", "--port", str(port), "--timeout", str(timeout)],
        stdout=subprocess.PIPE,
        stderr=subprocess.DEVNULL,
        text=True,
        env=env,
    )
    url = f"http://127.0.0.1:{port}"
    assert process.stdout is not None
    banner = process.stdout.readline()
    deadline = time.monotonic() + 60
    while True:
        try:
            with urllib.request.urlopen(url + "/health", timeout=2) as response:
                if response.status == 200:
                    break
        except OSError:
            if process.poll() is not None or time.monotonic() > deadline:
                raise RuntimeError("orgkg serve did not start") from None
            time.sleep(0.2)
    yield Server(process, url, banner, timeout)
    if process.poll() is None:
        process.send_signal(signal.SIGTERM)
        process.wait(timeout=15)


CliJson = Callable[..., dict[str, Any]]


@pytest.fixture(scope="module")
def cli_json(orgkg: RunOrgkg) -> CliJson:
    """What ``orgkg ARGS --format json`` prints, parsed."""

    def run(*args: str) -> dict[str, Any]:
        result = orgkg(*args, "--format", "json")
        assert result.returncode == 0, result.stderr
        answer: dict[str, Any] = json.loads(result.stdout)
        return answer

    return run


def rows_of(results: dict[str, Any]) -> list[dict[str, str]]:
    return [{k: v["value"] for k, v in row.items()} for row in results["results"]["bindings"]]


def test_serve_prints_its_address(server: Server) -> None:
    assert server.url in server.banner


def test_sparqlwrapper_gets_the_cli_rows(server: Server, cli_json: CliJson) -> None:
    client = SPARQLWrapper(server.sparql)
    client.setQuery(UNITS)
    client.setReturnFormat(JSON)
    answer = client.queryAndConvert()
    assert isinstance(answer, dict)
    expected = rows_of(cli_json("sparql", UNITS))
    assert rows_of(answer) == expected
    assert expected


@pytest.mark.filterwarnings("ignore:ConjunctiveGraph is deprecated:DeprecationWarning")
def test_sparqlwrapper_post_and_construct(server: Server, cli_json: CliJson) -> None:
    client = SPARQLWrapper(server.sparql)
    client.setMethod("POST")
    client.setQuery(
        "CONSTRUCT { ?u a <http://www.w3.org/ns/org#OrganizationalUnit> } "
        "WHERE { ?u a <http://www.w3.org/ns/org#OrganizationalUnit> }"
    )
    graph = client.queryAndConvert()
    assert isinstance(graph, Graph)
    assert len(graph) == len(rows_of(cli_json("sparql", UNITS)))


def test_rdflib_sparqlstore_gets_the_cli_rows(server: Server, cli_json: CliJson) -> None:
    remote = Graph(store=SPARQLStore(query_endpoint=server.sparql))
    rows = [
        {str(name): str(value) for name, value in row.asdict().items()}
        for row in remote.query(UNITS)
        if isinstance(row, ResultRow)
    ]
    assert rows == rows_of(cli_json("sparql", UNITS))


def test_plain_http_question_gets_the_cli_answer(
    server: Server, cli_json: CliJson, orgkg: RunOrgkg
) -> None:
    with urllib.request.urlopen(server.url + "/queries/units", timeout=10) as response:
        assert response.headers["Content-Type"] == "application/sparql-results+json"
        answer = json.load(response)
    assert answer == cli_json("query", "units")
    request = urllib.request.Request(server.url + "/queries/units", headers={"Accept": "text/csv"})
    with urllib.request.urlopen(request, timeout=10) as response:
        csv_text = response.read().decode("utf-8")
    # The subprocess's text mode reads the CSV's CRLF line ends as LF.
    assert csv_text.replace("\r\n", "\n") == orgkg("query", "units", "--format", "csv").stdout


def test_the_store_engine_reads_this_server(server: Server, cli_json: CliJson) -> None:
    """orgkg itself, with --store pointing at this service, answers like the local store."""
    remote = cli_json("--store", server.sparql, "query", "units")
    assert remote == cli_json("query", "units")


def test_service_query_is_refused(server: Server) -> None:
    client = SPARQLWrapper(server.sparql)
    client.setQuery("SELECT * WHERE { SERVICE <http://127.0.0.1:9/sparql> { ?s ?p ?o } }")
    client.setReturnFormat(JSON)
    with pytest.raises(QueryBadFormed):
        client.queryAndConvert()


def test_runaway_query_gets_503_and_service_goes_on(server: Server, runaway_query: str) -> None:
    url = server.sparql + "?" + urllib.parse.urlencode({"query": runaway_query})
    with pytest.raises(HTTPError) as caught:  # the query never ends: only the kill answers it
        urllib.request.urlopen(url, timeout=30)
    assert caught.value.code == 503
    with urllib.request.urlopen(server.url + "/queries/units", timeout=10) as response:
        assert response.status == 200
    with urllib.request.urlopen(server.url + "/health", timeout=10) as response:
        health = json.load(response)
    assert health["workers"]["alive"] == health["workers"]["size"]


def test_stopping_the_server_stops_its_workers(server: Server) -> None:
    workers = descendants(server.process.pid)
    assert len(workers) >= 3  # the zygote and at least two workers
    server.process.send_signal(signal.SIGTERM)
    # uvicorn shuts down gracefully, then re-raises the signal it caught.
    assert server.process.wait(timeout=15) in (0, -signal.SIGTERM)
    deadline = time.monotonic() + 5
    while any(alive(pid) for pid in workers) and time.monotonic() < deadline:
        time.sleep(0.1)
    assert not [pid for pid in workers if alive(pid)]
