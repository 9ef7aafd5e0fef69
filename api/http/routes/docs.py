"""``GET /docs``: the interactive API explorer (Swagger UI, served locally), and its
script-free twin ``GET /docs/reference``, both from ``/openapi.json``."""

from __future__ import annotations

from pathlib import Path

from fastapi import APIRouter, Request
from fastapi.responses import FileResponse, HTMLResponse

from api.http.openapi import render_docs

router = APIRouter(tags=["service"])
STATIC = Path(__file__).resolve().parent.parent / "static"


@router.get("/docs", response_class=FileResponse, summary="API explorer (HTML, interactive)")
async def docs() -> FileResponse:
    return FileResponse(STATIC / "docs.html", media_type="text/html; charset=utf-8")


@router.get("/docs/reference", response_class=HTMLResponse, summary="API reference (HTML)")
async def reference(request: Request) -> HTMLResponse:
    return HTMLResponse(render_docs(request.app.openapi()))


@router.get(
    "/favicon.ico",
    response_class=FileResponse,
    summary="The icon browsers show",
    include_in_schema=False,
)
async def favicon() -> FileResponse:
    return FileResponse(STATIC / "favicon.ico", media_type="image/x-icon")
