"""``GET /queries`` (the catalogue) and ``GET /queries/{id}`` (one answer)."""

from __future__ import annotations

from typing import Annotated, Literal

from fastapi import APIRouter, Query, Request, Response

from api.deps import AsOfDep, LangDep, ServiceDep
from api.models import ParameterInfo, QuestionInfo, SparqlResults
from api.negotiation import require
from api.openapi import error_responses, results_content
from api.responses import send_rendered

router = APIRouter(tags=["questions"])

# Query-string names the route itself reads; every other one is a parameter.
RESERVED = frozenset({"lang", "format", "at"})
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
    service: ServiceDep,
    lang: LangDep,
    *,
    as_of: AsOfDep,
    format: Annotated[
        Literal["json", "csv"] | None, Query(description="Overrides the Accept header.")
    ] = None,
) -> Response:
    fmt = format or _ANSWER_TYPES[require(list(_ANSWER_TYPES), request.headers.get("accept"))]
    params = {k: v for k, v in request.query_params.items() if k not in RESERVED}
    rendered = await service.answer_question(
        question_id=question_id, params=params, lang=lang, fmt=fmt, at=as_of.day
    )
    return send_rendered(rendered, headers=as_of.headers())
