"""The HTTP service under load, on loopback: throughput, tail latency, /health.

Three measurements, each against a real ``orgkg serve`` started here on a
free 127.0.0.1 port and stopped afterwards:

1. the bundled regulation, catalogue answers at 16 connections (parameter-free
   answers may be cached per version of the data, as the issue allows), then
   the same with the parametrised questions mixed in (they reach the workers);
2. a large generated file: the first (so uncached) answer of every
   parameter-free question, in each language and format;
3. the same large file: a burst of slow, uncached requests while /health is
   probed; /health must keep answering at once.

Load comes from ``wrk`` when it is installed (``apt-get install wrk``): a
Python client tops out near the server's own speed on 2 cores, so its figures
are a floor, and are labelled as such.
"""

from __future__ import annotations

import http.client
import json
import os
import shutil
import socket
import statistics
import subprocess
import sys
import tempfile
import threading
import time
from collections.abc import Iterator, Mapping, Sequence
from contextlib import contextmanager
from dataclasses import asdict, dataclass, field
from pathlib import Path
from typing import Any
from urllib.parse import quote, urlencode

from benchmarks.loadgen import ACCEPT_JSON, CONNECTIONS, percentile, run_load

_STARTUP_S = 300.0
_FORMATS = ({"Accept": "application/sparql-results+json"}, {"Accept": "text/csv"})


@dataclass
class Probe:
    """Latencies (ms) of a series of requests, with how many failed."""

    count: int = 0
    p50_ms: float | None = None
    p99_ms: float | None = None
    max_ms: float | None = None
    failures: int = 0
    samples: dict[str, float] = field(default_factory=dict)


# -- the server -------------------------------------------------------------------


def free_port() -> int:
    """A port nothing listens on now (127.0.0.1)."""
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return int(probe.getsockname()[1])


@contextmanager
def running_service(
    data: Sequence[Path] = (),
    *,
    environment: Mapping[str, str] | None = None,
    startup_s: float = _STARTUP_S,
    options: Sequence[str] = (),
    warm: bool = True,
) -> Iterator[str]:
    """Start ``orgkg serve`` on a free loopback port; yield its base URL; stop it.

    ``environment`` adds ``ORGKG_*`` settings to the server's environment;
    ``startup_s`` is how long loading and the warm-up may take; ``options``
    are orgkg's global options (``--store oxigraph:DIR``). Without ``warm``,
    the URL comes as soon as ``/health`` answers, the warm-up still going on.
    """
    port = free_port()
    command = [str(Path(sys.executable).with_name("orgkg"))]
    if not Path(command[0]).exists():
        command = [sys.executable, "-c", "from api.cli import main; main()"]
    for path in data:
        command += ["--data", str(path)]
    command += [*options, "serve", "--host", "127.0.0.1", "--port", str(port)]
    with tempfile.TemporaryFile() as log:
        process = subprocess.Popen(
            command,
            stdout=log,
            stderr=subprocess.STDOUT,
            env={**os.environ, **(environment or {})},
        )
        base = f"http://127.0.0.1:{port}"
        try:
            _wait_healthy(base, process, log, startup_s, warm=warm)
            yield base
        finally:
            process.terminate()  # our own child, by handle
            try:
                process.wait(timeout=20)
            except subprocess.TimeoutExpired:
                process.kill()
                process.wait(timeout=10)


def _wait_healthy(
    base: str, process: subprocess.Popen[bytes], log: Any, startup_s: float, *, warm: bool
) -> None:
    deadline = time.monotonic() + startup_s
    while time.monotonic() < deadline:
        if process.poll() is not None:
            log.seek(0)
            tail = log.read()[-2000:].decode("utf-8", "replace")
            raise RuntimeError(f"orgkg serve exited ({process.returncode}):\n{tail}")
        try:
            status, _, body = fetch(base, "/health", timeout=2.0)
        except OSError:
            status, body = 0, b"{}"
        # Measured warm, as before the service took traffic early: the
        # warm-up may go on after the server answers (ORGKG_WARM_UP_WAIT).
        warming = (json.loads(body).get("warm_up") or {}).get("state") == "running"
        if status == 200 and not (warm and warming):
            return
        time.sleep(0.05)
    raise RuntimeError(f"orgkg serve was not up and warm within {startup_s:.0f} s")


