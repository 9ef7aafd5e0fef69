"""``GET /export/{format}``: the whole graph as RDF or as a graph file."""

from __future__ import annotations

from fastapi import APIRouter, Response

from api.http.deps import ServiceDep
from api.http.openapi import error_responses, text_content
from api.runtime.jobs import EXPORT
from graph.dump import find_format
from ontology.formats import EXPORT_FORMATS

router = APIRouter(tags=["export"])


@router.get(
    "/export/{fmt}",
    response_model=None,
    summary="Export the graph",
    description="`fmt` is one of: " + ", ".join(f"`{name}`" for name in EXPORT_FORMATS) + ".",
    responses={
        200: {
            "description": "The export, as a download.",
            "content": text_content(
                *(spec.media_type.split(";")[0] for spec in EXPORT_FORMATS.values())
            ),
        },
        **error_responses(404, 422, 500, 503),
    },
)
async def export(fmt: str, service: ServiceDep) -> Response:
    spec = find_format(fmt)
    body = await service.run(EXPORT, fmt=spec.name)
    filename = f"orgkg-{service.store.version}.{spec.extension}"
    return Response(
        content=body,
        media_type=spec.media_type,
        headers={"Content-Disposition": f'attachment; filename="{filename}"'},
    )
