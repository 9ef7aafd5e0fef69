"""Timing calls in turns: medians of wall and CPU milliseconds, run after run, and the
:class:`Row` of one measured operation, orgkg beside its floor.

On a shared machine the load changes from second to second: calls that take
turns are exposed to the same load, so their ratio holds.
"""

from __future__ import annotations

import statistics
import time
from collections.abc import Callable
from dataclasses import dataclass, field
from typing import Any


def timed(call: Callable[[], Any], runs: int) -> tuple[float, Any]:
    """Median milliseconds of ``runs`` calls, and the last result."""
    medians, results = interleaved([call], runs)
    return medians[0], results[0]


def interleaved(calls: list[Callable[[], Any]], runs: int) -> tuple[list[float], list[Any]]:
    """Median milliseconds of each call, the calls taking turns run after run.

    On a shared machine the load changes from second to second: taking turns
    exposes the floor and orgkg to the same load, so their ratio holds.
    """
    walls, _, results = interleaved_times(calls, runs)
    return walls, results


def interleaved_times(
    calls: list[Callable[[], Any]], runs: int
) -> tuple[list[float], list[float], list[Any]]:
    """:func:`interleaved`, with each call's median CPU milliseconds of this process too.

    A query and its writing run on one thread, so their CPU time is what
    they cost whatever else the machine runs: a ratio of CPU times holds on
    a busy machine, where wall-clock ratios wander.
    """
    walls, cpus, results = interleaved_samples(calls, runs)
    medians = statistics.median
    return [medians(t) for t in walls], [medians(t) for t in cpus], results


def interleaved_samples(
    calls: list[Callable[[], Any]], runs: int
) -> tuple[list[list[float]], list[list[float]], list[Any]]:
    """Every run's wall and CPU milliseconds of each call, and each call's last result."""
    walls: list[list[float]] = [[] for _ in calls]
    cpus: list[list[float]] = [[] for _ in calls]
    results: list[Any] = [None] * len(calls)
    for _ in range(runs):
        for index, call in enumerate(calls):
            cpu, start = time.process_time(), time.perf_counter()
            result = call()
            walls[index].append((time.perf_counter() - start) * 1000)
            cpus[index].append((time.process_time() - cpu) * 1000)
            results[index] = result  # the previous run's result is freed outside the timing
    return walls, cpus, results


@dataclass
class Row:
    """One measured operation: the floor (None: no raw equivalent) and orgkg."""

    name: str
    floor_ms: float | None
    orgkg_ms: float
    rows: int | None = None
    extra: dict[str, float] = field(default_factory=dict)

    @property
    def ratio(self) -> float | None:
        return self.orgkg_ms / self.floor_ms if self.floor_ms else None

    def to_dict(self) -> dict[str, Any]:
        return {
            "name": self.name,
            "floor_ms": self.floor_ms,
            "orgkg_ms": self.orgkg_ms,
            "ratio": self.ratio,
            "rows": self.rows,
            **self.extra,
        }