def fetch(
    base: str, path: str, headers: Mapping[str, str] | None = None, *, timeout: float = 60.0
) -> tuple[int, float, bytes]:
    """One GET on a new connection: status, seconds, body."""
    host, port = base.removeprefix("http://").rsplit(":", 1)
    connection = http.client.HTTPConnection(host, int(port), timeout=timeout)
    try:
        start = time.perf_counter()
        connection.request("GET", path, headers=dict(headers or {}))
        response = connection.getresponse()
        body = response.read()
        return response.status, time.perf_counter() - start, body
    finally:
        connection.close()


# -- what to ask ------------------------------------------------------------------


def catalogue_paths(base: str, samples: Mapping[str, str]) -> tuple[list[str], list[str]]:
    """Paths of parameter-free answers, and of answers with their required parameters."""
    _, _, body = fetch(base, "/queries")
    free: list[str] = []
    with_params: list[str] = []
    for question in json.loads(body):
        required = [p for p in question["parameters"] if p.get("required")]
        path = f"/queries/{quote(question['id'])}"
        if not required:
            free += [path, f"{path}?lang=en"]
            continue
        params = {p["name"]: sample_value(p, samples) for p in required}
        with_params.append(f"{path}?{urlencode(params)}")
    return free, with_params


def sample_value(parameter: Mapping[str, Any], samples: Mapping[str, str]) -> str:
    """A value for one parameter: a sample of that name, else one by kind."""
    name, kind = parameter["name"], parameter.get("kind")
    if name in samples:
        return samples[name]
    if kind == "iri":
        return samples.get("deep_post", samples.get("post", ""))
    if kind == "text":
        return samples.get("text", "kế hoạch")
    return {"date": "2018-10-18", "integer": "5"}.get(str(kind), "")


def bundled_samples(base: str) -> dict[str, str]:
    """Parameter values from the served data itself: the first post it lists."""
    status, _, body = fetch(base, "/queries/posts", ACCEPT_JSON)
    if status != 200:
        return {}
    bindings = json.loads(body)["results"]["bindings"]
    first = bindings[0] if bindings else {}
    post = first.get("post", {}).get("value")
    return {"deep_post": post, "text": "tổ công tác"} if post else {"text": "tổ công tác"}


# -- load -------------------------------------------------------------------------


# -- first answers and bursts -----------------------------------------------------------


def first_answers(base: str, paths: Sequence[str]) -> Probe:
    """The first request of every parameter-free answer, in each format: all uncached."""
    probe = Probe()
    times: list[float] = []
    for path in paths:
        for headers in _FORMATS:
            status, seconds, _ = fetch(base, path, headers, timeout=600)
            key = f"{path} [{headers['Accept']}]"
            probe.samples[key] = seconds * 1000
            times.append(seconds)
            probe.failures += status != 200
    return _summarise(probe, times)


def health_under_burst(base: str, slow_paths: Sequence[str], burst: int) -> tuple[Probe, Probe]:
    """Fire ``burst`` slow requests at once and probe /health until they are done."""
    slow = Probe()
    slow_times: list[float] = []
    failures = [0]
    lock = threading.Lock()

    def fire(path: str) -> None:
        try:
            status, seconds, _ = fetch(base, path, ACCEPT_JSON, timeout=600)
        except (OSError, http.client.HTTPException):
            status, seconds = 0, 0.0
        with lock:
            slow_times.append(seconds)
            failures[0] += status != 200

    threads = [
        threading.Thread(target=fire, args=(slow_paths[i % len(slow_paths)],)) for i in range(burst)
    ]
    for thread in threads:
        thread.start()
    health = Probe()
    health_times: list[float] = []
    while any(thread.is_alive() for thread in threads):
        try:
            status, seconds, _ = fetch(base, "/health", timeout=30)
        except (OSError, http.client.HTTPException):
            status, seconds = 0, 30.0
        health_times.append(seconds)
        health.failures += status != 200
        time.sleep(0.02)
    for thread in threads:
        thread.join()
    slow.failures = failures[0]
    return _summarise(health, health_times), _summarise(slow, slow_times)


def _summarise(probe: Probe, times: Sequence[float]) -> Probe:
    probe.count = len(times)
    if times:
        probe.p50_ms = statistics.median(times) * 1000
        probe.p99_ms = percentile(times, 99) * 1000
        probe.max_ms = max(times) * 1000
    return probe


