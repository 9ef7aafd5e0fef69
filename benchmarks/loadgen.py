"""Load generators for the service benchmark: wrk when installed, else a
bounded Python client whose figures are a floor (it competes with the server
for the same 2 cores). Loopback only; every run stops by itself.
"""

from __future__ import annotations

import http.client
import re
import shutil
import subprocess
import tempfile
import threading
import time
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path

CONNECTIONS = 16
ACCEPT_JSON = {"Accept": "application/sparql-results+json"}
WRK_SCRIPT = Path(__file__).resolve().parent / "wrk" / "rotate.lua"


_WRK_UNITS = {"us": 1e-3, "ms": 1.0, "s": 1000.0, "m": 60_000.0}


_WRK_LATENCY = re.compile(r"^\s*(50|75|90|99)%\s+([\d.]+)(us|ms|s|m)\s*$", re.MULTILINE)


_WRK_RATE = re.compile(r"^Requests/sec:\s+([\d.]+)", re.MULTILINE)


_WRK_TOTAL = re.compile(r"^\s*(\d+) requests in", re.MULTILINE)


_WRK_ERRORS = re.compile(r"Non-2xx or 3xx responses:\s+(\d+)")


_WRK_SOCKET = re.compile(r"Socket errors: connect (\d+), read (\d+), write (\d+), timeout (\d+)")


@dataclass
class Load:
    """One load run: who made it, rate, latency percentiles (ms), failures."""

    tool: str
    paths: int
    connections: int
    duration_s: float
    requests: int = 0
    rate: float = 0.0
    p50_ms: float | None = None
    p90_ms: float | None = None
    p99_ms: float | None = None
    failures: int = 0
    note: str = ""


def run_load(base: str, paths: Sequence[str], duration_s: float) -> Load:
    """16 connections on ``paths`` for ``duration_s``: wrk when present, else Python."""
    if shutil.which("wrk"):
        return run_wrk(base, paths, duration_s)
    return run_python_load(base, paths, duration_s)


def run_wrk(base: str, paths: Sequence[str], duration_s: float) -> Load:
    """wrk with one thread (the server needs the other core) and 16 connections."""
    with tempfile.NamedTemporaryFile("w", suffix=".txt", encoding="utf-8") as listing:
        listing.write("\n".join(paths) + "\n")
        listing.flush()
        command = [
            "wrk", "-t1", f"-c{CONNECTIONS}", f"-d{duration_s:.0f}s", "--latency",
            "-s", str(WRK_SCRIPT), base, "--", listing.name,
        ]  # fmt: skip
        done = subprocess.run(command, capture_output=True, text=True, check=False)
    return parse_wrk(done.stdout, len(paths), duration_s)


def parse_wrk(output: str, paths: int, duration_s: float) -> Load:
    """The figures of a ``wrk --latency`` report."""
    load = Load("wrk", paths, CONNECTIONS, duration_s)
    percentiles = {
        int(p): float(value) * _WRK_UNITS[unit] for p, value, unit in _WRK_LATENCY.findall(output)
    }
    load.p50_ms, load.p90_ms, load.p99_ms = (percentiles.get(p) for p in (50, 90, 99))
    if rate := _WRK_RATE.search(output):
        load.rate = float(rate.group(1))
    if total := _WRK_TOTAL.search(output):
        load.requests = int(total.group(1))
    if errors := _WRK_ERRORS.search(output):
        load.failures += int(errors.group(1))
    if sockets := _WRK_SOCKET.search(output):
        load.failures += sum(int(n) for n in sockets.groups())
    if not percentiles:
        load.note = "wrk printed no latency figures: " + output[-300:]
    return load


def run_python_load(base: str, paths: Sequence[str], duration_s: float) -> Load:
    """A bounded Python client: 16 threads, keep-alive, for ``duration_s``.

    On 2 cores it competes with the server for the CPU, so the rate is a floor.
    """
    host, port = base.removeprefix("http://").rsplit(":", 1)
    latencies: list[float] = []
    failures = [0]
    lock = threading.Lock()
    stop = time.monotonic() + duration_s

    def worker(offset: int) -> None:
        connection = http.client.HTTPConnection(host, int(port), timeout=30)
        mine: list[float] = []
        failed = 0
        index = offset
        while time.monotonic() < stop:
            path = paths[index % len(paths)]
            index += 1
            start = time.perf_counter()
            try:
                connection.request("GET", path, headers=ACCEPT_JSON)
                response = connection.getresponse()
                response.read()
                ok = response.status == 200
            except (OSError, http.client.HTTPException):
                connection.close()
                connection = http.client.HTTPConnection(host, int(port), timeout=30)
                ok = False
            mine.append(time.perf_counter() - start)
            failed += not ok
        connection.close()
        with lock:
            latencies.extend(mine)
            failures[0] += failed

    threads = [threading.Thread(target=worker, args=(i,)) for i in range(CONNECTIONS)]
    started = time.perf_counter()
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    elapsed = time.perf_counter() - started
    load = Load("python", len(paths), CONNECTIONS, duration_s, note="Python client: a floor")
    load.requests, load.failures = len(latencies), failures[0]
    load.rate = len(latencies) / elapsed if elapsed else 0.0
    if latencies:
        load.p50_ms, load.p90_ms, load.p99_ms = (
            percentile(latencies, q) * 1000 for q in (50, 90, 99)
        )
    return load


def percentile(values: Sequence[float], q: float) -> float:
    """The ``q``-th percentile (nearest rank) of ``values``."""
    ordered = sorted(values)
    rank = max(0, min(len(ordered) - 1, round(q / 100 * len(ordered) + 0.5) - 1))
    return ordered[rank]
