"""The ``view`` command: the offline org-graph page, or the chart as an image."""

# Heavy libraries are imported inside the commands (see api.cli.commands).
# ruff: noqa: PLC0415

from __future__ import annotations

from pathlib import Path
from typing import Annotated

import typer

from api.cli.options import LangOption, ViewFormat, _as_of, _load, _settings, _write


def view(
    ctx: typer.Context,
    *,
    output: Annotated[
        Path | None,
        typer.Option(
            "--output", "-o", help="The file to write (default orgkg.FORMAT); - for stdout."
        ),
    ] = None,
    focus: Annotated[
        str | None, typer.Option("--focus", help="Centre on this entity (IRI or id).")
    ] = None,
    depth: Annotated[int, typer.Option("--depth", min=1, help="Hops around --focus.")] = 2,
    fmt: Annotated[
        ViewFormat,
        typer.Option(
            "--format", "-f", help="html (the page), or svg/png: the whole chart as an image."
        ),
    ] = "html",
    lang: LangOption = None,
) -> None:
    """Write the offline org-graph page, or the chart as an SVG or PNG image."""
    from graph import render_html
    from ontology.dating import parse_at
    from ontology.timeline import timeline_days

    settings = _settings(ctx, lang)
    output = output or Path(f"orgkg.{fmt}")
    if settings.at:
        parse_at(settings.at, name="--at")  # before loading: a typo fails fast
    store = _load(settings)
    shown, day = _as_of(settings, store)
    page = render_html(
        shown,
        lang=settings.lang,
        focus=focus,
        depth=depth,
        as_of=day,
        timeline=timeline_days(store) if day else (),
    )
    if fmt == "html":
        _write(page, output)
    else:
        from graph.viewer.snapshot import render_image

        _write(render_image(page, fmt), output)
    if str(output) != "-":
        typer.echo(f"orgkg: wrote {output}", err=True)
