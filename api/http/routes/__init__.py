"""One router per resource; :data:`ROUTERS` is the order they are mounted in."""

from __future__ import annotations

from api.http.routes import (
    ask,
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
    void,
)

ROUTERS = (
    health.router,
    queries.router,
    ask.router,
    sparql.router,
    void.router,
    entities.router,
    search.router,
    check.router,
    export.router,
    viewer.router,
    outline.router,
    docs.router,
)

__all__ = ["ROUTERS"]
