"""Starting the HTTP service with uvicorn (``orgkg serve``)."""

from __future__ import annotations

import functools
from typing import TYPE_CHECKING

import uvicorn

from api.http.app import create_app
from api.http.transport import JsonErrorHttpToolsProtocol
from api.runtime.settings import Settings

if TYPE_CHECKING:
    from ontology.store import Store


def run_server(settings: Settings, *, store: Store | None = None) -> None:
    """Serve until interrupted. The app is built by a factory inside uvicorn.

    ``store``, loaded beforehand by the command line, turns a data error into
    exit 2 and one line instead of a failed startup with a traceback.
    """
    address = f"http://{_url_host(settings.host)}:{settings.port}"
    print(
        f"orgkg: serving {address}/  (API docs {address}/docs, SPARQL {address}/sparql)",
        flush=True,
    )
    uvicorn.run(
        functools.partial(create_app, settings, store=store),
        factory=True,
        host=settings.host,
        port=settings.port,
        log_level=settings.log_level,
        # One process: the query workers are forked by the app itself.
        workers=1,
        timeout_graceful_shutdown=5,
        # Requests uvicorn cannot parse (a URL too long) get the API's JSON errors.
        http=JsonErrorHttpToolsProtocol,
        # uvicorn's 5 s default closes idle keep-alive connections so soon that a
        # client reusing one as it closes loses its request (the soak saw 7-20
        # in 60,000); 30 s is what common proxies keep a connection for.
        timeout_keep_alive=30,
    )


def _url_host(host: str) -> str:
    return f"[{host}]" if ":" in host else host
