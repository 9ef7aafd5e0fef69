"""The ``orgkg`` command line: a thin surface over the same functions as the API.

Exit codes: 0 ok; 1 ``check`` found violations; 2 orgkg could not do what was
asked (bad option, id, parameter or data). An orgkg error prints one line,
``orgkg: <message>``, on stderr and no traceback.

Heavy libraries (rdflib, pyshacl, networkx, fastapi) are imported inside the
commands so that ``orgkg --help`` starts at once.

The commands live in one module per group (querying, checking, viewing,
exporting, loading, serving, diffing, scaffolding, importing) and share
:mod:`api.cli.options`; this module only wires them into the app, in the
order ``orgkg --help`` lists them.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

import typer
from typer.core import TyperGroup

from api.cli.checking import check
from api.cli.diffing import diff
from api.cli.exporting import export
from api.cli.importing import import_organogram_command
from api.cli.loading import load
from api.cli.options import configure
from api.cli.querying import answer_query, ask_command, list_queries, run_sparql_command
from api.cli.scaffolding import draft, init
from api.cli.serving import serve
from api.cli.viewing import view

if TYPE_CHECKING:
    from typer._click import Context as ClickContext


class OrgkgGroup(TyperGroup):
    """Turns every OrgkgError into one line on stderr and its exit code."""

    def invoke(self, ctx: ClickContext) -> Any:
        # Imported here, not at the top: `ontology` pulls in rdflib, and
        # `orgkg --help` never gets this far.
        from ontology.errors import OrgkgError  # noqa: PLC0415

        try:
            return super().invoke(ctx)
        except OrgkgError as exc:
            typer.echo(f"orgkg: {exc}", err=True)
            ctx.exit(exc.exit_code)


app = typer.Typer(
    cls=OrgkgGroup,
    name="orgkg",
    help="Query, view and check the knowledge graph of a regulation.",
    no_args_is_help=True,
    add_completion=False,
    pretty_exceptions_enable=False,
    rich_markup_mode=None,
)

app.callback()(configure)
app.command("queries")(list_queries)
app.command("query")(answer_query)
app.command("ask")(ask_command)
app.command("sparql")(run_sparql_command)
app.command("check")(check)
app.command("view")(view)
app.command("export")(export)
app.command("load")(load)
app.command("serve")(serve)
app.command("diff")(diff)
app.command("init")(init)
app.command("draft")(draft)

import_app = typer.Typer(
    cls=OrgkgGroup, help="Import data published in other formats.", no_args_is_help=True
)
app.add_typer(import_app, name="import")

import_app.command("organogram")(import_organogram_command)


def main() -> None:
    """Entry point of the ``orgkg`` console script."""
    app(prog_name="orgkg")
