"""``GET /queries`` (the catalogue) and ``GET /queries/{id}`` (one answer)."""

from __future__ import annotations

from typing import Annotated, Literal

from fastapi import APIRouter, Query, Request, Response

from api.http.deps import AsOfDep, LangDep, ServiceDep
from api.http.models import ParameterInfo, QuestionInfo, SparqlResults
from api.http.negotiation import ANSWER_TYPES, prefers_html, require
from api.http.openapi import error_responses, results_content
from api.http.pages import views as pages
from api.http.responses import page_headers, send_rendered
from api.runtime.jobs import ANSWER_QUESTION
from ontology.formats import AnswerFormat
from ontology.paging import MAX_PAGE_SIZE

router = APIRouter(tags=["questions"])

# Query-string names the route itself reads; every other one is a parameter.
RESERVED = frozenset({"lang", "format", "at", "limit", "offset"})


@router.get(
    "/queries",
    response_model=list[QuestionInfo],
    summary="The question catalogue",
    responses={**error_responses(422, 503)},
)
async def list_questions(
    request: Request, service: ServiceDep, lang: LangDep
) -> list[QuestionInfo] | Response:
    """Every question: id, titles and descriptions (vi, en), parameters, tags.

    A browser (`Accept: text/html` first) gets the catalogue page instead."""
    if prefers_html(request.headers.get("accept"), ["application/json"]):
        return pages.send_catalogue_page(service, lang=lang)
    return [
        QuestionInfo(
            **{
                **question.to_dict(),
                "parameters": [ParameterInfo(**p) for p in question.to_dict()["parameters"]],
            },
            href=f"/queries/{question.id}",
        )
        for question in service.catalogue.values()
    ]


@router.get(
    "/queries/{question_id}",
    response_model=None,
    summary="Answer one question",
    description=(
        "Parameters of the question go in the query string (`?from=...`). The answer is "
        "SPARQL 1.1 Query Results JSON, or CSV with `Accept: text/csv` or `?format=csv`, or an "
        "Excel sheet with human column names (`?format=xlsx` or its media type). "
        "`?limit=&offset=` answer one page: `X-Orgkg-Total` counts the whole answer and "
        '`Link: <...>; rel="next"` points at the next page. Without `limit` the answer is whole. '
        "`X-Orgkg-Truncated: true` says the row or byte cap cut it; a browser "
        "(`Accept: text/html` first) gets the page."
    ),
    responses={
        200: {
            "model": SparqlResults,
            "description": "The answer.",
            "content": results_content("text/csv", *list(ANSWER_TYPES)[3:]),
        },
        **error_responses(400, 404, 406, 422, 500, 503),
    },
)
async def answer_question(
    question_id: str,
    request: Request,
    *,
    service: ServiceDep,
    lang: LangDep,
    as_of: AsOfDep,
    format: Annotated[
        Literal[AnswerFormat, "xlsx"] | None, Query(description="Overrides the Accept header.")
    ] = None,
    limit: Annotated[
        int | None, Query(ge=1, le=MAX_PAGE_SIZE, description="Rows in the page (default: all).")
    ] = None,
    offset: Annotated[int, Query(ge=0, description="Rows skipped before the page.")] = 0,
) -> Response:
    params = {k: v for k, v in request.query_params.items() if k not in RESERVED}
    question = service.catalogue[question_id]  # an unknown id is a 404 without a worker
    # -- the page when a browser asks -------------------------------------------
    if format is None and prefers_html(request.headers.get("accept"), list(ANSWER_TYPES)):
        return await pages.send_question_page(
            service, question_id=question.id, params=params, lang=lang
        )
    fmt = format or ANSWER_TYPES[require(list(ANSWER_TYPES), request.headers.get("accept"))]
    # -- a workbook for people: human column names, codes in words --------------
    if fmt == "xlsx":
        return await pages.send_workbook(service, question_id=question.id, params=params, lang=lang)
    # -- data for programs -------------------------------------------------------
    rendered = await service.run(
        ANSWER_QUESTION,
        question_id=question.id,
        params=params,
        lang=lang,
        fmt=fmt,
        at=as_of.day,
        offset=offset,
        limit=limit,
    )
    headers = {**as_of.headers(), **page_headers(rendered, request.url, limit)}
    return send_rendered(rendered, headers=headers)
