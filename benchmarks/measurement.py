"""One engine on one data file, measured in a process of its own.

Each engine runs in a fresh ``spawn`` process, so peak memory is that engine's
alone and nothing (imports, caches, a frozen GC) carries over from another.
The child reports each measurement as soon as it has it; if it dies or runs
out of time, what it reported so far is kept and the rest is marked.
"""

from __future__ import annotations

import contextlib
import functools
import gc
import inspect
import multiprocessing
import queue
import resource
import statistics
import time
from collections.abc import Callable, Mapping
from dataclasses import dataclass, field
from multiprocessing.queues import Queue
from pathlib import Path
from typing import Any

import graph
from ontology import Store, load_regulation
from ontology.errors import OrgkgError
from queries import load_catalogue, run_query

# A question slower than this is run once; slower than a tenth of it, 3 times.
_SLOW_S = 10.0
# What a question or a graph function may fail with; the failure is reported
# as that question's result instead of ending the measurement.
_FAILURES = (OrgkgError, ValueError, KeyError, TypeError, RuntimeError, OSError, LookupError)
_CLEAR_REFS = Path("/proc/self/clear_refs")
_STATUS = Path("/proc/self/status")


@dataclass(frozen=True)
class Job:
    """What one child measures."""

    data: tuple[str, ...]
    engine: str
    runs: int = 5
    samples: Mapping[str, str] = field(default_factory=dict)
    lang: str = "vi"
    skip: tuple[str, ...] = ()


@dataclass
class Timing:
    """Median of ``runs`` timings of one operation, with the size of its result."""

    median_ms: float
    runs: int
    rows: int | None = None
    error: str | None = None
    # The first run alone: a cold answer (caches of projections not yet filled).
    first_ms: float | None = None

    def to_dict(self) -> dict[str, Any]:
        return {k: v for k, v in vars(self).items() if v is not None}


@dataclass
class EngineResult:
    """Everything measured for one engine on one data file."""

    engine: str
    triples: int = 0
    load_s: float | None = None
    baseline_rss: int = 0
    peak_rss: int = 0
    steady_rss: int = 0
    questions: dict[str, Timing] = field(default_factory=dict)
    graph: dict[str, Timing] = field(default_factory=dict)
    notes: list[str] = field(default_factory=list)

    @property
    def peak_bytes_per_triple(self) -> float | None:
        return (self.peak_rss - self.baseline_rss) / self.triples if self.triples else None

    @property
    def steady_bytes_per_triple(self) -> float | None:
        return (self.steady_rss - self.baseline_rss) / self.triples if self.triples else None

    def to_dict(self) -> dict[str, Any]:
        return {
            "engine": self.engine,
            "triples": self.triples,
            "load_s": self.load_s,
            "baseline_rss": self.baseline_rss,
            "peak_rss": self.peak_rss,
            "steady_rss": self.steady_rss,
            "peak_bytes_per_triple": self.peak_bytes_per_triple,
            "steady_bytes_per_triple": self.steady_bytes_per_triple,
            "questions": {k: v.to_dict() for k, v in self.questions.items()},
            "graph": {k: v.to_dict() for k, v in self.graph.items()},
            "notes": self.notes,
        }


def run_job(job: Job, *, timeout_s: float) -> EngineResult:
    """Measure ``job`` in a fresh process; give up (keeping what came) after ``timeout_s``."""
    context = multiprocessing.get_context("spawn")
    events: Queue[tuple[str, Any]] = context.Queue()
    child = context.Process(target=_child, args=(job, events), daemon=True)
    child.start()
    result = EngineResult(job.engine)
    deadline = time.monotonic() + timeout_s
    try:
        while True:
            left = deadline - time.monotonic()
            try:
                kind, payload = events.get(timeout=max(0.1, min(left, 5.0)))
            except queue.Empty:
                if not child.is_alive():
                    result.notes.append(f"the measuring process died (exit {child.exitcode})")
                    break
                if left <= 0:
                    result.notes.append(
                        f"stopped after {timeout_s:.0f} s; the rest was not measured"
                    )
                    break
                continue
            if kind == "done":
                break
            _apply(result, kind, payload)
    finally:
        if child.is_alive():
            child.kill()  # our own child, by handle
        child.join(timeout=10)
    return result


def _apply(result: EngineResult, kind: str, payload: Any) -> None:
    if kind == "load":
        for key, value in payload.items():
            setattr(result, key, value)
    elif kind == "question":
        name, timing = payload
        result.questions[name] = Timing(**timing)
    elif kind == "graph":
        name, timing = payload
        result.graph[name] = Timing(**timing)
    elif kind == "note":
        result.notes.append(payload)


def _child(job: Job, events: Queue[tuple[str, Any]]) -> None:
    """The measuring process: load, then every question, then the graph work."""
    try:
        measure(job, lambda kind, payload: events.put((kind, payload)))
    finally:
        events.put(("done", None))


