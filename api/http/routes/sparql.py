"""``/sparql``: the SPARQL 1.1 Protocol query endpoint, read-only, and its form.

GET ``?query=``, POST form-encoded, POST ``application/sparql-query``.
``default-graph-uri`` / ``named-graph-uri`` are refused (the dataset is the
loaded store). Without a query, GET answers a browser with the form and any
other client with the SPARQL 1.1 Service Description (Turtle, JSON-LD,
N-Triples or RDF/XML by Accept). The format names clients put beside the
query (``format``, ``output``, ``results``) are read as
:mod:`api.http.protocol` says. The guard, the evaluation and the rendering all happen in a
worker under the time limit (see :mod:`api.runtime.jobs`).
"""

from __future__ import annotations

import functools
from collections.abc import Collection, Iterable
from typing import Annotated
from urllib.parse import parse_qs

from fastapi import APIRouter, Query, Request, Response

from api.http.deps import AsOf, AsOfDep, LangDep, ServiceDep
from api.http.models import SparqlResults
from api.http.negotiation import choose, require
from api.http.openapi import error_responses, results_content
from api.http.pages import views as pages
from api.http.protocol import FORMAT_PARAMETERS, formats_from_hints
from api.http.responses import page_headers, send_rendered
from api.runtime.jobs import ANSWER_SPARQL, DESCRIBE_SERVICE
from ontology.errors import (
    ForbiddenQuery,
    QueryError,
    QueryTooLongError,
    UnsupportedMediaTypeError,
)
from ontology.paging import MAX_PAGE_SIZE
from queries.results import RESULT_KINDS, media_types_for

router = APIRouter(tags=["sparql"])
PATH = "/sparql"
_DATASET_PARAMETERS = ("default-graph-uri", "named-graph-uri")
_QUERY_TYPES = ("application/sparql-query",)
_FORM_TYPES = ("application/x-www-form-urlencoded",)
_ACCEPT_MEMORY = 256  # distinct Accept headers whose negotiation is kept
_RESPONSES = {
    200: {
        "model": SparqlResults,
        "description": "SELECT/ASK: SPARQL results (JSON, XML, CSV, TSV); "
        "CONSTRUCT/DESCRIBE: RDF (Turtle, JSON-LD, N-Triples). "
        "`X-Orgkg-Truncated: true` says the row or byte cap cut the answer. "
        "GET without a query: the editor page for a browser (`Accept: text/html`), "
        "else the SPARQL 1.1 Service Description (RDF).",
        "content": results_content(
            "application/sparql-results+xml",
            "text/csv",
            "text/tab-separated-values",
            "text/turtle",
            "application/ld+json",
            "application/n-triples",
            "application/rdf+xml",
            "text/html",
        ),
    },
    **error_responses(400, 406, 413, 415, 422, 429, 500, 503),
}
_DESCRIPTION = (
    "Read-only SPARQL 1.1 Protocol endpoint. Updates, SERVICE, FROM and FROM NAMED are "
    "refused with 400 before evaluation; a query past the time limit is stopped (503). "
    "`format`, `output` or `results` (e.g. `json`, `xml`, `csv`, `tsv`, `turtle`, `json-ld`, "
    "`rdf+xml`, or a media type) override the Accept header for the results they fit; "
    "other values are ignored. One client (address) may have a few queries running at once; "
    "one more gets 429 with `Retry-After`."
)
FormatQuery = Annotated[
    str | None,
    Query(
        description="A result format name or media type (`output` and `results` are read "
        "alike); overrides the Accept header for the results it fits."
    ),
]
LimitQuery = Annotated[
    int | None,
    Query(ge=1, le=MAX_PAGE_SIZE, description="SELECT: rows in the page (default: all)."),
]
OffsetQuery = Annotated[int, Query(ge=0, description="SELECT: rows skipped before the page.")]


@router.get(
    PATH,
    response_model=None,
    summary="SPARQL query (GET)",
    description=_DESCRIPTION,
    responses=_RESPONSES,
)
async def sparql_get(
    request: Request,
    service: ServiceDep,
    *,
    lang: LangDep,
    as_of: AsOfDep,
    query: Annotated[str | None, Query(description="The SPARQL query.")] = None,
    format: FormatQuery = None,
    limit: LimitQuery = None,
    offset: OffsetQuery = 0,
    edit: Annotated[
        str | None, Query(description="A query to open in the editor page (not run).")
    ] = None,
) -> Response:
    accept = request.headers.get("accept")
    if query is None:
        if "text/html" in (accept or ""):  # a browser: the editor for people
            return pages.send_sparql_page(service, lang=lang, text=edit)
        return await _describe_service(request, service, accept)
    _refuse_dataset(request.query_params.keys())
    hints = hints_of(request.query_params.multi_items())
    return await answer_query(
        service, query, accept, hints, as_of, request=request, page=(offset, limit)
    )


