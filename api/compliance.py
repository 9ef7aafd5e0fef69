"""The compliance check as both surfaces run it (``orgkg check``, ``GET /check``)."""

# pyshacl is heavy: imported on first use only.
# ruff: noqa: PLC0415

from __future__ import annotations

from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from ontology.report import Report
    from ontology.store import Store


def check_store(store: Store) -> Report:
    """Validate the store's data against its shapes (generic and the regulation's)."""
    from ontology.validation import validate

    # pyshacl is fast on a plain in-memory copy, slow on an Oxigraph-backed graph.
    return validate(store.data_graph(), store.shapes)
