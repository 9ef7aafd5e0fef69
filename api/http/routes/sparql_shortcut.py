"""The plain ``GET /sparql?query=`` request, answered without FastAPI's request machinery.

What a SPARQL client sends most (SPARQLWrapper, YASGUI's GET, ``curl``) is a
GET with the query and perhaps a format name. FastAPI answers it through
dependency resolution and parameter validation written in Python, which
cost the server about a fifth of its time per query on a small answer,
more than the pipe to the worker. This route matches only that request and
answers it with the very functions of :mod:`api.http.routes.sparql`: the
same service and as-of day, the same negotiation (406 before evaluation),
the same job in the same isolated worker, the same response and headers.
It sits inside the app's middleware, so errors keep the one JSON shape and
CORS its headers. Anything else (a page, ``lang``, ``at``, ``edit``, a
repeated or unknown parameter, another method) does not match it and goes
to the documented route, so every validation stays where it was; the
OpenAPI document describes that route, which answers exactly as this one.
"""

from __future__ import annotations

from urllib.parse import parse_qsl

from starlette.requests import Request
from starlette.routing import BaseRoute, Match
from starlette.types import Receive, Scope, Send

from api.http.deps import get_as_of, get_service
from api.http.protocol import FORMAT_PARAMETERS
from api.http.routes.sparql import PATH, answer_query, hints_of

# The parameters this route reads; any other sends the request to the documented route.
_PLAIN = frozenset(("query", *FORMAT_PARAMETERS))
_PARAMETERS = "orgkg.sparql.parameters"  # the parsed query string, handed from match to handle


class SparqlShortcut(BaseRoute):
    """``GET /sparql`` with one ``query`` and only format names beside it."""

    path_format = PATH  # what FastAPI's telemetry names the route by

    def matches(self, scope: Scope) -> tuple[Match, Scope]:
        if scope["type"] != "http" or scope["path"] != PATH or scope["method"] != "GET":
            return Match.NONE, {}
        # Decoded as Starlette decodes it for the documented route.
        parameters = parse_qsl(scope["query_string"].decode("latin-1"), keep_blank_values=True)
        names = [name for name, _ in parameters]
        if names.count("query") != 1 or not _PLAIN.issuperset(names):
            return Match.NONE, {}
        return Match.FULL, {_PARAMETERS: parameters}

    async def handle(self, scope: Scope, receive: Receive, send: Send) -> None:
        request = Request(scope, receive)
        parameters: list[tuple[str, str]] = scope[_PARAMETERS]
        service = await get_service(request)
        as_of = await get_as_of(service, None)
        text = next(value for name, value in parameters if name == "query")
        response = await answer_query(
            service,
            text,
            request.headers.get("accept"),
            hints_of(parameters),
            as_of,
            request=request,
            page=(0, None),
        )
        await response(scope, receive, send)
