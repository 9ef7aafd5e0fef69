"""Errors as HTTP responses: ``{"error": {"code": ..., "message": ...}}``.

An :class:`~ontology.errors.OrgkgError` becomes its own ``http_status`` and
``code``; framework errors (unknown route, wrong method, invalid parameters)
get the same shape; anything unexpected is logged and answered with a
generic 500 that says nothing about the inside.
"""

from __future__ import annotations

import logging

from fastapi import FastAPI, Request
from fastapi.exceptions import RequestValidationError
from fastapi.responses import JSONResponse
from starlette.exceptions import HTTPException as StarletteHTTPException

from ontology.errors import OrgkgError, TooManyRequestsError

log = logging.getLogger("orgkg.api")

_HTTP_CODES = {
    400: "bad-request",
    404: "not-found",
    405: "method-not-allowed",
    406: "not-acceptable",
    413: "too-large",
    414: "uri-too-long",
    415: "unsupported-media-type",
    422: "invalid-request",
    429: "too-many-requests",
}
# Retry-After for the statuses that mean "not now" rather than "never".
_RETRY_AFTER = {503: "1"}


def error_response(
    status: int, code: str, message: str, *, retry_after: int | None = None
) -> JSONResponse:
    """The one error body of the API; ``retry_after`` (seconds) overrides the status's default."""
    after = str(retry_after) if retry_after is not None else _RETRY_AFTER.get(status)
    headers = {"Retry-After": after} if after is not None else None
    return JSONResponse(
        {"error": {"code": code, "message": message}}, status_code=status, headers=headers
    )


async def handle_orgkg_error(request: Request, exc: Exception) -> JSONResponse:
    assert isinstance(exc, OrgkgError)
    if exc.http_status >= 500:
        log.warning("%s %s: %s (%s)", request.method, request.url.path, exc.code, exc.message)
    if exc.http_status == 500:
        return error_response(500, exc.code, "internal error; see the server log")
    retry_after = exc.retry_after if isinstance(exc, TooManyRequestsError) else None
    return error_response(exc.http_status, exc.code, exc.message, retry_after=retry_after)


async def handle_validation_error(request: Request, exc: Exception) -> JSONResponse:
    assert isinstance(exc, RequestValidationError)
    problems = []
    for error in exc.errors():
        where = ".".join(str(part) for part in error.get("loc", ()) if part != "body")
        problems.append(f"{where}: {error.get('msg', 'invalid')}")
    return error_response(422, "invalid-request", "; ".join(problems) or "invalid request")


async def handle_http_error(request: Request, exc: Exception) -> JSONResponse:
    assert isinstance(exc, StarletteHTTPException)
    code = _HTTP_CODES.get(exc.status_code, "http-error")
    response = error_response(exc.status_code, code, str(exc.detail))
    if exc.headers:
        response.headers.update(exc.headers)
    return response


async def handle_unexpected(request: Request, exc: Exception) -> JSONResponse:
    # The traceback goes to the log, never to the client.
    log.error("unexpected error on %s %s", request.method, request.url.path, exc_info=exc)
    return error_response(500, "internal-error", "internal error; see the server log")


def install_error_handlers(app: FastAPI) -> None:
    """Register every handler above on ``app``."""
    app.add_exception_handler(OrgkgError, handle_orgkg_error)
    app.add_exception_handler(RequestValidationError, handle_validation_error)
    app.add_exception_handler(StarletteHTTPException, handle_http_error)
    app.add_exception_handler(Exception, handle_unexpected)
