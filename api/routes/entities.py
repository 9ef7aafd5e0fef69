"""``GET /entities/{id}``: one entity with its labels, types, relations and sources."""

from __future__ import annotations

from fastapi import APIRouter, Response

from api.deps import AsOfDep, LangDep, ServiceDep
from api.models import Entity
from api.openapi import error_responses

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
    entity_id: str, service: ServiceDep, lang: LangDep, as_of: AsOfDep
) -> Response:
    body = await service.describe(entity=entity_id, lang=lang, at=as_of.day)
    return Response(content=body, media_type="application/json", headers=as_of.headers())
