"""What the query workers do, and the one runner every route goes through.

A :class:`Job` names a module-level function ``run(context, **arguments)``
that a worker process calls (see :mod:`api.runtime.pool`), the lane of
workers it runs in, whether it walks the whole graph (the long time limit)
and which answers may be kept (its cache key). Routes call
``service.run(JOB, **arguments)``: there is no per-endpoint method in
between. Each function returns plain, picklable data (bytes ready to send),
so nothing big or rdflib-shaped crosses the pipe.
Everything that can be slow runs here, the read-only guard's parse included,
so the time limit covers it.
"""

# Heavy libraries are imported where used, so the command line starts fast
# and the workers' jobs pull in only what they need.
# ruff: noqa: PLC0415

from __future__ import annotations

import json
from collections.abc import Callable, Hashable, Mapping
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any, Generic, TypeVar

from queries.results import Rendered, render_result

if TYPE_CHECKING:
    from graph.dump import ExportOptions
    from ontology.store import Store
    from queries.catalogue import Catalogue
    from queries.prepared import PreparedAnswer

T = TypeVar("T")
CacheKey = Callable[[Mapping[str, Any]], Hashable | None]


@dataclass(frozen=True)
class WorkerContext:
    """What every job may use; inherited by the workers when they are forked."""

    store: Store
    catalogue: Catalogue
    max_rows: int
    max_bytes: int

    def store_at(self, at: str | None) -> Store:
        """The store as of the ISO day ``at`` (built once per worker and day), or as it is."""
        if at is None:
            return self.store
        from ontology.dating import parse_at
        from ontology.timeline import at as as_of_day

        return as_of_day(self.store, parse_at(at))


def prime(context: WorkerContext) -> None:
    """Build what the networkx questions and search share, once per store version, in the zygote.

    Every worker forked afterwards inherits the reporting projection (and
    the store's memo it lives in) copy-on-write, so its first
    ``chain-of-command`` reads a built graph. A remote store keeps nothing
    (its data may change): nothing to build.
    """
    from queries.analysis import reporting_of
    from queries.label_index import prepare_index

    if context.store.cacheable:
        reporting_of(context.store)
        prepare_index(context.store)  # every worker's searches read the same label index


def never(arguments: Mapping[str, Any]) -> None:
    """The cache key of a job whose answers are never kept."""
    return None


INTERACTIVE = "default"  # the catalogue, entities, search: cheap, never behind SPARQL
SPARQL = "sparql"  # ad-hoc queries: anything goes, capped per client
LONG = "long"  # whole-graph walks: check, exports, the viewer page


@dataclass(frozen=True)
class Job(Generic[T]):
    """One kind of request: what a worker runs, in which lane, under which limit, kept how."""

    run: Callable[..., T]
    long: bool = False  # walks the whole graph: the long time limit
    cache_key: CacheKey = never  # None: do not keep this answer
    lane: str = INTERACTIVE

    @property
    def name(self) -> str:
        return self.run.__name__


def answer_sparql(
    context: WorkerContext,
    *,
    text: str,
    formats: Mapping[str, str | None],
    accept: str | None,
    at: str | None = None,
    offset: int = 0,
    limit: int | None = None,
) -> Rendered:
    """Guard, evaluate and render one SPARQL query (the ``/sparql`` endpoint).

    ``formats`` is the format each result kind takes, chosen from Accept
    before evaluation by the route; a kind without one is a 406. ``offset``
    and ``limit`` page a SELECT answer (see :func:`queries.run_sparql`).
    """
    from ontology.paging import Page
    from queries.sparql import answer_sparql as answer

    return answer(
        context.store_at(at),
        text,
        formats,
        accept=accept,
        max_rows=context.max_rows,
        max_bytes=context.max_bytes,
        page=Page(offset=offset, limit=limit),
    )


def answer_question(
    context: WorkerContext,
    *,
    question_id: str,
    params: Mapping[str, str],
    lang: str,
    fmt: str,
    at: str | None = None,
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
        context.store_at(at),
        context.catalogue[question_id],
        params,
        lang=lang,
        fmt=fmt,
        page=Page(offset=offset, limit=limit),
        caps=Caps(rows=context.max_rows, bytes=context.max_bytes),
    )


def prepare_answer(context: WorkerContext, *, question_id: str, lang: str) -> PreparedAnswer:
    """A parameter-free answer encoded row by row, for the service to page (warm-up)."""
    from queries.prepared import prepare_answer as prepare

    return prepare(context.store, context.catalogue[question_id], lang=lang)


def search_labels(
    context: WorkerContext, *, q: str, lang: str, fmt: str, at: str | None = None
) -> Rendered:
    """Accent-insensitive label search (``/search``)."""
    from queries import search

    answer = search(context.store_at(at), q, lang=lang)
    return render_result(answer, fmt, max_rows=context.max_rows, max_bytes=context.max_bytes)


