"""The ``export`` command: the loaded model in RDF, graph, table or Excel formats."""

# Heavy libraries are imported inside the commands (see api.cli.commands).
# ruff: noqa: PLC0415

from __future__ import annotations

from typing import Annotated

import typer

from api.cli.options import (
    LangOption,
    OutputOption,
    TableName,
    _open_store,
    _settings,
    _write,
)
from ontology.formats import ExportName


def export(
    ctx: typer.Context,
    *,
    fmt: Annotated[ExportName, typer.Option("--format", "-f", help="The export format.")] = "ttl",
    output: OutputOption = None,
    table: Annotated[
        TableName, typer.Option("--table", help="The CSV table (--format csv).")
    ] = "nodes",
    bom: Annotated[
        bool, typer.Option("--bom", help="Start CSV with a byte order mark (for Excel).")
    ] = False,
    vocabulary: Annotated[
        bool, typer.Option("--vocabulary", help="Keep the vocabulary in JSON-LD.")
    ] = False,
    frame: Annotated[
        str | None,
        typer.Option(
            "--frame",
            help="JSON-LD framed per type: post, unit, person, document, duty, "
            "reporting-line or seal (ontology/frames.json).",
        ),
    ] = None,
    lang: LangOption = None,
) -> None:
    """Export the loaded model: RDF, GraphML, GEXF, CSV tables, Popolo JSON or Excel.

    `--format csv` writes one table (`--table nodes|edges`); an --output name
    ending in .zip, or `--format csv-zip`, writes both in a zip. `--format jsonld
    --frame post` writes one tree per post (likewise unit, person, ...). Without
    --at an export keeps the whole history.
    """
    from api.cli.export_options import resolve_export
    from queries.exports import export as export_model

    settings = _settings(ctx, lang)
    name, options = resolve_export(
        fmt, output, lang=settings.lang, table=table, bom=bom, vocabulary=vocabulary, frame=frame
    )
    _write(export_model(_open_store(settings, dated=False), name, options), output)
