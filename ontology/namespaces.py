"""Namespaces used across orgkg, and the prefixes every query gets."""

from __future__ import annotations

from rdflib import Namespace
from rdflib.namespace import DCTERMS, FOAF, OWL, PROV, RDF, RDFS, SH, SKOS, XSD

OKG = Namespace("https://w3id.org/orgkg/ns#")
OKGSH = Namespace("https://w3id.org/orgkg/shapes#")
ID = Namespace("https://w3id.org/orgkg/id/")
ORG = Namespace("http://www.w3.org/ns/org#")
ODRL = Namespace("http://www.w3.org/ns/odrl/2/")
ELI = Namespace("http://data.europa.eu/eli/ontology#")
DCT = DCTERMS

PREFIXES: dict[str, str] = {
    "okg": str(OKG),
    "okgsh": str(OKGSH),
    "id": str(ID),
    "org": str(ORG),
    "odrl": str(ODRL),
    "eli": str(ELI),
    "dcterms": str(DCTERMS),
    "foaf": str(FOAF),
    "owl": str(OWL),
    "prov": str(PROV),
    "rdf": str(RDF),
    "rdfs": str(RDFS),
    "sh": str(SH),
    "skos": str(SKOS),
    "xsd": str(XSD),
}

__all__ = [
    "DCT",
    "ELI",
    "FOAF",
    "ID",
    "ODRL",
    "OKG",
    "OKGSH",
    "ORG",
    "OWL",
    "PREFIXES",
    "PROV",
    "RDF",
    "RDFS",
    "SH",
    "SKOS",
    "XSD",
]