def describe(context: WorkerContext, *, entity: str, lang: str, at: str | None = None) -> bytes:
    """One entity as JSON: labels, types, relations, sources (``/entities/{id}``)."""
    from queries import describe_entity

    described = describe_entity(context.store_at(at), entity, lang=lang)
    return json.dumps(described, ensure_ascii=False).encode("utf-8")


@dataclass(frozen=True)
class CheckOutcome:
    """The compliance report rendered every way ``/check`` offers: validated once."""

    conforms: bool
    renderings: Mapping[tuple[str, str], Rendered]  # (format, lang) -> rendering

    def rendered(self, *, fmt: str, lang: str) -> Rendered:
        return self.renderings[(fmt, lang)]


def check_compliance(context: WorkerContext, *, at: str | None = None) -> CheckOutcome:
    """The compliance report (``/check``) in every format and language.

    The profile is chosen by the data, as ``orgkg check`` does by default;
    the source texts are found beside the loaded files.
    """
    from ontology.formats import REPORT_FORMATS
    from ontology.languages import LANGUAGES
    from ontology.profiles import check_with_profile

    store = context.store_at(at)
    report = check_with_profile(store, context.store.sources)
    renderings: dict[tuple[str, str], Rendered] = {
        (fmt, lang): Rendered(report.render(fmt, lang, store=store), media_type)
        for fmt, media_type in REPORT_FORMATS.items()
        for lang in LANGUAGES
    }
    return CheckOutcome(report.conforms, renderings)


def export(context: WorkerContext, *, fmt: str, options: ExportOptions) -> bytes:
    """The whole graph in one export format (``/export/{format}``)."""
    from queries.exports import export as export_model

    return export_model(context.store, fmt, options)


def describe_service(context: WorkerContext, *, endpoint: str, fmt: str) -> Rendered:
    """The SPARQL 1.1 Service Description of ``endpoint`` (``GET /sparql`` without a query)."""
    from queries.description import service_description

    return render_result(service_description(context.store, endpoint), fmt)


def describe_dataset(context: WorkerContext, *, base: str, fmt: str) -> Rendered:
    """The VoID description of the dataset (``GET /.well-known/void``)."""
    from queries.description import void_description

    return render_result(void_description(context.store, base), fmt)


def render_viewer(
    context: WorkerContext,
    *,
    lang: str,
    focus: str | None = None,
    depth: int = 2,
    at: str | None = None,
) -> bytes:
    """The self-contained org-graph page (``/``), whole or around ``focus``, as of ``at``."""
    from graph import render_html
    from ontology.timeline import timeline_days

    page: str = render_html(
        context.store_at(at),
        lang=lang,
        focus=focus,
        depth=depth,
        as_of=at,
        timeline=timeline_days(context.store) if at else (),
    )
    return page.encode("utf-8")


# -- which answers are kept ---------------------------------------------------


def _question_key(arguments: Mapping[str, Any]) -> Hashable | None:
    # Asked without parameters, an answer depends on nothing else. (A question
    # that needs one raises, and errors are never kept.)
    if arguments["params"]:
        return None
    page = (arguments.get("offset", 0), arguments.get("limit"))
    return question_key(
        arguments["question_id"], arguments["lang"], arguments["fmt"], arguments.get("at"), page
    )


def question_key(
    question_id: str,
    lang: str,
    fmt: str,
    at: str | None = None,
    page: tuple[int, int | None] = (0, None),
) -> Hashable:
    """The cache key of a parameter-free answer (the warm-up fills the whole-answer keys)."""
    return (question_id, lang, fmt, at, page)


def _per_day(arguments: Mapping[str, Any]) -> Hashable:
    # One validation per store version and day, whatever the format and language.
    return (arguments.get("at"),)


def _export_key(arguments: Mapping[str, Any]) -> Hashable:
    return (arguments["fmt"], arguments["options"])


def _viewer_key(arguments: Mapping[str, Any]) -> Hashable | None:
    # One page per entity is not worth keeping; the whole graph's is.
    if arguments.get("focus") is not None:
        return None
    return (arguments["lang"], arguments.get("at"))


def _description_key(arguments: Mapping[str, Any]) -> Hashable:
    return tuple(sorted(arguments.items()))


ANSWER_SPARQL = Job(answer_sparql, lane=SPARQL)
DESCRIBE_SERVICE = Job(describe_service, cache_key=_description_key)
DESCRIBE_DATASET = Job(describe_dataset, long=True, cache_key=_description_key, lane=LONG)
ANSWER_QUESTION = Job(answer_question, cache_key=_question_key)
PREPARE_ANSWER = Job(prepare_answer, long=True)
SEARCH_LABELS = Job(search_labels)
DESCRIBE = Job(describe)
CHECK_COMPLIANCE = Job(check_compliance, long=True, cache_key=_per_day, lane=LONG)
EXPORT = Job(export, long=True, cache_key=_export_key, lane=LONG)
RENDER_VIEWER = Job(render_viewer, long=True, cache_key=_viewer_key, lane=LONG)
