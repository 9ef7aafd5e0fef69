"""``GET /export/{format}``: the whole model as RDF, a graph file, tables or a workbook."""

from __future__ import annotations

from typing import Annotated, Literal

from fastapi import APIRouter, Query, Response
from fastapi.responses import FileResponse

from api.http.deps import LangDep, ServiceDep
from api.http.openapi import error_responses, text_content
from api.runtime.jobs import EXPORT
from graph.dump import ExportOptions
from graph.framing import find_frame, frame_names
from graph.jsonld import CONTEXT_FILE, CONTEXT_PATH
from queries.exports import FORMATS, find_export

router = APIRouter(tags=["export"])


@router.get(
    "/export/{fmt}",
    response_model=None,
    summary="Export the model",
    description="`fmt` is one of: "
    + "; ".join(f"`{spec.name}` ({spec.purpose})" for spec in FORMATS.values())
    + ". `lang` names nodes and sheets in GraphML, GEXF, CSV, Popolo and the workbook; "
    "`table` picks the CSV table (`nodes` or `edges`), `bom=true` starts it with a byte "
    "order mark for Excel; `vocabulary=true` keeps the vocabulary in JSON-LD; `frame` "
    "(format `jsonld`: " + ", ".join(f"`{name}`" for name in frame_names()) + ") gives "
    "one framed JSON-LD tree per node of that type.",
    responses={
        200: {
            "description": "The export, as a download.",
            "content": text_content(*(spec.media_type.split(";")[0] for spec in FORMATS.values())),
        },
        **error_responses(400, 404, 422, 500, 503),
    },
)
async def export(
    fmt: str,
    service: ServiceDep,
    *,
    lang: LangDep,
    table: Annotated[
        Literal["nodes", "edges"], Query(description="The CSV table (format `csv`).")
    ] = "nodes",
    bom: Annotated[bool, Query(description="Start CSV with a UTF-8 byte order mark.")] = False,
    vocabulary: Annotated[bool, Query(description="Keep the vocabulary (JSON-LD).")] = False,
    frame: Annotated[
        str | None, Query(description="Frame the JSON-LD per type (format `jsonld`).")
    ] = None,
) -> Response:
    spec = find_export(fmt)
    if frame is not None:
        find_frame(frame)  # an unknown name is a 400 before any work is queued
    options = ExportOptions(lang=lang, table=table, bom=bom, vocabulary=vocabulary, frame=frame)
    body = await service.run(EXPORT, fmt=spec.name, options=options)
    suffix = f"-{table}" if spec.name == "csv" else f"-{frame}" if frame else ""
    filename = f"orgkg-{service.store.version}{suffix}.{spec.extension}"
    return Response(
        content=body,
        media_type=spec.media_type,
        headers={"Content-Disposition": f'attachment; filename="{filename}"'},
    )


@router.get(
    CONTEXT_PATH,
    response_model=None,
    summary="The JSON-LD context of the exports",
    description="The `@context` the JSON-LD export is compacted with (also shipped in the "
    "package as `ontology/context.jsonld`).",
    responses={
        200: {"description": "The context.", "content": text_content("application/ld+json")}
    },
)
async def context() -> FileResponse:
    return FileResponse(CONTEXT_FILE, media_type="application/ld+json")
