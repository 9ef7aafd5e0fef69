"""One router per resource; :data:`ROUTERS` is the order they are mounted in."""

from __future__ import annotations

from api.http.routes import (
    check,
    docs,
    entities,
    export,
    health,
    queries,
    search,
    sparql,
    viewer,
    void,
)

ROUTERS = (
    health.router,
    queries.router,
    sparql.router,
    void.router,
    entities.router,
    search.router,
    check.router,
    export.router,
    viewer.router,
    docs.router,
)

__all__ = ["ROUTERS"]
