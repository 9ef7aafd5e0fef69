"""The ``load`` command: build an on-disk store once, to open read-only later."""

# Heavy libraries are imported inside the commands (see api.cli.commands).
# ruff: noqa: PLC0415

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING, Annotated

import typer

if TYPE_CHECKING:
    from ontology.store import Store


def load(
    ctx: typer.Context,
    data: Annotated[
        list[Path],
        typer.Argument(metavar="DATA...", help="Files or folders to build the store from."),
    ],
    into: Annotated[
        Path, typer.Option("--into", metavar="DIR", help="The folder of the on-disk store.")
    ],
    force: Annotated[
        bool, typer.Option("--force", help="Rebuild even when the store is up to date.")
    ] = False,
) -> None:
    """Build an on-disk store once; open it with --store oxigraph:DIR (read-only, instant).

    The build also keeps the reporting projection and its labels in DIR:
    networkx questions on the store start from them.
    """
    from api.cli.progress import ProgressBar
    from graph.kept import is_kept
    from ontology.loader import build_store, open_built
    from queries.analysis import keep_projection

    bar = ProgressBar()
    kept: list[Path] = []

    def keep(store: Store) -> None:
        path = keep_projection(store)
        if path is not None:
            kept.append(path)

    try:
        built = build_store(data, into, force=force, on_progress=bar, keep=keep)
    finally:
        bar.close()
    manifest = built.manifest
    if built.rebuilt:
        typer.echo(
            f"orgkg: built {into}: {manifest.triples} triples from {len(manifest.files)} files "
            f"in {manifest.build_seconds:.1f} s"
            + (", with its reporting projection kept" if kept else ""),
            err=True,
        )
    else:
        typer.echo(f"orgkg: {into} is up to date ({manifest.triples} triples)", err=True)
        if not is_kept(open_built(into)):
            typer.echo(
                f"orgkg: {into} keeps no reporting projection this orgkg reads: networkx "
                "questions read the store instead; --force rebuilds it with one",
                err=True,
            )
