"""api.runtime.pool: jobs run in forked workers; a job past its time is killed and replaced."""

from __future__ import annotations

import os
import socket
import time
from collections.abc import Iterator
from pathlib import Path

import anyio
import pytest

from api.runtime.pool import WorkerPool
from ontology.errors import (
    JobError,
    ParameterError,
    QueryTimeout,
    ServiceBusyError,
    WorkerCrashError,
)
from tests.unavailable import unavailable


# Jobs are module-level functions: they are pickled by reference.
def echo(context: dict[str, int], value: int) -> tuple[int, int]:
    return context["base"] + value, os.getpid()


def sleep(context: dict[str, int], seconds: float) -> float:
    time.sleep(seconds)
    return seconds


def refuse(context: dict[str, int]) -> None:
    raise ParameterError("no such colour", parameter="colour")


def fail(context: dict[str, int]) -> None:
    raise RuntimeError("a bug in a job")


def die(context: dict[str, int]) -> None:
    os._exit(3)


def burn(context: dict[str, int]) -> None:
    while True:  # a runaway: only a kill stops it
        pass


@pytest.fixture
def pool() -> Iterator[WorkerPool]:
    workers = WorkerPool({"base": 40}, size=2, timeout=1.0, long_timeout=3.0)
    workers.start()
    yield workers
    workers.close()


def alive(pid: int) -> bool:
    try:
        state = Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()[0]
    except OSError:
        return False
    return state != "Z"


def test_jobs_see_the_context_and_return(pool: WorkerPool) -> None:
    value, pid = anyio.run(pool.run, echo, 2)
    assert value == 42
    assert pid != os.getpid()


def test_orgkg_errors_cross_with_their_details(pool: WorkerPool) -> None:
    with pytest.raises(ParameterError) as caught:
        anyio.run(pool.run, refuse)
    assert caught.value.parameter == "colour"
    assert caught.value.http_status == 400
    assert pool.alive == 2


def test_a_bug_becomes_a_generic_500_and_the_worker_stays(pool: WorkerPool) -> None:
    with pytest.raises(JobError) as caught:
        anyio.run(pool.run, fail)
    assert "a bug" not in str(caught.value)
    assert caught.value.http_status == 500
    assert anyio.run(pool.run, echo, 0)[0] == 40


def test_runaway_is_killed_in_time_and_replaced(pool: WorkerPool) -> None:
    pids = {anyio.run(pool.run, echo, 0)[1] for _ in range(4)}
    with pytest.raises(QueryTimeout):  # burn never returns: only the limit's kill ends it
        anyio.run(pool.run, burn)
    assert pool.alive == 2 and pool.idle == 2
    time.sleep(0.2)
    assert len(pids) == 2  # the idle queue is FIFO: four jobs met both workers
    assert sum(alive(pid) for pid in pids) == 1  # the one that ran away is gone
    assert anyio.run(pool.run, echo, 1)[0] == 41


def test_a_worker_that_dies_is_replaced(pool: WorkerPool) -> None:
    with pytest.raises(WorkerCrashError):
        anyio.run(pool.run, die)
    assert pool.alive == 2
    assert anyio.run(pool.run, echo, 0)[0] == 40


def test_long_jobs_get_the_long_limit_and_a_fresh_worker(pool: WorkerPool) -> None:
    before = {anyio.run(pool.run, echo, 0)[1] for _ in range(4)}
    assert anyio.run(pool.run_long, sleep, 1.5) == 1.5
    after = {anyio.run(pool.run, echo, 0)[1] for _ in range(4)}
    assert after != before


def test_no_free_worker_within_the_limit_is_busy() -> None:
    single = WorkerPool({"base": 0}, size=1, timeout=0.5, long_timeout=3.0)
    single.start()
    try:

        async def two_at_once() -> list[str]:
            outcomes: list[str] = []

            async def long_one() -> None:
                outcomes.append(str(await single.run_long(sleep, 1.0)))

            async def short_one() -> None:
                try:
                    await single.run(echo, 0)
                except ServiceBusyError as exc:
                    outcomes.append(exc.code)

            async with anyio.create_task_group() as group:
                group.start_soon(long_one)
                await anyio.sleep(0.05)
                group.start_soon(short_one)
            return outcomes

        assert anyio.run(two_at_once) == ["busy", "1.0"]
    finally:
        single.close()


def test_close_stops_every_process() -> None:
    workers = WorkerPool({"base": 0}, size=2, timeout=1.0)
    workers.start()
    pids = {anyio.run(workers.run, echo, 0)[1] for _ in range(4)}
    zygote = workers._zygote
    assert zygote is not None and zygote.pid is not None
    workers.close()
    time.sleep(0.3)
    assert not [pid for pid in [*pids, zygote.pid] if alive(pid)]


def connect(context: dict[str, int], port: int) -> str:
    try:
        with socket.create_connection(("127.0.0.1", port), timeout=1):
            return "connected"
    except OSError as exc:
        return f"refused: {exc}"


def test_isolated_workers_reach_no_host() -> None:
    with socket.socket() as listener:
        listener.bind(("127.0.0.1", 0))
        listener.listen()
        port = listener.getsockname()[1]
        open_pool = WorkerPool({"base": 0}, size=1, timeout=2.0)
        closed_pool = WorkerPool({"base": 0}, size=1, timeout=2.0, isolate=True)
        open_pool.start()
        closed_pool.start()
        try:
            assert anyio.run(open_pool.run, connect, port) == "connected"
            if not closed_pool.network_isolated:
                unavailable("this kernel gives no network namespace to this user")
            assert anyio.run(closed_pool.run, connect, port).startswith("refused")
        finally:
            open_pool.close()
            closed_pool.close()
