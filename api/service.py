"""The running service: the loaded store, the catalogue, the worker pool, the cache.

Built once by the app's lifespan; routes reach it through
:data:`api.deps.ServiceDep` and call one of its methods, each of which runs
a job of :mod:`api.jobs` in the pool (cached when the request has no
parameters).
"""

# Heavy libraries are imported where used, so the command line starts fast
# and the workers' jobs pull in only what they need.
# ruff: noqa: PLC0415

from __future__ import annotations

import contextlib
import functools
from collections.abc import Mapping
from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Any

from api import jobs
from api.cache import ResponseCache
from api.pool import WorkerPool
from api.results import Rendered

if TYPE_CHECKING:
    from api.settings import Lang, Settings
    from ontology.store import Store


@dataclass
class Service:
    """Everything a request may use. Start it after loading, close it at shutdown."""

    settings: Settings
    store: Store
    catalogue: Mapping[str, Any]
    pool: WorkerPool
    cache: ResponseCache
    triples: int | None = None
    viewer_available: bool = False
    # Whether the data is dated (ontology.timeline): then answers default to today.
    dated: bool = False
    started: bool = field(default=False, init=False)

    def start(self) -> None:
        """Fork the workers (after loading: they share the store copy-on-write)."""
        self.pool.start()
        self.started = True

    def close(self) -> None:
        self.pool.close()
        self.started = False

    # -- answers -------------------------------------------------------------

    # ``at``: the ISO day to answer for (None: the store as it is); see api.deps.AsOf.

    async def answer_sparql(
        self, *, text: str, accept: str | None, fmt: str | None, at: str | None = None
    ) -> Rendered:
        return await self.pool.run(jobs.answer_sparql, text=text, accept=accept, fmt=fmt, at=at)

    async def answer_question(
        self,
        *,
        question_id: str,
        params: Mapping[str, str],
        lang: Lang,
        fmt: str,
        at: str | None = None,
    ) -> Rendered:
        jobs.find_question(self.catalogue, question_id)  # 404 without a worker
        # Asked without parameters, an answer depends on nothing else: keep it.
        # (A question that needs one raises, and errors are never kept.)
        if params:
            return await self._answer_question(question_id, params, lang, fmt, at)
        return await self.cache.get_or_make(
            ("question", question_id, lang, fmt, at),
            functools.partial(self._answer_question, question_id, params, lang, fmt, at),
        )

    async def _answer_question(
        self, question_id: str, params: Mapping[str, str], lang: Lang, fmt: str, at: str | None
    ) -> Rendered:
        return await self.pool.run(
            jobs.answer_question,
            question_id=question_id,
            params=dict(params),
            lang=lang,
            fmt=fmt,
            at=at,
        )

    async def search(self, *, q: str, lang: Lang, fmt: str, at: str | None = None) -> Rendered:
        return await self.pool.run(jobs.search_labels, q=q, lang=lang, fmt=fmt, at=at)

    async def describe(self, *, entity: str, lang: Lang, at: str | None = None) -> bytes:
        return await self.pool.run(jobs.describe, entity=entity, lang=lang, at=at)

    async def check(self, *, lang: Lang, fmt: str, at: str | None = None) -> tuple[bool, Rendered]:
        # One validation per store version and day, whatever the format and language.
        outcome = await self.cache.get_or_make(
            ("check", at), functools.partial(self.pool.run_long, jobs.check_compliance, at=at)
        )
        return outcome.conforms, outcome.rendered(fmt=fmt, lang=lang)

    async def export(self, *, fmt: str) -> bytes:
        return await self.cache.get_or_make(
            ("export", fmt), functools.partial(self.pool.run_long, jobs.export, fmt=fmt)
        )

    async def viewer(
        self, *, lang: Lang, focus: str | None = None, depth: int = 2, at: str | None = None
    ) -> bytes:
        if focus is not None:  # one page per entity: not worth keeping
            return await self.pool.run_long(
                jobs.render_viewer, lang=lang, focus=focus, depth=depth, at=at
            )
        return await self.cache.get_or_make(
            ("viewer", lang, at),
            functools.partial(self.pool.run_long, jobs.render_viewer, lang=lang, at=at),
        )


def open_service(settings: Settings, *, store: Store | None = None) -> Service:
    """Load the store (unless given) and the catalogue; the pool is not started yet."""
    from ontology.loader import load_regulation
    from ontology.timeline import is_dated
    from queries import load_catalogue

    viewer_available = _preload_job_modules()
    if store is None:
        store = load_regulation(settings.data, engine=settings.store)
    catalogue = load_catalogue()
    context = jobs.WorkerContext(
        store=store, catalogue=catalogue, max_rows=settings.max_rows, max_bytes=settings.max_bytes
    )
    pool = WorkerPool(
        context,
        size=settings.workers,
        timeout=settings.query_timeout,
        long_timeout=settings.long_timeout,
        memory_budget=settings.worker_memory * 2**20,
        # A remote endpoint is reached over the network; a local store needs none.
        isolate=store.engine != "sparql",
    )
    return Service(
        settings=settings,
        store=store,
        catalogue=catalogue,
        pool=pool,
        cache=ResponseCache(store.version, max_item_bytes=settings.max_bytes),
        triples=len(store) if store.engine != "sparql" else None,
        viewer_available=viewer_available,
        dated=is_dated(store),
    )


def _preload_job_modules() -> bool:
    """Import what the jobs use before the workers fork, so they share it.

    Returns whether the viewer (``graph.render_html``) is there yet.
    """
    import importlib

    for name in ("rdflib", "queries", "ontology.validation", "api.exports"):
        with contextlib.suppress(ImportError):
            importlib.import_module(name)
    try:
        from graph import render_html  # noqa: F401
    except ImportError:
        return False
    return True
