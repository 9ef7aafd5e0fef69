"""How SPARQL clients name result formats outside the Accept header.

The SPARQL 1.1 Protocol negotiates by ``Accept`` only, but clients also send
a format name in the query string or the form: SPARQLWrapper sends the same
value as ``format``, ``output`` and ``results`` (``json``, ``xml``,
``turtle``, ``n3``, ``rdf``, ``rdf+xml``, ``json-ld``, ``csv``, ``tsv``, and
for some a second value that is a media type); Fuseki-style clients send
``output=json``; Virtuoso's own form sends media types. Such a hint names a
format for the result kinds it fits (``xml`` is SPARQL XML for SELECT and
RDF/XML for CONSTRUCT); a kind no hint fits is negotiated by ``Accept``, and
a hint nobody knows is ignored, as Oxigraph's and Fuseki's servers do.
"""

from __future__ import annotations

from collections.abc import Iterable

FORMAT_PARAMETERS = ("format", "output", "results")

_SOLUTION_HINTS: dict[str, str] = {
    "json": "json",
    "srj": "json",
    "application/sparql-results+json": "json",
    "application/json": "json",
    "xml": "xml",
    "srx": "xml",
    "application/sparql-results+xml": "xml",
    "application/xml": "xml",
    "text/xml": "xml",
    "csv": "csv",
    "text/csv": "csv",
    "tsv": "tsv",
    "text/tab-separated-values": "tsv",
}
_GRAPH_HINTS: dict[str, str] = {
    "turtle": "ttl",
    "ttl": "ttl",
    "n3": "ttl",  # Turtle is N3's RDF subset: what N3 readers read
    "text/turtle": "ttl",
    "application/turtle": "ttl",
    "application/x-turtle": "ttl",
    "text/n3": "ttl",
    "text/rdf+n3": "ttl",
    "json-ld": "jsonld",
    "jsonld": "jsonld",
    "json": "jsonld",
    "application/ld+json": "jsonld",
    "application/json": "jsonld",
    "rdf": "rdfxml",
    "rdf+xml": "rdfxml",
    "rdfxml": "rdfxml",
    "xml": "rdfxml",
    "application/rdf+xml": "rdfxml",
    "application/xml": "rdfxml",
    "nt": "nt",
    "ntriples": "nt",
    "n-triples": "nt",
    "application/n-triples": "nt",
}
_HINTS_BY_KIND = {"solutions": _SOLUTION_HINTS, "boolean": _SOLUTION_HINTS, "graph": _GRAPH_HINTS}


def formats_from_hints(hints: Iterable[str]) -> dict[str, str]:
    """The format each result kind takes by the first hint that fits it.

    Kinds no hint fits are left out: they are negotiated by ``Accept``.

    >>> formats_from_hints(["turtle", "text/turtle"])
    {'graph': 'ttl'}
    >>> formats_from_hints(["xml"])
    {'solutions': 'xml', 'boolean': 'xml', 'graph': 'rdfxml'}
    """
    chosen: dict[str, str] = {}
    for hint in hints:
        name = hint.split(";")[0].strip().lower()
        for kind, table in _HINTS_BY_KIND.items():
            if kind not in chosen and name in table:
                chosen[kind] = table[name]
    return chosen
