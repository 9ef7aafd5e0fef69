"""The export formats, shared by ``orgkg export`` and ``GET /export/{format}``.

Turtle and N-Triples are written by Oxigraph's serialisers when the store
is Oxigraph (fast, and literals keep the store's lexical forms), else from
the plain rdflib copy of the store; JSON-LD is compacted with orgkg's
published context (:mod:`graph.jsonld`); the graph formats (GraphML, GEXF,
CSV tables) come from ``graph.export_graph`` and Popolo JSON from
:mod:`graph.popolo`. The Excel workbook needs the question catalogue and is
added one layer up (:mod:`queries.exports`).
"""

# Heavy libraries are imported where used, so the command line starts fast
# and the workers' jobs pull in only what they need.
# ruff: noqa: PLC0415

from __future__ import annotations

from dataclasses import dataclass
from typing import TYPE_CHECKING

from ontology.errors import NotFound
from ontology.store import serialise_graph

if TYPE_CHECKING:
    from ontology.store import Store


@dataclass(frozen=True)
class ExportFormat:
    """One export format: its name, media type, file extension and what it is for."""

    name: str
    media_type: str
    extension: str
    purpose: str
    rdf: bool = False  # RDF from the store; otherwise graph.export_graph makes it


@dataclass(frozen=True)
class ExportOptions:
    """How an export is written: its language, CSV table and BOM, vocabulary or not."""

    lang: str = "vi"
    table: str = "nodes"
    bom: bool = False
    vocabulary: bool = False


FORMATS: dict[str, ExportFormat] = {
    f.name: f
    for f in (
        ExportFormat("ttl", "text/turtle; charset=utf-8", "ttl", "RDF tools, reading", True),
        ExportFormat(
            "jsonld", "application/ld+json", "jsonld", "web developers (compacted, context)", True
        ),
        ExportFormat("nt", "application/n-triples", "nt", "loading a SPARQL server", True),
        ExportFormat("graphml", "application/graphml+xml", "graphml", "yEd, Cytoscape"),
        ExportFormat("gexf", "application/gexf+xml", "gexf", "Gephi"),
        ExportFormat("csv", "text/csv; charset=utf-8", "csv", "spreadsheets: one table"),
        ExportFormat("csv-zip", "application/zip", "zip", "spreadsheets: both tables"),
        ExportFormat("popolo", "application/json", "json", "civic-tech tools (Popolo)"),
    )
}


def find_format(name: str) -> ExportFormat:
    """The export format called ``name``, or NotFound listing the known ones."""
    try:
        return FORMATS[name]
    except KeyError:
        raise NotFound(f"unknown export format {name!r}: use one of {', '.join(FORMATS)}") from None


def export_store(store: Store, fmt: str, options: ExportOptions | None = None) -> bytes:
    """The whole loaded graph of ``store`` in export format ``fmt``."""
    spec = find_format(fmt)
    options = options or ExportOptions()
    if spec.name == "jsonld":
        from graph.jsonld import export_jsonld

        return export_jsonld(store, vocabulary=options.vocabulary)
    if spec.rdf:
        return serialise_store(store, spec.name)
    if spec.name == "popolo":
        from graph.popolo import export_popolo

        return export_popolo(store, lang=options.lang)
    from graph import export_graph  # lazy: networkx is heavy

    data: bytes = export_graph(
        store, spec.name, lang=options.lang, table=options.table, bom=options.bom
    )
    return data


def serialise_store(store: Store, fmt: str) -> bytes:
    """The default graph of ``store`` as ``ttl``, ``jsonld`` or ``nt``."""
    if store.oxigraph is not None:
        import pyoxigraph as ox

        from ontology.namespaces import PREFIXES

        formats = {
            "ttl": ox.RdfFormat.TURTLE,
            "jsonld": ox.RdfFormat.JSON_LD,
            "nt": ox.RdfFormat.N_TRIPLES,
        }
        quads = store.oxigraph.quads_for_pattern(None, None, None, ox.DefaultGraph())
        data = ox.serialize((quad.triple for quad in quads), format=formats[fmt], prefixes=PREFIXES)
        return data if data is not None else b""
    return serialise_graph(store.data_graph(), fmt)
