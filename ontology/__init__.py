"""orgkg's lowest layer: vocabulary, shapes, loading and the store.

The public names are imported on first use (PEP 562), so that importing a
light module of this package (``ontology.languages``, ``ontology.formats``)
does not load rdflib and pyoxigraph: ``orgkg --help`` stays quick.
"""

from __future__ import annotations

import importlib
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from ontology.errors import (
        DataError,
        ForbiddenQuery,
        NotFound,
        OrgkgError,
        OutputError,
        ParameterError,
        QueryError,
        QueryOutOfMemory,
        QueryTimeout,
        StoreError,
        UnknownQuestion,
    )
    from ontology.folding import fold
    from ontology.loader import BUNDLED, REGULATIONS, VOCABULARY, find_sources, load_regulation
    from ontology.store import ENGINES, Store, Table, Term

_HOMES = {
    **dict.fromkeys(
        (
            "DataError",
            "ForbiddenQuery",
            "NotFound",
            "OrgkgError",
            "OutputError",
            "ParameterError",
            "QueryError",
            "QueryOutOfMemory",
            "QueryTimeout",
            "StoreError",
            "UnknownQuestion",
        ),
        "ontology.errors",
    ),
    "fold": "ontology.folding",
    **dict.fromkeys(
        ("BUNDLED", "REGULATIONS", "VOCABULARY", "find_sources", "load_regulation"),
        "ontology.loader",
    ),
    **dict.fromkeys(("ENGINES", "Store", "Table", "Term"), "ontology.store"),
}

__all__ = [
    "BUNDLED",
    "ENGINES",
    "REGULATIONS",
    "VOCABULARY",
    "DataError",
    "ForbiddenQuery",
    "NotFound",
    "OrgkgError",
    "OutputError",
    "ParameterError",
    "QueryError",
    "QueryOutOfMemory",
    "QueryTimeout",
    "Store",
    "StoreError",
    "Table",
    "Term",
    "UnknownQuestion",
    "find_sources",
    "fold",
    "load_regulation",
]


def __getattr__(name: str) -> Any:
    try:
        home = _HOMES[name]
    except KeyError:
        raise AttributeError(f"module 'ontology' has no attribute {name!r}") from None
    value = getattr(importlib.import_module(home), name)
    globals()[name] = value
    return value
