"""Every export format, for ``orgkg export`` and ``GET /export/{format}``.

The formats of :mod:`graph.dump` (RDF, GraphML, GEXF, CSV, Popolo) plus the
Excel workbook of the whole model, which is made of the catalogue's answers
and so lives in this layer.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from graph.dump import FORMATS as GRAPH_FORMATS
from graph.dump import ExportFormat, ExportOptions, export_store
from ontology.errors import NotFound
from queries.workbook import MEDIA_TYPE as XLSX_MEDIA_TYPE
from queries.workbook import model_workbook

if TYPE_CHECKING:
    from ontology.store import Store

XLSX = ExportFormat("xlsx", XLSX_MEDIA_TYPE, "xlsx", "Excel: units, posts, people, lines, ...")
FORMATS: dict[str, ExportFormat] = {**GRAPH_FORMATS, XLSX.name: XLSX}


def find_export(name: str) -> ExportFormat:
    """The export format called ``name``, or NotFound listing the known ones."""
    try:
        return FORMATS[name]
    except KeyError:
        raise NotFound(f"unknown export format {name!r}: use one of {', '.join(FORMATS)}") from None


def export(store: Store, fmt: str, options: ExportOptions | None = None) -> bytes:
    """The loaded model in export format ``fmt``."""
    spec = find_export(fmt)
    options = options or ExportOptions()
    if spec is XLSX:
        return model_workbook(store, lang=options.lang)
    return export_store(store, spec.name, options)


__all__ = ["FORMATS", "ExportFormat", "ExportOptions", "export", "find_export"]
