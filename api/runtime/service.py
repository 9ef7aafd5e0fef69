"""The running service: the loaded store, the catalogue, the worker pool, the cache.

Built once by the app's lifespan; routes reach it through
:data:`api.http.deps.ServiceDep` and hand it one :class:`~api.runtime.jobs.Job`
with its arguments (:meth:`Service.run`): the job runs in its lane of the
pool, under the long limit if it walks the whole graph, and its answer is
kept when the job gives it a cache key. A client's ad-hoc SPARQL queries pass
a per-client gate first (429 beyond it). Before the service takes traffic,
:meth:`Service.warm` computes every parameter-free answer of the catalogue,
so no first caller pays for one: it is kept prepared (:mod:`queries.prepared`,
each row encoded), so that any page of it, the whole answer included, is cut
here without a worker.
"""

# Heavy libraries are imported where used, so the command line starts fast
# and the workers' jobs pull in only what they need.
# ruff: noqa: PLC0415

from __future__ import annotations

import contextlib
import functools
import logging
from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Any, TypeVar

import anyio

from api.runtime.admission import ClientGate
from api.runtime.cache import ResponseCache
from api.runtime.jobs import (
    ANSWER_QUESTION,
    INTERACTIVE,
    LONG,
    PREPARE_ANSWER,
    SPARQL,
    Job,
    WorkerContext,
    prime,
    question_key,
)
from api.runtime.pool import Lane, WorkerPool
from api.runtime.warm_up import WarmUpSlots
from ontology.errors import OrgkgError

if TYPE_CHECKING:
    from api.runtime.settings import Settings
    from ontology.store import Store
    from queries.catalogue import Catalogue
    from queries.prepared import PreparedAnswer
    from queries.results import Rendered

T = TypeVar("T")
log = logging.getLogger(__name__)

# Ad-hoc SPARQL workers yield the CPU to the catalogue's (higher is nicer): at
# +5 the kernel gives one a third of what a catalogue worker gets. At +10 (a
# tenth) a small query under a 2 s limit timed out while the machine was
# busy with other processes (a soak and the test suite at load average 12).
SPARQL_NICE = 5


