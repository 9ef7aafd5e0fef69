"""The warm-up uses every worker before the service takes traffic, and leaves one after.

Fake jobs stand for the warm-up's answers: each records how many run at once.
"""

from __future__ import annotations

from collections.abc import Callable, Coroutine
from typing import Any

import anyio
import pytest

from api.runtime.warm_up import WarmUpSlots

pytestmark = pytest.mark.anyio


@pytest.fixture
def anyio_backend() -> str:
    return "asyncio"


def counting_jobs(
    slots: WarmUpSlots, count: int, running: list[int], peaks: list[int], gate: anyio.Event
) -> list[Callable[[], Coroutine[Any, Any, None]]]:
    async def job() -> None:
        async with slots.slot():
            running[0] += 1
            peaks.append(running[0])
            await gate.wait()
            await anyio.sleep(0.001)
            running[0] -= 1

    return [job for _ in range(count)]


async def test_before_traffic_the_warm_up_takes_the_whole_lane() -> None:
    slots, running, peaks = WarmUpSlots(3, anyio.Event()), [0], list[int]()
    gate = anyio.Event()
    gate.set()
    await slots.run(counting_jobs(slots, 12, running, peaks, gate))
    assert max(peaks) == 3 and len(peaks) == 12


async def test_once_serving_one_worker_stays_with_the_requests() -> None:
    serving, gate = anyio.Event(), anyio.Event()
    slots, running, peaks = WarmUpSlots(3, serving), [0], list[int]()
    async with anyio.create_task_group() as group:
        group.start_soon(slots.run, counting_jobs(slots, 12, running, peaks, gate))
        await anyio.sleep(0.01)
        assert running[0] == 3  # the whole lane while nobody is served
        serving.set()
        await anyio.sleep(0.01)
        peaks.clear()
        gate.set()
    assert len(peaks) == 9 and max(peaks) <= 2


async def test_a_lane_of_one_worker_is_not_starved_and_the_run_ends() -> None:
    serving, gate = anyio.Event(), anyio.Event()
    serving.set()
    gate.set()
    slots, running, peaks = WarmUpSlots(1, serving), [0], list[int]()
    with anyio.fail_after(10):  # a generous bound on a hang, not a timing claim
        await slots.run(counting_jobs(slots, 4, running, peaks, gate))
    assert peaks == [1, 1, 1, 1]


async def test_serving_from_the_start_the_warm_up_never_takes_the_whole_lane() -> None:
    """An on-disk store is served at once: no warm-up job may hold the last free worker."""
    serving, gate = anyio.Event(), anyio.Event()
    serving.set()
    gate.set()
    slots, running, peaks = WarmUpSlots(3, serving), [0], list[int]()
    await slots.run(counting_jobs(slots, 9, running, peaks, gate))
    assert len(peaks) == 9 and max(peaks) == 2
