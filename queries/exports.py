"""Every export format, for ``orgkg export`` and ``GET /export/{format}``.

The formats of :mod:`graph.dump` (RDF, GraphML, GEXF, CSV, Popolo) plus the
Excel workbook of the whole model, which is made of the catalogue's answers
and so lives in this layer.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from graph.dump import ExportOptions, export_store, find_format
from ontology.formats import EXPORT_FORMATS, ExportFormat
from queries.workbook import model_workbook

if TYPE_CHECKING:
    from ontology.store import Store

FORMATS: dict[str, ExportFormat] = EXPORT_FORMATS
find_export = find_format


def export(store: Store, fmt: str, options: ExportOptions | None = None) -> bytes:
    """The loaded model in export format ``fmt``."""
    spec = find_export(fmt)
    options = options or ExportOptions()
    if spec.name == "xlsx" and options.frame is None:  # a frame is refused below
        return model_workbook(store, lang=options.lang)
    return export_store(store, spec.name, options)


__all__ = ["FORMATS", "ExportFormat", "ExportOptions", "export", "find_export"]
