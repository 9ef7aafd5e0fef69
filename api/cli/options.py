"""What the commands share: their option types, the global options and the store.

The group's callback (:func:`configure`) turns the global options into the
:class:`~api.runtime.settings.Settings` every command reads with
:func:`_settings`; :func:`_open_store` loads the data as of ``--at``;
:func:`_write` writes an answer to stdout or, atomically, to a file.
The underscored helpers are the commands' own, shared inside ``api.cli`` only.
"""

# Heavy libraries are imported inside the commands (see api.cli.commands).
# ruff: noqa: PLC0415

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING, Annotated, Literal

import typer

from ontology.formats import AnswerFormat, SparqlFormat, TextFormat
from ontology.languages import Lang

if TYPE_CHECKING:
    from api.runtime.settings import Settings
    from ontology.store import Store

# The choices of the options: the formats and languages of the whole project.
QueryFormat = Literal[TextFormat, AnswerFormat, "xlsx"]
SparqlChoice = Literal[TextFormat, SparqlFormat]
AskFormat = Literal[TextFormat, "json"]
ProfileChoice = Literal["regulation", "organisation"]
ViewFormat = Literal["html", "svg", "png"]
TableName = Literal["nodes", "edges"]


LangOption = Annotated[
    Lang | None, typer.Option("--lang", help="Language of labels and messages (default vi).")
]
LimitOption = Annotated[
    int | None,
    typer.Option(
        "--limit",
        min=1,
        help="Rows in the page (default: 100 for a table, all for json/csv).",
    ),
]
OffsetOption = Annotated[int, typer.Option("--offset", min=0, help="Rows skipped before the page.")]
OutputOption = Annotated[
    Path | None,
    typer.Option("--output", "-o", help="Write to FILE (atomically) instead of stdout."),
]


def configure(
    ctx: typer.Context,
    data: Annotated[
        list[Path] | None,
        typer.Option(
            "--data",
            metavar="PATH",
            help="A Turtle/JSON-LD/N-Triples file or a folder of them; repeatable. "
            "Replaces the bundled regulation.",
        ),
    ] = None,
    store: Annotated[
        str | None,
        typer.Option(
            "--store",
            metavar="ENGINE",
            help="oxigraph (default), oxigraph:DIR (a store built by `orgkg load`), memory, "
            "or the URL of a SPARQL 1.1 endpoint.",
        ),
    ] = None,
    lang: LangOption = None,
    at: Annotated[
        str | None,
        typer.Option(
            "--at",
            metavar="DATE",
            help="Answer as of this day (YYYY-MM-DD). Default: today when the data is dated.",
        ),
    ] = None,
) -> None:
    """Query, view and check the knowledge graph of a regulation."""
    from api.runtime.settings import Settings

    ctx.obj = Settings.from_env(
        data=tuple(data) if data else None,
        store=store,
        lang=lang,
        at=at,
    )


def _settings(ctx: typer.Context, lang: Lang | None) -> Settings:
    from api.runtime.settings import Settings

    settings = ctx.find_object(Settings)
    if settings is None:  # invoked without the group (tests calling a command directly)
        settings = Settings.from_env()
    return settings.with_(lang=lang)


def _open_store(settings: Settings, *, dated: bool = True) -> Store:
    """The loaded store; ``dated``: as of ``--at`` (or today, if the data is dated)."""
    from ontology.dating import parse_at

    day = parse_at(settings.at, name="--at") if settings.at else None  # before loading
    store = _load(settings)
    if not dated and day is None:
        return store
    return _as_of(settings, store)[0]


def _load(settings: Settings) -> Store:
    from api.cli.progress import ProgressBar
    from ontology.loader import load_regulation

    bar = ProgressBar()
    try:
        return load_regulation(settings.data, engine=settings.store, on_progress=bar)
    finally:
        bar.close()


def _as_of(settings: Settings, store: Store) -> tuple[Store, str | None]:
    """``store`` as of ``--at`` (else today, when dated), saying so on stderr."""
    from datetime import date

    from ontology.dating import parse_at
    from ontology.timeline import as_of

    day = parse_at(settings.at, name="--at") if settings.at else None
    view, used = as_of(store, day, today=date.today())
    if used is None:
        return view, None
    note = "" if day is not None else " (today; --at DATE for another day)"
    typer.echo(f"orgkg: answers as of {used.isoformat()}{note}", err=True)
    return view, used.isoformat()


def _write(content: bytes | str, target: Path | None = None) -> None:
    from api.cli.output import write_output

    write_output(content, target)
