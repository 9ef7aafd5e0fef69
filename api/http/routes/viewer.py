"""``GET /``: the org-graph viewer page."""

from __future__ import annotations

from typing import Annotated

from fastapi import APIRouter, Query
from fastapi.responses import HTMLResponse

from api.http.deps import AsOfDep, LangDep, ServiceDep
from api.http.openapi import error_responses
from api.runtime.jobs import RENDER_VIEWER

router = APIRouter(tags=["viewer"])


@router.get(
    "/",
    response_class=HTMLResponse,
    summary="The org-graph viewer",
    description="One self-contained page; `focus` opens it on an entity and its neighbours.",
    responses={200: {"content": {"text/html": {}}}, **error_responses(400, 422, 500, 503)},
)
async def view(
    service: ServiceDep,
    lang: LangDep,
    as_of: AsOfDep,
    focus: Annotated[
        str | None,
        Query(description="An IRI or the part after https://w3id.org/orgkg/id/."),
    ] = None,
    depth: Annotated[int, Query(ge=1, le=6, description="Steps around `focus`.")] = 2,
) -> HTMLResponse:
    page = await service.run(RENDER_VIEWER, lang=lang, focus=focus, depth=depth, at=as_of.day)
    return HTMLResponse(page, headers=as_of.headers())
