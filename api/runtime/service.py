"""The running service: the loaded store, the catalogue, the worker pool, the cache.

Built once by the app's lifespan; routes reach it through
:data:`api.http.deps.ServiceDep` and hand it one :class:`~api.runtime.jobs.Job`
with its arguments (:meth:`Service.run`): the job runs in the pool, under the
long limit if it walks the whole graph, and its answer is kept when the job
gives it a cache key.
"""

# Heavy libraries are imported where used, so the command line starts fast
# and the workers' jobs pull in only what they need.
# ruff: noqa: PLC0415

from __future__ import annotations

import contextlib
import functools
from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Any, TypeVar

from api.runtime.cache import ResponseCache
from api.runtime.jobs import Job, WorkerContext
from api.runtime.pool import WorkerPool

if TYPE_CHECKING:
    from api.runtime.settings import Settings
    from ontology.store import Store
    from queries.catalogue import Catalogue

T = TypeVar("T")


@dataclass
class Service:
    """Everything a request may use. Start it after loading, close it at shutdown."""

    settings: Settings
    store: Store
    catalogue: Catalogue
    pool: WorkerPool
    cache: ResponseCache
    triples: int | None = None
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

    async def run(self, job: Job[T], **arguments: Any) -> T:
        """Run ``job`` in a worker; keep its answer when the job gives it a cache key."""
        runner = self.pool.run_long if job.long else self.pool.run
        make = functools.partial(runner, job.run, **arguments)
        # A store whose data can change (a remote endpoint) has nothing worth keeping.
        key = job.cache_key(arguments) if self.store.cacheable else None
        if key is None:
            return await make()
        return await self.cache.get_or_make((job.name, key), make)


def open_service(settings: Settings, *, store: Store | None = None) -> Service:
    """Load the store (unless given) and the catalogue; the pool is not started yet."""
    from ontology.loader import load_regulation
    from ontology.timeline import is_dated
    from queries import load_catalogue

    _preload_job_modules()
    if store is None:
        store = load_regulation(settings.data, engine=settings.store)
    catalogue = load_catalogue()
    context = WorkerContext(
        store=store, catalogue=catalogue, max_rows=settings.max_rows, max_bytes=settings.max_bytes
    )
    pool = WorkerPool(
        context,
        size=settings.workers,
        timeout=settings.query_timeout,
        long_timeout=settings.long_timeout,
        memory_budget=settings.worker_memory * 2**20,
        isolate=not store.needs_network,
    )
    return Service(
        settings=settings,
        store=store,
        catalogue=catalogue,
        pool=pool,
        cache=ResponseCache(store.version, max_item_bytes=settings.max_bytes),
        triples=store.count(),
        dated=is_dated(store),
    )


def _preload_job_modules() -> None:
    """Import what the jobs use before the workers fork, so they share it."""
    import importlib

    for name in ("rdflib", "queries", "ontology.validation", "graph"):
        with contextlib.suppress(ImportError):
            importlib.import_module(name)
