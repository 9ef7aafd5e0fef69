"""The export formats, shared by ``orgkg export`` and ``GET /export/{format}``.

RDF serialisations (Turtle, JSON-LD, N-Triples) are written by the store
(:meth:`ontology.store.Store.serialise`); the graph formats (GraphML, GEXF,
CSV) come from ``graph.export_graph``.
"""

# Heavy libraries are imported where used, so the command line starts fast
# and the workers' jobs pull in only what they need.
# ruff: noqa: PLC0415

from __future__ import annotations

from typing import TYPE_CHECKING

from ontology.errors import NotFound
from ontology.formats import EXPORT_FORMATS, ExportFormat

if TYPE_CHECKING:
    from ontology.store import Store


def find_format(name: str) -> ExportFormat:
    """The export format called ``name``, or NotFound listing the known ones."""
    try:
        return EXPORT_FORMATS[name]
    except KeyError:
        raise NotFound(
            f"unknown export format {name!r}: use one of {', '.join(EXPORT_FORMATS)}"
        ) from None


def export_store(store: Store, fmt: str) -> bytes:
    """The whole loaded graph of ``store`` in export format ``fmt``."""
    spec = find_format(fmt)
    if spec.rdf:
        return store.serialise(spec.name)
    from graph import export_graph  # lazy: networkx is heavy

    data: bytes = export_graph(store, spec.name)
    return data
