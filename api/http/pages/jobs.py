"""The pages that read the store, rendered inside a query worker (see :mod:`api.runtime.jobs`).

Each job is called as ``job(context, **arguments)`` and returns a
:class:`Page` (status and HTML bytes) or bytes, so only plain data crosses
the pipe and the time limit covers the queries and the rendering.
A wrong parameter is shown on the page beside the form (status 400), not
as a bare error: the reader can correct it there.
"""

# Heavy libraries are imported where used, as in api.runtime.jobs.
# ruff: noqa: PLC0415

from __future__ import annotations

import json
from collections.abc import Hashable, Mapping
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any
from urllib.parse import urlencode

from api.http.pages.renderer import entity_href, render_page
from api.runtime.jobs import LONG, Job
from ontology.errors import ParameterError

if TYPE_CHECKING:
    from api.runtime.jobs import WorkerContext
    from ontology.store import Store
    from queries import Answer, Question

# Sentence id -> text, per store (a worker serves one store all its life).
_QUOTES: dict[int, dict[str, str]] = {}


@dataclass(frozen=True)
class Page:
    status: int
    body: bytes


def question_page(
    context: WorkerContext, *, question_id: str, params: Mapping[str, str], lang: str
) -> Page:
    """``/queries/{id}`` for people: the form, the answer as a table, how it was answered."""
    from queries import run_query
    from queries.presentation import present

    question = context.catalogue[question_id]
    missing = [p.name for p in question.parameters if p.required and not params.get(p.name)]
    answer: Answer | None = None
    error: str | None = None
    status = 200
    if not (missing and not params):
        try:
            answer = run_query(context.store, question, params, lang=lang)
        except ParameterError as exc:
            error, status = exc.message, exc.http_status
    presented = present(_capped(answer, context.max_rows), lang) if answer is not None else None
    query = {k: v for k, v in params.items() if v}
    page = render_page(
        "question.html",
        lang=lang,
        path=f"/queries/{question.id}",
        query={**query, "lang": lang},
        question=question,
        values=params,
        answer=presented,
        total=len(answer) if answer is not None else 0,
        truncated=answer is not None and len(answer) > context.max_rows,
        error=error,
        quotes=_quotes_for(context.store, presented),
        method=_method(context.store, question, params, lang),
        downloads={
            fmt: f"/queries/{question.id}?" + urlencode({**query, "lang": lang, "format": fmt})
            for fmt in ("csv", "json", "xlsx")
        },
        permalink=f"/queries/{question.id}?" + urlencode({**query, "lang": lang}),
    )
    return Page(status, page.encode("utf-8"))


def question_workbook(
    context: WorkerContext, *, question_id: str, params: Mapping[str, str], lang: str
) -> bytes:
    """One answer as an ``.xlsx`` workbook: human column names, codes in words, IRIs kept."""
    from queries import run_query
    from queries.presentation import present
    from queries.workbook import table_workbook

    question = context.catalogue[question_id]
    answer = run_query(context.store, question, params, lang=lang)
    presented = present(_capped(answer, context.max_rows), lang)
    headers: list[str] = []
    for column in presented.columns:
        headers.append(column.title)
        if column.kind == "entity":
            headers.append(f"{column.title} (IRI)")
    rows: list[list[str | int | float | None]] = []
    for row in presented.rows:
        cells: list[str | int | float | None] = []
        for column, cell in zip(presented.columns, row, strict=True):
            cells.append(_number(cell.text) if column.kind == "number" else cell.text)
            if column.kind == "entity":
                cells.append(cell.iri)
        rows.append(cells)
    return table_workbook(question.id, headers, rows)


def entity_page(context: WorkerContext, *, entity: str, lang: str) -> Page:
    """``/entities/{id}`` for people: labels, types, relations both ways, quotes, neighbours."""
    from api.http.pages.neighbourhood import draw_neighbourhood
    from queries import describe_entity

    card = describe_entity(context.store, entity, lang=lang)
    page = render_page(
        "entity.html",
        lang=lang,
        path=entity_href(card["iri"]),
        query={"lang": lang},
        card=card,
        memberships=[r for r in card["out"] if _local(r["predicate"]) in _MEMBERSHIP],
        neighbourhood=draw_neighbourhood(card),
    )
    return Page(200, page.encode("utf-8"))


