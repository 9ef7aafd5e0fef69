"""The benchmark's results: the JSON document, the ratios, the targets, the table.

Ratios are always against the ``memory`` engine (rdflib's pure-Python store)
measured in the same run, on the same machine and data: ``speed-up`` is
memory's time divided by the engine's, ``memory ratio`` the engine's bytes
per triple divided by memory's.
"""

from __future__ import annotations

import os
import platform
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field
from importlib import metadata
from pathlib import Path
from typing import Any

from benchmarks.measurement import EngineResult

BASELINE = "memory"
# From issue 7: figures on 2 cores with the default engine.
LOAD_1M_S = 3.0
BYTES_PER_TRIPLE = 450
QUESTION_1M_MS = 300.0
SPEEDUP_100K = 20.0
AGGREGATE_QUESTIONS = ("multi-unit-members", "uncovered-duties")


@dataclass
class SizeRun:
    """One data size and every engine measured on it."""

    name: str
    target: int
    generated: dict[str, Any]
    engines: dict[str, EngineResult] = field(default_factory=dict)
    notes: list[str] = field(default_factory=list)

    def to_dict(self) -> dict[str, Any]:
        return {
            "size": self.name,
            "target": self.target,
            "generated": self.generated,
            "engines": {name: result.to_dict() for name, result in self.engines.items()},
            "ratios_to_memory": ratios(self),
            "notes": self.notes,
        }


@dataclass(frozen=True)
class Target:
    """One target of issue 7 and whether this run meets it."""

    name: str
    met: bool | None
    measured: str

    def to_dict(self) -> dict[str, Any]:
        return {"target": self.name, "met": self.met, "measured": self.measured}


def describe_machine() -> dict[str, Any]:
    """What the numbers were measured on."""
    return {
        "nproc": len(os.sched_getaffinity(0))
        if hasattr(os, "sched_getaffinity")
        else os.cpu_count(),
        "cpu": _proc_field(Path("/proc/cpuinfo"), "model name") or platform.processor(),
        "memory_gib": round(_memory_bytes() / 2**30, 1),
        "python": platform.python_version(),
        "pyoxigraph": _version("pyoxigraph"),
        "rdflib": _version("rdflib"),
        "networkx": _version("networkx"),
        "system": platform.platform(),
        # Other work on the machine skews wall times: say how busy it was.
        "load_average": [round(x, 2) for x in os.getloadavg()],
    }


def _proc_field(path: Path, name: str) -> str | None:
    try:
        for line in path.read_text().splitlines():
            key, _, value = line.partition(":")
            if key.strip() == name:
                value = value.strip()
                return value.split()[0] if name == "MemTotal" else value
    except OSError:
        return None
    return None


def _version(package: str) -> str | None:
    try:
        return metadata.version(package)
    except metadata.PackageNotFoundError:
        return None


def ratios(run: SizeRun) -> dict[str, dict[str, float]]:
    """Each engine's figures against memory's: speed-ups for times, a ratio for bytes."""
    base = run.engines.get(BASELINE)
    if base is None:
        return {}
    out: dict[str, dict[str, float]] = {}
    for name, result in run.engines.items():
        if name == BASELINE:
            continue
        figures: dict[str, float] = {}
        if result.load_s and base.load_s:
            figures["load_speedup"] = base.load_s / result.load_s
        mine, theirs = result.steady_bytes_per_triple, base.steady_bytes_per_triple
        if mine and theirs:
            figures["memory_ratio"] = mine / theirs
        for group, base_group in (
            (result.questions, base.questions),
            (result.graph, base.graph),
        ):
            for key, timing in group.items():
                other = base_group.get(key)
                if other and timing.median_ms > 0 and other.median_ms > 0 and not other.error:
                    figures[f"{key}_speedup"] = other.median_ms / timing.median_ms
        out[name] = figures
    return out


def check_targets(runs: Sequence[SizeRun], engine: str = "oxigraph") -> list[Target]:
    """The issue's targets this run can speak to (sizes not run are left out)."""
    by_size = {run.target: run for run in runs}
    targets: list[Target] = []
    big = by_size.get(1_000_000)
    if big and engine in big.engines:
        result = big.engines[engine]
        if result.load_s is not None:
            targets.append(
                Target("1M: load <= 3 s", result.load_s <= LOAD_1M_S, f"{result.load_s:.2f} s")
            )
        steady = result.steady_bytes_per_triple
        if steady is not None:
            peak = result.peak_bytes_per_triple or 0.0
            targets.append(
                Target(
                    "1M: <= 450 bytes/triple (resident after load)",
                    steady <= BYTES_PER_TRIPLE,
                    f"{steady:.0f} B/triple resident, {peak:.0f} at the load's peak",
                )
            )
        if result.questions:
            slowest = max(result.questions.items(), key=lambda item: item[1].median_ms)
            failed = [k for k, v in result.questions.items() if v.error]
            targets.append(
                Target(
                    "1M: every catalogue question <= 300 ms median",
                    slowest[1].median_ms <= QUESTION_1M_MS and not failed,
                    f"slowest {slowest[0]} {slowest[1].median_ms:.0f} ms"
                    + (f"; failed: {', '.join(failed)}" if failed else ""),
                )
            )
    mid = by_size.get(100_000)
    if mid and engine in mid.engines and BASELINE in mid.engines:
        figures = ratios(mid).get(engine, {})
        for question in AGGREGATE_QUESTIONS:
            speedup = figures.get(f"{question}_speedup")
            targets.append(
                Target(
                    f"100k: {question} >= 20x faster than memory",
                    None if speedup is None else speedup >= SPEEDUP_100K,
                    "not measured" if speedup is None else f"{speedup:.1f}x",
                )
            )
    huge = by_size.get(5_000_000)
    if huge and engine in huge.engines:
        result = huge.engines[engine]
        total = _memory_bytes()
        answered = bool(result.questions) and not any(v.error for v in result.questions.values())
        targets.append(
            Target(
                "5M: loads and answers without swapping",
                answered and bool(total) and result.peak_rss < total,
                f"peak {result.peak_rss / 2**30:.1f} GiB of {total / 2**30:.0f} GiB, "
                f"{len(result.questions)} questions answered",
            )
        )
    return targets


