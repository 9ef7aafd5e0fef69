"""OpenAPI helpers: documented error responses, and the local docs page.

FastAPI's Swagger UI and ReDoc load their scripts from a CDN, and no package
of the project ships those assets, so ``/docs`` is a page rendered here from
the OpenAPI document itself: no script, nothing fetched from elsewhere.
"""

from __future__ import annotations

import re
from html import escape
from typing import Any

from api.http.models import ErrorBody

_REASONS = {
    400: "Bad request: a malformed or forbidden query, or a bad parameter.",
    404: "Not found: no such question, entity or format.",
    406: "Not acceptable: no representation matches the Accept header.",
    413: "Too large: the query text is longer than allowed.",
    415: "Unsupported media type of the request body.",
    422: "Invalid request parameters.",
    429: "Too many requests: this client already has as many SPARQL queries running as one "
    "client may (setting `sparql_per_client`); retry after the seconds in `Retry-After`.",
    500: "Internal error (details are in the server log only).",
    503: "Unavailable: the query ran past its time or memory limit, or every worker is busy.",
}


_RETRY_AFTER_HEADER = {
    "Retry-After": {
        "description": "Seconds to wait before trying again.",
        "schema": {"type": "integer"},
    }
}


def error_responses(*statuses: int) -> dict[int | str, dict[str, Any]]:
    """OpenAPI ``responses`` entries for ``statuses``, all with the error schema."""
    entries: dict[int | str, dict[str, Any]] = {
        status: {"model": ErrorBody, "description": _REASONS[status]} for status in statuses
    }
    if 429 in entries:
        entries[429]["headers"] = _RETRY_AFTER_HEADER
    return entries


def results_content(*media_types: str) -> dict[str, Any]:
    """OpenAPI ``content``: SPARQL Results JSON (schema ``SparqlResults``), then text types.

    Give the response ``"model": SparqlResults`` too, which registers the schema.
    """
    results = {"schema": {"$ref": "#/components/schemas/SparqlResults"}}
    return {"application/sparql-results+json": results, **text_content(*media_types)}


def text_content(*media_types: str) -> dict[str, Any]:
    """OpenAPI ``content`` for bodies that are text in ``media_types``."""
    return {media: {"schema": {"type": "string"}} for media in media_types}


def render_docs(schema: dict[str, Any]) -> str:
    """A readable, script-free HTML reference of the OpenAPI ``schema``."""
    info = schema.get("info", {})
    parts = [
        "<!doctype html><html lang='en'><head><meta charset='utf-8'>",
        f"<title>{escape(info.get('title', 'API'))} — API</title>",
        "<link rel='stylesheet' href='/static/style.css'></head><body><main>",
        f"<h1>{escape(info.get('title', 'API'))} "
        f"<small>{escape(str(info.get('version', '')))}</small></h1>",
        f"<p>{_prose(info.get('description', ''))}</p>",
        "<p>Machine-readable: <a href='/openapi.json'>/openapi.json</a> · "
        "<a href='/sparql'>SPARQL form</a> · <a href='/'>viewer</a></p>",
    ]
    for path, operations in schema.get("paths", {}).items():
        for method, operation in operations.items():
            parts.append(_render_operation(path, method, operation))
    parts.append("</main></body></html>")
    return "\n".join(parts)


def _render_operation(path: str, method: str, operation: dict[str, Any]) -> str:
    anchor = escape(operation.get("operationId", f"{method}-{path}"), quote=True)
    rows = []
    for parameter in operation.get("parameters", []):
        schema = parameter.get("schema", {})
        kind = schema.get("type") or " | ".join(
            str(option.get("type", option.get("const", ""))) for option in schema.get("anyOf", [])
        )
        rows.append(
            f"<tr><td><code>{escape(parameter['name'])}</code></td><td>{escape(parameter['in'])}</td>"
            f"<td>{escape(kind)}</td><td>{'yes' if parameter.get('required') else ''}</td>"
            f"<td>{_prose(parameter.get('description', ''))}</td></tr>"
        )
    responses = []
    for status, response in operation.get("responses", {}).items():
        media = ", ".join(response.get("content", {}).keys())
        responses.append(
            f"<tr><td>{escape(str(status))}</td><td>{_prose(response.get('description', ''))}</td>"
            f"<td>{escape(media)}</td></tr>"
        )
    table = (
        "<table><tr><th>parameter</th><th>in</th><th>type</th><th>required</th>"
        f"<th>description</th></tr>{''.join(rows)}</table>"
        if rows
        else ""
    )
    return (
        f"<section id='{anchor}'><h2><code>{escape(method.upper())} {escape(path)}</code></h2>"
        f"<p><strong>{escape(operation.get('summary', ''))}</strong></p>"
        f"<p>{_prose(operation.get('description', ''))}</p>{table}"
        "<table><tr><th>status</th><th>meaning</th><th>media types</th></tr>"
        f"{''.join(responses)}</table></section>"
    )


_CODE = re.compile(r"`([^`]+)`")


def _prose(text: str) -> str:
    """Escaped text with its `backticked` parts as <code> (the descriptions' Markdown)."""
    return _CODE.sub(lambda m: f"<code>{m.group(1)}</code>", escape(text))
