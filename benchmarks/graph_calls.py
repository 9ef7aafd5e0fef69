"""The networkx questions and the reporting projection, cold and warm (issue 16 §2).

A cold call starts from an empty memo, as the first call on a new store
version does; it also gives the CPU it took, of the whole process (the
engine evaluates in threads of its own) and of the calling thread: with
``cores`` cores, no overlap brings a call under ``cpu_ms / cores``.
"""

# orgkg is imported in the measuring children only (see benchmarks.floor).
# ruff: noqa: PLC0415

from __future__ import annotations

import os
import statistics
import time
from collections.abc import Callable, Mapping
from dataclasses import dataclass
from typing import Any

from benchmarks.measurement import choose_params
from benchmarks.timing import Row, timed


def measure_graph(store: Any, samples: Mapping[str, str], runs: int) -> list[Row]:
    """The projections and the networkx questions, cold (new store version) and warm.

    ``primed_ms`` is a question's first call once the projection is built, as
    ``orgkg serve`` builds it at start for every worker (api/runtime/jobs.py).
    A cold call also gives the CPU it took (``cpu_ms``, every thread of the
    process: the engine evaluates in threads of its own) and the part of it
    spent in the calling thread (``python_ms``): with ``cores`` cores, no
    overlap of the two brings a call under ``cpu_ms / cores``.
    """
    from queries import load_catalogue, run_query
    from queries.analysis import memo_of, reporting_of

    def cold(call: Callable[[], Any]) -> Cold:
        memo_of(store).clear()
        # The thread's clock is read inside the process's: its share can never exceed it.
        wall, cpu, thread = time.perf_counter(), time.process_time(), time.thread_time()
        call()
        python_ms = (time.thread_time() - thread) * 1000
        cpu_ms = (time.process_time() - cpu) * 1000
        return Cold((time.perf_counter() - wall) * 1000, cpu_ms, python_ms)

    def primed(call: Callable[[], Any]) -> float:
        memo_of(store).clear()
        reporting_of(store)
        start = time.perf_counter()
        call()
        return (time.perf_counter() - start) * 1000

    rows = [_cold_warm("projection: reporting", cold, lambda: reporting_of(store), runs)]
    for question in load_catalogue().values():
        if question.kind != "graph":
            continue
        params = choose_params(question.parameters, samples)

        def answer(q: Any = question, p: Any = params) -> Any:
            return run_query(store, q, p)

        row = _cold_warm(question.id, cold, answer, runs)
        row.extra["primed_ms"] = statistics.median(primed(answer) for _ in range(runs))
        rows.append(row)
    return rows


@dataclass(frozen=True)
class Cold:
    """One cold call: wall time, CPU of the whole process, CPU of the calling thread (ms)."""

    wall_ms: float
    cpu_ms: float
    python_ms: float


def _cold_warm(
    name: str, cold: Callable[[Callable[[], Any]], Cold], call: Callable[[], Any], runs: int
) -> Row:
    calls = [cold(call) for _ in range(runs)]  # each from a cleared memo
    warm_ms, _ = timed(call, runs)
    extra = {
        "warm_ms": warm_ms,
        "cpu_ms": statistics.median(c.cpu_ms for c in calls),
        "python_ms": statistics.median(c.python_ms for c in calls),
        "cores": float(len(os.sched_getaffinity(0))),
    }
    return Row(name, None, statistics.median(c.wall_ms for c in calls), None, extra)
