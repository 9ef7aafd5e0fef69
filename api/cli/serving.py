"""The ``serve`` command: the HTTP API, the SPARQL endpoint and the viewer."""

# Heavy libraries are imported inside the commands (see api.cli.commands).
# ruff: noqa: PLC0415

from __future__ import annotations

from typing import Annotated

import typer

from api.cli.options import _load, _settings


def serve(
    ctx: typer.Context,
    host: Annotated[
        str | None, typer.Option("--host", help="Address to listen on (default 127.0.0.1).")
    ] = None,
    port: Annotated[
        int | None, typer.Option("--port", min=0, max=65535, help="Port (default 8000).")
    ] = None,
    workers: Annotated[
        int | None, typer.Option("--workers", min=1, help="Query worker processes.")
    ] = None,
    timeout: Annotated[
        float | None, typer.Option("--timeout", min=0.1, help="Time limit of one query, seconds.")
    ] = None,
) -> None:
    """Serve the HTTP API, the SPARQL endpoint and the viewer."""
    from api.http.server import run_server

    settings = _settings(ctx, None).with_(
        host=host, port=port, workers=workers, query_timeout=timeout
    )
    # Load before starting the server: a data error is then exit 2 and one line.
    # The whole history is served; each request picks its day (?at=, else --at, else today).
    run_server(settings, store=_load(settings))