@dataclass
class Service:
    """Everything a request may use. Start it after loading, close it at shutdown."""

    settings: Settings
    store: Store
    catalogue: Catalogue
    pool: WorkerPool
    cache: ResponseCache
    gate: ClientGate
    triples: int | None = None
    # Whether the data is dated (ontology.timeline): then answers default to today.
    dated: bool = False
    started: bool = field(default=False, init=False)
    warmed: int = field(default=0, init=False)  # answers the warm-up computed
    # The warm-up's progress, for /health: answers (question, language) to
    # prepare, and how many are done (prepared, kept whole or failed).
    warm_up_total: int = field(default=0, init=False)
    warm_up_done: int = field(default=0, init=False)
    warm_up_running: bool = field(default=False, init=False)
    # Parameter-free SPARQL answers by (question, language), paged here.
    prepared: dict[tuple[str, str], PreparedAnswer] = field(default_factory=dict, init=False)

    def start(self) -> None:
        """Fork the workers (after loading: they share the store copy-on-write)."""
        self.pool.start()
        self.started = True

    def close(self) -> None:
        self.pool.close()
        self.started = False

    async def run(self, job: Job[T], *, client: str | None = None, **arguments: Any) -> T:
        """Run ``job`` in a worker of its lane; keep its answer when the job gives it a key.

        ``client`` (an ad-hoc SPARQL job's caller) is counted against the
        per-client cap: one query past it raises TooManyRequestsError at once.
        """
        if job is ANSWER_QUESTION:
            cut = self._cut_prepared(**arguments)
            if cut is not None:
                return cut  # type: ignore[return-value]
        make = functools.partial(self.pool.run_in, job.lane, job.long, job.run, **arguments)
        # A store whose data can change (a remote endpoint) has nothing worth keeping.
        key = job.cache_key(arguments) if self.store.cacheable else None
        if job.lane == SPARQL and client is not None:
            with self.gate.admit(client):
                return await self._answer(job, key, make)
        return await self._answer(job, key, make)

    async def _answer(self, job: Job[T], key: Any, make: Any) -> T:
        if key is None:
            return await make()  # type: ignore[no-any-return]
        return await self.cache.get_or_make((job.name, key), make)

    def _cut_prepared(
        self,
        *,
        question_id: str,
        params: Any,
        lang: str,
        fmt: str,
        at: str | None = None,
        offset: int = 0,
        limit: int | None = None,
    ) -> Rendered | None:
        """The page of a prepared answer (None: not prepared, or asked with parameters)."""
        from ontology.paging import Page
        from queries.stream import Caps

        prepared = self.prepared.get((question_id, lang))
        if prepared is None or params or at is not None or fmt not in prepared.formats:
            return None
        caps = Caps(rows=self.settings.max_rows, bytes=self.settings.max_bytes)
        return prepared.render(fmt, Page(offset=offset, limit=limit), caps)

    async def warm(self, serving: anyio.Event | None = None) -> int:
        """Compute every parameter-free answer of the catalogue, in each language and format.

        Runs in the catalogue's lane, on all its workers until ``serving`` is
        set, then on all but one (:mod:`api.runtime.warm_up`); each
        answer is evaluated once per language and kept prepared (every page
        is cut from it) while the prepared answers stay within
        ``prepared_memory``; beyond it an answer is kept whole in the cache.
        A question that fails here is logged and left to be answered (and
        fail) on request. Returns how many answers (question, language and
        format) were kept.
        """
        from ontology.languages import LANGUAGES
        from queries.stream import Caps

        if not self.store.cacheable:
            return 0
        free = [q.id for q in self.catalogue.values() if not any(p.required for p in q.parameters)]
        slots = WarmUpSlots(self.pool.lanes[INTERACTIVE].size, serving)

        budget = self.settings.prepared_memory * 2**20

        async def prepare(question_id: str, lang: str) -> None:
            nonlocal budget
            async with slots.slot():
                try:
                    prepared: PreparedAnswer = await self.pool.run_in(
                        PREPARE_ANSWER.lane,
                        True,
                        PREPARE_ANSWER.run,
                        question_id=question_id,
                        lang=lang,
                    )
                except OrgkgError as exc:
                    log.warning("warm-up: %s (%s) not prepared: %s", question_id, lang, exc)
                    return
            if prepared.size <= budget:
                budget -= prepared.size
                self.prepared[(question_id, lang)] = prepared
                self.warmed += len(prepared.formats)
                return
            log.warning(
                "warm-up: %s (%s) kept whole, not prepared: %d bytes over ORGKG_PREPARED_MEMORY",
                question_id,
                lang,
                prepared.size,
            )
            caps = Caps(rows=self.settings.max_rows, bytes=self.settings.max_bytes)
            for fmt in prepared.formats:
                key = (ANSWER_QUESTION.name, question_key(question_id, lang, fmt))
                if self.cache.put(key, prepared.render(fmt, caps=caps)):
                    self.warmed += 1

        async def prepare_one(question_id: str, lang: str) -> None:
            try:
                await prepare(question_id, lang)
            finally:
                self.warm_up_done += 1

        self.warm_up_total = len(free) * len(LANGUAGES)
        self.warm_up_running = True
        try:
            await slots.run(
                [
                    functools.partial(prepare_one, question_id, lang)
                    for question_id in free
                    for lang in LANGUAGES
                ]
            )
        finally:
            self.warm_up_running = False
        return self.warmed


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
        primer=prime,
        lanes={
            SPARQL: Lane(settings.sparql_workers, nice=SPARQL_NICE),
            LONG: Lane(settings.long_workers),
        },
    )
    return Service(
        settings=settings,
        store=store,
        catalogue=catalogue,
        pool=pool,
        cache=ResponseCache(store.version, max_item_bytes=settings.max_bytes),
        gate=ClientGate(per_client=settings.sparql_per_client, retry_after=settings.query_timeout),
        triples=store.count(),
        dated=is_dated(store),
    )


def _preload_job_modules() -> None:
    """Import what the jobs use before the workers fork, so they share it."""
    import importlib

    for name in ("rdflib", "queries", "ontology.validation", "graph"):
        with contextlib.suppress(ImportError):
            importlib.import_module(name)
