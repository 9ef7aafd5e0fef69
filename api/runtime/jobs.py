"""What the query workers do, and the one runner every route goes through.

A :class:`Job` names a module-level function ``run(context, **arguments)``
that a worker process calls (see :mod:`api.runtime.pool`), whether it walks
the whole graph (the long time limit) and which answers may be kept (its
cache key). Routes call ``service.run(JOB, **arguments)``: there is no
per-endpoint method in between. Each function returns plain, picklable data
(bytes ready to send), so nothing big or rdflib-shaped crosses the pipe.
Everything that can be slow runs here, the read-only guard's parse included,
so the time limit covers it.
"""

# Heavy libraries are imported where used, so the command line starts fast
# and the workers' jobs pull in only what they need.
# ruff: noqa: PLC0415

from __future__ import annotations

import json
from collections.abc import Callable, Hashable, Mapping
from dataclasses import dataclass, replace
from typing import TYPE_CHECKING, Any, Generic, TypeVar

from ontology.errors import NotAcceptableError
from queries.results import Rendered, media_types_for, render_result, result_kind

if TYPE_CHECKING:
    from ontology.store import Store
    from queries.catalogue import Catalogue

T = TypeVar("T")
CacheKey = Callable[[Mapping[str, Any]], Hashable | None]


@dataclass(frozen=True)
class WorkerContext:
    """What every job may use; inherited by the workers when they are forked."""

    store: Store
    catalogue: Catalogue
    max_rows: int
    max_bytes: int


def never(arguments: Mapping[str, Any]) -> None:
    """The cache key of a job whose answers are never kept."""
    return None


@dataclass(frozen=True)
class Job(Generic[T]):
    """One kind of request: what a worker runs, under which limit, kept under which key."""

    run: Callable[..., T]
    long: bool = False  # walks the whole graph: the long time limit
    cache_key: CacheKey = never  # None: do not keep this answer

    @property
    def name(self) -> str:
        return self.run.__name__


def answer_sparql(
    context: WorkerContext,
    *,
    text: str,
    formats: Mapping[str, str | None],
    accept: str | None,
    offset: int = 0,
    limit: int | None = None,
) -> Rendered:
    """Guard and evaluate one SPARQL query (the ``/sparql`` endpoint).

    ``formats`` is the format each result kind takes, chosen from Accept
    before evaluation by the route; a kind without one is a 406. ``offset``
    and ``limit`` page a SELECT answer (see :func:`queries.run_sparql`).
    """
    from ontology.paging import Page
    from queries import Answer, run_sparql

    result = run_sparql(context.store, text, page=Page(offset=offset, limit=limit))
    kind = result_kind(result)
    fmt = formats.get(kind)
    if fmt is None:
        raise NotAcceptableError(
            f"cannot answer in any type of Accept: {accept}; "
            f"available: {', '.join(media_types_for(kind))}"
        )
    rendered = render_result(result, fmt, max_rows=context.max_rows, max_bytes=context.max_bytes)
    if not isinstance(result, Answer) or result.total is None or rendered.truncated:
        return rendered
    return replace(rendered, total=result.total, offset=offset, rows=len(result.rows))


def answer_question(
    context: WorkerContext,
    *,
    question_id: str,
    params: Mapping[str, str],
    lang: str,
    fmt: str,
    offset: int = 0,
    limit: int | None = None,
) -> Rendered:
    """One answer of the catalogue (``/queries/{id}``), or a page of it, as JSON or CSV.

    Rendered from the engine's values (:mod:`queries.stream`), with the total
    row count so the route can link the next page.
    """
    from ontology.paging import Page
    from queries.stream import Caps, answer_rendered

    return answer_rendered(
        context.store,
        context.catalogue[question_id],
        params,
        lang=lang,
        fmt=fmt,
        page=Page(offset=offset, limit=limit),
        caps=Caps(rows=context.max_rows, bytes=context.max_bytes),
    )


def search_labels(context: WorkerContext, *, q: str, lang: str, fmt: str) -> Rendered:
    """Accent-insensitive label search (``/search``)."""
    from queries import search

    answer = search(context.store, q, lang=lang)
    return render_result(answer, fmt, max_rows=context.max_rows, max_bytes=context.max_bytes)


def describe(context: WorkerContext, *, entity: str, lang: str) -> bytes:
    """One entity as JSON: labels, types, relations, sources (``/entities/{id}``)."""
    from queries import describe_entity

    return json.dumps(describe_entity(context.store, entity, lang=lang), ensure_ascii=False).encode(
        "utf-8"
    )


@dataclass(frozen=True)
class CheckOutcome:
    """The compliance report rendered every way ``/check`` offers: validated once."""

    conforms: bool
    renderings: Mapping[tuple[str, str], Rendered]  # (format, lang) -> rendering

    def rendered(self, *, fmt: str, lang: str) -> Rendered:
        return self.renderings[(fmt, lang)]


def check_compliance(context: WorkerContext) -> CheckOutcome:
    """The compliance report (``/check``) in every format and language."""
    from ontology.languages import LANGUAGES
    from ontology.report import REPORT_FORMATS
    from ontology.validation import check

    report = check(context.store)
    renderings: dict[tuple[str, str], Rendered] = {
        (fmt, lang): Rendered(report.render(fmt, lang), media_type)
        for fmt, media_type in REPORT_FORMATS.items()
        for lang in LANGUAGES
    }
    return CheckOutcome(report.conforms, renderings)


def export(context: WorkerContext, *, fmt: str) -> bytes:
    """The whole graph in one export format (``/export/{format}``)."""
    from graph.dump import export_store

    return export_store(context.store, fmt)


def render_viewer(
    context: WorkerContext, *, lang: str, focus: str | None = None, depth: int = 2
) -> bytes:
    """The self-contained org-graph page (``/``), whole or around ``focus``."""
    from graph import render_html

    page: str = render_html(context.store, lang=lang, focus=focus, depth=depth)
    return page.encode("utf-8")


# -- which answers are kept ---------------------------------------------------


def _question_key(arguments: Mapping[str, Any]) -> Hashable | None:
    # Asked without parameters, an answer depends on nothing else. (A question
    # that needs one raises, and errors are never kept.)
    if arguments["params"]:
        return None
    page = (arguments.get("offset", 0), arguments.get("limit"))
    return (arguments["question_id"], arguments["lang"], arguments["fmt"], page)


def _once(arguments: Mapping[str, Any]) -> Hashable:
    # One validation per store version, whatever the format and language.
    return ()


def _export_key(arguments: Mapping[str, Any]) -> Hashable:
    return (arguments["fmt"],)


def _viewer_key(arguments: Mapping[str, Any]) -> Hashable | None:
    # One page per entity is not worth keeping; the whole graph's is.
    return (arguments["lang"],) if arguments.get("focus") is None else None


ANSWER_SPARQL = Job(answer_sparql)
ANSWER_QUESTION = Job(answer_question, cache_key=_question_key)
SEARCH_LABELS = Job(search_labels)
DESCRIBE = Job(describe)
CHECK_COMPLIANCE = Job(check_compliance, long=True, cache_key=_once)
EXPORT = Job(export, long=True, cache_key=_export_key)
RENDER_VIEWER = Job(render_viewer, long=True, cache_key=_viewer_key)
