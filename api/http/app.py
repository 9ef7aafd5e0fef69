"""The FastAPI application: ``create_app(settings)`` and its lifespan.

No module-level app or graph: uvicorn calls the factory (``orgkg serve``, or
``uvicorn --factory api.http.app:create_app`` with ``ORGKG_*`` settings), and the
lifespan loads the store and the catalogue once, then forks the query workers.
"""

from __future__ import annotations

import functools
from collections.abc import AsyncIterator
from contextlib import asynccontextmanager
from importlib.metadata import PackageNotFoundError, version
from pathlib import Path
from typing import TYPE_CHECKING

import anyio
from fastapi import FastAPI
from fastapi.staticfiles import StaticFiles

from api.http.cors import install_cors
from api.http.errors import install_error_handlers
from api.http.routes import ROUTERS
from api.http.routes.sparql_shortcut import SparqlShortcut
from api.runtime.service import open_service
from api.runtime.settings import Settings

if TYPE_CHECKING:
    from ontology.store import Store

STATIC = Path(__file__).resolve().parent / "static"
DESCRIPTION = (
    "The knowledge graph of a regulation that sets up an organisation: the question "
    "catalogue, entities, label search, a read-only SPARQL 1.1 endpoint, the compliance "
    'report and exports. Errors are JSON: {"error": {"code": ..., "message": ...}}; '
    "a method a route does not serve gets 405 (method-not-allowed) with an Allow header."
)


def create_app(settings: Settings | None = None, *, store: Store | None = None) -> FastAPI:
    """The application for ``settings`` (default: from ``ORGKG_*``).

    ``store``, when given, is used instead of loading one (the command line
    loads first so that a data error ends it with exit 2 and one line).
    """
    app = FastAPI(
        title="orgkg",
        version=_version(),
        description=DESCRIPTION,
        lifespan=lifespan,
        # The stock docs pages load Swagger UI / ReDoc from a CDN: /docs is local instead.
        docs_url=None,
        redoc_url=None,
        openapi_url="/openapi.json",
    )
    app.state.settings = settings or Settings.from_env()
    app.state.preloaded_store = store
    install_error_handlers(app)
    install_cors(app, app.state.settings.cors)
    # Tried first: the plain GET /sparql, answered without FastAPI's parameter machinery.
    app.router.routes.append(SparqlShortcut())
    for router in ROUTERS:
        app.include_router(router)
    app.mount("/static", StaticFiles(directory=STATIC), name="static")
    return app


@asynccontextmanager
async def lifespan(app: FastAPI) -> AsyncIterator[None]:
    """Load once, fork the workers, warm the catalogue, serve; stop the workers at shutdown.

    uvicorn takes traffic once this yields: after the warm-up has computed
    every parameter-free answer, or after ``warm_up_wait`` seconds if it has
    not (at once on an on-disk store), so that a big store answers at once
    while it warms (the warm-up goes on in the background; ``/health`` says
    how far it is).
    """
    settings: Settings = app.state.settings
    service = await anyio.to_thread.run_sync(
        functools.partial(open_service, settings, store=app.state.preloaded_store)
    )
    app.state.preloaded_store = None
    service.start()
    try:
        async with anyio.create_task_group() as background:
            serving = anyio.Event()  # from then on the warm-up leaves a worker to requests
            wait = settings.start_wait(on_disk=service.store.on_disk)
            if not wait:
                serving.set()
            if settings.warm_up:
                warmed = anyio.Event()

                async def warm() -> None:
                    try:
                        await service.warm(serving)
                    finally:
                        warmed.set()

                background.start_soon(warm)
                with anyio.move_on_after(wait):
                    await warmed.wait()
            app.state.service = service
            serving.set()
            try:
                yield
            finally:
                background.cancel_scope.cancel()
    finally:
        app.state.service = None
        service.close()


def _version() -> str:
    try:
        return version("orgkg")
    except PackageNotFoundError:
        return "0"
