"""One router per resource; :data:`ROUTERS` is the order they are mounted in."""

from __future__ import annotations

from api.routes import (
    check,
    docs,
    entities,
    export,
    health,
    outline,
    queries,
    search,
    sparql,
    viewer,
)

ROUTERS = (
    health.router,
    queries.router,
    sparql.router,
    entities.router,
    search.router,
    check.router,
    export.router,
    viewer.router,
    outline.router,
    docs.router,
)

__all__ = ["ROUTERS"]
