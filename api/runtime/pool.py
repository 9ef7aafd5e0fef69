"""A pool of forked worker processes that run queries under a time limit.

Nothing inside a process stops a runaway query (rdflib and Oxigraph both keep
burning CPU after a thread's timeout), so each query runs in a worker process
that is *killed* when its time is up, and replaced.

Process tree::

    orgkg serve (event loop, threads)
    └── zygote        forked once, right after the store is loaded
        ├── worker    forked from the zygote, one query at a time
        └── worker

Workers are forked from the zygote, not from the server, because the server
has threads by then: a fork taken while another thread holds a lock (in the
store, in logging) hands the child a lock nobody will release. The zygote is
single-threaded and never queries, so every fork from it is clean, and every
worker shares the loaded store with it copy-on-write.

The zygote passes each new worker's end of a socket pair back to the server
(SCM_RIGHTS). Workers and zygote die with their parent (PR_SET_PDEATHSIG) and
exit when their pipe closes. Their own loops are in :mod:`api.runtime.zygote`.

Workers are grouped in *lanes*, each with its own idle queue: a job waits
only for a worker of its own lane, so a lane full of runaway ad-hoc queries
never holds up the catalogue's. A lane may run its workers at a lower CPU
priority (``nice``), so the cheap lanes also win the cores.
"""

from __future__ import annotations

import contextlib
import logging
import math
import multiprocessing
import os
import signal
import threading
from collections.abc import Callable, Mapping
from dataclasses import dataclass
from multiprocessing import reduction
from multiprocessing.connection import Connection
from typing import TYPE_CHECKING, Any, Concatenate, ParamSpec, TypeVar

import anyio

from api.runtime.wire import receive_message, send_message
from api.runtime.zygote import _PRIME, _SPAWN, _zygote_main
from ontology.errors import (
    QueryOutOfMemory,
    QueryTimeout,
    ServiceBusyError,
    StoreError,
    WorkerCrashError,
)

if TYPE_CHECKING:
    from multiprocessing.context import ForkProcess

    from anyio.streams.memory import MemoryObjectReceiveStream, MemoryObjectSendStream

log = logging.getLogger(__name__)

P = ParamSpec("P")
T = TypeVar("T")
C = TypeVar("C")


DEFAULT_LANE = "default"
LONG_LANE = "long"


@dataclass(frozen=True)
class Lane:
    """A group of ``size`` workers; ``nice`` is added to their CPU niceness."""

    size: int
    nice: int = 0


@dataclass
class Worker:
    pid: int
    conn: Connection
    lane: str = DEFAULT_LANE
    primed: bool = False  # forked after the zygote built the shared projections


if TYPE_CHECKING:
    _IdleQueue = tuple[MemoryObjectSendStream[Worker], MemoryObjectReceiveStream[Worker]]


@dataclass(frozen=True)
class LaneStatus:
    """How many workers a lane has, how many are alive, how many wait for work."""

    size: int
    alive: int
    idle: int


