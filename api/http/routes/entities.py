"""``GET /entities/{id}``: one entity with its labels, types, relations and sources."""

from __future__ import annotations

from fastapi import APIRouter, Request, Response

from api.http.deps import AsOfDep, LangDep, ServiceDep
from api.http.models import Entity
from api.http.negotiation import prefers_html
from api.http.openapi import error_responses
from api.http.pages import views as pages
from api.runtime.jobs import DESCRIBE

router = APIRouter(tags=["entities"])


@router.get(
    "/entities/{entity_id:path}",
    response_model=None,
    summary="One entity",
    description=(
        "`entity_id` is a full IRI (percent-encoded) or the part after "
        "`https://w3id.org/orgkg/id/`, e.g. `tct-cpdt/post/to-truong`. The answer lists "
        "labels, types, relations out and in, and the source sentences with their text."
    ),
    responses={
        200: {"model": Entity, "description": "The entity."},
        **error_responses(400, 404, 422, 500, 503),
    },
)
async def get_entity(
    entity_id: str, request: Request, service: ServiceDep, lang: LangDep, as_of: AsOfDep
) -> Response:
    if prefers_html(request.headers.get("accept"), ["application/json"]):  # a browser: the page
        return await pages.send_entity_page(service, entity=entity_id, lang=lang)
    body = await service.run(DESCRIBE, entity=entity_id, lang=lang, at=as_of.day)
    return Response(content=body, media_type="application/json", headers=as_of.headers())