def measure(job: Job, report: Callable[[str, Any], None]) -> None:
    """Measure ``job`` in this process, reporting each figure as it comes."""
    catalogue = load_catalogue()
    gc.collect()
    baseline = current_rss()
    reset_peak_rss()
    start = time.perf_counter()
    store = load_regulation(list(job.data), engine=job.engine)
    load_s = time.perf_counter() - start
    peak = peak_rss()
    gc.collect()
    report(
        "load",
        {
            "load_s": load_s,
            "triples": len(store),
            "baseline_rss": baseline,
            "peak_rss": peak,
            "steady_rss": current_rss(),
        },
    )
    for question in catalogue.values():
        if question.id in job.skip:
            report("note", f"{question.id} not run (--skip)")
            continue
        params = choose_params(question.parameters, job.samples)
        call = functools.partial(count_rows, store, question, params, job.lang)
        timing = time_call(call, job.runs)
        report("question", (question.id, timing.to_dict()))
    for name, timing in measure_graph(store, job.runs).items():
        report("graph", (name, timing.to_dict()))


def count_rows(store: Store, question: Any, params: Mapping[str, str], lang: str) -> int:
    """Answer one catalogue question as every surface does; the number of rows."""
    return len(run_query(store, question, params, lang=lang).rows)


def measure_graph(store: Store, runs: int) -> dict[str, Timing]:
    """The networkx projections, then each analytics function on the projection it takes."""
    timings: dict[str, Timing] = {}
    projections: dict[str, Any] = {}
    for name in ("project_reporting", "project_membership"):
        project = getattr(graph, name, None)
        if project is None:
            continue
        projections[name] = project(store)
        timings[name] = time_call(functools.partial(_sized, project, store), runs)
    for name, function, projection in analytics_functions(graph, projections):
        timings[name] = time_call(functools.partial(_sized, function, projection), runs)
    return timings


def analytics_functions(
    package: Any, projections: Mapping[str, Any]
) -> list[tuple[str, Callable[[Any], Any], Any]]:
    """Public functions of ``graph.analytics`` that take one projection and nothing else.

    The projection is chosen by the first parameter's annotation: a DiGraph
    means the reporting projection, a Graph the membership one.
    """
    module = getattr(package, "analytics", None)
    if module is None:
        return []
    found: list[tuple[str, Callable[[Any], Any], Any]] = []
    for name, function in sorted(vars(module).items()):
        if name.startswith("_") or not inspect.isfunction(function):
            continue
        if function.__module__ != module.__name__:
            continue
        parameters = list(inspect.signature(function).parameters.values())
        required = [p for p in parameters if p.default is inspect.Parameter.empty]
        if len(required) != 1:
            continue
        annotation = str(parameters[0].annotation)
        key = "project_reporting" if "DiGraph" in annotation else "project_membership"
        if key in projections:
            found.append((name, function, projections[key]))
    return found


def choose_params(parameters: Any, samples: Mapping[str, str]) -> dict[str, str]:
    """A value for every required parameter, from the data's own samples.

    By name first (a sample of that name), then by kind: an IRI gets a deep
    post (the worst case for chains), text gets a common word.
    """
    params: dict[str, str] = {}
    for parameter in parameters:
        if not parameter.required:
            continue
        if parameter.name in samples:
            params[parameter.name] = samples[parameter.name]
        elif parameter.kind == "iri":
            params[parameter.name] = samples.get("deep_post", "")
        elif parameter.kind == "text":
            params[parameter.name] = samples.get("text", "kế hoạch")
        elif parameter.kind == "date":
            params[parameter.name] = "2018-10-18"
        else:
            params[parameter.name] = "5"
    return params


def time_call(call: Callable[[], int], runs: int) -> Timing:
    """Median wall time of ``call``; fewer runs when one run is already slow."""
    times: list[float] = []
    size: int | None = None
    try:
        while len(times) < runs:
            start = time.perf_counter()
            size = call()
            times.append(time.perf_counter() - start)
            if times[0] > _SLOW_S or (times[0] > _SLOW_S / 10 and len(times) >= 3):
                break
    except _FAILURES as exc:
        return Timing(0.0, len(times), error=f"{type(exc).__name__}: {exc}")
    return Timing(statistics.median(times) * 1000, len(times), size, first_ms=times[0] * 1000)


def _sized(function: Callable[[Any], Any], argument: Any) -> int:
    value = function(argument)
    try:
        return len(value)
    except TypeError:
        return 1


def current_rss() -> int:
    """Resident memory of this process now, in bytes (0 where /proc is missing)."""
    return _status_kib("VmRSS:") * 1024


def reset_peak_rss() -> None:
    """Start a new peak (Linux: writing 5 to clear_refs resets VmHWM)."""
    # Not Linux, or not allowed: peak_rss then falls back to the whole life's peak.
    with contextlib.suppress(OSError):
        _CLEAR_REFS.write_text("5")


def peak_rss() -> int:
    """Peak resident memory since the last reset, in bytes."""
    return (_status_kib("VmHWM:") or resource.getrusage(resource.RUSAGE_SELF).ru_maxrss) * 1024


def _status_kib(field_name: str) -> int:
    try:
        for line in _STATUS.read_text().splitlines():
            if line.startswith(field_name):
                return int(line.split()[1])
    except OSError:
        return 0
    return 0
