"""``GET /queries`` (the catalogue) and ``GET /queries/{id}`` (one answer)."""

from __future__ import annotations

from typing import Annotated, Literal

from fastapi import APIRouter, Query, Request, Response

from api.http.deps import LangDep, ServiceDep
from api.http.models import ParameterInfo, QuestionInfo, SparqlResults
from api.http.negotiation import require
from api.http.openapi import error_responses, results_content
from api.http.responses import page_headers, send_rendered
from api.runtime.jobs import ANSWER_QUESTION
from ontology.paging import MAX_PAGE_SIZE

router = APIRouter(tags=["questions"])

# Query-string names the route itself reads; every other one is a parameter.
RESERVED = frozenset({"lang", "format", "limit", "offset"})
_ANSWER_TYPES = {
    "application/sparql-results+json": "json",
    "application/json": "json",
    "text/csv": "csv",
}


@router.get(
    "/queries",
    response_model=list[QuestionInfo],
    summary="The question catalogue",
    responses={**error_responses(503)},
)
async def list_questions(service: ServiceDep) -> list[QuestionInfo]:
    """Every question: id, titles and descriptions (vi, en), parameters, tags."""
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
        "SPARQL 1.1 Query Results JSON, or CSV with `Accept: text/csv` or `?format=csv`. "
        "`?limit=&offset=` answer one page: `X-Orgkg-Total` counts the whole answer and "
        '`Link: <...>; rel="next"` points at the next page. Without `limit` the answer is whole. '
        "`X-Orgkg-Truncated: true` says the row or byte cap cut it."
    ),
    responses={
        200: {
            "model": SparqlResults,
            "description": "The answer.",
            "content": results_content("text/csv"),
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
    format: Annotated[
        Literal["json", "csv"] | None, Query(description="Overrides the Accept header.")
    ] = None,
    limit: Annotated[
        int | None, Query(ge=1, le=MAX_PAGE_SIZE, description="Rows in the page (default: all).")
    ] = None,
    offset: Annotated[int, Query(ge=0, description="Rows skipped before the page.")] = 0,
) -> Response:
    fmt = format or _ANSWER_TYPES[require(list(_ANSWER_TYPES), request.headers.get("accept"))]
    params = {k: v for k, v in request.query_params.items() if k not in RESERVED}
    question = service.catalogue[question_id]  # an unknown id is a 404 without a worker
    rendered = await service.run(
        ANSWER_QUESTION,
        question_id=question.id,
        params=params,
        lang=lang,
        fmt=fmt,
        offset=offset,
        limit=limit,
    )
    return send_rendered(rendered, headers=page_headers(rendered, request.url, limit))