def slow_requests(base: str, with_params: Sequence[str], count: int) -> list[str]:
    """Distinct parametrised requests (each misses the cache and reaches a worker)."""
    searches = [f"/search?{urlencode({'q': word})}" for word in _SEARCH_WORDS]
    paths = [f"{path}&lang=en" for path in with_params] + list(with_params) + searches
    return (paths * (count // max(1, len(paths)) + 1))[:count]


_SEARCH_WORDS = ("kế hoạch", "tài chính", "thanh tra", "nhom", "phong", "truong", "vu", "ban")


# -- the whole benchmark ----------------------------------------------------------------


def benchmark_service(
    *, big_data: Path | None, samples: Mapping[str, str], duration_s: float = 10.0
) -> dict[str, Any]:
    """Every HTTP measurement; the large-data ones only when ``big_data`` is given."""
    result: dict[str, Any] = {"tool": "wrk" if shutil.which("wrk") else "python"}
    with running_service() as base:
        free, with_params = catalogue_paths(base, bundled_samples(base))
        for path in free:  # warm the cache: the target is about cached answers
            fetch(base, path, ACCEPT_JSON)
        result["bundled_cached"] = asdict(run_load(base, free, duration_s))
        mixed = free + with_params
        result["bundled_all"] = asdict(run_load(base, mixed, duration_s))
    if big_data is not None:
        with running_service([big_data]) as base:
            free, with_params = catalogue_paths(base, samples)
            result["big_data"] = str(big_data)
            result["big_first_answers"] = asdict(first_answers(base, free))
            health, slow = health_under_burst(base, slow_requests(base, with_params, 32), 32)
            result["big_health_under_burst"] = asdict(health)
            result["big_burst"] = asdict(slow)
    return result


def render_service(document: Mapping[str, Any]) -> str:
    """The HTTP figures as text, with the issue's targets."""
    lines = [f"HTTP service on loopback ({document.get('tool')}, {CONNECTIONS} connections):"]
    for key, title in (
        ("bundled_cached", "bundled, parameter-free answers (cached)"),
        ("bundled_all", "bundled, every question (parametrised ones uncached)"),
    ):
        load = document.get(key)
        if load:
            lines.append(
                f"  {title}: {load['rate']:,.0f} req/s, p50 {_ms(load['p50_ms'])}, "
                f"p99 {_ms(load['p99_ms'])}, {load['failures']} failed"
                + (f" ({load['note']})" if load.get("note") else "")
            )
    cached = document.get("bundled_cached")
    if cached:
        met = cached["rate"] >= 3000 and (cached["p99_ms"] or 1e9) <= 10 and not cached["failures"]
        lines.append(f"  [{'met' if met else 'NOT MET'}] >= 3,000 req/s with p99 <= 10 ms")
    first = document.get("big_first_answers")
    if first:
        slowest = max(first["samples"].items(), key=lambda item: item[1], default=("-", 0.0))
        lines.append(
            f"  {document.get('big_data')}: first (uncached) answers, {first['count']} requests: "
            f"p50 {_ms(first['p50_ms'])}, p99 {_ms(first['p99_ms'])}, slowest {slowest[0]} "
            f"{slowest[1]:.0f} ms, {first['failures']} failed"
        )
        met = (first["p99_ms"] or 1e9) <= 400 and not first["failures"]
        lines.append(
            f"  [{'met' if met else 'NOT MET'}] uncached whole-graph answers p99 <= 400 ms"
        )
    health = document.get("big_health_under_burst")
    if health:
        burst = document.get("big_burst", {})
        lines.append(
            f"  /health during a burst of {burst.get('count', 0)} slow requests: "
            f"{health['count']} probes, p50 {_ms(health['p50_ms'])}, p99 {_ms(health['p99_ms'])}, "
            f"max {_ms(health['max_ms'])}, {health['failures']} failed; the burst: p50 "
            f"{_ms(burst.get('p50_ms'))}, max {_ms(burst.get('max_ms'))}, "
            f"{burst.get('failures', 0)} failed"
        )
        met = (health["max_ms"] or 1e9) <= 100 and not health["failures"]
        lines.append(f"  [{'met' if met else 'NOT MET'}] /health not stalled (max <= 100 ms)")
    return "\n".join(lines)


def _ms(value: float | None) -> str:
    return "-" if value is None else f"{value:.1f} ms"
