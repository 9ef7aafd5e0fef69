"""``GET /check``: the compliance report (SHACL shapes and graph rules)."""

from __future__ import annotations

from typing import Annotated, Literal

from fastapi import APIRouter, Query, Response

from api.deps import LangDep, ServiceDep
from api.models import CheckReport
from api.openapi import error_responses, text_content

router = APIRouter(tags=["compliance"])

CONFORMS_HEADER = "X-Orgkg-Conforms"


@router.get(
    "/check",
    response_model=None,
    summary="Compliance report",
    description=(
        "200 whether or not the graph conforms: `conforms` in the JSON and the "
        "`X-Orgkg-Conforms` header say which. `format=junit` gives JUnit XML for CI, "
        "`format=sarif` SARIF 2.1.0 for code review (each finding at its line of the model), "
        "`format=text` the report for people."
    ),
    responses={
        200: {
            "model": CheckReport,
            "description": "The report.",
            "content": text_content("application/xml", "application/sarif+json", "text/plain"),
        },
        **error_responses(422, 500, 503),
    },
)
async def check(
    service: ServiceDep,
    lang: LangDep,
    format: Annotated[
        Literal["json", "junit", "text", "sarif"], Query(description="Report format.")
    ] = "json",
) -> Response:
    conforms, rendered = await service.check(lang=lang, fmt=format)
    return Response(
        content=rendered.body,
        media_type=rendered.media_type,
        headers={CONFORMS_HEADER: "true" if conforms else "false"},
    )
