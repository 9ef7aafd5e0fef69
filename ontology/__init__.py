"""orgkg's lowest layer: vocabulary, shapes, loading and the store."""

from __future__ import annotations

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
    ResultTooLarge,
    StoreError,
    UnknownQuestion,
)
from ontology.folding import fold
from ontology.loader import BUNDLED, REGULATIONS, VOCABULARY, find_sources, load_regulation
from ontology.store import ENGINES, Store, Table, Term

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
    "ResultTooLarge",
    "Store",
    "StoreError",
    "Table",
    "Term",
    "UnknownQuestion",
    "find_sources",
    "fold",
    "load_regulation",
]
