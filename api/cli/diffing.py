"""The ``diff`` command (issue 15): what changed between two datasets, days or revisions."""

# Heavy libraries are imported inside the commands (see api.cli.commands).
# ruff: noqa: PLC0415

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING, Annotated, Any

import typer

from api.cli.options import OutputOption, _settings, _write
from ontology.formats import DiffFormat

if TYPE_CHECKING:
    from ontology.store import Store


def diff(  # noqa: PLR0917 (typer: options are parameters)
    ctx: typer.Context,
    old: Annotated[
        str | None,
        typer.Argument(
            metavar="OLD",
            help="A data folder or file, or a git range REV1..REV2 (then NEW is a path).",
        ),
    ] = None,
    new: Annotated[
        Path | None, typer.Argument(metavar="NEW", help="A data folder or file.")
    ] = None,
    since: Annotated[
        str | None,
        typer.Option("--at", metavar="DATE", help="Compare the data as of DATE (the old side)."),
    ] = None,
    until: Annotated[
        str | None,
        typer.Option("--to", metavar="DATE", help="... with the data as of DATE (the new side)."),
    ] = None,
    fmt: Annotated[DiffFormat, typer.Option("--format", "-f")] = "text",
    output: OutputOption = None,
) -> None:
    """What changed between two datasets, two days or two git revisions. Exit 0 same, 1 differs."""
    from ontology.dating import parse_at
    from ontology.diff import compare
    from ontology.loader import load_regulation
    from ontology.revisions import checked_out, split_range
    from ontology.timeline import at

    settings = _settings(ctx, None)
    first = parse_at(since, name="--at") if since else None
    second = parse_at(until, name="--to") if until else first
    revisions = split_range(old) if old else None

    def dated(store: Store, day: Any) -> Store:
        return at(store, day) if day is not None else store

    if revisions is not None:
        if new is None:
            raise typer.BadParameter("a git range needs the folder or file: REV1..REV2 PATH")
        with checked_out(revisions[0], new) as before, checked_out(revisions[1], new) as after:
            old_store = dated(load_regulation([before], engine=settings.store), first)
            new_store = dated(load_regulation([after], engine=settings.store), second)
        names = (f"{revisions[0]}:{new}", f"{revisions[1]}:{new}")
    elif old is not None and new is not None:
        old_store = dated(load_regulation([Path(old)], engine=settings.store), first)
        new_store = dated(load_regulation([new], engine=settings.store), second)
        names = (old, str(new))
    elif old is None and first is not None and until is not None:
        store = load_regulation(settings.data, engine=settings.store)
        old_store, new_store = at(store, first), dated(store, second)
        names = (str(since), str(until))
    else:
        raise typer.BadParameter("give OLD NEW, REV1..REV2 PATH, or --at DATE --to DATE")
    difference = compare(old_store, new_store, old_name=names[0], new_name=names[1])
    rendered = {
        "text": difference.to_text,
        "markdown": difference.to_markdown,
        "json": difference.to_json,
    }[fmt]()
    _write(rendered, output)
    raise typer.Exit(difference.exit_code)