def _memory_bytes() -> int:
    value = _proc_field(Path("/proc/meminfo"), "MemTotal")
    return int(value) * 1024 if value else 0


def render_table(runs: Sequence[SizeRun], targets: Sequence[Target]) -> str:
    """A plain-text table: one block per size, one column per engine."""
    lines: list[str] = []
    for run in runs:
        speedups = ratios(run)
        triples = max((r.triples for r in run.engines.values()), default=0)
        lines.append(
            f"== {run.name}: {run.generated.get('triples', 0):,} generated triples, "
            f"{triples:,} in the store with the vocabulary and folded labels =="
        )
        header = ["", *run.engines]
        rows: list[list[str]] = [header]
        rows.append(
            [
                "load (s)",
                *(
                    _cell(r.load_s, speedups.get(n, {}).get("load_speedup"), "{:.2f}")
                    for n, r in run.engines.items()
                ),
            ]
        )
        rows.append(
            ["peak RSS (MiB)", *(f"{r.peak_rss / 2**20:,.0f}" for r in run.engines.values())]
        )
        rows.append(["bytes/triple resident", *(_bytes(r) for r in run.engines.values())])
        rows.append(
            [
                "bytes/triple at peak",
                *(
                    f"{r.peak_bytes_per_triple:.0f}" if r.peak_bytes_per_triple else "-"
                    for r in run.engines.values()
                ),
            ]
        )
        for kind, attribute in (("q", "questions"), ("graph", "graph")):
            keys: list[str] = []
            for result in run.engines.values():
                keys += [k for k in getattr(result, attribute) if k not in keys]
            for key in keys:
                cells = []
                for name, result in run.engines.items():
                    timing = getattr(result, attribute).get(key)
                    if timing is None:
                        cells.append("-")
                    elif timing.error:
                        cells.append("error")
                    else:
                        speedup = speedups.get(name, {}).get(f"{key}_speedup")
                        cell = _cell(timing.median_ms, speedup, "{:.1f}")
                        first = timing.first_ms or 0.0
                        if first > 1.0 and first > 3 * timing.median_ms:
                            cell = f"[cold {first:.0f}] {cell}"  # a later run hit a cache
                        cells.append(cell)
                rows.append([f"{kind} {key} (ms)", *cells])
        lines += _align(rows)
        for name, result in run.engines.items():
            lines += [f"  note ({name}): {note}" for note in result.notes]
        lines += [f"  note: {note}" for note in run.notes]
        lines.append("")
    if targets:
        lines.append("Targets (issue 7, default engine):")
        for target in targets:
            mark = {True: "met", False: "NOT MET", None: "n/a"}[target.met]
            lines.append(f"  [{mark}] {target.name}: {target.measured}")
    return "\n".join(lines)


def _cell(value: float | None, speedup: float | None, fmt: str) -> str:
    if value is None:
        return "-"
    text = fmt.format(value)
    return f"{text} ({speedup:.1f}x)" if speedup else text


def _bytes(result: EngineResult) -> str:
    value = result.steady_bytes_per_triple
    return f"{value:.0f}" if value is not None else "-"


def _align(rows: list[list[str]]) -> list[str]:
    widths = [max(len(row[i]) for row in rows) for i in range(len(rows[0]))]
    return [
        "  ".join(
            cell.ljust(widths[i]) if i == 0 else cell.rjust(widths[i]) for i, cell in enumerate(row)
        ).rstrip()
        for row in rows
    ]


def to_document(
    runs: Sequence[SizeRun],
    targets: Sequence[Target],
    *,
    command: str,
    extra: Mapping[str, Any] | None = None,
) -> dict[str, Any]:
    """The JSON document of one benchmark run."""
    return {
        "command": command,
        "machine": describe_machine(),
        "sizes": [run.to_dict() for run in runs],
        "targets": [target.to_dict() for target in targets],
        **(extra or {}),
    }
