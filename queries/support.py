"""The SPARQL the runner itself needs (label resolution, entity pages).

It lives in ``queries/internal/*.rq`` so that no SPARQL text sits in Python;
these are not catalogue questions and are not listed to users.
"""

from __future__ import annotations

import functools
from pathlib import Path

from ontology.errors import DataError

FOLDER = Path(__file__).resolve().parent / "internal"


@functools.cache
def read_support(name: str) -> str:
    """The text of ``queries/internal/<name>.rq`` (read once)."""
    path = FOLDER / f"{name}.rq"
    try:
        return path.read_text(encoding="utf-8")
    except OSError as exc:
        raise DataError(f"missing internal query: {exc.strerror}", path=path) from None
