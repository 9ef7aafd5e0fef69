"""Cross-origin reads: a page elsewhere (YASGUI, a notebook's widget) may query the API.

A SPARQL editor runs in a page of its own origin and sends its queries to
the endpoint with ``fetch``; without ``Access-Control-Allow-Origin`` the
browser hides every answer ("Failed to fetch"). The API only reads, and no
request carries credentials (no cookies, no auth), so the origins named by
the ``cors`` setting (``ORGKG_CORS``, default ``*``) may read any answer;
``none`` turns it off. Preflight requests (``POST`` with
``application/sparql-query``, any custom header an editor is configured to
send) are answered for the same origins; the headers a client reads beside
the body (truncation, paging, retry, file name) are exposed.
"""

from __future__ import annotations

from fastapi import FastAPI
from fastapi.middleware.cors import CORSMiddleware
from starlette.datastructures import Headers
from starlette.responses import Response

from api.http.errors import error_response
from api.runtime.settings import cors_origins

METHODS = ("GET", "HEAD", "POST")
EXPOSED_HEADERS = (
    "Content-Disposition",
    "ETag",
    "Link",
    "Retry-After",
    "X-Orgkg-As-Of",
    "X-Orgkg-As-Of-Default",
    "X-Orgkg-Conforms",
    "X-Orgkg-Total",
    "X-Orgkg-Truncated",
    "X-Total-Count",
)
PREFLIGHT_SECONDS = 600


class JsonErrorCORSMiddleware(CORSMiddleware):
    """Starlette's CORS handling, refusing a preflight with the API's one JSON error shape."""

    def preflight_response(self, request_headers: Headers) -> Response:
        response = super().preflight_response(request_headers)
        if response.status_code < 400:
            return response
        refused = bytes(response.body).decode("utf-8")  # "Disallowed CORS origin, method"
        origin = request_headers.get("origin", "")
        body = error_response(
            response.status_code,
            "cors-refused",
            f"{refused.replace('Disallowed CORS', 'cross-origin request refused:')} "
            f"(origin {origin!r}; the server allows what ORGKG_CORS names)",
        )
        for name, value in response.headers.items():
            if name.lower().startswith("access-control-") or name.lower() == "vary":
                body.headers[name] = value
        return body


def install_cors(app: FastAPI, setting: str) -> None:
    """Let the pages of the origins ``setting`` names read the API's answers."""
    origins = cors_origins(setting)
    if not origins:
        return
    app.add_middleware(
        JsonErrorCORSMiddleware,
        allow_origins=origins,
        allow_methods=list(METHODS),
        allow_headers=["*"],
        expose_headers=list(EXPOSED_HEADERS),
        allow_credentials=False,
        max_age=PREFLIGHT_SECONDS,
    )
