"""Every output format orgkg offers: names, media types, which surface takes which.

One table per family; the command line's choices and the API's ``format``
parameters are the ``Literal`` types below, so a format added here is
offered everywhere at once.

>>> SOLUTION_FORMATS["csv"]
'text/csv; charset=utf-8'
>>> [f.name for f in EXPORT_FORMATS.values() if f.rdf]
['ttl', 'jsonld', 'nt']
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Literal, get_args

# SELECT and ASK answers (SPARQL 1.1 result formats).
SolutionFormat = Literal["json", "xml", "csv", "tsv", "xlsx"]
# CONSTRUCT / DESCRIBE answers and the store's own serialisations.
GraphFormat = Literal["ttl", "jsonld", "nt", "rdfxml"]
# A catalogue answer over HTTP; on the command line also the text table.
AnswerFormat = Literal["json", "csv"]
TextFormat = Literal["table"]
SparqlFormat = Literal[SolutionFormat, GraphFormat]
ReportFormat = Literal["json", "junit", "text", "sarif"]
ExportName = Literal["ttl", "jsonld", "nt", "graphml", "gexf", "csv", "csv-zip", "popolo", "xlsx"]
# What changed between two datasets or days (``orgkg diff``).
DiffFormat = Literal["text", "markdown", "json"]

# format name -> media type; the first of each family is the default.
SOLUTION_FORMATS: dict[str, str] = {
    "json": "application/sparql-results+json",
    "xml": "application/sparql-results+xml",
    "csv": "text/csv; charset=utf-8",
    "tsv": "text/tab-separated-values; charset=utf-8",
    # Any SELECT answer as a one-sheet Excel workbook (queries/workbook.py).
    "xlsx": "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
}
# ASK has no table to put in a workbook.
BOOLEAN_FORMATS: dict[str, str] = {k: v for k, v in SOLUTION_FORMATS.items() if k != "xlsx"}
GRAPH_FORMATS: dict[str, str] = {
    "ttl": "text/turtle; charset=utf-8",
    "jsonld": "application/ld+json",
    "nt": "application/n-triples",
    # SPARQLWrapper's default for CONSTRUCT/DESCRIBE.
    "rdfxml": "application/rdf+xml",
}
TEXT_FORMATS: dict[str, str] = {"table": "text/plain; charset=utf-8"}
# Other names clients use for the same formats (Accept header -> format).
MEDIA_ALIASES: dict[str, str] = {
    "application/json": "json",
    "application/xml": "xml",
    "text/xml": "xml",
    "application/x-turtle": "ttl",
    "application/json-ld": "jsonld",
    "text/plain": "csv",
}
# The same generic types name an RDF format for a graph (as Oxigraph's server reads them).
GRAPH_ALIASES: dict[str, str] = {
    "application/x-turtle": "ttl",
    "application/turtle": "ttl",
    "text/n3": "ttl",
    "application/json-ld": "jsonld",
    "application/json": "jsonld",
    "application/xml": "rdfxml",
    "text/xml": "rdfxml",
    "text/plain": "nt",
}
REPORT_FORMATS: dict[str, str] = {
    "json": "application/json",
    "junit": "application/xml",
    "text": "text/plain; charset=utf-8",
    # SARIF 2.1.0 for code review: each finding at its line of the model (ontology/sarif.py).
    "sarif": "application/sarif+json",
}


@dataclass(frozen=True)
class ExportFormat:
    """One export format: its name, media type, file extension and what it is for."""

    name: str
    media_type: str
    extension: str
    purpose: str
    rdf: bool = False  # RDF from the store; otherwise graph/ or queries/ makes it


EXPORT_FORMATS: dict[str, ExportFormat] = {
    f.name: f
    for f in (
        ExportFormat("ttl", GRAPH_FORMATS["ttl"], "ttl", "RDF tools, reading", True),
        ExportFormat(
            "jsonld", GRAPH_FORMATS["jsonld"], "jsonld", "web developers (compacted, context)", True
        ),
        ExportFormat("nt", GRAPH_FORMATS["nt"], "nt", "loading a SPARQL server", True),
        ExportFormat("graphml", "application/graphml+xml", "graphml", "yEd, Cytoscape"),
        ExportFormat("gexf", "application/gexf+xml", "gexf", "Gephi"),
        ExportFormat("csv", SOLUTION_FORMATS["csv"], "csv", "spreadsheets: one table"),
        ExportFormat("csv-zip", "application/zip", "zip", "spreadsheets: both tables"),
        ExportFormat("popolo", "application/json", "json", "civic-tech tools (Popolo)"),
        ExportFormat(
            "xlsx",
            SOLUTION_FORMATS["xlsx"],
            "xlsx",
            "Excel: units, posts, people, lines, seals, duties, sources",
        ),
    )
}
# The graph tools' formats (graph.export_graph), drawn from the org graph's projection.
NETWORK_FORMATS: tuple[str, ...] = ("graphml", "gexf", "csv", "csv-zip")


def names(kind: object) -> tuple[str, ...]:
    """The names a ``Literal`` format type allows, in order.

    >>> names(SparqlFormat)
    ('json', 'xml', 'csv', 'tsv', 'xlsx', 'ttl', 'jsonld', 'nt', 'rdfxml')
    """
    return tuple(get_args(kind))
