"""The ``orgkg`` command line: a thin surface over the same functions as the API.

Exit codes: 0 ok; 1 ``check`` found violations; 2 orgkg could not do what was
asked (bad option, id, parameter or data). An orgkg error prints one line,
``orgkg: <message>``, on stderr and no traceback.

Heavy libraries (rdflib, pyshacl, networkx, fastapi) are imported inside the
commands so that ``orgkg --help`` starts at once.
"""

# Imports inside the commands are deliberate (see above).
# ruff: noqa: PLC0415

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING, Annotated, Any, Literal

import typer
from typer.core import TyperGroup

from ontology.formats import (
    AnswerFormat,
    DiffFormat,
    ExportName,
    ReportFormat,
    SparqlFormat,
    TextFormat,
)
from ontology.languages import Lang

if TYPE_CHECKING:
    from typer._click import Context as ClickContext

    from api.runtime.settings import Settings
    from ontology.store import Store


class OrgkgGroup(TyperGroup):
    """Turns every OrgkgError into one line on stderr and its exit code."""

    def invoke(self, ctx: ClickContext) -> Any:
        # Imported here, not at the top: `ontology` pulls in rdflib, and
        # `orgkg --help` never gets this far.
        from ontology.errors import OrgkgError

        try:
            return super().invoke(ctx)
        except OrgkgError as exc:
            typer.echo(f"orgkg: {exc}", err=True)
            ctx.exit(exc.exit_code)


# The choices of the options: the formats and languages of the whole project.
QueryFormat = Literal[TextFormat, AnswerFormat, "xlsx"]
SparqlChoice = Literal[TextFormat, SparqlFormat]
AskFormat = Literal[TextFormat, "json"]
ProfileChoice = Literal["regulation", "organisation"]
ViewFormat = Literal["html", "svg", "png"]
TableName = Literal["nodes", "edges"]


app = typer.Typer(
    cls=OrgkgGroup,
    name="orgkg",
    help="Query, view and check the knowledge graph of a regulation.",
    no_args_is_help=True,
    add_completion=False,
    pretty_exceptions_enable=False,
    rich_markup_mode=None,
)

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


@app.callback()
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


@app.command("queries")
def list_queries(ctx: typer.Context, lang: LangOption = None) -> None:
    """List the question catalogue: id, title and parameters."""
    from queries import load_catalogue

    settings = _settings(ctx, lang)
    lines = []
    for question in load_catalogue().values():
        title = question.title_in(settings.lang)
        params = " ".join(
            f"{p.name}={p.kind}" if p.required else f"[{p.name}={p.kind}]"
            for p in question.parameters
        )
        lines.append((question.id, title, params))
    width = max((len(line[0]) for line in lines), default=0)
    for qid, title, params in lines:
        typer.echo(f"{qid:<{width}}  {title}" + (f"  ({params})" if params else ""))


@app.command("query")
def answer_query(
    ctx: typer.Context,
    question_id: Annotated[
        str, typer.Argument(metavar="ID", help="A question id (see `orgkg queries`).")
    ],
    *,
    param: Annotated[
        list[str] | None,
        typer.Option("--param", "-p", help="A parameter as NAME=VALUE; repeatable."),
    ] = None,
    fmt: Annotated[QueryFormat, typer.Option("--format", "-f")] = "table",
    lang: LangOption = None,
    limit: LimitOption = None,
    offset: OffsetOption = 0,
    output: OutputOption = None,
) -> None:
    """Answer one question of the catalogue (a table shows 100 rows a page; xlsx needs -o)."""
    from api.cli.answer_output import check_destination, finished
    from ontology.paging import DEFAULT_PAGE_SIZE, Page
    from queries import load_catalogue, run_query
    from queries.stream import answer_rendered

    settings = _settings(ctx, lang)
    params = _parse_params(param or [])
    check_destination(fmt, output)
    question = load_catalogue()[question_id]  # before loading: a typo fails fast
    store = _open_store(settings)
    if fmt == "table":
        page = Page(offset=offset, limit=limit or DEFAULT_PAGE_SIZE)
        answer = run_query(store, question, params, lang=settings.lang, page=page)
        _write_result(answer, fmt, lang=settings.lang, target=output)
        _note_page(offset, len(answer.rows), answer.total)
        return
    rendered = answer_rendered(
        store,
        question,
        params,
        lang=settings.lang,
        fmt=fmt,
        page=Page(offset=offset, limit=limit),
    )
    _write(finished(rendered.body, fmt), output)
    _note_page(offset, rendered.rows, rendered.total)