@router.post(
    PATH,
    response_model=None,
    summary="SPARQL query (POST)",
    description=_DESCRIPTION + " The body is `application/sparql-query` (the query) or "
    "`application/x-www-form-urlencoded` (`query=`).",
    responses=_RESPONSES,
    openapi_extra={
        "requestBody": {
            "required": True,
            "content": {
                "application/sparql-query": {"schema": {"type": "string"}},
                "application/x-www-form-urlencoded": {
                    "schema": {
                        "type": "object",
                        "properties": {"query": {"type": "string"}},
                        "required": ["query"],
                    }
                },
            },
        }
    },
)
async def sparql_post(
    request: Request,
    service: ServiceDep,
    *,
    as_of: AsOfDep,
    format: FormatQuery = None,
    limit: LimitQuery = None,
    offset: OffsetQuery = 0,
) -> Response:
    _refuse_dataset(request.query_params.keys())
    hints = hints_of(request.query_params.multi_items())
    longest = service.settings.max_query_length
    content_type = request.headers.get("content-type", "").split(";")[0].strip().lower()
    if content_type in _QUERY_TYPES:
        body = await _read_body(request, limit=longest * 4)
        text = _decode(body)
    elif content_type in _FORM_TYPES:
        # Percent-encoding triples the size at most.
        fields = parse_qs(
            _decode(await _read_body(request, limit=longest * 3 + 1024)), keep_blank_values=True
        )
        _refuse_dataset(fields.keys())
        if "update" in fields:
            raise ForbiddenQuery("updates are not allowed: the store is read-only")
        if "query" not in fields:
            raise QueryError("missing the form field `query`")
        text = fields["query"][-1]
        hints.extend(hints_of((name, value) for name, values in fields.items() for value in values))
    elif content_type == "application/sparql-update":
        raise ForbiddenQuery("updates are not allowed: the store is read-only")
    else:
        raise UnsupportedMediaTypeError(
            f"cannot read a body of type {content_type or 'none'!r}: send "
            "application/sparql-query or application/x-www-form-urlencoded"
        )
    return await answer_query(
        service,
        text,
        request.headers.get("accept"),
        hints,
        as_of,
        request=request,
        page=(offset, limit),
    )


def hints_of(items: Iterable[tuple[str, str]]) -> list[str]:
    """The values of the format parameters, in the order sent."""
    return [value for name, value in items if name in FORMAT_PARAMETERS]


async def _describe_service(request: Request, service: ServiceDep, accept: str | None) -> Response:
    formats = media_types_for("graph")
    chosen = choose(list(formats), accept)
    if chosen is None:  # a client that wants results, not RDF: it forgot the query
        raise QueryError("missing the query parameter `query`")
    fmt = formats[chosen]
    endpoint = str(request.url.replace(query=""))
    return send_rendered(await service.run(DESCRIBE_SERVICE, endpoint=endpoint, fmt=fmt))


async def answer_query(
    service: ServiceDep,
    text: str,
    accept: str | None,
    hints: list[str],
    as_of: AsOf,
    *,
    request: Request,
    page: tuple[int, int | None],
) -> Response:
    longest = service.settings.max_query_length
    if len(text) > longest:
        raise QueryTooLongError(f"the query is {len(text)} characters long; the limit is {longest}")
    if not text.strip():
        raise QueryError("the query is empty")
    # Each result kind's format is chosen before evaluation, so an Accept
    # that fits no kind costs no evaluation (406).
    hinted = formats_from_hints(hints)
    formats = {**_formats_by_kind(accept, strict=not hinted), **hinted}
    offset, limit = page
    rendered = await service.run(
        ANSWER_SPARQL,
        client=_client_of(request),
        text=text,
        formats=formats,
        accept=accept,
        at=as_of.day,
        offset=offset,
        limit=limit,
    )
    # A POSTed query is not in the URL: the next page cannot be linked, only counted.
    url = request.url if request.method == "GET" and limit is not None else None
    return send_rendered(
        rendered, headers={**as_of.headers(), **page_headers(rendered, url, limit)}
    )


def _client_of(request: Request) -> str:
    """Who counts against the per-client cap: the peer's address."""
    return request.client.host if request.client is not None else "unknown"


def _formats_by_kind(accept: str | None, *, strict: bool = True) -> dict[str, str | None]:
    """The format each result kind would take under ``accept``; 406 if none fits (``strict``)."""
    chosen = dict(_negotiated(accept))
    if strict and not any(chosen.values()):
        every: list[str] = []
        for kind in RESULT_KINDS:
            every.extend(m for m in media_types_for(kind) if m not in every)
        require(every, accept)  # raises NotAcceptableError listing what exists
    return chosen


@functools.lru_cache(maxsize=_ACCEPT_MEMORY)
def _negotiated(accept: str | None) -> tuple[tuple[str, str | None], ...]:
    """(kind, format or None) for every result kind: kept per Accept header, clients repeat one."""
    chosen: list[tuple[str, str | None]] = []
    for kind in RESULT_KINDS:
        offered = media_types_for(kind)
        media = choose(list(offered), accept)
        chosen.append((kind, offered[media] if media else None))
    return tuple(chosen)


def _refuse_dataset(names: Collection[str]) -> None:
    for name in _DATASET_PARAMETERS:
        if name in names:
            raise ForbiddenQuery(f"{name} is not allowed: the dataset is the loaded store")


async def _read_body(request: Request, *, limit: int) -> bytes:
    """The body, refusing (413) past ``limit`` bytes without reading it all."""
    declared = request.headers.get("content-length")
    if declared and declared.isdigit() and int(declared) > limit:
        raise QueryTooLongError(f"the request body is {declared} bytes long; the limit is {limit}")
    chunks: list[bytes] = []
    size = 0
    async for chunk in request.stream():
        size += len(chunk)
        if size > limit:
            raise QueryTooLongError(f"the request body is longer than the limit of {limit} bytes")
        chunks.append(chunk)
    return b"".join(chunks)


def _decode(body: bytes) -> str:
    try:
        return body.decode("utf-8")
    except UnicodeDecodeError:
        raise QueryError("the query is not UTF-8 text") from None
