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

from enum import StrEnum
from pathlib import Path
from typing import TYPE_CHECKING, Annotated, Any

import typer
from typer.core import TyperGroup

if TYPE_CHECKING:
    from typer._click import Context as ClickContext

    from api.settings import Settings
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


class Lang(StrEnum):
    vi = "vi"
    en = "en"


class AnswerFormat(StrEnum):
    table = "table"
    json = "json"
    csv = "csv"


class SparqlFormat(StrEnum):
    table = "table"
    json = "json"
    csv = "csv"
    tsv = "tsv"
    xml = "xml"
    ttl = "ttl"
    jsonld = "jsonld"
    nt = "nt"
    rdfxml = "rdfxml"


class CheckFormat(StrEnum):
    text = "text"
    json = "json"
    junit = "junit"
    sarif = "sarif"


class ExportName(StrEnum):
    ttl = "ttl"
    jsonld = "jsonld"
    nt = "nt"
    graphml = "graphml"
    gexf = "gexf"
    csv = "csv"


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
            help="oxigraph (default), memory, or the URL of a SPARQL 1.1 endpoint.",
        ),
    ] = None,
    lang: LangOption = None,
) -> None:
    """Query, view and check the knowledge graph of a regulation."""
    from api.settings import Settings

    ctx.obj = Settings.from_env(
        data=tuple(data) if data else None,
        store=store,
        lang=lang.value if lang else None,
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
    param: Annotated[
        list[str] | None,
        typer.Option("--param", "-p", help="A parameter as NAME=VALUE; repeatable."),
    ] = None,
    fmt: Annotated[AnswerFormat, typer.Option("--format", "-f")] = AnswerFormat.table,
    lang: LangOption = None,
) -> None:
    """Answer one question of the catalogue."""
    from api.jobs import find_question
    from queries import load_catalogue, run_query

    settings = _settings(ctx, lang)
    params = _parse_params(param or [])
    catalogue = load_catalogue()
    question = find_question(catalogue, question_id)  # before loading: a typo fails fast
    answer = run_query(_open_store(settings), question, params, lang=settings.lang)
    _write(_format_answer(answer, fmt.value))


@app.command("sparql")
def run_sparql_command(
    ctx: typer.Context,
    query: Annotated[
        str, typer.Argument(metavar="QUERY|@FILE", help="SPARQL text, or @FILE to read it.")
    ],
    fmt: Annotated[
        SparqlFormat | None,
        typer.Option(
            "--format",
            "-f",
            help="table (default), json, csv, tsv, xml; ttl, jsonld, nt for graphs.",
        ),
    ] = None,
) -> None:
    """Run a read-only SPARQL query (updates, SERVICE and FROM are refused)."""
    from api.results import render_result, result_kind
    from queries import check_read_only, run_sparql

    settings = _settings(ctx, None)
    text = _read_query(query)
    check_read_only(text)
    result = run_sparql(_open_store(settings), text)
    default = "ttl" if result_kind(result) == "graph" else "table"
    body = render_result(result, fmt.value if fmt else default).body
    _write(body if body.endswith(b"\n") else body + b"\n")


@app.command("check")
def check(
    ctx: typer.Context,
    fmt: Annotated[CheckFormat, typer.Option("--format", "-f")] = CheckFormat.text,
    output: OutputOption = None,
    lang: LangOption = None,
) -> None:
    """Check compliance (SHACL shapes and graph rules). Exit 0 conforms, 1 violations."""
    from ontology.validation import check

    settings = _settings(ctx, lang)
    store = _open_store(settings)
    report = check(store)
    if fmt is CheckFormat.text:
        rendered: str | bytes = report.to_text(settings.lang)
    elif fmt is CheckFormat.junit:
        rendered = report.to_junit(settings.lang)
    elif fmt is CheckFormat.sarif:
        from ontology.sarif import render_sarif

        rendered = render_sarif(store, report, lang=settings.lang)
    else:
        rendered = _json_text(report.to_json())
    _write(rendered, output)
    raise typer.Exit(0 if report.conforms else 1)


@app.command("view")
def view(
    ctx: typer.Context,
    output: Annotated[
        Path, typer.Option("--output", "-o", help="The HTML file to write; - for stdout.")
    ] = Path("orgkg.html"),
    focus: Annotated[
        str | None, typer.Option("--focus", help="Centre on this entity (IRI or id).")
    ] = None,
    depth: Annotated[int, typer.Option("--depth", min=1, help="Hops around --focus.")] = 2,
    lang: LangOption = None,
) -> None:
    """Write the offline org-graph page (one self-contained HTML file)."""
    from graph import render_html

    settings = _settings(ctx, lang)
    page = render_html(_open_store(settings), lang=settings.lang, focus=focus, depth=depth)
    _write(page, output)
    if str(output) != "-":
        typer.echo(f"orgkg: wrote {output}", err=True)


@app.command("export")
def export(
    ctx: typer.Context,
    fmt: Annotated[
        ExportName, typer.Option("--format", "-f", help="The export format.")
    ] = ExportName.ttl,
    output: OutputOption = None,
) -> None:
    """Export the loaded graph (RDF or graph formats)."""
    from api.exports import export_store

    settings = _settings(ctx, None)
    _write(export_store(_open_store(settings), fmt.value), output)


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
    from api.server import run_server

    settings = _settings(ctx, None).with_(
        host=host, port=port, workers=workers, query_timeout=timeout
    )
    # Load before starting the server: a data error is then exit 2 and one line.
    run_server(settings, store=_open_store(settings))


def main() -> None:
    """Entry point of the ``orgkg`` console script."""
    app(prog_name="orgkg")


# -- helpers of the commands -------------------------------------------------


def _settings(ctx: typer.Context, lang: Lang | None) -> Settings:
    from api.settings import Settings

    settings = ctx.find_object(Settings)
    if settings is None:  # invoked without the group (tests calling a command directly)
        settings = Settings.from_env()
    return settings.with_(lang=lang.value if lang else None)


def _open_store(settings: Settings) -> Store:
    from api.progress import ProgressBar
    from ontology.loader import load_regulation

    bar = ProgressBar()
    try:
        return load_regulation(settings.data, engine=settings.store, on_progress=bar)
    finally:
        bar.close()


def _write(content: bytes | str, target: Path | None = None) -> None:
    from api.output import write_output

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


def _format_answer(answer: Any, fmt: str) -> str:
    if fmt == "json":
        return _json_text(answer.to_json())
    if fmt == "csv":
        return str(answer.to_csv())
    return str(answer.to_table()) + "\n"


def _json_text(value: Any) -> str:
    from api.results import to_json_text

    return to_json_text(value)


if __name__ == "__main__":  # pragma: no cover
    main()
