"""The endpoint and the dataset describe themselves: Service Description and VoID."""

from __future__ import annotations

import pytest
from fastapi.testclient import TestClient
from rdflib import Graph, Literal, URIRef
from rdflib.namespace import RDF

from ontology import Store

SD = "http://www.w3.org/ns/sparql-service-description#"
VOID = "http://rdfs.org/ns/void#"
XSD_INTEGER = URIRef("http://www.w3.org/2001/XMLSchema#integer")
ORG_POST = URIRef("http://www.w3.org/ns/org#Post")


@pytest.mark.parametrize(
    ("accept", "rdflib_format"),
    [("text/turtle", "turtle"), ("application/ld+json", "json-ld"), ("*/*", "turtle")],
)
@pytest.mark.filterwarnings("ignore::DeprecationWarning:rdflib")
def test_service_description_names_endpoint_and_formats(
    client: TestClient, store: Store, accept: str, rdflib_format: str
) -> None:
    response = client.get("/sparql", headers={"Accept": accept})
    assert response.status_code == 200
    graph = Graph().parse(data=response.text, format=rdflib_format)
    service = graph.value(predicate=RDF.type, object=URIRef(SD + "Service"))
    assert graph.value(service, URIRef(SD + "endpoint")) == URIRef("http://testserver/sparql")
    formats = set(graph.objects(service, URIRef(SD + "resultFormat")))
    assert URIRef("http://www.w3.org/ns/formats/SPARQL_Results_JSON") in formats
    assert URIRef("http://www.w3.org/ns/formats/Turtle") in formats
    triples = next(graph.objects(None, URIRef(VOID + "triples")))
    assert triples == Literal(len(store), datatype=XSD_INTEGER)


@pytest.mark.parametrize("path", ["/.well-known/void", "/void"])
def test_void_counts_the_loaded_dataset(client: TestClient, store: Store, path: str) -> None:
    response = client.get(path, headers={"Accept": "text/turtle"})
    assert response.status_code == 200
    graph = Graph().parse(data=response.text, format="turtle")
    dataset = graph.value(predicate=RDF.type, object=URIRef(VOID + "Dataset"))
    assert graph.value(dataset, URIRef(VOID + "triples")) == Literal(
        len(store), datatype=XSD_INTEGER
    )
    assert graph.value(dataset, URIRef(VOID + "sparqlEndpoint")) == URIRef(
        "http://testserver/sparql"
    )
    vocabularies = set(graph.objects(dataset, URIRef(VOID + "vocabulary")))
    assert URIRef("http://www.w3.org/ns/org#") in vocabularies
    posts = {
        int(str(graph.value(partition, URIRef(VOID + "entities"))))
        for partition in graph.objects(dataset, URIRef(VOID + "classPartition"))
        if graph.value(partition, URIRef(VOID + "class")) == ORG_POST
    }
    expected = len(set(store.data_graph().subjects(RDF.type, ORG_POST)))
    assert posts == {expected} and expected > 0


def test_void_refuses_a_type_it_cannot_write(client: TestClient) -> None:
    response = client.get("/.well-known/void", headers={"Accept": "image/png"})
    assert response.status_code == 406
    assert response.json()["error"]["code"] == "not-acceptable"