@app.command("ask")
def ask_command(
    ctx: typer.Context,
    text: Annotated[str, typer.Argument(metavar="TEXT", help="The question in plain words.")],
    fmt: Annotated[AskFormat, typer.Option("--format", "-f")] = "table",
    explain: Annotated[
        bool,
        typer.Option(
            "--explain",
            help="Say which words matched which question and entity (on stderr with json).",
        ),
    ] = False,
    lang: LangOption = None,
) -> None:
    """Ask in plain words (Vietnamese or English). Exit 2: not understood, or a choice to make."""
    from queries.ask import ask
    from queries.ask.document import ask_document, ask_text
    from queries.results import render_result

    settings = _settings(ctx, lang)
    meant, answer = ask(_open_store(settings), text, lang=settings.lang)
    if fmt == "json":
        if explain:
            typer.echo("\n".join(meant.explanation), err=True)
        _write(ask_document(meant, render_result(answer, "json").body) + b"\n")
    else:
        _write(ask_text(meant, answer, lang=settings.lang, explain=explain))


@app.command("sparql")
def run_sparql_command(
    ctx: typer.Context,
    query: Annotated[
        str, typer.Argument(metavar="QUERY|@FILE", help="SPARQL text, or @FILE to read it.")
    ],
    fmt: Annotated[
        SparqlChoice | None,
        typer.Option(
            "--format",
            "-f",
            help="table (default), json, csv, tsv, xml; ttl, jsonld, nt for graphs.",
        ),
    ] = None,
    limit: Annotated[
        int | None, typer.Option("--limit", min=1, help="SELECT: rows in the page (default all).")
    ] = None,
    offset: OffsetOption = 0,
) -> None:
    """Run a read-only SPARQL query (updates, SERVICE and FROM are refused)."""
    from ontology.paging import Page
    from queries import check_read_only, run_sparql
    from queries.results import result_kind

    settings = _settings(ctx, None)
    text = _read_query(query)
    check_read_only(text)
    result = run_sparql(_open_store(settings), text, page=Page(offset=offset, limit=limit))
    default = "ttl" if result_kind(result) == "graph" else "table"
    _write_result(result, fmt or default)
    total = getattr(result, "total", None)
    if total is not None:
        _note_page(offset, len(result.rows), total)  # type: ignore[union-attr]


@app.command("check")
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


@app.command("view")
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
    from ontology.timeline import parse_at, timeline_days

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


@app.command("export")
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
    lang: LangOption = None,
) -> None:
    """Export the loaded model: RDF, GraphML, GEXF, CSV tables, Popolo JSON or Excel.

    `--format csv` writes one table (`--table nodes|edges`); an --output name
    ending in .zip, or `--format csv-zip`, writes both in a zip. Without --at an
    export keeps the whole history.
    """
    from graph.dump import ExportOptions
    from queries.exports import export as export_model

    settings = _settings(ctx, lang)
    name: str = fmt
    if name == "csv" and output is not None and output.suffix.lower() == ".zip":
        name = "csv-zip"
    options = ExportOptions(lang=settings.lang, table=table, bom=bom, vocabulary=vocabulary)
    _write(export_model(_open_store(settings, dated=False), name, options), output)


@app.command("load")
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
    """Build an on-disk store once; open it with --store oxigraph:DIR (read-only, instant)."""
    from api.cli.progress import ProgressBar
    from ontology.loader import build_store

    bar = ProgressBar()
    try:
        built = build_store(data, into, force=force, on_progress=bar)
    finally:
        bar.close()
    manifest = built.manifest
    if built.rebuilt:
        typer.echo(
            f"orgkg: built {into}: {manifest.triples} triples from {len(manifest.files)} files "
            f"in {manifest.build_seconds:.1f} s",
            err=True,
        )
    else:
        typer.echo(f"orgkg: {into} is up to date ({manifest.triples} triples)", err=True)


