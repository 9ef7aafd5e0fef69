"""Plain ``/sparql`` queries, answered without FastAPI's request machinery.

What a SPARQL client sends most (SPARQLWrapper, YASGUI, ``curl``) is a GET
with the query and perhaps a format name, or a POST of the query (as a form
or as ``application/sparql-query``). FastAPI answers them through
dependency resolution and parameter validation written in Python, which
cost the server about a fifth of its time per query on a small answer,
more than the pipe to the worker. This route matches only those requests and
answers them with the very functions of :mod:`api.http.routes.sparql`: the
same service and as-of day, the same negotiation (406 before evaluation),
the same job in the same isolated worker, the same response and headers.
It sits inside the app's middleware, so errors keep the one JSON shape and
CORS its headers. Anything else (a page, ``lang``, ``at``, ``edit``, a
repeated or unknown parameter in the URL, another method) does not match
it and goes to the documented route, so every validation stays where it
was; the OpenAPI document describes that route, which answers exactly as
this one. A POST's body is read and checked by the documented handler itself.
"""

from __future__ import annotations

from urllib.parse import parse_qsl

from starlette.requests import Request
from starlette.routing import BaseRoute, Match
from starlette.types import Receive, Scope, Send

from api.http.deps import get_as_of, get_service
from api.http.protocol import FORMAT_PARAMETERS
from api.http.routes.sparql import PATH, answer_query, hints_of, sparql_post

# The URL parameters this route reads; any other sends the request to the documented route.
_PLAIN = frozenset(("query", *FORMAT_PARAMETERS))
_HINTS = frozenset(FORMAT_PARAMETERS)  # beside a POSTed query
_PARAMETERS = "orgkg.sparql.parameters"  # the parsed query string, handed from match to handle


class SparqlShortcut(BaseRoute):
    """``GET /sparql`` with one ``query``, or ``POST /sparql``; only format names in the URL."""

    path_format = PATH  # what FastAPI's telemetry names the route by

    def matches(self, scope: Scope) -> tuple[Match, Scope]:
        if scope["type"] != "http" or scope["path"] != PATH:
            return Match.NONE, {}
        method = scope["method"]
        if method not in ("GET", "POST"):
            return Match.NONE, {}
        # Decoded as Starlette decodes it for the documented route.
        parameters = parse_qsl(scope["query_string"].decode("latin-1"), keep_blank_values=True)
        names = [name for name, _ in parameters]
        if method == "POST":
            taken = _HINTS.issuperset(names)
        else:
            taken = names.count("query") == 1 and _PLAIN.issuperset(names)
        if not taken:
            return Match.NONE, {}
        return Match.FULL, {_PARAMETERS: parameters}

    async def handle(self, scope: Scope, receive: Receive, send: Send) -> None:
        request = Request(scope, receive)
        parameters: list[tuple[str, str]] = scope[_PARAMETERS]
        service = await get_service(request)
        as_of = await get_as_of(service, None)
        if scope["method"] == "POST":
            posted = await sparql_post(request, service, as_of=as_of)
            await posted(scope, receive, send)
            return
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
