"""``GET /search?q=``: labels matching a text, ignoring case and diacritics."""

from __future__ import annotations

from typing import Annotated, Literal

from fastapi import APIRouter, Query, Request, Response

from api.http.deps import AsOfDep, LangDep, ServiceDep
from api.http.models import SparqlResults
from api.http.negotiation import ANSWER_TYPES, require
from api.http.openapi import error_responses, results_content
from api.http.responses import send_rendered
from api.runtime.jobs import SEARCH_LABELS
from ontology.formats import AnswerFormat

router = APIRouter(tags=["entities"])


@router.get(
    "/search",
    response_model=None,
    summary="Search labels",
    description="Ignores case and diacritics (`to truong` finds `Tổ trưởng`); exact matches "
    "first. SPARQL results JSON, or CSV (`Accept: text/csv`) or an Excel sheet (`Accept: "
    "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet`); `format` overrides.",
    responses={
        200: {
            "model": SparqlResults,
            "description": "Matching entities with their labels.",
            "content": results_content("text/csv", *list(ANSWER_TYPES)[3:]),
        },
        **error_responses(400, 406, 422, 500, 503),
    },
)
async def search_labels(
    request: Request,
    *,
    service: ServiceDep,
    lang: LangDep,
    as_of: AsOfDep,
    q: Annotated[str, Query(min_length=1, max_length=500, description="The text to look for.")],
    format: Annotated[
        Literal[AnswerFormat, "xlsx"] | None, Query(description="Overrides the Accept header.")
    ] = None,
) -> Response:
    fmt = format or ANSWER_TYPES[require(list(ANSWER_TYPES), request.headers.get("accept"))]
    rendered = await service.run(SEARCH_LABELS, q=q, lang=lang, fmt=fmt, at=as_of.day)
    return send_rendered(rendered, headers=as_of.headers())
