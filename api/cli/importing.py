"""Any organisation: ``import organogram`` (a published UK organogram)."""

# Heavy libraries are imported inside the commands (see api.cli.commands).
# ruff: noqa: PLC0415

from __future__ import annotations

from pathlib import Path
from typing import Annotated

import typer


def import_organogram_command(
    files: Annotated[
        list[Path],
        typer.Argument(
            metavar="SENIOR.csv [JUNIOR.csv] ...",
            help="UK organogram CSVs; several snapshots of one body are paired by date.",
        ),
    ],
    output: Annotated[Path, typer.Option("--output", "-o", metavar="DIR", help="Folder to write.")],
    date: Annotated[
        str | None,
        typer.Option("--date", help="The snapshot date (YYYY-MM-DD) when no file name says it."),
    ] = None,
) -> None:
    """A published organogram (UK schema) as ORG + SKOS + FOAF, one folder per snapshot."""
    from ontology.organogram import import_organogram

    imported = import_organogram(files, output, date=date)
    for note in imported.notes:
        typer.echo(f"orgkg: {note}", err=True)
    folders = ", ".join(str(f) for f in imported.folders)
    typer.echo(f"orgkg: {imported.posts} posts written to {folders}", err=True)