class WorkerPool:
    """Worker processes sharing ``context``, in lanes; one job each at a time.

    ``context`` is whatever the jobs need (the store, the catalogue); it is
    inherited by fork, never pickled. Jobs are module-level functions called
    as ``job(context, *args, **kwargs)``; arguments and results are pickled.
    ``size`` workers form the ``default`` lane; ``lanes`` adds others by name
    (a ``long`` lane, when present, takes :meth:`run_long`'s jobs).
    With ``isolate``, the workers run without network (see :mod:`api.runtime.isolation`).
    ``primer(context)``, when given, runs once in the zygote after the first
    workers are up (the server does not wait for it); workers forked before
    it finished are replaced by primed ones the next time a job takes them.
    """

    def __init__(
        self,
        context: Any,
        *,
        size: int,
        timeout: float,
        long_timeout: float | None = None,
        memory_budget: int | None = None,
        isolate: bool = False,
        lanes: Mapping[str, Lane] | None = None,
        primer: Callable[[Any], None] | None = None,
    ) -> None:
        self.context = context
        self.primer = primer
        self._primed = multiprocessing.get_context("fork").Event()
        self.lanes: dict[str, Lane] = {DEFAULT_LANE: Lane(size), **(lanes or {})}
        self.timeout = timeout
        self.long_timeout = long_timeout or timeout
        self.isolate = isolate
        self.memory_budget = memory_budget
        self.network_isolated = False  # whether the workers really are cut off
        self._spawn_lock = threading.Lock()
        self._workers: dict[int, Worker] = {}
        self._zygote: ForkProcess | None = None
        self._control: Connection | None = None
        self._idle: dict[str, _IdleQueue] = {
            name: anyio.create_memory_object_stream[Worker](math.inf) for name in self.lanes
        }

    @property
    def zygote_pid(self) -> int | None:
        """The process the workers are forked from (their common parent), once started."""
        return self._zygote.pid if self._zygote is not None else None

    # -- life cycle --------------------------------------------------------

    def start(self) -> None:
        """Fork the zygote, then the workers. Call once the store is loaded."""
        fork = multiprocessing.get_context("fork")
        ours, theirs = fork.Pipe(duplex=True)
        self._zygote = fork.Process(
            target=_zygote_main,
            args=(self.context, theirs, ours, os.getpid()),
            kwargs={
                "isolate": self.isolate,
                "memory_budget": self.memory_budget,
                "primer": self.primer,
                "primed": self._primed,
            },
            daemon=True,
            name="orgkg-zygote",
        )
        self._zygote.start()
        theirs.close()
        self._control = ours
        try:
            self.network_isolated = bool(ours.recv())
        except (EOFError, OSError) as exc:
            raise StoreError("the query pool could not start") from exc
        if self.isolate and not self.network_isolated:
            log.warning("query workers keep network access: no network namespace here")
        for name, lane in self.lanes.items():
            for _ in range(lane.size):
                self._idle[name][0].send_nowait(self._spawn(name))
        if self.primer is not None:
            with self._spawn_lock:
                ours.send((_PRIME,))

    @property
    def primed(self) -> bool:
        """Whether the zygote has built what its workers share (see ``primer``)."""
        return self._primed.is_set()

    def wait_primed(self, timeout: float | None = None) -> bool:
        """Block until the zygote is primed, at most ``timeout`` seconds; whether it is."""
        return self._primed.wait(timeout)

    def close(self) -> None:
        """Stop every worker and the zygote."""
        for worker in list(self._workers.values()):
            self._kill(worker)
        if self._control is not None:
            self._control.close()
            self._control = None
        if self._zygote is not None:
            self._zygote.join(timeout=2)
            if self._zygote.is_alive():
                self._zygote.kill()
                self._zygote.join(timeout=2)
            self._zygote = None

    @property
    def size(self) -> int:
        """Workers of every lane, as configured."""
        return sum(lane.size for lane in self.lanes.values())

    @property
    def idle(self) -> int:
        return sum(self.lane_status(name).idle for name in self.lanes)

    @property
    def alive(self) -> int:
        return len(self._workers)

    def lane_status(self, name: str) -> LaneStatus:
        """Size, live and idle workers of one lane (counters only: never waits)."""
        alive = sum(1 for worker in self._workers.values() if worker.lane == name)
        idle = self._idle[name][1].statistics().current_buffer_used
        return LaneStatus(size=self.lanes[name].size, alive=alive, idle=idle)

    # -- running jobs ------------------------------------------------------

    async def run(
        self, job: Callable[Concatenate[Any, P], T], /, *args: P.args, **kwargs: P.kwargs
    ) -> T:
        """Run ``job`` in a worker; the whole call (waiting included) gets ``timeout``.

        Raises the job's own OrgkgError; QueryTimeout (the worker is killed
        and replaced) when time runs out; ServiceBusyError when no worker frees up.
        """
        return await self._run(
            job, args, kwargs, lane=DEFAULT_LANE, timeout=self.timeout, recycle=False
        )

    async def run_in(
        self,
        lane: str,
        long: bool,
        job: Callable[Concatenate[Any, P], T],
        /,
        *args: P.args,
        **kwargs: P.kwargs,
    ) -> T:
        """Run ``job`` in a worker of ``lane``; ``long``: under ``long_timeout``, then recycled."""
        if lane not in self.lanes:
            raise StoreError(f"no worker lane called {lane!r}")
        timeout = self.long_timeout if long else self.timeout
        return await self._run(job, args, kwargs, lane=lane, timeout=timeout, recycle=long)

    async def run_long(
        self, job: Callable[Concatenate[Any, P], T], /, *args: P.args, **kwargs: P.kwargs
    ) -> T:
        """Like :meth:`run`, with ``long_timeout``, for jobs that walk the whole graph.

        The worker is replaced afterwards: such a job leaves big temporary
        structures behind and a fresh fork gives their memory back.
        """
        lane = LONG_LANE if LONG_LANE in self.lanes else DEFAULT_LANE
        return await self._run(
            job, args, kwargs, lane=lane, timeout=self.long_timeout, recycle=True
        )

    async def _run(
        self,
        job: Callable[..., T],
        args: tuple[Any, ...],
        kwargs: dict[str, Any],
        *,
        lane: str,
        timeout: float,
        recycle: bool,
    ) -> T:
        deadline = anyio.current_time() + timeout
        worker: Worker | None = None
        with anyio.move_on_after(timeout):
            worker = await self._idle[lane][1].receive()
        if worker is None:
            raise ServiceBusyError(
                f"every query worker stayed busy for {timeout:g} s; try again later"
            )
        if not worker.primed and self._primed.is_set():
            # Forked before the projections were built: a fresh fork shares them.
            with anyio.CancelScope(shield=True):
                worker = await self._renew(worker)
        healthy = False
        try:
            replied = False
            # The job goes out and its answer comes back in the event loop,
            # never blocking it (see api.runtime.wire); the limit covers both.
            with anyio.move_on_after(max(0.0, deadline - anyio.current_time())):
                await send_message(worker.conn.fileno(), (job, args, kwargs))
                status, value = await receive_message(worker.conn.fileno())
                replied = True
            if not replied:
                raise QueryTimeout(
                    f"the query ran past the time limit of {timeout:g} s and was stopped"
                )
            healthy = not recycle
        except (EOFError, OSError) as exc:
            if self.memory_budget is not None:
                raise QueryOutOfMemory(
                    "the query was stopped: it needed more than the "
                    f"{self.memory_budget // 2**20} MiB a query may use (or its worker was killed)"
                ) from exc
            raise WorkerCrashError("the query worker stopped before answering") from exc
        finally:
            if healthy:
                self._idle[lane][0].send_nowait(worker)
            else:
                # Timed out, crashed or the request was cancelled mid-query:
                # the worker's state is unknown, so it goes.
                with anyio.CancelScope(shield=True):
                    await self._replace(worker)
        if status == "error":
            raise value
        return value  # type: ignore[no-any-return]

    # -- workers -------------------------------------------------------------

    async def _replace(self, worker: Worker) -> None:
        self._kill(worker)
        try:
            # The fork may take a moment with a big store: off the event loop.
            fresh = await anyio.to_thread.run_sync(self._spawn, worker.lane)
        except StoreError:
            log.exception("could not replace a query worker; %d left", len(self._workers))
            return
        # In the loop, not the thread: memory streams are not thread-safe.
        self._idle[fresh.lane][0].send_nowait(fresh)

    async def _renew(self, worker: Worker) -> Worker:
        """A primed worker in place of ``worker`` (kept if no new one can be forked)."""
        try:
            fresh = await anyio.to_thread.run_sync(self._spawn, worker.lane)
        except StoreError:
            log.exception("could not renew a query worker; it answers unprimed")
            return worker
        self._kill(worker)
        return fresh

    def _spawn(self, lane: str) -> Worker:
        with self._spawn_lock:
            if self._control is None:
                raise StoreError("the query pool is closed")
            try:
                self._control.send((_SPAWN, self.lanes[lane].nice))
                fd = reduction.recv_handle(self._control)
                pid, primed = self._control.recv()
            except (OSError, EOFError) as exc:
                raise StoreError("the query pool cannot start workers") from exc
        os.set_blocking(fd, False)  # read and written by api.runtime.wire, in the event loop
        worker = Worker(pid=pid, conn=Connection(fd), lane=lane, primed=primed)
        self._workers[pid] = worker
        return worker

    def _kill(self, worker: Worker) -> None:
        self._workers.pop(worker.pid, None)
        with contextlib.suppress(ProcessLookupError):
            os.kill(worker.pid, signal.SIGKILL)
        worker.conn.close()
