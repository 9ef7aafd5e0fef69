"""The ``check`` command: compliance of the loaded data, exit 0 or 1."""

# Heavy libraries are imported inside the commands (see api.cli.commands).
# ruff: noqa: PLC0415

from __future__ import annotations

from typing import Annotated

import typer

from api.cli.options import (
    LangOption,
    OutputOption,
    ProfileChoice,
    _open_store,
    _settings,
    _write,
)
from ontology.formats import ReportFormat


def check(
    ctx: typer.Context,
    fmt: Annotated[ReportFormat, typer.Option("--format", "-f")] = "text",
    output: OutputOption = None,
    lang: LangOption = None,
    profile: Annotated[
        ProfileChoice | None,
        typer.Option(
            "--profile",
            help="regulation (shapes, quotes against source.txt, coverage) or organisation "
            "(structure only). Default: regulation when the data has a source text.",
        ),
    ] = None,
) -> None:
    """Check compliance (SHACL shapes, quotes, coverage). Exit 0 conforms, 1 violations."""
    from ontology.profiles import Profile, check_with_profile

    settings = _settings(ctx, lang)
    chosen = Profile(profile) if profile else None
    store = _open_store(settings)
    report = check_with_profile(store, settings.data, chosen)
    _write(report.render(fmt, settings.lang, store=store), output)
    raise typer.Exit(0 if report.conforms else 1)
