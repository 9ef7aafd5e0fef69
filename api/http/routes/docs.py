"""``GET /docs``: the API reference, rendered locally from ``/openapi.json``."""

from __future__ import annotations

from fastapi import APIRouter, Request
from fastapi.responses import HTMLResponse

from api.http.openapi import render_docs

router = APIRouter(tags=["service"])


@router.get("/docs", response_class=HTMLResponse, summary="API reference (HTML)")
async def docs(request: Request) -> HTMLResponse:
    return HTMLResponse(render_docs(request.app.openapi()))
