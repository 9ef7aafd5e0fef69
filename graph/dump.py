"""The export formats, shared by ``orgkg export`` and ``GET /export/{format}``.

Turtle and N-Triples are written by the store itself
(:meth:`ontology.store.Store.serialise`: the engine's own serialiser where it
has one); JSON-LD is compacted with orgkg's
published context (:mod:`graph.jsonld`), or framed per entity type
(:mod:`graph.framing`); the graph formats (GraphML, GEXF,
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

from ontology.errors import NotFound, ParameterError
from ontology.formats import EXPORT_FORMATS, ExportFormat

if TYPE_CHECKING:
    from ontology.store import Store


@dataclass(frozen=True)
class ExportOptions:
    """How an export is written: its language, CSV table and BOM, vocabulary, JSON-LD frame."""

    lang: str = "vi"
    table: str = "nodes"
    bom: bool = False
    vocabulary: bool = False
    frame: str | None = None


def find_format(name: str) -> ExportFormat:
    """The export format called ``name``, or NotFound listing the known ones."""
    try:
        return EXPORT_FORMATS[name]
    except KeyError:
        raise NotFound(
            f"unknown export format {name!r}: use one of {', '.join(EXPORT_FORMATS)}"
        ) from None


def export_store(store: Store, fmt: str, options: ExportOptions | None = None) -> bytes:
    """The whole loaded graph of ``store`` in export format ``fmt``."""
    spec = find_format(fmt)
    options = options or ExportOptions()
    if options.frame is not None and spec.name != "jsonld":
        raise ParameterError(
            f"a frame shapes JSON-LD only, not {spec.name}: use the jsonld format",
            parameter="frame",
        )
    if options.frame is not None:
        from graph.framing import export_framed

        return export_framed(store, options.frame, vocabulary=options.vocabulary)
    if spec.name == "jsonld":
        from graph.jsonld import export_jsonld

        return export_jsonld(store, vocabulary=options.vocabulary)
    if spec.rdf:
        return store.serialise(spec.name)
    if spec.name == "popolo":
        from graph.popolo import export_popolo

        return export_popolo(store, lang=options.lang)
    from graph import export_graph  # lazy: networkx is heavy

    data: bytes = export_graph(
        store, spec.name, lang=options.lang, table=options.table, bom=options.bom
    )
    return data
