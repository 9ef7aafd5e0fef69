"""The question commands: ``queries``, ``query``, ``ask`` and ``sparql``."""

# Heavy libraries are imported inside the commands (see api.cli.commands).
# ruff: noqa: PLC0415

from __future__ import annotations

from pathlib import Path
from typing import Annotated, Any

import typer

from api.cli.options import (
    AskFormat,
    LangOption,
    LimitOption,
    OffsetOption,
    OutputOption,
    QueryFormat,
    SparqlChoice,
    _open_store,
    _settings,
    _write,
)


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


def _note_page(offset: int, rows: int | None, total: int | None) -> None:
    """Say on stderr which rows a page showed, when the answer has more."""
    if rows is None or total is None or (offset == 0 and rows >= total):
        return
    first, last = (offset + 1, offset + rows) if rows else (offset, offset)
    following = f"; next: --offset {offset + rows}" if offset + rows < total else ""
    typer.echo(f"orgkg: rows {first}-{last} of {total}{following}", err=True)


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
