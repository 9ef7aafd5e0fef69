"""Any regulation: ``init`` (a folder from a text) and ``draft`` (candidate facts)."""

# Heavy libraries are imported inside the commands (see api.cli.commands).
# ruff: noqa: PLC0415

from __future__ import annotations

from pathlib import Path
from typing import Annotated

import typer


def init(
    folder: Annotated[Path, typer.Argument(metavar="DIR", help="The regulation folder to write.")],
    source: Annotated[
        Path, typer.Option("--from", metavar="TEXT", help="The plain text (UTF-8, NFC).")
    ],
    update: Annotated[
        bool, typer.Option("--update", help="Re-read a changed text into an existing folder.")
    ] = False,
) -> None:
    """A regulation folder from a text: source.txt and .ttl, model.ttl, README, shapes, features."""
    from ontology.scaffold import create_folder, update_folder

    if update:
        segmentation, changes = update_folder(folder, source)
        for change in changes:
            typer.echo(f"orgkg: cited sentence {change.describe()}", err=True)
    else:
        segmentation = create_folder(folder, source)
    sentences = len(segmentation.sentences())
    typer.echo(
        f"orgkg: wrote {folder} ({segmentation.genre}: "
        f"{len(segmentation.passages) - sentences} passages, {sentences} sentences)",
        err=True,
    )


def draft(
    folder: Annotated[Path, typer.Argument(metavar="DIR", help="A regulation folder.")],
    output: Annotated[
        Path | None,
        typer.Option(
            "--output", "-o", help="Default: DIR/draft/candidates.ttl.txt (never loaded)."
        ),
    ] = None,
    measure: Annotated[
        bool,
        typer.Option("--measure", help="Also print precision and recall against DIR's model."),
    ] = False,
) -> None:
    """Candidate facts from the text, each citing its sentence and words, into a draft file."""
    from ontology.drafting import DRAFT_FILE, draft_folder, folder_graph
    from ontology.drafting import measure as score
    from ontology.writer import write_file

    candidates, text = draft_folder(folder)
    target = output or folder / DRAFT_FILE
    write_file(target, text)
    typer.echo(f"orgkg: {len(candidates)} candidate facts in {target}", err=True)
    if measure:
        result = score(candidates, folder_graph(folder))
        typer.echo(
            f"precision {result.precision:.2f} ({result.true_positives} of "
            f"{result.true_positives + result.false_positives}), recall {result.recall:.2f} "
            f"({result.true_positives} of {result.true_positives + result.false_negatives})"
        )
