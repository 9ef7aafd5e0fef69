"""Loads timed each in a fresh process, in turns: the floor, orgkg, the floor with the labels.

A load is what starting orgkg (or the engine alone) costs: a fresh
interpreter with nothing else in memory. Timed one after the other in one
process, each load ran beside the stores the earlier ones left (three of a
million triples, 2.5 GB) and in an allocator they had fragmented; on this
project's machine that slowed the bigger loads most (the floor with the
folded labels: 1.49x the floor in one process, 1.26-1.34x in fresh ones).
So each load here runs in a process of its own, the three kinds in turns
run after run, and what it reads before the timing (the file's bytes for
the floor) is read in that process too.
"""

# The parent only schedules: the engine and orgkg are imported in the children.
# ruff: noqa: PLC0415

from __future__ import annotations

import multiprocessing
import os
import statistics
import time
from concurrent.futures import ProcessPoolExecutor
from dataclasses import dataclass
from pathlib import Path

KINDS = ("floor", "orgkg", "floor_with_labels", "floor_lenient")


@dataclass(frozen=True)
class LoadTimes:
    """Median milliseconds of each kind of load, the triples the floor holds, and in how many
    processes the loads ran (one each)."""

    floor_ms: float
    orgkg_ms: float
    floor_with_labels_ms: float
    floor_lenient_ms: float
    triples: int
    processes: int


def time_loads(path: Path, runs: int) -> LoadTimes:
    """Each kind of load of ``path`` ``runs`` times, each in a fresh process, kinds in turns."""
    samples: dict[str, list[float]] = {kind: [] for kind in KINDS}
    triples = 0
    processes: set[int] = set()
    context = multiprocessing.get_context("spawn")
    with ProcessPoolExecutor(max_workers=1, mp_context=context, max_tasks_per_child=1) as pool:
        for _ in range(runs):
            for kind in KINDS:
                ms, count, pid = pool.submit(timed_load, kind, str(path)).result()
                samples[kind].append(ms)
                processes.add(pid)
                triples = count if kind == "floor" else triples
    medians = {kind: statistics.median(values) for kind, values in samples.items()}
    return LoadTimes(
        medians["floor"],
        medians["orgkg"],
        medians["floor_with_labels"],
        medians["floor_lenient"],
        triples,
        len(processes),
    )


def timed_load(kind: str, path: str) -> tuple[float, int, int]:
    """Milliseconds of one load of ``kind`` in this process, the triples it holds, the process.

    The floor is given the file's bytes (read before the timing), with the
    folded labels too for ``floor_with_labels``: one ``bulk_load``.
    ``floor_lenient`` is the file alone without the engine's IRI, tag and
    line-jump checks, as orgkg has it parsed (it makes those checks itself,
    beside the parse). orgkg's load reads the file itself.
    """
    import pyoxigraph as ox

    from ontology import load_regulation
    from ontology.hidden_labels import folded_ntriples
    from ontology.screening import read_raw

    if kind == "orgkg":
        start = time.perf_counter()
        store = load_regulation([Path(path)])
        return (time.perf_counter() - start) * 1000, len(store), os.getpid()
    data = read_raw(Path(path))
    if kind == "floor_with_labels":
        data += (b"" if data.endswith(b"\n") else b"\n") + folded_ntriples(data)
    start = time.perf_counter()
    native = ox.Store()
    native.bulk_load(
        input=data,
        format=ox.RdfFormat.N_TRIPLES,
        to_graph=ox.DefaultGraph(),
        lenient=kind == "floor_lenient",
    )
    return (time.perf_counter() - start) * 1000, len(native), os.getpid()
