"""``GET /.well-known/void`` (and ``/void``): the VoID description of the dataset."""

from __future__ import annotations

from fastapi import APIRouter, Request, Response

from api.http.deps import ServiceDep
from api.http.negotiation import require
from api.http.openapi import error_responses, text_content
from api.http.responses import send_rendered
from api.runtime.jobs import DESCRIBE_DATASET
from queries.results import media_types_for

router = APIRouter(tags=["sparql"])
_SUMMARY = "VoID description of the dataset"
_DESCRIPTION = (
    "What the loaded dataset holds (triples, distinct subjects and properties, class "
    "partitions, the vocabularies it uses), its SPARQL endpoint and its dumps, as RDF: "
    "Turtle by default, JSON-LD, N-Triples or RDF/XML by Accept."
)
_RESPONSES = {
    200: {
        "description": "The VoID description.",
        "content": text_content(*media_types_for("graph")),
    },
    **error_responses(406, 503),
}


@router.get(
    "/.well-known/void",
    response_model=None,
    summary=_SUMMARY,
    description=_DESCRIPTION,
    responses=_RESPONSES,
)
async def well_known_void(request: Request, service: ServiceDep) -> Response:
    return await _describe(request, service)


@router.get(
    "/void",
    response_model=None,
    summary=_SUMMARY + " (short path)",
    description=_DESCRIPTION,
    responses=_RESPONSES,
)
async def void(request: Request, service: ServiceDep) -> Response:
    return await _describe(request, service)


async def _describe(request: Request, service: ServiceDep) -> Response:
    formats = media_types_for("graph")
    fmt = formats[require(list(formats), request.headers.get("accept"))]
    base = str(request.base_url).rstrip("/")
    return send_rendered(await service.run(DESCRIBE_DATASET, base=base, fmt=fmt))
