"""``GET /outline``: the org chart as a nested list, the graph's text alternative."""

from __future__ import annotations

from typing import Annotated

from fastapi import APIRouter, Query, Response

from api.http.deps import LangDep, ServiceDep
from api.http.openapi import error_responses
from api.http.pages import views as pages

router = APIRouter(tags=["viewer"])


@router.get(
    "/outline",
    response_model=None,
    summary="The org chart as a list",
    description="Body → units → posts → holders, with reporting lines: readable by "
    "assistive technology, linked from the graph.",
    responses={200: {"content": {"text/html": {}}}, **error_responses(422, 500, 503)},
)
async def outline(
    service: ServiceDep,
    lang: LangDep,
    unit: Annotated[
        str | None, Query(description="Only this unit (an IRI) and what is below it.")
    ] = None,
) -> Response:
    return await pages.send_outline_page(service, lang=lang, unit=unit)
