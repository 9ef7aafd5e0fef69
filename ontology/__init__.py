"""orgkg's lowest layer: vocabulary, shapes, loading and the store.

The loader's and the store's names are imported on first use (PEP 562), so
that importing a light module of this package (``ontology.languages``,
``ontology.formats``) does not load rdflib and pyoxigraph: ``orgkg --help``
stays quick.
"""

from __future__ import annotations

import importlib
from typing import TYPE_CHECKING, Any

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

if TYPE_CHECKING:
    from ontology.loader import BUNDLED, REGULATIONS, VOCABULARY, find_sources, load_regulation
    from ontology.store import ENGINES, Store, Table, Term

_LAZY = {
    "ontology.loader": ("BUNDLED", "REGULATIONS", "VOCABULARY", "find_sources", "load_regulation"),
    "ontology.store": ("ENGINES", "Store", "Table", "Term"),
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
    home = next((module for module, names in _LAZY.items() if name in names), None)
    if home is None:
        raise AttributeError(f"module 'ontology' has no attribute {name!r}")
    value = getattr(importlib.import_module(home), name)
    globals()[name] = value
    return value
