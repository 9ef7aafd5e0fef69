"""``GET /check``: the compliance report (the SHACL shapes of the loaded data)."""

from __future__ import annotations

from typing import Annotated

from fastapi import APIRouter, Query, Request, Response

from api.http.deps import AsOfDep, LangDep, ServiceDep
from api.http.models import CheckReport
from api.http.negotiation import prefers_html
from api.http.openapi import error_responses, text_content
from api.http.pages import views as pages
from api.runtime.jobs import CHECK_COMPLIANCE
from ontology.formats import ReportFormat

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
        "`format=text` the report for people. Without `format`, a browser gets the report page."
    ),
    responses={
        200: {
            "model": CheckReport,
            "description": "The report.",
            "content": text_content("application/xml", "application/sarif+json", "text/plain"),
        },
        **error_responses(400, 422, 500, 503),
    },
)
async def check(
    request: Request,
    service: ServiceDep,
    lang: LangDep,
    as_of: AsOfDep,
    format: Annotated[ReportFormat | None, Query(description="Report format (json).")] = None,
) -> Response:
    if format is None and prefers_html(request.headers.get("accept"), ["application/json"]):
        return await pages.send_check_page(service, lang=lang, at=as_of.day)
    outcome = await service.run(CHECK_COMPLIANCE, at=as_of.day)
    rendered = outcome.rendered(fmt=format or "json", lang=lang)
    return Response(
        content=rendered.body,
        media_type=rendered.media_type,
        headers={CONFORMS_HEADER: "true" if outcome.conforms else "false", **as_of.headers()},
    )
