"""/check and /export/{format}."""

from __future__ import annotations

import json
import xml.etree.ElementTree as ET
from pathlib import Path

import pytest
from fastapi.testclient import TestClient
from rdflib import Graph
from rdflib.compare import isomorphic

from graph.jsonld import data_only
from ontology import Store
from ontology.loader import parse_file
from ontology.store_oxigraph import from_ox


def as_graph(store: Store) -> Graph:
    graph = Graph()
    graph += store.triples()
    return graph


def read_graph(path: Path) -> Graph:
    """The triples of one file, parsed as the loader parses (no vocabulary added)."""
    graph = Graph()
    for quad in parse_file(path):
        triple = (from_ox(quad.subject), from_ox(quad.predicate), from_ox(quad.object))
        graph.add(triple)  # type: ignore[arg-type]  # never None for a parsed quad
    return graph


@pytest.mark.parametrize(
    ("fmt", "media"),
    [("ttl", "text/turtle"), ("jsonld", "application/ld+json"), ("nt", "application/n-triples")],
)
def test_rdf_exports_round_trip(
    client: TestClient, store: Store, tmp_path: Path, fmt: str, media: str
) -> None:
    """Loading the export gives the very graph that was exported."""
    response = client.get(f"/export/{fmt}")
    assert response.status_code == 200
    assert response.headers["content-type"].split(";")[0] == media
    assert f".{fmt}" in response.headers["content-disposition"]
    exported = tmp_path / f"export.{fmt}"
    exported.write_bytes(response.content)
    # JSON-LD leaves the vocabulary out unless asked (?vocabulary=true).
    expected = data_only(as_graph(store)) if fmt == "jsonld" else as_graph(store)
    assert isomorphic(read_graph(exported), expected)


@pytest.mark.parametrize("fmt", ["graphml", "gexf", "csv", "csv-zip", "popolo", "xlsx"])
def test_graph_exports(client: TestClient, fmt: str) -> None:
    response = client.get(f"/export/{fmt}")
    assert response.status_code == 200
    assert response.content


def test_unknown_export_format_is_404(client: TestClient) -> None:
    response = client.get("/export/docx")
    assert response.status_code == 404
    assert "ttl" in response.json()["error"]["message"]


def test_check_json(client: TestClient) -> None:
    response = client.get("/check")
    assert response.status_code == 200
    body = response.json()
    assert isinstance(body["conforms"], bool)
    assert response.headers["x-orgkg-conforms"] == json.dumps(body["conforms"])


def test_check_junit_and_text(client: TestClient) -> None:
    junit = client.get("/check?format=junit")
    assert junit.status_code == 200
    assert ET.fromstring(junit.content).tag in {"testsuites", "testsuite"}
    text = client.get("/check?format=text&lang=en")
    assert text.status_code == 200
    assert text.headers["content-type"].startswith("text/plain")


def test_check_sarif(client: TestClient) -> None:
    sarif = client.get("/check?format=sarif&lang=en")
    assert sarif.status_code == 200
    assert sarif.headers["content-type"].startswith("application/sarif+json")
    log = sarif.json()
    assert log["version"] == "2.1.0" and log["runs"][0]["language"] == "en"
