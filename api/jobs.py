"""What the query workers do: one function per kind of request.

Each job runs inside a worker process (see :mod:`api.pool`), is called as
``job(context, **arguments)`` and returns plain, picklable data (bytes ready
to send), so nothing big or rdflib-shaped crosses the pipe. Everything that
can be slow runs here, the read-only guard's parse included, so the time
limit covers it.
"""

# Heavy libraries are imported where used, so the command line starts fast
# and the workers' jobs pull in only what they need.
# ruff: noqa: PLC0415

from __future__ import annotations

import json
from collections.abc import Mapping
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any

from api.negotiation import choose, require
from api.results import Rendered, media_types_for, render_result, result_kind
from ontology.errors import UnknownQuestion

if TYPE_CHECKING:
    from api.settings import Lang
    from ontology.store import Store

_KINDS = ("solutions", "boolean", "graph")


@dataclass(frozen=True)
class WorkerContext:
    """What every job may use; inherited by the workers when they are forked."""

    store: Store
    catalogue: Mapping[str, Any]
    max_rows: int
    max_bytes: int


def answer_sparql(
    context: WorkerContext, *, text: str, accept: str | None, fmt: str | None
) -> Rendered:
    """Negotiate, then guard and evaluate one SPARQL query (the ``/sparql`` endpoint).

    The format of each result kind is chosen from Accept before evaluation,
    so an Accept that fits no kind costs no evaluation (406). The query is
    parsed once, by the guard inside :func:`queries.run_sparql`.
    """
    from queries import run_sparql

    chosen = {kind: fmt for kind in _KINDS} if fmt else _formats_by_kind(accept)
    result = run_sparql(context.store, text)
    kind = result_kind(result)
    return render_result(
        result,
        chosen[kind] or pick_format(kind, accept),  # None here: pick_format raises 406
        max_rows=context.max_rows,
        max_bytes=context.max_bytes,
    )


def _formats_by_kind(accept: str | None) -> dict[str, str | None]:
    """The format each result kind would take under ``accept``; 406 if none fits."""
    chosen: dict[str, str | None] = {}
    every: list[str] = []
    for kind in _KINDS:
        offered = media_types_for(kind)
        media = choose(list(offered), accept)
        chosen[kind] = offered[media] if media else None
        every.extend(m for m in offered if m not in every)
    if not any(chosen.values()):
        require(every, accept)  # raises NotAcceptableError listing what exists
    return chosen


def answer_question(
    context: WorkerContext,
    *,
    question_id: str,
    params: Mapping[str, str],
    lang: str,
    fmt: str,
) -> Rendered:
    """One answer of the catalogue (``/queries/{id}``), as SPARQL JSON or CSV."""
    from queries import run_query

    question = find_question(context.catalogue, question_id)
    answer = run_query(context.store, question, params, lang=lang)
    return render_result(answer, fmt, max_rows=context.max_rows, max_bytes=context.max_bytes)


def search_labels(context: WorkerContext, *, q: str, lang: str, fmt: str) -> Rendered:
    """Accent-insensitive label search (``/search``)."""
    from queries import search

    answer = search(context.store, q, lang=lang)
    return render_result(answer, fmt, max_rows=context.max_rows, max_bytes=context.max_bytes)


def describe(context: WorkerContext, *, entity: str, lang: str) -> bytes:
    """One entity as JSON: labels, types, relations, sources (``/entities/{id}``)."""
    from queries import describe_entity

    return _json_bytes(describe_entity(context.store, entity, lang=lang))


@dataclass(frozen=True)
class CheckOutcome:
    """The compliance report rendered every way ``/check`` offers: validated once."""

    conforms: bool
    renderings: Mapping[tuple[str, str], Rendered]  # (format, lang) -> rendering

    def rendered(self, *, fmt: str, lang: str) -> Rendered:
        return self.renderings[(fmt, lang)]


def check_compliance(context: WorkerContext) -> CheckOutcome:
    """The compliance report (``/check``) in every format and language."""
    from ontology.sarif import render_sarif
    from ontology.validation import check

    report = check(context.store)
    as_json = Rendered(_json_bytes(report.to_json()), "application/json")
    renderings: dict[tuple[str, str], Rendered] = {}
    langs: tuple[Lang, ...] = ("vi", "en")
    for lang in langs:
        renderings["json", lang] = as_json
        renderings["junit", lang] = Rendered(_text_bytes(report.to_junit(lang)), "application/xml")
        renderings["text", lang] = Rendered(
            _text_bytes(report.to_text(lang)), "text/plain; charset=utf-8"
        )
        renderings["sarif", lang] = Rendered(
            _text_bytes(render_sarif(context.store, report, lang=lang)), "application/sarif+json"
        )
    return CheckOutcome(report.conforms, renderings)


def export(context: WorkerContext, *, fmt: str) -> bytes:
    """The whole graph in one export format (``/export/{format}``)."""
    from api.exports import export_store

    return export_store(context.store, fmt)


def render_viewer(
    context: WorkerContext, *, lang: str, focus: str | None = None, depth: int = 2
) -> bytes:
    """The self-contained org-graph page (``/``), whole or around ``focus``."""
    from graph import render_html

    page: str = render_html(context.store, lang=lang, focus=focus, depth=depth)
    return page.encode("utf-8")


# -- shared by the jobs and the routes ----------------------------------------


def find_question(catalogue: Mapping[str, Any], question_id: str) -> Any:
    """The question ``question_id`` of ``catalogue``, or UnknownQuestion (404)."""
    try:
        return catalogue[question_id]
    except KeyError:
        raise UnknownQuestion(f"unknown question {question_id!r}; see /queries") from None


def pick_format(kind: str, accept: str | None) -> str:
    """The result format for a result ``kind`` the Accept header allows, or 406."""
    offered = media_types_for(kind)
    return offered[require(list(offered), accept)]


def _json_bytes(value: Any) -> bytes:
    if isinstance(value, bytes):
        return value
    if isinstance(value, str):
        return value.encode("utf-8")
    return json.dumps(value, ensure_ascii=False).encode("utf-8")


def _text_bytes(value: str | bytes) -> bytes:
    return value if isinstance(value, bytes) else value.encode("utf-8")
