"""What a loaded store says about itself: a SPARQL 1.1 Service Description and VoID.

Both are small RDF graphs built from counts of the store, so a crawler or a
SPARQL client learns what the endpoint speaks (result formats, the read-only
query language) and what the dataset holds (triples, classes, vocabularies,
dumps) without reading the documentation.
"""

# Heavy libraries are imported where used, so the command line starts fast
# and the workers' jobs pull in only what they need.
# ruff: noqa: PLC0415

from __future__ import annotations

from typing import TYPE_CHECKING

from ontology.namespaces import PREFIXES
from ontology.sparql import read_sparql

if TYPE_CHECKING:
    from rdflib import Graph
    from rdflib.term import Node

    from ontology.store import Store

SD = "http://www.w3.org/ns/sparql-service-description#"
VOID = "http://rdfs.org/ns/void#"
FORMATS = "http://www.w3.org/ns/formats/"
# The W3C names of the formats the endpoint answers in.
RESULT_FORMATS = (
    "SPARQL_Results_JSON",
    "SPARQL_Results_XML",
    "SPARQL_Results_CSV",
    "SPARQL_Results_TSV",
    "Turtle",
    "JSON-LD",
    "N-Triples",
    "RDF_XML",
)
DUMP_FORMATS = ("nt", "ttl", "jsonld")


def service_description(store: Store, endpoint: str) -> Graph:
    """The SPARQL 1.1 Service Description of the read-only endpoint at ``endpoint``."""
    from rdflib import BNode, Graph, Literal, Namespace, URIRef
    from rdflib.namespace import RDF, XSD

    sd, void, formats = Namespace(SD), Namespace(VOID), Namespace(FORMATS)
    graph = Graph()
    graph.bind("sd", sd)
    graph.bind("void", void)
    service, dataset, default = BNode("service"), BNode("dataset"), BNode("default")
    graph.add((service, RDF.type, sd.Service))
    graph.add((service, sd.endpoint, URIRef(endpoint)))
    graph.add((service, sd.supportedLanguage, sd.SPARQL11Query))
    for name in RESULT_FORMATS:
        graph.add((service, sd.resultFormat, formats[name]))
    graph.add((service, sd.defaultDataset, dataset))
    graph.add((dataset, RDF.type, sd.Dataset))
    graph.add((dataset, sd.defaultGraph, default))
    graph.add((default, RDF.type, sd.Graph))
    triples = _counts(store)["triples"]
    graph.add((default, void.triples, Literal(triples, datatype=XSD.integer)))
    return graph


def void_description(store: Store, base: str) -> Graph:
    """The VoID description of the loaded dataset served from ``base`` (no trailing /)."""
    from rdflib import BNode, Graph, Literal, Namespace, URIRef
    from rdflib.namespace import DCTERMS, RDF, XSD

    void = Namespace(VOID)
    graph = Graph()
    graph.bind("void", void)
    graph.bind("dcterms", DCTERMS)
    dataset = URIRef(f"{base}/.well-known/void#dataset")
    graph.add((dataset, RDF.type, void.Dataset))
    graph.add((dataset, DCTERMS.title, Literal("orgkg", lang="en")))
    graph.add((dataset, void.sparqlEndpoint, URIRef(f"{base}/sparql")))
    for fmt in DUMP_FORMATS:
        graph.add((dataset, void.dataDump, URIRef(f"{base}/export/{fmt}")))
    counts = _counts(store)
    for name in ("triples", "properties"):
        graph.add((dataset, void[name], Literal(counts[name], datatype=XSD.integer)))
    graph.add((dataset, void.distinctSubjects, Literal(counts["subjects"], datatype=XSD.integer)))
    for namespace in _vocabularies(store):
        graph.add((dataset, void.vocabulary, URIRef(namespace)))
    for index, (cls, entities) in enumerate(_classes(store)):
        partition = BNode(f"class{index}")
        graph.add((dataset, void.classPartition, partition))
        graph.add((partition, void["class"], cls))
        graph.add((partition, void.entities, Literal(entities, datatype=XSD.integer)))
    return graph


def _counts(store: Store) -> dict[str, int]:
    table = store.select(read_sparql("dataset-counts"))
    row = table.records()[0]
    return {name: int(str(row[name] or 0)) for name in ("triples", "subjects", "properties")}


def _classes(store: Store) -> list[tuple[Node, int]]:
    table = store.select(read_sparql("dataset-classes"))
    return [
        (term, int(str(row["entities"])))
        for row in table.records()
        if (term := row["class"]) is not None
    ]


def _vocabularies(store: Store) -> list[str]:
    """The known namespaces (the prefixes every query gets) the data's properties use."""
    properties = [
        str(term) for term in store.select(read_sparql("dataset-properties")).column("property")
    ]
    known = sorted(set(PREFIXES.values()), key=len, reverse=True)
    used = {next((ns for ns in known if iri.startswith(ns)), None) for iri in properties}
    return sorted(ns for ns in used if ns is not None)
