"""``GET /``: the org-graph viewer page (an index page until the viewer exists)."""

from __future__ import annotations

from typing import Annotated

from fastapi import APIRouter, Query
from fastapi.responses import HTMLResponse

from api.deps import AsOfDep, LangDep, ServiceDep
from api.openapi import error_responses

router = APIRouter(tags=["viewer"])

INDEX = """<!doctype html><html lang="en"><head><meta charset="utf-8">
<title>orgkg</title><link rel="stylesheet" href="/static/style.css"></head>
<body><main><h1>orgkg</h1>
<p>The knowledge graph of a regulation: query it, look it up, check it.</p>
<ul>
<li><a href="/queries">/queries</a>: the question catalogue</li>
<li><a href="/sparql">/sparql</a>: the SPARQL endpoint and its form</li>
<li><a href="/check">/check</a>: the compliance report</li>
<li><a href="/docs">/docs</a>: the API (<a href="/openapi.json">OpenAPI</a>)</li>
</ul></main></body></html>
"""


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
    if not service.viewer_available:
        return HTMLResponse(INDEX)
    page = await service.viewer(lang=lang, focus=focus, depth=depth, at=as_of.day)
    return HTMLResponse(page, headers=as_of.headers())