@app.command("serve")
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


# -- time: orgkg diff (issue 15) ----------------------------------------------


@app.command("diff")
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
    from ontology.diff import compare
    from ontology.loader import load_regulation
    from ontology.revisions import checked_out, split_range
    from ontology.timeline import at, parse_at

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


# -- any regulation, any organisation: init, draft, import -------------------


@app.command("init")
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


@app.command("draft")
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


import_app = typer.Typer(
    cls=OrgkgGroup, help="Import data published in other formats.", no_args_is_help=True
)
app.add_typer(import_app, name="import")


@import_app.command("organogram")
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


def main() -> None:
    """Entry point of the ``orgkg`` console script."""
    app(prog_name="orgkg")


# -- helpers of the commands -------------------------------------------------


def _settings(ctx: typer.Context, lang: Lang | None) -> Settings:
    from api.runtime.settings import Settings

    settings = ctx.find_object(Settings)
    if settings is None:  # invoked without the group (tests calling a command directly)
        settings = Settings.from_env()
    return settings.with_(lang=lang)


def _open_store(settings: Settings, *, dated: bool = True) -> Store:
    """The loaded store; ``dated``: as of ``--at`` (or today, if the data is dated)."""
    from ontology.timeline import parse_at

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

    from ontology.timeline import as_of, parse_at

    day = parse_at(settings.at, name="--at") if settings.at else None
    view, used = as_of(store, day, today=date.today())
    if used is None:
        return view, None
    note = "" if day is not None else " (today; --at DATE for another day)"
    typer.echo(f"orgkg: answers as of {used.isoformat()}{note}", err=True)
    return view, used.isoformat()


def _note_page(offset: int, rows: int | None, total: int | None) -> None:
    """Say on stderr which rows a page showed, when the answer has more."""
    if rows is None or total is None or (offset == 0 and rows >= total):
        return
    first, last = (offset + 1, offset + rows) if rows else (offset, offset)
    following = f"; next: --offset {offset + rows}" if offset + rows < total else ""
    typer.echo(f"orgkg: rows {first}-{last} of {total}{following}", err=True)


def _write(content: bytes | str, target: Path | None = None) -> None:
    from api.cli.output import write_output

    write_output(content, target)


def _parse_params(items: list[str]) -> dict[str, str]:
    params: dict[str, str] = {}
    for item in items:
        name, sep, value = item.partition("=")
        if not sep or not name.strip():
            raise typer.BadParameter(f"{item!r} is not NAME=VALUE", param_hint="--param")
        params[name.strip()] = value
    return params


def _read_query(query: str) -> str:
    if not query.startswith("@"):
        return query
    path = Path(query[1:])
    try:
        return path.read_text(encoding="utf-8")
    except FileNotFoundError:
        raise typer.BadParameter(f"no such file: {path}", param_hint="QUERY") from None
    except (OSError, UnicodeDecodeError) as exc:
        raise typer.BadParameter(f"cannot read {path}: {exc}", param_hint="QUERY") from None


def _write_result(
    result: Any, fmt: str, *, lang: str | None = None, target: Path | None = None
) -> None:
    """A result in ``fmt`` on stdout, by the renderer the API uses, ending in a newline.

    Given ``lang``, a table speaks the reader's language (column names, codes in
    words) and fits the terminal: ``COLUMNS`` first, piped output 120 columns.
    """
    from queries.results import render_result

    if fmt == "table" and lang is not None:
        import shutil

        from queries.presentation import render_answer_table

        width = shutil.get_terminal_size(fallback=(120, 24)).columns
        _write(render_answer_table(result, lang, width) + "\n", target)
        return

    body = render_result(result, fmt).body
    _write(body if body.endswith(b"\n") else body + b"\n", target)
