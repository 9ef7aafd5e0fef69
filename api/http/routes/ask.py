"""``GET /ask?q=``: a question in plain words, answered with what was understood."""

from __future__ import annotations

from typing import Annotated

from fastapi import APIRouter, Query, Response
from fastapi.responses import JSONResponse

from api.http.deps import LangDep, ServiceDep
from api.http.openapi import error_responses
from api.http.responses import send_rendered
from api.runtime.asking import ANSWER_ASK, ask_error
from ontology.errors import NotUnderstood, UnresolvedParameter

router = APIRouter(tags=["questions"])


@router.get(
    "/ask",
    response_model=None,
    summary="Ask in plain words",
    description=(
        "Vietnamese with or without diacritics, or English. The answer is "
        '`{"question": ID, "params": {...}, "understood": "...", "alternatives": [ID, ...], '
        '"answer": <SPARQL 1.1 Results JSON>}`. A text no question explains well, or a '
        "parameter it does not name (or names ambiguously), is a 422 whose error lists "
        "`candidates` to choose from: nothing is run on a guess."
    ),
    responses={
        200: {"description": "What was understood, and the answer."},
        **error_responses(400, 404, 422, 500, 503),
    },
)
async def ask_question(
    service: ServiceDep,
    lang: LangDep,
    q: Annotated[str, Query(min_length=1, max_length=500, description="The question.")],
    question: Annotated[
        str | None,
        Query(
            max_length=100,
            description="Take this question id (an offered alternative), parameters still "
            "filled from `q`.",
        ),
    ] = None,
) -> Response:
    try:
        rendered = await service.run(ANSWER_ASK, q=q, lang=lang, question=question)
    except (NotUnderstood, UnresolvedParameter) as exc:
        return JSONResponse(ask_error(exc), status_code=exc.http_status)
    return send_rendered(rendered)
