"""How the warm-up shares the catalogue's workers with the requests.

Before the service takes traffic the warm-up may use every worker of the
lane: nobody waits for them. Once it takes traffic, the warm-up keeps all
but one, so a request that comes while a big store is still warming (each
answer seconds long at millions of triples) finds a free worker instead of
queueing behind the warm-up: the first request on a 5M-triple store is
answered in a fraction of a second, not after the warm-up's jobs.
"""

from __future__ import annotations

from collections.abc import AsyncIterator, Callable, Coroutine
from contextlib import asynccontextmanager
from typing import Any

import anyio


class WarmUpSlots:
    """The warm-up's share of a lane of ``size`` workers; one goes back once ``serving`` is set.

    >>> slots = WarmUpSlots(2, anyio.Event())
    >>> slots.size
    2
    """

    def __init__(self, size: int, serving: anyio.Event | None) -> None:
        self.size = max(1, size)
        self._serving = serving
        self._slots = anyio.CapacityLimiter(self.size)
        if serving is not None and serving.is_set():  # serving from the start
            self._slots.total_tokens = max(1, self.size - 1)

    @asynccontextmanager
    async def slot(self) -> AsyncIterator[None]:
        """One worker's turn for one warm-up job."""
        async with self._slots:
            yield

    async def run(self, jobs: list[Callable[[], Coroutine[Any, Any, None]]]) -> None:
        """Run every job, each in a slot; once serving, one slot stays with the requests."""
        async with anyio.create_task_group() as outer:
            outer.start_soon(self._leave_one_to_traffic)
            async with anyio.create_task_group() as group:
                for job in jobs:
                    group.start_soon(job)
            outer.cancel_scope.cancel()

    async def _leave_one_to_traffic(self) -> None:
        if self._serving is None or self.size < 2:
            return
        await self._serving.wait()
        # Jobs running keep their worker; no new one starts until one fewer runs.
        self._slots.total_tokens = self.size - 1