def check_page(context: WorkerContext, *, report: bytes, lang: str) -> Page:
    """``/check`` for people: each result with its message, entity and protected sentence."""
    document = json.loads(report)
    ids = {source for result in document.get("results", []) for source in result.get("sources", [])}
    quotes = _all_quotes(context.store)
    page = render_page(
        "check.html",
        lang=lang,
        path="/check",
        query={"lang": lang},
        report=document,
        quotes={source: quotes.get(source, "") for source in ids},
    )
    return Page(200, page.encode("utf-8"))


def outline_page(context: WorkerContext, *, lang: str, unit: str | None = None) -> Page:
    """``/outline``: the org chart as a nested list (the graph's text alternative)."""
    from api.http.pages.outline import build_outline

    page = render_page(
        "outline.html",
        lang=lang,
        path="/outline",
        query={"lang": lang, **({"unit": unit} if unit else {})},
        roots=build_outline(context.store, lang, only=unit),
        unit=unit,
    )
    return Page(200, page.encode("utf-8"))


# -- helpers --------------------------------------------------------------------

# Relations that say where an entity sits: posts held, units it is a member of.
_MEMBERSHIP = frozenset({"holds", "sitsIn", "memberOf", "postIn", "headOf", "unitOf"})


def _local(iri: str) -> str:
    return iri.rsplit("#", 1)[-1].rsplit("/", 1)[-1]


def _capped(answer: Answer | None, limit: int) -> Any:
    from queries import Answer

    if answer is None or len(answer) <= limit:
        return answer
    return Answer(answer.variables, answer.rows[:limit], answer.question, answer.lang)


def _number(text: str) -> int | float | str:
    try:
        return int(text)
    except ValueError:
        try:
            return float(text)
        except ValueError:
            return text


def _method(
    store: Store, question: Question, params: Mapping[str, str], lang: str
) -> dict[str, str]:
    """What answered the question: its SPARQL as it ran, or the networkx function."""
    from rdflib import Literal

    from queries import bind_parameters
    from queries.editable import editable_sparql

    if question.kind == "graph":
        function = question.answer
        name = getattr(function, "__qualname__", question.id)
        module = getattr(function, "__module__", "")
        doc = (getattr(function, "__doc__", "") or "").strip().split("\n")[0]
        return {"kind": "graph", "name": f"{module}.{name}", "doc": doc}
    try:
        bindings = dict(bind_parameters(store, question, params))
    except ParameterError:
        bindings = {}
    if "lang" in question.variables:
        bindings["lang"] = Literal(lang)
    text = editable_sparql(question.text, bindings)
    return {"kind": "sparql", "text": text, "editor": "/sparql?" + urlencode({"edit": text})}


def _quotes_for(store: Store, presented: Any) -> dict[str, str]:
    if presented is None:
        return {}
    quotes = _all_quotes(store)
    ids = {source for row in presented.rows for cell in row for source in cell.sources}
    return {source: quotes[source] for source in ids if source in quotes}


def _all_quotes(store: Store) -> dict[str, str]:
    from ontology.sparql import read_sparql

    key = id(store)
    if key not in _QUOTES:
        table = store.select(read_sparql("source-quotes"))
        _QUOTES[key] = {str(row[0]): str(row[1]) for row in table.rows}
    return _QUOTES[key]


# -- the jobs the routes hand to Service.run ------------------------------------


def _page_key(arguments: Mapping[str, Any]) -> Hashable | None:
    # A page asked without parameters depends on nothing else; with them it is not kept.
    if arguments.get("params") or arguments.get("unit"):
        return None
    return (arguments.get("question_id"), arguments["lang"])


QUESTION_PAGE = Job(question_page, cache_key=_page_key)
QUESTION_WORKBOOK = Job(question_workbook)
ENTITY_PAGE = Job(entity_page)
CHECK_PAGE = Job(check_page, cache_key=lambda arguments: (arguments["lang"],))
OUTLINE_PAGE = Job(outline_page, long=True, cache_key=_page_key, lane=LONG)
